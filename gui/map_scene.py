"""The map scene: one item per unit, a label each, and the outline of every merged group.

Built from ``map_shapes``; coloured from the session's evaluation; the selection
drawn is the session's selection.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSceneHelpEvent, QToolTip

from core.analysis.palette import group_colour
from core.common.numbers import fmt_area, fmt_int, fmt_pct
from core.geo.geometry import union
from core.law.incremental import Delta
from core.law.wording import kind_label, verdict_label

from .map_items import (  # noqa: F401
    LABELS_ALWAYS,
    Z_LABEL,
    Z_OUTLINE,
    Z_SELECTED,
    Z_UNIT,
    LabelItem,
    LodPaths,
    UnitItem,
    UnitsScene,
    cosmetic_pen,
)
from .map_shapes import load_shapes, scene_point
from .palette import AREA_OUTLINE, STATUS_FILL, STATUS_FILL_FAR, VERDICT_COLOUR, Status, unit_status
from .session import Session
from .text import fill

EAGER_TOOLTIPS = 3000      # beyond this many units a tooltip is written when asked for
OUTLINE_CACHE_KB = 64 * 1024   # pixmaps of a large map's group outlines (Qt's default: 10 MB)


_FILLS: dict[str, QColor] = {}


def _fill(members) -> QColor:
    """The group's fill: core's colour for its member set (as the exports draw it)."""
    hex_colour = group_colour(members)
    colour = _FILLS.get(hex_colour)
    if colour is None:
        colour = _FILLS[hex_colour] = QColor(hex_colour)
    return colour


class MapScene(UnitsScene):
    """Colours and outlines follow the session: everything on a new scenario, rule set or
    dataset; on an edit only the units and groups its ``Delta`` names; on a selection
    change only the units that were or are selected."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.outlines: dict[str, QGraphicsPathItem] = {}
        self._outline_geoms: dict[frozenset[str], object] = {}        # a group's union
        self._outline_paths: dict[tuple[frozenset[str], int], QPainterPath] = {}   # per level
        self._fills: dict[str, QColor] = {}           # group id → its fill on the map
        self._selected: set[str] = set()
        self.area: QGraphicsPathItem | None = None      # the outline of the area chosen, if any
        self.area_key: frozenset[str] = frozenset()
        session.evaluated.connect(self.show_delta)
        session.selection_changed.connect(self.show_selection)
        session.language_changed.connect(self._retooltip)
        session.dataset_changed.connect(self.build)
        self.build()

    def build(self) -> None:
        self.outlines, self._outline_geoms, self._outline_paths = {}, {}, {}
        self.area, self.area_key = None, frozenset()      # the items go with the old scene's
        self.group_labels = []
        names = {c: u.name for c, u in self.session.dataset.units.items()}
        self.fill_items(load_shapes(self.session.project), names)
        self.restyle()

    # ----- colours, outlines, tooltips ---------------------------------------------
    def restyle(self) -> None:
        """Every unit and outline anew (another scenario, rule set, dataset or zoom level)."""
        result = self.session.result
        if result is None or self.session.scenario is None:
            return
        self._selected = set(self.session.selection)
        self._fills = {g.group.id: _fill(g.members) for g in result.groups}
        self._style_units(self.units, result)
        for outline in self.outlines.values():
            self.removeItem(outline)
        self.outlines = {}
        self._draw_outlines(result.groups, result)
        self._name_groups(result)

    def show_delta(self, delta: Delta) -> None:
        """Redraw what an evaluation changed: the units and groups ``delta`` names."""
        result = self.session.result
        if result is None:
            return
        if delta.full:
            self.restyle()
            return
        codes = set(delta.units) & self.units.keys()
        for gid in delta.removed:
            self._fills.pop(gid, None)
            outline = self.outlines.pop(gid, None)
            if outline is not None:
                self.removeItem(outline)
        groups = [g for gid in delta.groups if (g := result.group_result(gid)) is not None]
        for g in groups:
            colour = _fill(g.members)
            if self._fills.get(g.group.id) != colour:
                self._fills[g.group.id] = colour
                codes.update(c for c in g.members if c in self.units)
        self._style_units(codes, result)
        self._draw_outlines(groups, result)
        if groups or delta.removed:
            self._name_groups(result)
        if len(self.units) <= EAGER_TOOLTIPS:
            for code in {c for g in groups for c in g.members} - codes:
                if code in self.units:
                    self.units[code].setToolTip(self._tooltip(code))

    def show_selection(self) -> None:
        """Mark the units whose selection changed, and only those."""
        result = self.session.result
        if result is None:
            return
        now = set(self.session.selection)
        changed = (now ^ self._selected) & self.units.keys()
        self._selected = now
        self._style_units(changed, result, tooltips=False)

    def _style_units(self, codes, result, tooltips: bool = True) -> None:
        eager = tooltips and len(self.units) <= EAGER_TOOLTIPS
        pen = self.unit_pen()
        selected, fills = self._selected, self._fills
        status_fill = STATUS_FILL if self.borders_shown else STATUS_FILL_FAR
        for code in codes:
            r = result.units[code]
            colour = fills[r.group_id] if r.group_id is not None else status_fill[unit_status(r)]
            item = self.units[code]
            item.set_look(colour, code in selected, pen)
            if eager:
                item.setToolTip(self._tooltip(code))

    def _retooltip(self) -> None:
        if len(self.units) <= EAGER_TOOLTIPS and self.session.result is not None:
            for code, item in self.units.items():
                item.setToolTip(self._tooltip(code))

    def _draw_outlines(self, groups, result) -> None:
        """The outline of each of ``groups``: its path (made when its members changed) and a
        pen for its verdict."""
        drawn = [(g, frozenset(g.members)) for g in groups]
        paths = self._outline_level([key for _, key in drawn], self.lod)
        # Far away a merged unit is a few pixels: a thin line (drawn far faster than a wide one).
        # A large map's wide lines are bevel-joined: under 0.4 px from the round join, half the cost.
        large = len(self.units) > LABELS_ALWAYS
        width = 1.0 if large and not self.borders_shown else 2.6
        join = Qt.PenJoinStyle.BevelJoin if large else Qt.PenJoinStyle.RoundJoin
        # And kept as pixmaps between zooms: a repaint (hover, pan, expose) need not stroke again.
        cache = (QGraphicsItem.CacheMode.DeviceCoordinateCache if large and width > 1
                 else QGraphicsItem.CacheMode.NoCache)
        if cache != QGraphicsItem.CacheMode.NoCache and QPixmapCache.cacheLimit() < OUTLINE_CACHE_KB:
            QPixmapCache.setCacheLimit(OUTLINE_CACHE_KB)
        for g, key in drawn:
            path = paths.get(key)
            item = self.outlines.get(g.group.id)
            if path is None:
                if item is not None:
                    self.removeItem(self.outlines.pop(g.group.id))
                continue
            if item is None:
                item = QGraphicsPathItem(path)
                item.setBrush(Qt.BrushStyle.NoBrush)
                item.setCacheMode(cache)
                item.setZValue(Z_OUTLINE)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                item.setAcceptHoverEvents(False)
                self.addItem(item)
                self.outlines[g.group.id] = item
            elif item.key != key:
                item.setPath(path)
            item.key = key
            style = Qt.PenStyle.SolidLine if g.verdict != "fails" else Qt.PenStyle.DashLine
            pen = cosmetic_pen(VERDICT_COLOUR[g.verdict], width, style)
            pen.setJoinStyle(join)
            if item.pen() != pen:
                item.setPen(pen)

    def _outline_level(self, keys, lod: int) -> dict[frozenset[str], QPainterPath]:
        """The outer boundary of each merged group ``keys`` at level ``lod``; the new ones all at once."""
        todo = [k for k in dict.fromkeys(keys) if (k, lod) not in self._outline_paths]
        if todo:
            for key in todo:
                if key not in self._outline_geoms:
                    geoms = [self.shapes.shapes[c] for c in key if c in self.shapes.shapes]
                    self._outline_geoms[key] = union(geoms) if geoms else None
            todo = [k for k in todo if self._outline_geoms[k] is not None]
            made = LodPaths([self._outline_geoms[k] for k in todo]).level(lod) if todo else []
            self._outline_paths.update(((k, lod), p) for k, p in zip(todo, made))
        return {k: self._outline_paths[(k, lod)] for k in keys if (k, lod) in self._outline_paths}

    def _name_groups(self, result) -> None:
        """The merged units' names on a map whose names are always shown (a district): a group
        named after one of its members has that member's name in bold; a new name replaces its
        members' names, in bold, at the middle of the merged unit."""
        if len(self.units) > LABELS_ALWAYS or not self.labels:
            return
        for item in getattr(self, "group_labels", []):
            self.removeItem(item)
        self.group_labels: list[LabelItem] = []
        names = {c: u.name for c, u in self.session.dataset.units.items()}
        looks = {code: (names.get(code, code), False, True) for code in self.labels}   # text, bold, shown
        for g in result.groups:
            members = [c for c in g.members if c in self.labels]
            named = next((c for c in members if names.get(c) == g.group.name), None)
            if named is not None:
                looks[named] = (g.group.name, True, True)
                continue
            geom = self._outline_geoms.get(frozenset(g.members))
            if geom is None or not members:
                continue
            for c in members:
                looks[c] = (names.get(c, c), False, False)
            point = geom.representative_point()
            label = LabelItem(g.group.name, bold=True)
            label.setPos(scene_point((point.x, point.y)))
            self.addItem(label)
            self.group_labels.append(label)
        for code, (text, bold, shown) in looks.items():
            label = self.labels[code]
            if (label.text, label.font.bold()) != (text, bold):
                new = LabelItem(text, bold=bold)
                new.setPos(label.pos())
                self.removeItem(label)
                self.addItem(new)
                self.labels[code] = label = new
            label.setVisible(shown)

    def outline_area(self, codes) -> None:
        """Outline the area made of ``codes`` (a province or district; none: remove it)."""
        key = frozenset(c for c in codes or () if c in self.units)
        if key == self.area_key:
            return
        if self.area is not None:
            self.removeItem(self.area)
            self.area = None
        self.area_key = key
        if not key:
            return
        path = self._outline_level([key], self.lod).get(key)
        if path is None:
            return
        self.area = QGraphicsPathItem(path)
        self.area.setBrush(Qt.BrushStyle.NoBrush)
        self.area.setPen(cosmetic_pen(AREA_OUTLINE, 3.0))
        self.area.setZValue(Z_OUTLINE + 1)
        self.area.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(self.area)

    def lod_changed(self) -> None:
        if self.area is not None:
            path = self._outline_level([self.area_key], self.lod).get(self.area_key)
            if path is not None:
                self.area.setPath(path)
        paths = self._outline_level([item.key for item in self.outlines.values()], self.lod)
        for item in self.outlines.values():
            item.setPath(paths[item.key])

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        if len(self.units) <= EAGER_TOOLTIPS:
            super().helpEvent(event)
            return
        code = self.code_at(event.scenePos())
        if code is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.screenPos(), self._tooltip(code))
        event.accept()

    def tooltip(self, code: str) -> str:
        return self._tooltip(code)

    def _tooltip(self, code: str) -> str:
        lang = self.session.lang
        result = self.session.result
        assert result is not None
        r = result.units[code]
        lines = [f"<b>{html.escape(r.unit.name)}</b> ({html.escape(kind_label(r.unit.kind, lang))}, "
                 f"{html.escape(code)})",
                 html.escape(fill(self.tr("Diện tích tự nhiên: %1 (%2 tiêu chuẩn)"),
                                  fmt_area(r.area_km2, lang), fmt_pct(r.area_pct, lang))),
                 html.escape(fill(self.tr("Quy mô dân số: %1 người (%2 tiêu chuẩn)"),
                                  fmt_int(r.population, lang), fmt_pct(r.population_pct, lang)))]
        status = unit_status(r)
        if r.must_merge:
            lines.append(html.escape(self.tr("Thuộc diện phải sắp xếp")))
        if status == Status.EXEMPT:
            lines.append(html.escape(fill(self.tr("Miễn sắp xếp: %1"), r.exemption or "")))
        if r.group_id is not None:
            g = result.group_result(r.group_id)
            if g is not None:
                lines.append(html.escape(fill(self.tr("Nhóm %1: %2, %3 người – %4"), g.group.name,
                                              fmt_area(g.area_km2, lang), fmt_int(g.population, lang),
                                              verdict_label(g.verdict, lang))))
        return "<p style='white-space:pre'>" + "<br>".join(lines) + "</p>"
