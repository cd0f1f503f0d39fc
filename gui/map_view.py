"""The map view: wheel zoom, drag to pan, click to select (Ctrl/Shift adds), fit to extent;
and the map panel around it: a banner when the map is a schematic, a legend below."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QMenu, QVBoxLayout, QWidget

from .map_legend import MapLegend
from .map_scene import MapScene
from .session import Session

DRAG_START_PX = 5
ZOOM_STEP = 1.2


class MapView(QGraphicsView):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.map_scene = MapScene(session)
        super().__init__(self.map_scene, parent)
        self.session = session
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._press: QPoint | None = None
        self._panning = False
        self._fitted = False
        session.dataset_changed.connect(self.fit)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fitted:
            self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self.fit()

    # ----- zoom and pan ---------------------------------------------------------------
    def fit(self) -> None:
        rect = self.map_scene.sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = self.isVisible()

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._panning = False
            event.accept()
            return
        if event.button() == Qt.MouseButton.RightButton:
            code = self.map_scene.code_at(self.mapToScene(event.position().toPoint()))
            if code is not None and code not in self.session.selection:
                self.session.set_selection([code])
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            delta = pos - self._press
            if self._panning or delta.manhattanLength() >= DRAG_START_PX:
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
                self._press = pos
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._panning:
                self._click(event)
            self._press = None
            self._panning = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _click(self, event: QMouseEvent) -> None:
        code = self.map_scene.code_at(self.mapToScene(event.position().toPoint()))
        adding = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        current = list(self.session.selection)
        if adding:
            if code is None:
                return
            if code in current:
                current.remove(code)
            else:
                current.append(code)
            self.session.set_selection(current)
        else:
            self.session.set_selection([code] if code else [])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.actions():
            menu = QMenu(self)
            menu.addActions(self.actions())
            menu.exec(event.globalPos())
            event.accept()


class MapPanel(QWidget):
    """The map with its schematic banner above and its legend below (never over the map)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = MapView(session, self)
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff4c2; color: #4a3b00; border-bottom: 1px solid #d8c26a;"
                                  " padding: 3px 6px; font-weight: bold; }")
        self.legend = MapLegend(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        session.dataset_changed.connect(self.retranslate)
        self.retranslate()

    @property
    def scene(self) -> MapScene:
        return self.view.map_scene

    def retranslate(self) -> None:
        self.banner.setText(self.tr("Sơ đồ minh họa, không phải bản đồ ranh giới – các ô vẽ từ điểm nhãn "
                                    "của mỗi đơn vị; hình dạng và diện tích không đúng thực tế"))
        self.banner.setToolTip(self.tr("Nhập lớp ranh giới (Tệp → Nhập lớp ranh giới…) để xem bản đồ thật."))
        self.banner.setVisible(self.view.map_scene.schematic)
        self.legend.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
