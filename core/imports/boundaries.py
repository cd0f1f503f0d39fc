"""Import a boundary layer (GeoPackage, Shapefile, GeoJSON) into a project.

Features are matched to the project's units by a code field or by name
(diacritics- and case-insensitive); invalid geometries are repaired and
reported; adjacency is derived from shared boundary length. The official
figures stay the basis of eligibility: the computed area is reported beside them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from core.common.text import name_key, nfc, normalise_code
from core.geo.geometry import adjacency_from_geometries, areas_km2, to_metric

MAX_LAYER_BYTES = 512 * 1024 * 1024
CODE_FIELDS = ("gso_code", "ma_xa", "maxa", "ma_dvhc", "code", "ma")
NAME_FIELDS = ("name", "ten", "ten_xa", "tenxa", "commune_vn", "full_name", "commune")


class BoundaryError(Exception):
    """The layer cannot be imported; nothing was changed."""


class Cancelled(Exception):
    """The planner cancelled the import; nothing was changed."""


@dataclass
class ImportReport:
    path: str
    features: int = 0
    matched: dict[str, int] = field(default_factory=dict)          # code → feature index
    unmatched_features: list[str] = field(default_factory=list)    # "feature 3 (name)"
    unmatched_units: list[str] = field(default_factory=list)       # codes
    repaired: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    areas: dict[str, tuple[float, float]] = field(default_factory=dict)  # code → (official, computed)
    adjacency: dict[tuple[str, str], float] = field(default_factory=dict)
    adjacency_added: list[tuple[str, str]] = field(default_factory=list)
    adjacency_removed: list[tuple[str, str]] = field(default_factory=list)
    match_by: str = ""

    def as_dict(self) -> dict:
        return {
            "file": self.path, "features": self.features, "matched": len(self.matched),
            "match_by": self.match_by,
            "unmatched_features": self.unmatched_features, "unmatched_units": self.unmatched_units,
            "repaired": self.repaired, "rejected": self.rejected, "notes": self.notes,
            "adjacency_pairs": len(self.adjacency),
            "adjacency_added": [list(p) for p in self.adjacency_added],
            "adjacency_removed": [list(p) for p in self.adjacency_removed],
            "areas": {c: {"official_or_recorded_km2": a, "computed_km2": round(b, 4),
                          "difference_pct": round(100 * (b - a) / a, 2) if a else None}
                      for c, (a, b) in self.areas.items()},
        }


def _pick_field(columns: list[str], wanted: str | None, candidates: tuple[str, ...], what: str) -> str | None:
    lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if wanted.lower() in lower:
            return lower[wanted.lower()]
        raise BoundaryError(f"the layer has no field {wanted!r} for the {what}; fields: {', '.join(columns)}")
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    return None


def read_layer(path: Path):
    import geopandas as gpd
    path = Path(path)
    if not path.exists():
        raise BoundaryError(f"{path}: no such file")
    size = path.stat().st_size if path.is_file() else 0
    if path.is_file() and size == 0:
        raise BoundaryError(f"{path.name}: the file is empty (0 bytes)")
    if size > MAX_LAYER_BYTES:
        raise BoundaryError(f"{path.name}: {size / 2**30:.1f} GB is far larger than a boundary layer "
                            f"of communes ({MAX_LAYER_BYTES // 2**20} MB at most); was it picked by mistake?")
    try:
        return gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise BoundaryError(f"{path.name}: cannot be read as a boundary layer ({exc})") from None


def _polygonal(geom):
    """The polygonal part of ``geom`` (None if it has none)."""
    if geom is None or geom.is_empty:
        return None
    kind = geom.geom_type
    if kind in ("Polygon", "MultiPolygon"):
        return geom
    if kind == "GeometryCollection":
        parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
        return shapely.union_all(parts) if parts else None
    return None


def import_boundaries(project, path: str | Path, code_field: str | None = None,
                      name_field: str | None = None, tolerance_m: float = 0.0,
                      progress: Callable[[float, str], None] | None = None,
                      cancelled: Callable[[], bool] | None = None, store: bool = True) -> ImportReport:
    """Read, repair, match and store a boundary layer; returns what happened."""
    def step(frac: float, msg: str) -> None:
        if progress:
            progress(frac, msg)
        if cancelled and cancelled():
            raise Cancelled()

    path = Path(path)
    report = ImportReport(str(path))
    step(0.0, "read")
    gdf = read_layer(path)
    report.features = len(gdf)
    if len(gdf) == 0:
        raise BoundaryError(f"{path.name}: the layer has no features")
    step(0.3, "crs")
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if -180 <= minx and maxx <= 180 and -90 <= miny and maxy <= 90:
            gdf = gdf.set_crs("EPSG:4326")
            report.notes.append("the layer has no CRS; its coordinates look like longitude/latitude, WGS84 assumed")
        else:
            raise BoundaryError(f"{path.name}: the layer has no CRS and its coordinates are not longitude/latitude")
    elif not gdf.crs.equals("EPSG:4326"):
        report.notes.append(f"reprojected from {gdf.crs.to_string()} to WGS84")
        gdf = gdf.to_crs("EPSG:4326")
    minx, miny, maxx, maxy = gdf.total_bounds
    if 0 <= minx and maxx <= 30 and 95 <= miny and maxy <= 115:
        gdf = gdf.set_geometry(shapely.transform(gdf.geometry.values, lambda xy: xy[:, ::-1]), crs="EPSG:4326")
        report.notes.append("latitude and longitude were swapped in the file; swapped back")

    dataset = project.dataset
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    cfield = _pick_field(columns, code_field, CODE_FIELDS, "unit code") if not name_field else None
    nfield = _pick_field(columns, name_field, NAME_FIELDS, "unit name") if not code_field else None
    if cfield is None and nfield is None:
        raise BoundaryError(f"{path.name}: no code or name field found; fields: {', '.join(columns)}")
    report.match_by = f"code field {cfield!r}" if cfield else f"name field {nfield!r}"

    by_key: dict[str, list[str]] = {}
    for code, unit in dataset.units.items():
        by_key.setdefault(name_key(unit.name), []).append(code)

    step(0.4, "match")
    geoms: dict[str, object] = {}
    for idx, row in enumerate(gdf.itertuples(index=False)):
        label_name = nfc(str(getattr(row, nfield))) if nfield else ""
        where = f"feature {idx + 1}" + (f" ({label_name})" if label_name else "")
        code = None
        if cfield:
            raw = getattr(row, cfield)
            try:
                code = normalise_code(raw) if raw is not None else None
            except ValueError:
                code = None
            where = f"feature {idx + 1} (code {raw})"
        else:
            cands = by_key.get(name_key(label_name), [])
            code = cands[0] if len(cands) == 1 else None
            if len(cands) > 1:
                report.unmatched_features.append(f"{where}: name matches several units")
                continue
        if code is None or code not in dataset.units:
            report.unmatched_features.append(where)
            continue
        if code in geoms:
            report.unmatched_features.append(f"{where}: a second feature for unit {code}")
            continue
        geom = _polygonal(gdf.geometry.iloc[idx])
        if geom is None:
            kind = gdf.geometry.iloc[idx].geom_type if gdf.geometry.iloc[idx] is not None else "none"
            report.rejected.append(f"{where}: geometry is {kind}, not a polygon")
            continue
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            geom = _polygonal(shapely.make_valid(geom))
            if geom is None or geom.is_empty:
                report.rejected.append(f"{where}: invalid geometry could not be repaired ({reason})")
                continue
            report.repaired.append(f"{where}: {reason}")
        geoms[code] = geom
        report.matched[code] = idx
    report.unmatched_units = [c for c in dataset.units if c not in geoms]
    if not geoms:
        raise BoundaryError(f"{path.name}: no feature matched a unit of the project "
                            f"({report.match_by}); nothing imported")

    step(0.6, "areas")
    codes = list(geoms)
    metric = to_metric(geoms[c] for c in codes)
    computed = areas_km2(metric)
    for code, area in zip(codes, computed):
        report.areas[code] = (dataset.units[code].area.value, float(area))
    step(0.7, "adjacency")
    report.adjacency = adjacency_from_geometries(codes, metric, tolerance_m=tolerance_m)
    old = dataset.adjacency
    new = set(report.adjacency)
    # Units without geometry keep their recorded adjacency.
    missing = set(report.unmatched_units)
    kept = {p for p in old if p[0] in missing or p[1] in missing}
    for p in kept:
        report.adjacency.setdefault(p, float("nan"))
    report.adjacency_added = sorted(new - old)
    report.adjacency_removed = sorted(old - new - kept)
    step(0.9, "store")
    if store:
        wkb = dict(zip(codes, shapely.to_wkb(np.asarray([geoms[c] for c in codes], dtype=object))))
        project.store_boundaries(wkb, dict(zip(codes, map(float, computed))), report.adjacency)
    step(1.0, "done")
    return report
