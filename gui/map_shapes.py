"""From core geometries to Qt paths: imported boundaries, or the schematic of label points.

Scene coordinates are metres in the project's metric CRS with y pointing down
(north up on screen).
"""
from __future__ import annotations

from dataclasses import dataclass

import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from core.geometry import lonlat_to_metric, schematic_cells, to_metric, union
from core.store import Project


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
    labels: dict[str, tuple[float, float]] = {}
    for code, geom in shapes.items():
        unit = dataset.units[code]
        point = None
        if unit.label_lon is not None and unit.label_lat is not None:
            point = shapely.Point(lonlat_to_metric(unit.label_lon, unit.label_lat))
            if not geom.contains(point):
                point = None
        if point is None:
            point = geom.representative_point()
        labels[code] = (point.x, point.y)
    return MapShapes(shapes, labels, schematic)


def _ring(coords) -> QPolygonF:
    return QPolygonF([QPointF(x, -y) for x, y, *_ in coords])


def to_path(geom) -> QPainterPath:
    """A polygon or multipolygon as a painter path (holes kept with the odd-even rule)."""
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        path.addPolygon(_ring(part.exterior.coords))
        path.closeSubpath()
        for hole in part.interiors:
            path.addPolygon(_ring(hole.coords))
            path.closeSubpath()
    return path


def outline_path(geoms: list) -> QPainterPath:
    """The outer boundary of the union of ``geoms`` (a merged group's new unit)."""
    return to_path(union(geoms))


def scene_point(xy: tuple[float, float]) -> QPointF:
    return QPointF(xy[0], -xy[1])
