"""``new-project --from FILE.sqlite``: a local project copied into an empty shared store, in one
transaction (units, adjacency with shared lengths, geometries as WKB, the dataset's meta, the
scenarios at their versions, and the file's change log), so the team starts where the planner was."""
from __future__ import annotations

from pathlib import Path

from core.common.messages import Message
from core.storage.changelog import summary_json
from core.storage.pg.project import PgProject
from core.storage.store import Project, ProjectError

SKIPPED_META = {"app", "schema_version", "created"}


def copy_project(source: Path | str, url: str, author: str | None = None) -> tuple[PgProject, dict]:
    """Copy the project file ``source`` into the store at ``url``, which must hold none yet.
    Returns the open store and what was copied (counts)."""
    from core.storage import history
    src = Project(Path(source))
    try:
        # Later states and figure sets are not kept by the shared store yet: refuse rather than drop them.
        later = [s.name for s in history.states(src)[1:]] + [f.name for f in history.figure_sets(src)[1:]]
        if later:
            raise ProjectError("project.pg_copy_states", file=Path(source).name, names=later)
        dataset = src.base_dataset()
        wkb = {code: bytes(w) for code, w in src.db.execute("select code, wkb from geometries")}
        areas = src.computed_areas()
        shared = src.shared_lengths()
        meta = {k: v for k, v in src.db.execute("select key, value from meta") if k not in SKIPPED_META}
        scenarios = src.scenarios()
        changes = src.history()
    finally:
        src.close()

    def fill(target: PgProject) -> None:
        if author:
            target.author = author
        target.write_dataset(dataset, meta.get("adjacency_source", "data"), shared)
        target.set_meta(meta)
        with target.conn.cursor() as cur:
            cur.executemany("insert into geometries (code, wkb, area_km2) values (%s, %s, %s)",
                            [(c, w, areas.get(c)) for c, w in wkb.items()])
            cur.executemany("insert into changes (scenario_id, scenario_name, action, version, author, at, summary) "
                            "values (%s, %s, %s, %s, %s, %s, %s::jsonb)",
                            [(c.scenario_id, c.scenario_name, c.action, c.version, c.author, c.at,
                              summary_json(c.summary)) for c in changes])
        for s in scenarios:
            target.insert_scenario(s, action="copy", keep_version=True,
                                   summary=[Message("change.copied_from", file=Path(source).name)])

    target = PgProject(url, fill=fill)
    if author:
        target.author = author
    return target, {"units": len(dataset.units), "adjacency": len(dataset.adjacency), "geometries": len(wkb),
                    "scenarios": len(scenarios), "changes": len(changes)}
