"""From core geometries to Qt paths: imported boundaries, or the schematic of label points.

Scene coordinates are metres in the project's metric CRS with y pointing down
(north up on screen).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QPointF
from PySide6.QtGui import QPainterPath

from core.geo.geometry import lonlat_to_metric, schematic_cells, to_metric, union
from core.storage.store import Project


@dataclass
class MapShapes:
    shapes: dict[str, object]          # code → shapely geometry in metres
    labels: dict[str, tuple[float, float]]
    schematic: bool


def load_shapes(project: Project) -> MapShapes:
    """The imported boundaries when there are any, else Voronoi cells of the label points."""
    dataset = project.dataset
    if project.has_boundaries():
        geoms = project.geometries()
        codes = [c for c in geoms if c in dataset.units]
        shapes = dict(zip(codes, to_metric(geoms[c] for c in codes)))
        schematic = False
    else:
        points = {c: lonlat_to_metric(u.label_lon, u.label_lat) for c, u in dataset.units.items()
                  if u.label_lon is not None and u.label_lat is not None}
        shapes = schematic_cells(points)
        schematic = True
    return MapShapes(shapes, label_points(shapes, dataset), schematic)


def label_points(shapes: dict[str, object], dataset) -> dict[str, tuple[float, float]]:
    """Each unit's label point when it lies inside its shape, else a point surely inside."""
    codes = list(shapes)
    if not codes:
        return {}
    geoms = np.asarray([shapes[c] for c in codes], dtype=object)
    inside = shapely.point_on_surface(geoms)
    units = [dataset.units[c] for c in codes]
    has = np.array([u.label_lon is not None and u.label_lat is not None for u in units], dtype=bool)
    if has.any():
        from core.geo.geometry import to_metric_xy
        lon = np.array([u.label_lon for u, h in zip(units, has) if h], dtype=float)
        lat = np.array([u.label_lat for u, h in zip(units, has) if h], dtype=float)
        given = shapely.points(np.column_stack(to_metric_xy(lon, lat)))
        ok = shapely.contains(geoms[has], given)
        chosen = inside.copy()
        chosen[np.flatnonzero(has)[ok]] = given[ok]
        inside = chosen
    xy = shapely.get_coordinates(inside)
    return {c: (float(x), float(y)) for c, (x, y) in zip(codes, xy)}


_ELEMENT = np.dtype([("type", "<i4"), ("x", "<f8"), ("y", "<f8")])   # QDataStream layout
_POLYGON = 3


def to_paths(geoms) -> list[QPainterPath]:
    """Polygons or multipolygons as painter paths (holes kept with the odd-even rule), y flipped.

    All rings of all geometries are converted at once with numpy and read back through
    QPainterPath's documented QDataStream format: a few Python calls per geometry, none per vertex.
    Non-polygon and empty parts are left out.
    """
    arr = np.asarray(list(geoms), dtype=object)
    n = len(arr)
    if n == 0:
        return []
    parts, part_geom = shapely.get_parts(arr, return_index=True)
    keep = (shapely.get_type_id(parts) == _POLYGON) & ~shapely.is_empty(parts)
    parts, part_geom = parts[keep], part_geom[keep]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    elements = np.empty(len(coords), dtype=_ELEMENT)
    elements["x"], elements["y"] = coords[:, 0], -coords[:, 1]
    ring_first = np.searchsorted(coord_ring, np.arange(len(rings)))
    elements["type"] = 1                                   # LineTo
    elements["type"][ring_first] = 0                       # MoveTo at each ring's start
    ring_geom = part_geom[ring_part]
    geom_first = np.searchsorted(ring_geom[coord_ring], np.arange(n + 1))
    last = np.r_[ring_geom[1:] != ring_geom[:-1], True] if len(rings) else np.zeros(0, dtype=bool)
    last_ring_start = np.zeros(n, dtype=np.int64)          # cStart: where the last ring begins
    last_ring_start[ring_geom[last]] = (ring_first - geom_first[ring_geom])[last]
    raw = elements.tobytes()
    chunks = []
    for i in range(n):
        a, b = geom_first[i], geom_first[i + 1]
        if a == b:
            chunks.append(struct.pack("<i", 0))
        else:
            chunks.append(struct.pack("<i", b - a) + raw[a * 20:b * 20]
                          + struct.pack("<ii", last_ring_start[i], 0))     # 0: OddEvenFill
    stream = QDataStream(QByteArray(b"".join(chunks)))
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    out = []
    for _ in range(n):
        path = QPainterPath()
        path.setFillRule(path.fillRule().OddEvenFill)
        stream >> path
        out.append(path)
    return out


def to_path(geom) -> QPainterPath:
    """A polygon or multipolygon as a painter path (holes kept with the odd-even rule)."""
    return to_paths([geom])[0]


def outline_path(geoms: list) -> QPainterPath:
    """The outer boundary of the union of ``geoms`` (a merged group's new unit)."""
    return to_path(union(geoms))


def scene_point(xy: tuple[float, float]) -> QPointF:
    return QPointF(xy[0], -xy[1])
