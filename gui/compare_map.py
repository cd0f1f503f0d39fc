"""One scenario's map in the comparison: units filled by ``core.analysis.compare``'s colouring
(the same merger has the same colour on every map), merged units outlined,
must-merge units left out drawn with a red border; a legend of the new units below."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPathItem, QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from core.analysis.compare import MapColouring
from core.analysis.palette import OUTLINE_COLOUR, UNRESOLVED_OUTLINE
from core.law.evaluation import ScenarioResult

from .map_items import Z_OUTLINE, UnitsScene, cosmetic_pen
from .map_shapes import MapShapes, outline_path
from .palette import VERDICT_COLOUR
from .text import fill, rich
from .zoom_view import ZoomPanView


class CompareScene(UnitsScene):
    def __init__(self, shapes: MapShapes, names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.names = names
        self.colouring: MapColouring | None = None
        self.result: ScenarioResult | None = None
        self.outlines: list[QGraphicsPathItem] = []
        self._outline_paths: dict[frozenset[str], object] = {}
        self.fill_items(shapes, names)

    def colour(self, colouring: MapColouring, result: ScenarioResult) -> None:
        self.colouring, self.result = colouring, result
        self.restyle()

    def restyle(self) -> None:
        if self.colouring is None or self.result is None:
            return
        unresolved = set(self.colouring.unresolved)
        usual = self.unit_pen() or cosmetic_pen(QColor(OUTLINE_COLOUR), 0.8)
        red = cosmetic_pen(QColor(UNRESOLVED_OUTLINE), 2.2)
        for code, item in self.units.items():
            item.set_look(QColor(self.colouring.unit_colour.get(code, "#f2f2f2")), False,
                          red if code in unresolved else usual)
        for outline in self.outlines:
            self.removeItem(outline)
        self.outlines = []
        for g in self.result.groups:
            key = frozenset(g.group.members)
            path = self._outline_paths.get(key)
            if path is None:
                geoms = [self.shapes.shapes[c] for c in g.group.members if c in self.shapes.shapes]
                if not geoms:
                    continue
                path = self._outline_paths[key] = outline_path(geoms)
            item = QGraphicsPathItem(path)
            style = Qt.PenStyle.DashLine if g.verdict == "fails" else Qt.PenStyle.SolidLine
            item.setPen(cosmetic_pen(VERDICT_COLOUR[g.verdict], 2.4, style))
            item.setZValue(Z_OUTLINE)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(item)
            self.outlines.append(item)
        if len(self.units) <= 3000:
            for code, item in self.units.items():
                item.setToolTip(self.tooltip(code))

    def tooltip(self, code: str) -> str:
        assert self.result is not None
        group = self.result.scenario.group_of(code)
        lines = [self.names.get(code, code)]
        if group is not None:
            lines.append(group.name + ": " + ", ".join(self.names.get(c, c) for c in group.members))
        return rich(*lines)


class CompareMapPanel(QWidget):
    """Title, linked map and legend of one scenario (A, B…)."""

    def __init__(self, shapes: MapShapes, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = CompareScene(shapes, names, self)
        self.view = ZoomPanView(self.scene, self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("QLabel { font-weight: bold; padding: 2px 4px; }")
        self.legend = QListWidget(self)
        self.legend.setFlow(QListView.Flow.LeftToRight)
        self.legend.setWrapping(True)
        self.legend.setResizeMode(QListView.ResizeMode.Adjust)
        self.legend.setIconSize(QSize(14, 14))
        self.legend.setMaximumHeight(40)
        self.legend.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.legend.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

    def show_scenario(self, title: str, colouring: MapColouring, result: ScenarioResult) -> None:
        self.title.setText(title)
        self.scene.colour(colouring, result)
        self.legend.clear()
        for name, colour, _members in colouring.legend:
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor(colour))
            self.legend.addItem(QListWidgetItem(QIcon(pixmap), name))
        if colouring.unresolved:            # the red border the map draws, explained
            pixmap = QPixmap(14, 14)
            pixmap.fill(QColor("#f2f2f2"))
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor(UNRESOLVED_OUTLINE), 2.5))
            painter.drawRect(1, 1, 12, 12)
            painter.end()
            item = QListWidgetItem(QIcon(pixmap), fill(self.tr("Viền đỏ: phải sắp xếp, chưa có phương án (%1)"),
                                                       len(colouring.unresolved)))
            item.setData(Qt.ItemDataRole.UserRole, "unresolved")
            self.legend.addItem(item)


def link_views(views: list[ZoomPanView]) -> None:
    """Zooming or panning any of ``views`` moves the others to the same place."""
    for view in views:
        others = [v for v in views if v is not view]
        view.view_changed.connect(lambda v=view, o=others: [x.follow(v) for x in o])
