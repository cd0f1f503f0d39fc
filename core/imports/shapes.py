"""The geometry steps every import shares: which features to refuse, repair, measure.

``check_features`` refuses, feature by feature, coordinates that are not numbers or not
longitude/latitude; ``repair`` keeps the polygonal part of each geometry and makes invalid
ones valid (vectorised check, repairs one by one), saying what it did in words;
``measure`` projects to the metric CRS and gives areas and label points.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely

from core.common.messages import Message
from core.geo.geometry import areas_km2, to_metric

POLYGONAL = (3, 6)          # shapely type ids: Polygon, MultiPolygon
GEOMETRY_KINDS = {"Point": "point", "MultiPoint": "point", "LineString": "line", "MultiLineString": "line",
                  "LinearRing": "line", "GeometryCollection": "collection", "Polygon": "polygon",
                  "MultiPolygon": "polygon"}
# GEOS's reasons for an invalid geometry → the message that says it.
INVALID_REASONS = (("ring self-intersection", "ring_self_intersection"),
                   ("self-intersection", "self_intersection"),
                   ("too few points", "too_few_points"), ("hole lies outside", "hole_outside"),
                   ("nested shells", "nested_shells"), ("nested holes", "nested_holes"),
                   ("interior is disconnected", "disconnected"), ("duplicate rings", "duplicate_rings"),
                   ("ring is not closed", "not_closed"), ("invalid coordinate", "bad_coordinate"))
_AT = re.compile(r"\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)")

Where = Callable[[int], Message]


def feature_where(index: int, code: object = None, name: str = "") -> Message:
    """"Feature 3 (code 28813, Giao Long)": how a report names a feature of the file (1-based)."""
    code = "" if code is None else str(code)
    if code and name:
        return Message("imports.where.feature_code_name", index=index + 1, code=code, name=name)
    if code:
        return Message("imports.where.feature_code", index=index + 1, code=code)
    if name:
        return Message("imports.where.feature_name", index=index + 1, name=name)
    return Message("imports.where.feature", index=index + 1)


@dataclass
class ShapeReport:
    """What the geometry steps did, feature by feature (messages)."""

    repaired: list[Message] = field(default_factory=list)
    rejected: list[Message] = field(default_factory=list)


def check_features(geoms: np.ndarray, where: Where, out: ShapeReport, lonlat: bool = False,
                   usable: np.ndarray | None = None) -> np.ndarray:
    """A mask of the features whose coordinates are usable: finite numbers, and with ``lonlat``
    longitude/latitude too; each feature newly found unusable is refused by name."""
    ok = np.ones(len(geoms), dtype=bool) if usable is None else usable.copy()
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    if not coords.size:
        return ok
    finite = np.isfinite(coords).all(axis=1)
    code = "imports.rejected.bad_coordinates"
    bad = ~finite
    if lonlat:
        code = "imports.rejected.not_lonlat"
        bad = finite & ((np.abs(coords[:, 0]) > 180) | (np.abs(coords[:, 1]) > 90))
    for i in np.unique(index[bad]):
        if ok[i]:
            ok[i] = False
            out.rejected.append(Message(code, where=where(int(i))))
    return ok


def polygonal(geom):
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


def _invalid(geom, where: Message) -> Message:
    reason = shapely.is_valid_reason(geom) or ""
    low = reason.lower()
    kind = next((code for text, code in INVALID_REASONS if low.startswith(text)), "other")
    at = _AT.search(reason)
    if at:
        point = f"{float(at.group(1)):.5f}, {float(at.group(2)):.5f}"
        return Message(f"imports.invalid.{kind}", where=where, at=Message("imports.invalid.at", point=point))
    return Message(f"imports.invalid.{kind}", where=where, at="")


def repair(geoms: np.ndarray, where: Where, out: ShapeReport) -> np.ndarray:
    """Polygonal parts only; invalid ones made valid. A feature that cannot be kept is None."""
    result = np.asarray(geoms, dtype=object).copy()
    if not len(result):
        return result
    missing = np.array([g is None for g in result])
    bad = np.flatnonzero(missing | ~shapely.is_valid(result) | shapely.is_empty(result)
                         | ~np.isin(shapely.get_type_id(result), POLYGONAL))
    for i in bad:
        geom = result[i]
        here = where(int(i))
        if geom is not None and not geom.is_empty and not geom.is_valid:
            problem = _invalid(geom, here)
            fixed = polygonal(shapely.make_valid(geom))
            if fixed is not None and not fixed.is_empty:
                out.repaired.append(Message("imports.repaired", problem=problem))
            else:
                out.rejected.append(Message("imports.rejected.unrepairable", problem=problem))
                fixed = None
            result[i] = fixed
            continue
        fixed = polygonal(geom)
        if fixed is None:
            kind = "empty" if geom is None or geom.is_empty else GEOMETRY_KINDS.get(geom.geom_type, "other")
            out.rejected.append(Message("imports.rejected.not_polygon", where=here, kind=Message(f"imports.kind.{kind}")))
        result[i] = fixed
    return result


@dataclass
class Measured:
    """Geometries projected to the metric CRS, their areas (km²) and label points (lon, lat)."""

    metric: np.ndarray
    areas: np.ndarray
    labels: np.ndarray


def measure(geoms: np.ndarray) -> Measured:
    """Metric geometries, areas and a point inside each (every geometry must be usable)."""
    if not len(geoms):
        return Measured(np.empty(0, dtype=object), np.zeros(0), np.zeros((0, 2)))
    metric = to_metric(geoms)
    return Measured(metric, areas_km2(metric), shapely.get_coordinates(shapely.point_on_surface(geoms)))
