"""What an import could not pair, kept in the project so the planner can pair it by hand.

Tables (beside the project's own): ``import_matches`` (every polygon ↔ row pair
and how it was made: name stage, ``code`` or ``by_hand``), ``import_unmatched_features``
(polygons without a row: name, place, WKB, area, neighbours with shared length) and
``import_unmatched_rows`` (table rows without a polygon). ``resolve_match`` turns one
polygon and one row into a unit with its boundary and adjacency, in one transaction,
and records the choice.
"""
from __future__ import annotations

import json
from dataclasses import asdict

import shapely

from core.common.errors import LegacyWhere
from core.domain.datasets import unit_to_row
from core.domain.model import DataError, Unit
from core.domain.scenario import now_iso
from core.imports.name_match import BY_HAND, Place, suggestions
from core.imports.stats_table import StatsRow, StatsTable
from core.imports.table_units import unit_from_match


class MatchError(LegacyWhere, DataError):
    """A by-hand pairing cannot be made; nothing was changed."""


def save_import(project, table: StatsTable, report, matched: dict[str, tuple[int, str]],
                pending: list[tuple[str, Place, bytes, float, dict[str, float]]],
                unmatched_rows: list[int]) -> None:
    db = project.db
    with db.conn:
        db["import_matches"].insert_all(
            ({"code": code, "row_id": table.rows[j].row_id, "line": table.rows[j].line, "stage": stage,
              "decided": ""} for code, (j, stage) in matched.items()), pk="code", batch_size=5000)
        db["import_unmatched_features"].insert_all(
            ({"code": code, "name": p.name, "province": p.province, "district": p.district,
              "kind": p.kind or "", "wkb": wkb, "area_km2": area,
              "neighbours": json.dumps(nb, ensure_ascii=False)}
             for code, p, wkb, area, nb in pending), pk="code")
        db["import_unmatched_features"].create({"code": str, "name": str, "province": str,
                                                "district": str, "kind": str, "wkb": bytes,
                                                "area_km2": float, "neighbours": str},
                                               pk="code", if_not_exists=True)
        db["import_unmatched_rows"].insert_all(
            ({"row_id": table.rows[j].row_id, "line": table.rows[j].line,
              "body": json.dumps(asdict(table.rows[j]), ensure_ascii=False)} for j in unmatched_rows),
            pk="row_id")
        db["import_unmatched_rows"].create({"row_id": str, "line": int, "body": str}, pk="row_id",
                                           if_not_exists=True)
        summary = report.as_dict()
        summary.pop("unmatched_features", None)
        summary.pop("unmatched_rows", None)
        db["meta"].insert_all([
            {"key": "import_stats", "value": json.dumps({"path": table.path,
                                                         "has_classification": table.has_classification})},
            {"key": "import_report", "value": json.dumps(summary, ensure_ascii=False)},
        ], replace=True)


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
        raise MatchError(f"no unmatched polygon with code {feature_code!r} "
                         "(see the list of unmatched polygons)")
    rows = _rows(project)
    row = rows.get(row_ref) or next((r for r in rows.values() if str(r.line) == row_ref.removeprefix("line ")), None)
    if row is None:
        raise MatchError(f"no unmatched statistics row {row_ref!r} (use its id or line number)")
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
    with db.conn:
        db["units"].insert(unit_to_row(unit))
        db["geometries"].insert({"code": feature_code, "wkb": wkb, "area_km2": area})
        db["adjacency"].insert_all(({"code_a": a, "code_b": b, "shared_m": m} for a, b, m in pairs),
                                   replace=True)
        db["import_matches"].insert({"code": feature_code, "row_id": row.row_id, "line": row.line,
                                     "stage": BY_HAND, "decided": now_iso()}, replace=True)
        db.execute("delete from import_unmatched_features where code = ?", [feature_code])
        db.execute("delete from import_unmatched_rows where row_id = ?", [row.row_id])
    project._dataset = None
    project._geometries = None
    return unit


def match_log(project) -> list[dict]:
    if "import_matches" not in project.db.table_names():
        return []
    return [dict(zip(("code", "row_id", "line", "stage", "decided"), r))
            for r in project.db.execute("select code, row_id, line, stage, decided from import_matches")]
