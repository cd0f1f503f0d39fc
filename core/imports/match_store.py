"""What an import could not pair, kept in the project so the planner can pair it by hand.

Tables (beside the project's own): ``import_matches`` (every polygon ↔ row pair
and how it was made: name stage, ``code`` or ``by_hand``), ``import_unmatched_features``
(polygons without a row: name, place, WKB, area, neighbours with shared length) and
``import_unmatched_rows`` (table rows without a polygon). ``resolve_match`` turns one
polygon and one row into a unit with its boundary and adjacency, in one transaction
(``BEGIN IMMEDIATE`` … ``COMMIT``: a fault leaves the polygon unpaired, never half
paired), and records the choice.
"""
from __future__ import annotations

import json
from dataclasses import asdict

import shapely

from core.domain.datasets import unit_to_row
from core.domain.model import DataError, Unit
from core.domain.scenario import now_iso
from core.imports.name_match import BY_HAND, Place, suggestions
from core.imports.stats_table import StatsRow, StatsTable
from core.imports.table_units import unit_from_match
from core.storage.transaction import immediate


class MatchError(DataError):
    """A by-hand pairing cannot be made; nothing was changed."""


SCHEMA = (
    "create table if not exists import_matches (code text primary key, row_id text, line integer, "
    "stage text, decided text)",
    "create table if not exists import_unmatched_features (code text primary key, name text, province text, "
    "district text, kind text, wkb blob, area_km2 float, neighbours text)",
    "create table if not exists import_unmatched_rows (row_id text primary key, line integer, body text)",
)


def save_import(project, table: StatsTable, report, matched: dict[str, tuple[int, str]],
                pending: list[tuple[str, Place, bytes, float, dict[str, float]]],
                unmatched_rows: list[int]) -> None:
    """Keep how every unit was paired, and what was not, in one transaction."""
    summary = report.as_dict()
    summary.pop("unmatched_features", None)
    summary.pop("unmatched_rows", None)
    with immediate(project.db.conn) as conn:
        for statement in SCHEMA:
            conn.execute(statement)
        conn.executemany("insert into import_matches values (?, ?, ?, ?, '')",
                         ((code, table.rows[j].row_id, table.rows[j].line, stage)
                          for code, (j, stage) in matched.items()))
        conn.executemany("insert into import_unmatched_features values (?, ?, ?, ?, ?, ?, ?, ?)",
                         ((code, p.name, p.province, p.district, p.kind or "", wkb, area,
                           json.dumps(nb, ensure_ascii=False)) for code, p, wkb, area, nb in pending))
        conn.executemany("insert into import_unmatched_rows values (?, ?, ?)",
                         ((table.rows[j].row_id, table.rows[j].line,
                           json.dumps(asdict(table.rows[j]), ensure_ascii=False)) for j in unmatched_rows))
        conn.executemany("insert or replace into meta (key, value) values (?, ?)", [
            ("import_stats", json.dumps({"path": table.path, "has_classification": table.has_classification})),
            ("import_report", json.dumps(summary, ensure_ascii=False)),
        ])


def _rows(project) -> dict[str, StatsRow]:
    if "import_unmatched_rows" not in project.db.table_names():
        return {}
    return {r[0]: StatsRow(**json.loads(r[1]))
            for r in project.db.execute("select row_id, body from import_unmatched_rows order by line")}


def unmatched_rows(project) -> list[dict]:
    return [{"row_id": r.row_id, "line": r.line, "province": r.province, "district": r.district,
             "name": r.name, "kind": r.kind or r.kind_word, "population": r.population}
            for r in _rows(project).values()]


def unmatched_features(project, with_suggestions: bool = True) -> list[dict]:
    """Polygons without a row, each with the closest unmatched rows of its province."""
    if "import_unmatched_features" not in project.db.table_names():
        return []
    rows = list(_rows(project).values())
    places = [Place(i, r.province, r.district, r.name, r.kind) for i, r in enumerate(rows)]
    out = []
    for code, name, province, district, area in project.db.execute(
            "select code, name, province, district, area_km2 from import_unmatched_features order by code"):
        item = {"code": code, "name": name, "province": province, "district": district,
                "area_km2": round(area, 3)}
        if with_suggestions:
            item["suggestions"] = [
                {"row_id": rows[p.ref].row_id, "name": p.name, "district": p.district,
                 "population": rows[p.ref].population, "score": round(score, 2)}
                for score, p in suggestions(Place(0, province, district, name), places, limit=3)]
        out.append(item)
    return out


def resolve_match(project, feature_code: str, row_ref: str) -> Unit:
    """Pair an unmatched polygon with an unmatched row by hand; the choice is saved."""
    db = project.db
    feat = db.execute("select name, province, district, kind, wkb, area_km2, neighbours "
                      "from import_unmatched_features where code = ?", [feature_code]).fetchone() \
        if "import_unmatched_features" in db.table_names() else None
    if feat is None:
        raise MatchError("match.no_polygon", code=feature_code)
    rows = _rows(project)
    row = rows.get(row_ref) or next((r for r in rows.values() if str(r.line) == row_ref.removeprefix("line ")), None)
    if row is None:
        raise MatchError("match.no_row", ref=row_ref)
    name, province, district, kind, wkb, area, neighbours = feat
    stats = json.loads(project.meta("import_stats", "{}"))
    table = StatsTable(stats.get("path", ""), [], {}, bool(stats.get("has_classification")))
    geom = shapely.from_wkb(wkb)
    point = shapely.point_on_surface(geom)
    report = json.loads(project.meta("import_report", "{}"))
    # The layer's province name is stored without its title; the unit gets the title from the row.
    place = Place(0, province, district, name, kind or None)
    unit = unit_from_match(feature_code, place, row, table, area, (point.x, point.y),
                           report.get("boundaries", ""))
    units = {r[0] for r in db.execute("select code from units")}
    pairs = [(min(feature_code, other), max(feature_code, other), length)
             for other, length in json.loads(neighbours).items() if other in units]
    row_values = unit_to_row(unit)
    with immediate(db.conn) as conn:
        conn.execute(f"insert into units ({', '.join(row_values)}) values ({', '.join('?' * len(row_values))})",
                     list(row_values.values()))
        conn.execute("insert into geometries (code, wkb, area_km2) values (?, ?, ?)", [feature_code, wkb, area])
        conn.executemany("insert or replace into adjacency (code_a, code_b, shared_m) values (?, ?, ?)", pairs)
        conn.execute("insert or replace into import_matches (code, row_id, line, stage, decided) "
                     "values (?, ?, ?, ?, ?)", [feature_code, row.row_id, row.line, BY_HAND, now_iso()])
        conn.execute("delete from import_unmatched_features where code = ?", [feature_code])
        conn.execute("delete from import_unmatched_rows where row_id = ?", [row.row_id])
    project._dataset = project._base = None
    project._geometries = None
    return unit


def match_log(project) -> list[dict]:
    if "import_matches" not in project.db.table_names():
        return []
    return [dict(zip(("code", "row_id", "line", "stage", "decided"), r))
            for r in project.db.execute("select code, row_id, line, stage, decided from import_matches")]
