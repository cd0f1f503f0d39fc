"""The writing operations of today's tool, registered for the fault harness.

first start, ``new-project``, ``import-boundaries``, ``resolve-match``, ``import-scenario``,
the schema migration, and the GUI's scenario save, delete and rename (core calls: the
CLI has no command for them). See ``tools/faults/registry.py`` for how to add one.
"""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

from tools.faults.registry import ROOT, Case, Operation, cli, core_call, register

SHARED_DATA = ROOT.parent / "shared" / "data"
CHAU_THANH_LAYER = SHARED_DATA / "chau_thanh_communes_2019.geojson"
SYNTHETIC_UNITS = 300                 # several sqlite-utils chunks per table, a few seconds per import
UNMATCHED_CODE, UNMATCHED_ROW = "9000005", "X1"


class Resources:
    """Common set-ups, each built once per harness run under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._cache: dict = {}

    def chau_thanh(self, db: Path) -> None:
        """The project a first start makes from data/: Châu Thành 2019 and the 2019 plan."""
        if "ct" not in self._cache:
            from core.storage.store import Project
            path = self.root / "chau_thanh" / "du-an.sqlite"
            path.parent.mkdir(parents=True, exist_ok=True)
            Project(path).close()
            self._cache["ct"] = path
        db.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._cache["ct"], db)

    def synthetic(self, n: int = SYNTHETIC_UNITS, seed: int = 1) -> tuple[Path, Path]:
        """A synthetic boundary layer (GeoJSON) and its census-style table (CSV)."""
        key = ("syn", n, seed)
        if key not in self._cache:
            from core.imports.synthetic import write_synthetic_files
            self._cache[key] = write_synthetic_files(n, self.root / f"synthetic-{n}-{seed}", seed=seed)
        return self._cache[key]

    def national_project(self, db: Path, stats: Path | None = None) -> None:
        """A project made by ``new-project`` from the synthetic files (or another table)."""
        from core.imports.national import import_national
        geo, table = self.synthetic()
        project, _ = import_national(db, geo, stats or table)
        project.close()


def _inputs(case: Case, name: str) -> Path:
    case.inputs.mkdir(parents=True, exist_ok=True)
    return case.inputs / name


def shared_chau_thanh() -> bool:
    return CHAU_THANH_LAYER.exists()


# ----- set-ups ----------------------------------------------------------------------------

def setup_new_project(case: Case, res: Resources) -> None:
    geo, table = res.synthetic()
    shutil.copyfile(geo, _inputs(case, "layer.geojson"))
    shutil.copyfile(table, _inputs(case, "stats.csv"))


def setup_import_boundaries(case: Case, res: Resources) -> None:
    if shared_chau_thanh():
        res.chau_thanh(case.db)
        shutil.copyfile(CHAU_THANH_LAYER, _inputs(case, "layer.geojson"))
    else:                       # the same codes, other polygons: other adjacency and areas
        res.national_project(case.db)
        shutil.copyfile(res.synthetic(seed=2)[0], _inputs(case, "layer.geojson"))


def argv_import_boundaries(case: Case) -> list[str]:
    layer = str(case.inputs / "layer.geojson")
    if shared_chau_thanh():
        return cli(case, "import-boundaries", layer)
    return cli(case, "import-boundaries", layer, "--code-field", "commune_id")


def setup_resolve_match(case: Case, res: Resources) -> None:
    """A national project where one polygon and one row are left for pairing by hand."""
    _, table = res.synthetic()
    rows = list(csv.reader(open(table, encoding="utf-8")))
    index = int(UNMATCHED_CODE) - 9000000 + 1
    moved = rows.pop(index)
    moved[0], moved[1], moved[3] = UNMATCHED_ROW, "KhôngCóTỉnhNày", "TênKhác"
    rows.append(moved)
    stats = _inputs(case, "stats-one-unmatched.csv")
    with open(stats, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    case.project_dir.mkdir(parents=True, exist_ok=True)
    res.national_project(case.db, stats)


def setup_import_scenario(case: Case, res: Resources) -> None:
    res.chau_thanh(case.db)
    data = json.loads((ROOT / "data" / "chau_thanh_2019" / "scenario_2019.json").read_text(encoding="utf-8"))
    data["name"] = "Phương án nhập từ tệp"
    data["description"] = "Nhận từ Phòng Nội vụ huyện. " * 50
    data["groups"].append({"name": "Thành Triệu", "members": ["28834", "28837"], "seat": "28834", "kind": "xa"})
    _inputs(case, "scenario.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def setup_migration(case: Case, res: Resources) -> None:
    """A project written by the previous version (schema 1): see MIGRATIONS in core/storage/store.py."""
    res.chau_thanh(case.db)
    conn = sqlite3.connect(case.db)
    conn.execute("alter table units drop column classification_defaulted")
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()


def setup_two_scenarios(case: Case, res: Resources) -> None:
    from core.domain.scenario import new_id
    from core.storage.store import Project
    res.chau_thanh(case.db)
    project = Project(case.db)
    second = project.get_scenario("Phương án 2019")
    second.id, second.name = new_id(), "Phương án B"
    project.add_scenario(second)
    project.close()


def setup_chau_thanh(case: Case, res: Resources) -> None:
    res.chau_thanh(case.db)


register(Operation("first-start", "a project file created from data/ on the first run",
                   setup=lambda case, res: case.project_dir.mkdir(parents=True, exist_ok=True),
                   argv=lambda case: cli(case, "scenarios"), creates=True,
                   kinds=("kill", "full", "readonly")))
register(Operation("new-project", f"a project from {SYNTHETIC_UNITS} synthetic polygons and a census-style table",
                   setup=setup_new_project, creates=True, kinds=("kill", "full", "readonly"),
                   argv=lambda case: cli(case, "new-project", "--boundaries", str(case.inputs / "layer.geojson"),
                                         "--stats", str(case.inputs / "stats.csv"))))
register(Operation("import-boundaries", "Châu Thành's boundary layer (../shared/data) or a synthetic one",
                   setup=setup_import_boundaries, argv=argv_import_boundaries))
register(Operation("resolve-match", "pairing the unmatched polygon with the unmatched row by hand",
                   setup=setup_resolve_match,
                   argv=lambda case: cli(case, "resolve-match", UNMATCHED_CODE, UNMATCHED_ROW)))
register(Operation("import-scenario", "a scenario file added to the Châu Thành project",
                   setup=setup_import_scenario,
                   argv=lambda case: cli(case, "import-scenario", str(case.inputs / "scenario.json"))))
register(Operation("migration", "a schema-1 project upgraded on opening (backup copy first)",
                   setup=setup_migration, argv=lambda case: cli(case, "scenarios")))
register(Operation("save", "the GUI's save of an edited 2019 plan (Project.save_scenario)",
                   setup=setup_chau_thanh, argv=lambda case: core_call(case, "save")))
register(Operation("delete", "the GUI's delete of a second scenario (Project.delete_scenario)",
                   setup=setup_two_scenarios, argv=lambda case: core_call(case, "delete")))
register(Operation("rename", "the GUI's rename of the 2019 plan (a save of the stored scenario)",
                   setup=setup_chau_thanh, argv=lambda case: core_call(case, "rename")))
