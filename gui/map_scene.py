"""The map scene: one item per unit, a label each, and the outline of every merged group.

Built from ``map_shapes``; coloured from the session's evaluation; the selection
drawn is the session's selection.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPathItem, QGraphicsScene,
                               QStyleOptionGraphicsItem, QWidget)

from core.numbers import fmt_area, fmt_int, fmt_pct
from core.wording import kind_label, verdict_label

from .map_shapes import MapShapes, load_shapes, outline_path, scene_point, to_path
from .palette import OUTLINE, SELECTED, STATUS_FILL, VERDICT_COLOUR, Status, group_fill, unit_status
from .session import Session
from .text import fill

Z_UNIT, Z_OUTLINE, Z_SELECTED, Z_LABEL = 0, 1, 2, 3


def cosmetic_pen(colour: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class UnitItem(QGraphicsPathItem):
    def __init__(self, code: str, path: QPainterPath) -> None:
        super().__init__(path)
        self.code = code
        self.selected = False
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_UNIT)

    def set_look(self, fill: QColor, selected: bool) -> None:
        self.selected = selected
        colour = QColor(fill)
        if selected:
            colour = colour.darker(112)
        self.setBrush(QBrush(colour))
        self.setPen(cosmetic_pen(SELECTED, 3.0) if selected else cosmetic_pen(OUTLINE, 0.8))
        self.setZValue(Z_SELECTED if selected else Z_UNIT)


class LabelItem(QGraphicsItem):
    """A name drawn at a fixed size whatever the zoom, with a light halo; always plain text."""

    def __init__(self, text: str, bold: bool = False) -> None:
        super().__init__()
        self.text = text
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        self.font.setBold(bold)
        metrics = QFontMetricsF(self.font)
        width = metrics.horizontalAdvance(text)
        self._rect = QRectF(-width / 2 - 3, -metrics.height() / 2 - 1, width + 6, metrics.height() + 2)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(Z_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setFont(self.font)
        path = QPainterPath()
        metrics = QFontMetricsF(self.font)
        baseline = QPointF(-metrics.horizontalAdvance(self.text) / 2,
                           metrics.ascent() - metrics.height() / 2)
        path.addText(baseline, self.font, self.text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.strokePath(path, QPen(QColor(255, 255, 255, 220), 3.0))
        painter.fillPath(path, QColor("#1f2328"))


class MapScene(QGraphicsScene):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.units: dict[str, UnitItem] = {}
        self.labels: dict[str, LabelItem] = {}
        self.outlines: dict[str, QGraphicsPathItem] = {}
        self.shapes = MapShapes({}, {}, True)
        self.setBackgroundBrush(QColor("#f7f9fb"))
        session.evaluated.connect(self.restyle)
        session.selection_changed.connect(self.restyle)
        session.dataset_changed.connect(self.build)
        self.build()

    @property
    def schematic(self) -> bool:
        return self.shapes.schematic

    def build(self) -> None:
        self.clear()
        self.units, self.labels, self.outlines = {}, {}, {}
        self.shapes = load_shapes(self.session.project)
        for code, geom in self.shapes.shapes.items():
            item = UnitItem(code, to_path(geom))
            self.addItem(item)
            self.units[code] = item
            label = LabelItem(self.session.dataset.units[code].name)
            label.setPos(scene_point(self.shapes.labels[code]))
            self.addItem(label)
            self.labels[code] = label
        rect = self.itemsBoundingRect()
        margin = max(rect.width(), rect.height()) * 0.05
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))
        self.restyle()

    def code_at(self, pos: QPointF) -> str | None:
        for item in self.items(pos):
            if isinstance(item, UnitItem):
                return item.code
        return None

    # ----- colours, outlines, tooltips ---------------------------------------------
    def restyle(self) -> None:
        result, scenario = self.session.result, self.session.scenario
        if result is None or scenario is None:
            return
        selected = set(self.session.selection)
        index = {g.id: i for i, g in enumerate(scenario.groups)}
        for code, item in self.units.items():
            r = result.units[code]
            if r.group_id is not None:
                fill = group_fill(index[r.group_id])
            else:
                fill = STATUS_FILL[unit_status(r)]
            item.set_look(fill, code in selected)
            item.setToolTip(self._tooltip(code))
        for outline in self.outlines.values():
            self.removeItem(outline)
        self.outlines = {}
        for g in result.groups:
            geoms = [self.shapes.shapes[c] for c in g.members if c in self.shapes.shapes]
            if not geoms:
                continue
            item = QGraphicsPathItem(outline_path(geoms))
            style = Qt.PenStyle.SolidLine if g.verdict != "fails" else Qt.PenStyle.DashLine
            item.setPen(cosmetic_pen(VERDICT_COLOUR[g.verdict], 2.6, style))
            item.setBrush(Qt.BrushStyle.NoBrush)
            item.setZValue(Z_OUTLINE)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setAcceptHoverEvents(False)
            self.addItem(item)
            self.outlines[g.group.id] = item

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
