"""Create a project from a boundary layer joined with a statistics table (a province, the country).

Two stages, like every import. ``plan_national`` checks the table, reads the layer
(any CRS, coordinates checked, repaired), joins rows to polygons by code or by
normalised names within province and district (``core.imports.name_match``), projects
to metric, computes areas and adjacency with a snapping tolerance (the national
polygons were simplified one by one, so neighbours overlap or leave gaps), and
returns a ``NationalPlan`` whose report is the preview; nothing is written.
``apply_national`` builds the new project database beside the target and moves it
into place when it is complete, keeping the polygons and rows that did not match so
the planner can pair them by hand later (``core.imports.match_store``).

Unit codes are taken from the layer's code field (the national file has only an
old 7-digit ``commune_id``, not the GSO 5-digit code: the code is kept as text).
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from core.common.errors import CoreError
from core.common.messages import Message
from core.domain.classification import count_defaulted, defaulted_message
from core.domain.model import Dataset, Unit
from core.geo.geometry import adjacency_from_geometries
from core.imports import match_store
from core.imports.layer import Layer, cell_text, outside_vietnam, read_layer, to_wgs84, where_file
from core.imports.name_match import FUZZY, MatchResult, Place, kind_of, match_places
from core.imports.report import NationalReport
from core.imports.shapes import ShapeReport, check_features, feature_where, measure, repair
from core.imports.stats_table import StatsTable, read_stats_table
from core.imports.steps import BoundaryError, Cancelled, Progress, Steps, as_steps, check_tolerance
from core.imports.table_units import CENSUS_DATE, unit_from_match

__all__ = ["DEFAULT_TOLERANCE_M", "Cancelled", "NationalPlan", "NationalReport", "apply_national",
           "import_national", "plan_national"]

DEFAULT_TOLERANCE_M = 60.0     # gaps/overlaps of the national file reach ~160 m; 50–100 m fits
LAYER_FIELDS = {
    "province": ("province_vn", "tinh", "province"),
    "district": ("district_vn", "huyen", "district"),
    "name": ("commune_vn", "ten_xa", "name", "ten", "commune"),
    "code": ("gso_code", "ma_xa", "ma_dvhc", "commune_id", "code"),
}


@dataclass
class NationalPlan:
    """The project an import would create, computed without writing (the preview)."""

    report: NationalReport
    dataset: Dataset
    table: StatsTable
    wkb: dict[str, bytes] = field(default_factory=dict)
    areas: dict[str, float] = field(default_factory=dict)
    adjacency: dict[tuple[str, str], float] = field(default_factory=dict)
    matched_rows: dict[str, tuple[int, str]] = field(default_factory=dict)
    pending: list = field(default_factory=list)       # unmatched polygons, kept for pairing by hand
    unmatched_rows: list[int] = field(default_factory=list)


def _field(layer: Layer, role: str, wanted: str | None) -> str | None:
    lower = {c.lower(): c for c in layer.columns}
    if wanted:
        if wanted.lower() not in lower:
            raise BoundaryError("imports.field.missing", where=where_file(layer.path), field=wanted,
                                role=Message(f"imports.role.{role}"), fields=layer.columns)
        return lower[wanted.lower()]
    return next((lower[c] for c in LAYER_FIELDS[role] if c in lower), None)


def layer_code(value: object) -> str | None:
    """A layer's unit code as text: ``1010101.0`` → ``"1010101"``; None when empty."""
    text = cell_text(value)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text or None


def _codes(layer: Layer, code_field: str) -> list[str]:
    codes = [layer_code(v) for v in layer.values(code_field)]
    seen: dict[str, int] = {}
    for i, c in enumerate(codes):
        if c is None:
            raise BoundaryError("imports.feature.no_code", where=feature_where(i), field=code_field,
                                file=layer.file)
        if c in seen:
            raise BoundaryError("imports.feature.repeats_code", where=feature_where(i, code=c),
                                first=seen[c] + 1, file=layer.file)
        seen[c] = i
    return codes


def _join(codes: list[str], code_field: str, places: list[Place], table: StatsTable,
          report: NationalReport) -> MatchResult:
    rows = [Place(i, r.province, r.district, r.name, r.kind) for i, r in enumerate(table.rows)]
    index = {c: i for i, c in enumerate(codes)}
    if "code" in table.columns and any(r.code in index for r in table.rows if r.code):
        report.join_by = Message("imports.national.join_by_code", field=code_field, column=table.columns["code"])
        by_code = {r.code: j for j, r in enumerate(table.rows) if r.code}
        match = MatchResult(pairs={i: (by_code[c], "code") for i, c in enumerate(codes) if c in by_code})
        used = {j for j, _ in match.pairs.values()}
        match.unmatched_features = [i for i in range(len(codes)) if i not in match.pairs]
        match.unmatched_rows = [j for j in range(len(rows)) if j not in used]
        return match
    report.join_by = Message("imports.national.join_by_names")
    return match_places(places, rows)


@dataclass
class _Features:
    """The polygons of the layer: codes, places, which are usable so far."""

    source: Layer
    code_field: str
    codes: list[str]
    places: list[Place]
    usable: np.ndarray

    def where(self, i: int) -> Message:
        return feature_where(i, code=self.codes[i], name=self.places[i].name)


def _read_features(boundaries: Path, layer: str | None, fields: dict[str, str], report: NationalReport,
                   shapes: ShapeReport) -> _Features:
    """Read: the layer, its fields, codes and places; coordinates checked and brought to WGS84."""
    source = read_layer(boundaries, layer)
    report.layer = source.name if len(source.layers) > 1 else ""
    report.features = len(source.frame)
    f = {role: _field(source, role, fields.get(role)) for role in LAYER_FIELDS}
    if f["code"] is None:
        raise BoundaryError("imports.field.no_code_field", where=where_file(boundaries),
                            names=list(LAYER_FIELDS["code"]), fields=source.columns)
    codes = _codes(source, f["code"])
    col = {role: ([cell_text(v) for v in source.values(f[role])] if f[role] else [""] * len(codes))
           for role in ("province", "district", "name")}
    places = [Place(i, p, d, n, kind_of(n)) for i, (p, d, n) in
              enumerate(zip(col["province"], col["district"], col["name"]))]
    features = _Features(source, f["code"], codes, places, np.ones(len(codes), dtype=bool))
    features.usable = check_features(source.geometries, features.where, shapes)
    to_wgs84(source, np.flatnonzero(~features.usable))
    report.notes.extend(source.notes)
    features.usable = check_features(source.geometries, features.where, shapes, lonlat=True,
                                     usable=features.usable)
    return features


def _shapes(features: _Features, shapes: ShapeReport, report: NationalReport):
    """Repair and measure: the usable geometries, their indices, metric shapes, areas (km²)."""
    geoms = np.asarray(features.source.geometries, dtype=object)
    geoms[~features.usable] = None
    kept = np.flatnonzero(features.usable)
    geoms[kept] = repair(geoms[kept], lambda k: features.where(int(kept[k])), shapes)
    features.usable &= np.array([g is not None for g in geoms], dtype=bool)
    idx = np.flatnonzero(features.usable)
    measured = measure(geoms[idx])
    areas = np.zeros(len(geoms))
    areas[idx] = measured.areas
    _outside(measured.labels, idx, features.where, report)
    return geoms, idx, measured, areas


def plan_national(boundaries: str | Path, stats: str | Path, tolerance_m: float = DEFAULT_TOLERANCE_M,
                  name: str = "", compare_exact: bool = True, fields: dict[str, str] | None = None,
                  layer: str | None = None, progress: Progress | None = None, cancelled=None,
                  steps: Steps | None = None) -> NationalPlan:
    """Check, read, join, repair and measure; returns the plan (nothing is written)."""
    steps = as_steps(progress, cancelled, steps)
    clock = [time.perf_counter()]

    def lap(what: str) -> None:
        now = time.perf_counter()
        report.seconds[what] = round(now - clock[0], 3)
        clock[0] = now

    boundaries, stats = Path(boundaries), Path(stats)
    report = NationalReport(str(boundaries), stats=str(stats), tolerance_m=check_tolerance(tolerance_m))
    shapes = ShapeReport(report.repaired, report.rejected)
    steps(0.0, "table")
    table = read_stats_table(stats)
    report.rows = len(table.rows)
    report.notes.extend(table.notes)
    steps(0.05, "read")
    features = _read_features(boundaries, layer, fields or {}, report, shapes)
    lap("read")

    steps(0.15, "match")
    match = _join(features.codes, features.code_field, features.places, table, report)
    report.matched, report.stages = len(match.pairs), match.stages()
    lap("match")

    steps(0.25, "repair")
    geoms, idx, measured, areas = _shapes(features, shapes, report)
    lap("repair_project_areas")

    idx_codes = [features.codes[i] for i in idx]
    adjacency = adjacency_from_geometries(idx_codes, measured.metric, tolerance_m=report.tolerance_m,
                                          tick=steps.part(0.35, 0.6, "adjacency").ticker())
    report.pairs = len(adjacency)
    lap("adjacency")
    if compare_exact and report.tolerance_m > 0:
        exact = adjacency_from_geometries(idx_codes, measured.metric, tolerance_m=0.0,
                                          tick=steps.part(0.6, 0.75, "adjacency_exact").ticker())
        report.pairs_exact = len(exact)
        report.pairs_added_by_tolerance = len(set(adjacency) - set(exact))
        lap("adjacency_exact")

    steps(0.75, "units")
    plan = _plan(boundaries, stats, name, table, features, match, geoms, idx, measured, areas, adjacency, report)
    lap("units")
    steps(1.0)
    return plan


def _plan(boundaries: Path, stats: Path, name: str, table: StatsTable, features: _Features, match: MatchResult,
          geoms: np.ndarray, idx: np.ndarray, measured, areas: np.ndarray,
          adjacency: dict[tuple[str, str], float], report: NationalReport) -> NationalPlan:
    """The units, their boundaries and adjacency, and what is kept for pairing by hand."""
    codes, places = features.codes, features.places
    label_pt = dict(zip(idx, map(tuple, measured.labels)))
    units, matched_rows, meta = _units(boundaries, stats, table, codes, places, match, features.usable, areas,
                                       label_pt, report, features.code_field)
    unit_adj = {p: m for p, m in adjacency.items() if p[0] in units and p[1] in units}
    dataset = Dataset(name or f"{stats.stem} + {boundaries.stem}", units, set(unit_adj), meta)
    idx_codes = [codes[i] for i in idx]
    wkb = shapely.to_wkb(geoms[idx])
    position = {int(i): k for k, i in enumerate(idx)}
    neighbours: dict[str, dict[str, float]] = {}
    for (a, b), m in adjacency.items():
        neighbours.setdefault(a, {})[b] = m
        neighbours.setdefault(b, {})[a] = m
    unmatched = [i for i in sorted(set(match.unmatched_features)) if features.usable[i]]
    report.unmatched_features = [{"code": codes[i], "name": places[i].name, "province": places[i].province,
                                  "district": places[i].district, "area_km2": round(float(areas[i]), 3)}
                                 for i in unmatched]
    report.unmatched_rows = [{"row_id": table.rows[j].row_id, "line": table.rows[j].line,
                              "province": table.rows[j].province, "district": table.rows[j].district,
                              "name": table.rows[j].name, "kind": table.rows[j].kind or table.rows[j].kind_word,
                              "population": table.rows[j].population}
                             for j in match.unmatched_rows]
    return NationalPlan(
        report, dataset, table,
        wkb={c: w for c, w in zip(idx_codes, wkb) if c in units},
        areas={c: float(areas[i]) for c, i in zip(idx_codes, idx) if c in units},
        adjacency=unit_adj, matched_rows=matched_rows,
        pending=[(codes[i], places[i], wkb[position[i]], float(areas[i]), neighbours.get(codes[i], {}))
                 for i in unmatched],
        unmatched_rows=list(match.unmatched_rows))


def _outside(labels: np.ndarray, idx: np.ndarray, where, report: NationalReport) -> None:
    out = np.flatnonzero(outside_vietnam(labels))
    if len(out):
        report.warnings.append(Message("imports.warning.outside_vietnam", count=len(out),
                                       examples=[where(int(idx[k])) for k in out[:5]]))


def _units(boundaries: Path, stats: Path, table: StatsTable, codes: list[str], places: list[Place],
           match: MatchResult, usable: np.ndarray, areas: np.ndarray, label_pt: dict,
           report: NationalReport, code_field: str) -> tuple[dict[str, Unit], dict[str, tuple[int, str]], dict]:
    """The units the matched pairs make, the row of each, and the dataset's metadata."""
    units: dict[str, Unit] = {}
    matched_rows: dict[str, tuple[int, str]] = {}
    for i, (j, stage) in sorted(match.pairs.items()):
        if not usable[i]:
            match.unmatched_features.append(i)
            continue
        units[codes[i]] = unit_from_match(codes[i], places[i], table.rows[j], table, float(areas[i]),
                                          label_pt.get(i), boundaries.name)
        matched_rows[codes[i]] = (j, stage)
        if stage == FUZZY:
            report.fuzzy.append({"code": codes[i], "layer": places[i].name, "district": places[i].district,
                                 "row": table.rows[j].row_id, "row_name": table.rows[j].name})
    zero = [Message("imports.where.line_name", line=r.line, name=r.name) for r in table.rows if r.population == 0]
    if zero:
        report.warnings.append(Message("imports.warning.zero_population", count=len(zero), file=stats.name,
                                       lines=zero[:20], more=Message("imports.report.more", count=len(zero) - 20)
                                       if len(zero) > 20 else ""))
    report.classification_defaulted = not table.has_classification
    report.defaulted = count_defaulted(units.values())
    if report.classification_defaulted:
        report.warnings.append(Message("imports.warning.no_classification"))
    elif report.defaulted["units"]:
        report.warnings.append(defaulted_message(report.defaulted))
    report.totals = _totals(table, units)
    meta = {"source": "import", "boundaries": boundaries.name, "stats": stats.name,
            "reference_date": CENSUS_DATE, "tolerance_m": report.tolerance_m,
            "join_by": report.join_by.as_json() if report.join_by else "",
            "code_note": Message("imports.national.code_note", field=code_field).as_json()
            if code_field == "commune_id" else "",
            "classification_defaulted": report.classification_defaulted,
            "classification_defaulted_units": report.defaulted,
            "warnings": [w.as_json() for w in report.warnings]}
    return units, matched_rows, meta


def _totals(table: StatsTable, units: dict[str, Unit]) -> dict[str, float]:
    """Sums a planner can check against the statistics they know (a ×1000 slip shows here)."""
    return {"population": sum(r.population for r in table.rows),
            "units_population": sum(u.population.value for u in units.values()),
            "area": sum(u.area.value for u in units.values())}


def apply_national(db_path: str | Path, plan: NationalPlan, progress: Progress | None = None,
                   cancelled=None, steps: Steps | None = None):
    """Write the planned project to the new file ``db_path``; returns the open project
    (None, with a warning in the report, when it was made but cannot be opened again).

    The database is built beside ``db_path`` and moved into place only when complete,
    so a cancel, a fault or a kill leaves no file (or the finished one), never half of one.
    """
    from core.storage.newfile import build_beside, seal
    from core.storage.store import Project, storage_failure
    steps = as_steps(progress, cancelled, steps)
    db_path = Path(db_path)
    steps(0.0, "store")

    def build(path: Path) -> None:
        project = Project.create_from(path, plan.dataset, plan.wkb, plan.areas, plan.adjacency, building=True)
        try:
            steps(0.7)
            match_store.save_import(project, plan.table, plan.report, plan.matched_rows, plan.pending,
                                    plan.unmatched_rows)
            steps(0.9)
        finally:
            seal(project.db)

    try:
        build_beside(db_path, build)
    except (sqlite3.Error, OSError) as exc:          # a full disk, a read-only folder …: in words
        raise storage_failure(db_path, exc) from None
    plan.report.applied = True
    plan.report.project = str(db_path)
    try:
        project = Project(db_path)
        plan.report.unmatched_features = match_store.unmatched_features(project)
        plan.report.unmatched_rows = match_store.unmatched_rows(project)
    except (sqlite3.Error, OSError, CoreError) as exc:
        # The project is complete on disk; only reading it back failed (e.g. the disk is now full).
        failure = exc if isinstance(exc, CoreError) else storage_failure(db_path, exc)
        plan.report.warnings.append(Message("imports.warning.not_reopened", reason=failure.messages[0]))
        project = None
    steps(1.0, "done", check=False)                 # written: too late to cancel
    return project


def import_national(db_path: str | Path, boundaries: str | Path, stats: str | Path,
                    tolerance_m: float = DEFAULT_TOLERANCE_M, name: str = "",
                    compare_exact: bool = True, fields: dict[str, str] | None = None,
                    progress: Progress | None = None, cancelled=None, layer: str | None = None):
    """Create the project database ``db_path`` (must not exist); returns (project, report)."""
    from core.storage.newfile import check_new_file
    clock = time.perf_counter()
    check_new_file(Path(db_path))
    steps = as_steps(progress, cancelled)
    plan = plan_national(boundaries, stats, tolerance_m, name, compare_exact, fields, layer,
                         steps=steps.part(0.0, 0.8))
    t = time.perf_counter()
    project = apply_national(db_path, plan, steps=steps.part(0.8, 1.0))
    plan.report.seconds["store"] = round(time.perf_counter() - t, 3)
    plan.report.seconds["total"] = round(time.perf_counter() - clock, 3)
    return project, plan.report
