"""Create a project from a boundary layer joined with a statistics table (a province, the country).

Pipeline: check the table → read the layer (any CRS, repaired) → join rows to
polygons by code or by normalised names within province and district
(``core.imports.name_match``) → project to metric, compute areas → adjacency with a
snapping tolerance (the national polygons were simplified one by one, so
neighbours overlap or leave gaps) → write a NEW project database in one go,
keeping the polygons and rows that did not match so the planner can pair them
by hand later (``core.imports.match_store``).

Unit codes are taken from the layer's code field (the national file has only an
old 7-digit ``commune_id``, not the GSO 5-digit code: the code is kept as text).
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from core.common.text import nfc
from core.domain.model import DataError, Dataset, Unit
from core.geo.geometry import adjacency_from_geometries, areas_km2, to_metric
from core.imports import match_store
from core.imports.boundaries import BoundaryError, Cancelled, _polygonal, read_layer
from core.imports.name_match import FUZZY, Place, kind_of, match_places
from core.imports.stats_table import read_stats_table
from core.imports.table_units import CENSUS_DATE, unit_from_match

DEFAULT_TOLERANCE_M = 60.0     # gaps/overlaps of the national file reach ~160 m; 50–100 m fits
LAYER_FIELDS = {
    "province": ("province_vn", "tinh", "province"),
    "district": ("district_vn", "huyen", "district"),
    "name": ("commune_vn", "ten_xa", "name", "ten", "commune"),
    "code": ("gso_code", "ma_xa", "ma_dvhc", "commune_id", "code"),
}


@dataclass
class NationalReport:
    boundaries: str
    stats: str
    features: int = 0
    rows: int = 0
    join_by: str = ""
    matched: int = 0
    stages: dict[str, int] = field(default_factory=dict)
    unmatched_features: list[dict] = field(default_factory=list)
    unmatched_rows: list[dict] = field(default_factory=list)
    fuzzy: list[dict] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tolerance_m: float = 0.0
    pairs_exact: int | None = None
    pairs: int = 0
    pairs_added_by_tolerance: int | None = None
    classification_defaulted: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def match_rate(self) -> float:
        return self.matched / self.features if self.features else 0.0

    def as_dict(self) -> dict:
        data = dict(self.__dict__)
        data["match_rate"] = round(self.match_rate, 5)
        return data


def _field(columns: list[str], role: str, wanted: str | None) -> str | None:
    lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted.lower() not in lower:
            raise BoundaryError(f"the layer has no field {wanted!r}; fields: {', '.join(columns)}")
        return lower[wanted.lower()]
    return next((lower[c] for c in LAYER_FIELDS[role] if c in lower), None)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return nfc(str(value))


def layer_code(value: object) -> str | None:
    """A layer's unit code as text: ``1010101.0`` → ``"1010101"``; None when empty."""
    text = _text(value)
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text or None


def _to_wgs84(gdf, report: NationalReport):
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if not (-180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90):
            raise BoundaryError("the layer has no CRS and its coordinates are not longitude/latitude")
        report.notes.append("the layer has no CRS; longitude/latitude (WGS84) assumed")
        return gdf.set_crs("EPSG:4326")
    if not gdf.crs.equals("EPSG:4326"):
        report.notes.append(f"reprojected from {gdf.crs.to_string()} to WGS84")
        return gdf.to_crs("EPSG:4326")
    return gdf


def _repair(geoms: np.ndarray, labels: list[str], report: NationalReport) -> np.ndarray:
    """Polygonal parts only; invalid ones made valid (vectorised check, repairs one by one)."""
    out = geoms.copy()
    bad = np.flatnonzero(~shapely.is_valid(geoms) | ~np.isin(shapely.get_type_id(geoms), (3, 6)))
    for i in bad:
        geom = geoms[i]
        if geom is not None and not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            fixed = _polygonal(shapely.make_valid(geom))
            if fixed is not None and not fixed.is_empty:
                report.repaired.append(f"{labels[i]}: {reason}")
            else:
                report.rejected.append(f"{labels[i]}: invalid geometry could not be repaired ({reason})")
            out[i] = fixed
        else:
            fixed = _polygonal(geom)
            if fixed is None:
                kind = geom.geom_type if geom is not None else "none"
                report.rejected.append(f"{labels[i]}: geometry is {kind}, not a polygon")
            out[i] = fixed
    return out


def import_national(db_path: str | Path, boundaries: str | Path, stats: str | Path,
                    tolerance_m: float = DEFAULT_TOLERANCE_M, name: str = "",
                    compare_exact: bool = True, fields: dict[str, str] | None = None,
                    progress: Callable[[float, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None):
    """Create the project database ``db_path`` (must not exist); returns (project, report)."""
    from core.storage.store import Project, ProjectError

    clock = time.perf_counter()

    def step(frac: float, msg: str) -> None:
        if progress:
            progress(frac, msg)
        if cancelled and cancelled():
            raise Cancelled()

    def lap(what: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.seconds[what] = round(now - clock, 3)
        clock = now

    db_path, boundaries = Path(db_path), Path(boundaries)
    report = NationalReport(str(boundaries), str(stats), tolerance_m=tolerance_m)
    if db_path.exists():
        raise ProjectError(f"{db_path}: the file already exists; a new project needs a new file")
    if tolerance_m < 0 or tolerance_m > 1000:
        raise DataError(f"snapping tolerance {tolerance_m:g} m is outside 0–1000 m")
    step(0.0, "đọc bảng số liệu")
    table = read_stats_table(stats)
    report.rows = len(table.rows)
    step(0.05, "đọc lớp ranh giới")
    gdf = _to_wgs84(read_layer(boundaries), report)
    report.features = len(gdf)
    if not len(gdf):
        raise BoundaryError(f"{boundaries.name}: the layer has no features")
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    fields = fields or {}
    f = {role: _field(columns, role, fields.get(role)) for role in LAYER_FIELDS}
    if f["code"] is None:
        raise BoundaryError(f"{boundaries.name}: no unit code field ({'/'.join(LAYER_FIELDS['code'])})")
    codes = [layer_code(v) for v in gdf[f["code"]]]
    seen: dict[str, int] = {}
    for i, c in enumerate(codes):
        if c is None:
            raise BoundaryError(f"{boundaries.name}: feature {i + 1} has no code in {f['code']!r}")
        if c in seen:
            raise BoundaryError(f"{boundaries.name}: feature {i + 1} repeats code {c} (feature {seen[c] + 1})")
        seen[c] = i
    col = {role: (list(gdf[f[role]]) if f[role] else [""] * len(gdf)) for role in ("province", "district", "name")}
    places = [Place(i, _text(p), _text(d), _text(n), kind_of(_text(n)))
              for i, (p, d, n) in enumerate(zip(col["province"], col["district"], col["name"]))]
    lap("read")

    step(0.15, "ghép số liệu với ranh giới")
    rows = [Place(i, r.province, r.district, r.name, r.kind) for i, r in enumerate(table.rows)]
    if "code" in table.columns and any(r.code in seen for r in table.rows if r.code):
        report.join_by = f"code ({f['code']} = {table.columns['code']})"
        from core.imports.name_match import MatchResult
        by_code = {r.code: j for j, r in enumerate(table.rows) if r.code}
        match = MatchResult(pairs={i: (by_code[c], "code") for i, c in enumerate(codes) if c in by_code})
        used = {j for j, _ in match.pairs.values()}
        match.unmatched_features = [i for i in range(len(codes)) if i not in match.pairs]
        match.unmatched_rows = [j for j in range(len(rows)) if j not in used]
    else:
        report.join_by = "names within province and district"
        match = match_places(places, rows)
    report.matched, report.stages = len(match.pairs), match.stages()
    lap("match")

    step(0.25, "sửa hình học, chiếu, diện tích")
    labels = [f"feature {i + 1} ({codes[i]} {places[i].name})" for i in range(len(codes))]
    geoms = _repair(np.asarray(gdf.geometry.values, dtype=object), labels, report)
    usable = np.array([g is not None for g in geoms])
    metric = np.empty(len(geoms), dtype=object)
    metric[usable] = to_metric(geoms[usable])
    areas = np.zeros(len(geoms))
    areas[usable] = areas_km2(metric[usable])
    points = shapely.get_coordinates(shapely.point_on_surface(geoms[usable]))
    label_pt = dict(zip(np.flatnonzero(usable), map(tuple, points)))
    lap("repair_project_areas")

    step(0.35, "quan hệ liền kề")
    idx = np.flatnonzero(usable)
    idx_codes = [codes[i] for i in idx]
    adjacency = adjacency_from_geometries(idx_codes, metric[idx], tolerance_m=tolerance_m)
    report.pairs = len(adjacency)
    lap("adjacency")
    if compare_exact and tolerance_m > 0:
        step(0.6, "so sánh với cạnh chung chính xác")
        exact = adjacency_from_geometries(idx_codes, metric[idx], tolerance_m=0.0)
        report.pairs_exact = len(exact)
        report.pairs_added_by_tolerance = len(set(adjacency) - set(exact))
        lap("adjacency_exact")

    step(0.75, "tạo đơn vị")
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
    zero = [f"line {r.line} ({r.name})" for r in table.rows if r.population == 0]
    if zero:
        report.warnings.append(f"{len(zero)} row(s) of the statistics table give a population of 0 "
                               f"(kept as 0; check them): " + ", ".join(zero[:20])
                               + (" …" if len(zero) > 20 else ""))
    report.classification_defaulted = not table.has_classification
    if report.classification_defaulted:
        report.warnings.append("the statistics table has no classification column (terrain/urban_class/"
                               "border): every unit was set to lowland, not border, no urban class; "
                               "mountainous and island communes are judged against the wrong standard "
                               "until corrected")
    unit_codes = set(units)
    unit_adj = {p: m for p, m in adjacency.items() if p[0] in unit_codes and p[1] in unit_codes}
    meta = {"source": "import", "boundaries": boundaries.name, "stats": Path(stats).name,
            "reference_date": CENSUS_DATE, "tolerance_m": tolerance_m, "join_by": report.join_by,
            "code_note": f"unit codes are the layer's {f['code']!r} values as text "
                         "(the layer has no GSO 5-digit code)" if f["code"] == "commune_id" else "",
            "classification_defaulted": report.classification_defaulted, "warnings": report.warnings}
    dataset = Dataset(name or f"{Path(stats).stem} + {boundaries.stem}", units, set(unit_adj), meta)
    lap("units")

    step(0.8, "ghi cơ sở dữ liệu dự án")
    wkb = shapely.to_wkb(geoms[idx])
    wkb_by_code = {c: w for c, w in zip(idx_codes, wkb) if c in unit_codes}
    project = Project.create_from(db_path, dataset, wkb_by_code,
                                  {c: float(areas[i]) for c, i in zip(idx_codes, idx) if c in unit_codes},
                                  unit_adj)
    try:
        pending = [i for i in sorted(set(match.unmatched_features)) if usable[i]]
        match_store.save_import(project, table, report, matched_rows,
                                [(codes[i], places[i], wkb[np.searchsorted(idx, i)], float(areas[i]),
                                  {(b if a == codes[i] else a): m for (a, b), m in adjacency.items()
                                   if codes[i] in (a, b)}) for i in pending],
                                match.unmatched_rows)
    except BaseException:
        project._discard()
        raise
    report.unmatched_features = match_store.unmatched_features(project)
    report.unmatched_rows = match_store.unmatched_rows(project)
    lap("store")
    step(1.0, "xong")
    return project, report
