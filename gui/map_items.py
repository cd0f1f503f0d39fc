"""What every map is made of: one path item per unit and a name label each.

``UnitsScene`` builds them from ``MapShapes`` and decides when labels are worth
drawing: a district shows every name; a national map shows names only once the
planner has zoomed in far enough that a unit is wider than a short name.
The desk's map (``MapScene``) and the comparison maps colour the items their way.
"""
from __future__ import annotations

import statistics

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from core.geo.geometry import simplified

from .map_shapes import MapShapes, scene_point, to_paths
from .palette import OUTLINE, SELECTED

Z_UNIT, Z_OUTLINE, Z_SELECTED, Z_LABEL = 0, 1, 2, 3
LABELS_ALWAYS = 400          # up to this many units every name is always drawn
LABEL_MIN_PX = 55.0          # else names appear when a typical unit is this wide on screen
OUTLINE_MIN_PX = 7.0         # and unit borders when it is this wide (a blur of lines below)
# Far views of a large map draw shapes simplified within these tolerances (metres, coarsest
# first): the coarsest whose error stays under LOD_ERROR_PX on screen; full detail nearer.
LOD_TOLERANCES_M = (1000.0, 250.0)
LOD_ERROR_PX = 0.5
BACKGROUND = QColor("#f7f9fb")


def cosmetic_pen(colour: QColor, width: float, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def lod_level(pixels_per_unit: float) -> int:
    """Index into LOD_TOLERANCES_M of the simplification to draw at this scale; -1: full detail."""
    for i, tolerance in enumerate(LOD_TOLERANCES_M):
        if tolerance * pixels_per_unit <= LOD_ERROR_PX:
            return i
    return -1


class LodPaths:
    """The paths of many geometries at each level of detail, a level made when first drawn."""

    def __init__(self, geoms) -> None:
        self.geoms = np.asarray(list(geoms), dtype=object)
        self._levels: dict[int, list[QPainterPath]] = {}

    def level(self, lod: int) -> list[QPainterPath]:
        paths = self._levels.get(lod)
        if paths is None:
            geoms = self.geoms if lod < 0 else simplified(self.geoms, LOD_TOLERANCES_M[lod])
            paths = self._levels[lod] = to_paths(geoms)
        return paths


class UnitItem(QGraphicsPathItem):
    def __init__(self, code: str, path: QPainterPath) -> None:
        super().__init__(path)
        self.code = code
        self.selected = False
        self.setAcceptHoverEvents(True)
        self.setZValue(Z_UNIT)

    def set_look(self, fill: QColor, selected: bool, pen: QPen | None = None) -> None:
        self.selected = selected
        colour = QColor(fill)
        if selected:
            colour = colour.darker(112)
        self.setBrush(QBrush(colour))
        if selected:
            pen = cosmetic_pen(SELECTED, 3.0)
        elif pen is None:
            pen = cosmetic_pen(OUTLINE, 0.8)
        self.setPen(pen)
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
        self._baseline = QPointF(-width / 2, metrics.ascent() - metrics.height() / 2)
        self._path: QPainterPath | None = None          # made on first paint, then reused
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        # Drawn at one size whatever the zoom, so one pixmap serves every repaint and every zoom
        # (stroking the halo of a text path is slow: 100 names took 90 ms a frame).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(Z_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._path is None:
            self._path = QPainterPath()
            self._path.addText(self._baseline, self.font, self.text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.strokePath(self._path, QPen(QColor(255, 255, 255, 220), 3.0))
        painter.fillPath(self._path, QColor("#1f2328"))


class UnitsScene(QGraphicsScene):
    """Unit items and labels from ``shapes``; ``names`` gives each label its text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.units: dict[str, UnitItem] = {}
        self.labels: dict[str, LabelItem] = {}
        self.shapes = MapShapes({}, {}, True)
        self.unit_size = 0.0           # median width of a unit, scene units (metres)
        self.labels_shown = True
        self.borders_shown = True      # False: units are drawn without their outline (far view)
        self.lod = -1                  # the level of detail drawn (see lod_level); -1: full
        self._lod_paths = LodPaths([])
        self._names: dict[str, str] = {}
        self.setBackgroundBrush(BACKGROUND)

    @property
    def schematic(self) -> bool:
        return self.shapes.schematic

    def fill_items(self, shapes: MapShapes, names: dict[str, str]) -> None:
        """One item per unit; on a large map the labels are made when first shown."""
        self.clear()
        self.units, self.labels = {}, {}
        self.shapes, self._names = shapes, names
        few = len(shapes.shapes) <= LABELS_ALWAYS
        self.lod = -1
        self._lod_paths = LodPaths(shapes.shapes.values())
        for code, path in zip(shapes.shapes, self._lod_paths.level(-1)):
            item = UnitItem(code, path)
            self.addItem(item)
            self.units[code] = item
        bounds = shapely.bounds(self._lod_paths.geoms) if self.units else np.zeros((0, 4))
        widths = list(bounds[:, 2] - bounds[:, 0])
        self.labels_shown = self.borders_shown = False
        if few:
            self._show_labels(True)
            self.borders_shown = True
        self.unit_size = float(statistics.median(widths)) if widths else 0.0
        rect = QRectF()
        if self.units:
            (x0, y0), (x1, y1) = bounds[:, :2].min(axis=0), bounds[:, 2:].max(axis=0)
            rect = QRectF(x0, -y1, x1 - x0, y1 - y0)
        margin = max(rect.width(), rect.height()) * 0.05
        self.setSceneRect(rect.adjusted(-margin, -margin, margin, margin))

    def _show_labels(self, show: bool) -> None:
        if show and not self.labels:
            for code, xy in self.shapes.labels.items():
                label = LabelItem(self._names.get(code, code))
                label.setPos(scene_point(xy))
                self.addItem(label)
                self.labels[code] = label
        else:
            for label in self.labels.values():
                label.setVisible(show)
        self.labels_shown = show

    def set_view_scale(self, pixels_per_unit: float) -> None:
        """Names and borders when the view is zoomed in enough to see them (large maps only)."""
        if len(self.units) <= LABELS_ALWAYS:
            return
        unit_px = pixels_per_unit * self.unit_size
        lod = lod_level(pixels_per_unit)
        if lod != self.lod:
            self.lod = lod
            for item, path in zip(self.units.values(), self._lod_paths.level(lod)):
                item.setPath(path)
            self.lod_changed()
        if (unit_px >= LABEL_MIN_PX) != self.labels_shown:
            self._show_labels(unit_px >= LABEL_MIN_PX)
        if (unit_px >= OUTLINE_MIN_PX) != self.borders_shown:
            self.borders_shown = unit_px >= OUTLINE_MIN_PX
            self.restyle()

    def unit_pen(self) -> QPen | None:
        """The outline of an unselected unit now: None for the usual one, or no pen when far.

        A large map draws the usual 0.8 px line as a hairline (width 0) at 80 % opacity: the same
        ink, but Qt bounds a width-0 path by its points instead of stroking all 11,000 paths anew
        each time borders appear (a second's pause on the first paint after zooming in).
        """
        if not self.borders_shown:
            return QPen(Qt.PenStyle.NoPen)
        if len(self.units) <= LABELS_ALWAYS:
            return None
        colour = QColor(OUTLINE)
        colour.setAlphaF(0.8)
        return cosmetic_pen(colour, 0.0)

    def restyle(self) -> None:
        """Colour the units (each kind of map its own way)."""

    def lod_changed(self) -> None:
        """The units now draw ``self.lod``; other items may follow."""

    def code_at(self, pos: QPointF) -> str | None:
        for item in self.items(pos):
            if isinstance(item, UnitItem):
                return item.code
        return None

    def codes_rect(self, codes) -> QRectF:
        """The scene rectangle around the units ``codes`` (empty when none is drawn)."""
        rect = QRectF()
        for code in codes:
            item = self.units.get(code)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect
