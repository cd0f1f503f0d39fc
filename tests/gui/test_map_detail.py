"""The map's paths: converted all at once exactly as one by one, and far views of a large map
drawn from simplified shapes while hit-testing and near views keep the full detail."""
from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, Polygon, box

from gui.map_items import LOD_TOLERANCES_M, LodPaths, UnitsScene, lod_level
from gui.map_shapes import MapShapes, to_paths


def one_by_one(geom) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(path.fillRule().OddEvenFill)
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        for ring in [part.exterior, *part.interiors]:
            path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in ring.coords]))
            path.closeSubpath()
    return path


def test_paths_made_all_at_once_equal_paths_made_ring_by_ring(qapp):
    donut = box(0, 0, 10, 10).difference(box(2, 2, 4, 4)).difference(box(5, 5, 7, 7))
    geoms = [box(0, 0, 1, 1), Polygon(), MultiPolygon([box(20, 0, 21, 1), donut]), donut,
             GeometryCollection([box(3, 3, 4, 4), LineString([(0, 0), (1, 1)])]), Point(1, 1).buffer(3)]
    for geom, path in zip(geoms, to_paths(geoms)):
        assert path == one_by_one(geom)
        assert path.fillRule() == path.fillRule().OddEvenFill
    assert to_paths([]) == []


def test_a_far_view_of_a_large_map_draws_simplified_shapes_and_a_near_one_the_full_shapes(qapp):
    circles = {f"{i:05d}": Point(i * 30_000, 0).buffer(10_000, quad_segs=64) for i in range(450)}
    scene = UnitsScene()
    scene.fill_items(MapShapes(circles, {c: (g.centroid.x, g.centroid.y) for c, g in circles.items()},
                               False), {})
    item = scene.units["00007"]
    full = item.path().elementCount()
    scene.set_view_scale(0.0003)                       # the whole country in a window
    assert scene.lod == 0 and item.path().elementCount() < full / 4
    assert scene.code_at(QPointF(7 * 30_000, 0)) == "00007"
    scene.set_view_scale(0.05)                         # a district
    assert scene.lod == -1 and item.path().elementCount() == full
    assert lod_level(0.5 / LOD_TOLERANCES_M[0]) == 0
    assert len(LodPaths(circles.values()).level(1)) == 450


def test_a_merged_unit_given_a_new_name_shows_that_name_on_the_map_instead_of_its_members(window, session, dialogs):
    from tests.gui.conftest import code
    scene = window.map.map_scene
    giao_long, giao_hoa = code(session, "Giao Long"), code(session, "Giao Hòa")
    assert scene.labels[giao_long].font.bold()                   # the group is named after Giao Long
    session.set_selection([giao_long])
    dialogs.answer("text", "Phú Hưng")
    window.actions_.rename_group.trigger()
    names = [item.text for item in scene.group_labels if item.isVisible()]
    assert names == ["Phú Hưng"]
    assert not scene.labels[giao_long].isVisible() and not scene.labels[giao_hoa].isVisible()
    window.actions_.undo.trigger()
    assert scene.group_labels == [] and scene.labels[giao_hoa].isVisible()
