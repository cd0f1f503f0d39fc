"""The map scene: one item per unit, a label each, and the outline of every merged group.

Built from ``map_shapes``; coloured from the session's evaluation; the selection
drawn is the session's selection.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSceneHelpEvent, QToolTip

from core.analysis.palette import assign_colours, group_key
from core.common.numbers import fmt_area, fmt_int, fmt_pct
from core.geo.geometry import union
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
from .map_shapes import load_shapes
from .palette import STATUS_FILL, VERDICT_COLOUR, Status, unit_status
from .session import Session
from .text import fill

EAGER_TOOLTIPS = 3000      # beyond this many units a tooltip is written when asked for
OUTLINE_CACHE_KB = 64 * 1024   # pixmaps of a large map's group outlines (Qt's default: 10 MB)


class MapScene(UnitsScene):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.outlines: dict[str, QGraphicsPathItem] = {}
        self._outline_geoms: dict[frozenset[str], object] = {}        # a group's union
        self._outline_paths: dict[tuple[frozenset[str], int], QPainterPath] = {}   # per level
        session.evaluated.connect(self.restyle)
        session.selection_changed.connect(self.restyle)
        session.dataset_changed.connect(self.build)
        self.build()

    def build(self) -> None:
        self.outlines, self._outline_geoms, self._outline_paths = {}, {}, {}
        names = {c: u.name for c, u in self.session.dataset.units.items()}
        self.fill_items(load_shapes(self.session.project), names)
        self.restyle()

    # ----- colours, outlines, tooltips ---------------------------------------------
    def restyle(self) -> None:
        result, scenario = self.session.result, self.session.scenario
        if result is None or scenario is None:
            return
        selected = set(self.session.selection)
        # The colours of core.analysis.palette, keyed by member set: the same as in the exports.
        colours = assign_colours(g.members for g in scenario.groups)
        group_colour = {g.id: QColor(colours[group_key(g.members)]) for g in scenario.groups}
        eager = len(self.units) <= EAGER_TOOLTIPS
        pen = self.unit_pen()
        for code, item in self.units.items():
            r = result.units[code]
            if r.group_id is not None:
                fill = group_colour[r.group_id]
            else:
                fill = STATUS_FILL[unit_status(r)]
            item.set_look(fill, code in selected, pen)
            if eager:
                item.setToolTip(self._tooltip(code))
        for outline in self.outlines.values():
            self.removeItem(outline)
        self.outlines = {}
        drawn = [(g, frozenset(g.members)) for g in result.groups]
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
            if path is None:
                continue
            item = QGraphicsPathItem(path)
            item.key = key
            style = Qt.PenStyle.SolidLine if g.verdict != "fails" else Qt.PenStyle.DashLine
            pen = cosmetic_pen(VERDICT_COLOUR[g.verdict], width, style)
            pen.setJoinStyle(join)
            item.setPen(pen)
            item.setBrush(Qt.BrushStyle.NoBrush)
            item.setCacheMode(cache)
            item.setZValue(Z_OUTLINE)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setAcceptHoverEvents(False)
            self.addItem(item)
            self.outlines[g.group.id] = item

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

    def lod_changed(self) -> None:
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
