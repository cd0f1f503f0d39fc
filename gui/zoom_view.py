"""A map view that zooms with the wheel, pans by dragging and fits the extent.

``view_changed`` is emitted after every zoom or pan, so other views can follow
(the comparison's linked maps), and the scene is told the scale so a large map
shows names and borders only when they can be read.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

DRAG_START_PX = 5
ZOOM_STEP = 1.2


class ZoomPanView(QGraphicsView):
    view_changed = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Every item sets its own pen and brush, and cosmetic pens stay inside the bounding rects.
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._press: QPoint | None = None
        self._panning = False
        self._fitted = False

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
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = self.isVisible()
        self._changed()

    def show_rect(self, rect: QRectF) -> None:
        """Zoom and pan so ``rect`` (scene coordinates) fills the view, with a small margin."""
        if rect.isEmpty():
            return
        margin = max(rect.width(), rect.height()) * 0.04
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = True
        self._changed()

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)
        self._changed()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def follow(self, other: ZoomPanView) -> None:
        """Show what ``other`` shows: same scale, same centre (without echoing back)."""
        centre = other.mapToScene(other.viewport().rect().center())
        self.blockSignals(True)
        try:
            self.setTransform(other.transform())
            self.centerOn(centre)
            self._fitted = True
            self._tell_scene()
        finally:
            self.blockSignals(False)

    def _tell_scene(self) -> None:
        scene = self.scene()
        if hasattr(scene, "set_view_scale"):
            scene.set_view_scale(self.scale_factor())

    def _changed(self) -> None:
        self._tell_scene()
        self.view_changed.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.view_changed.emit()

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
                self.clicked(event)
            self._press = None
            self._panning = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def clicked(self, event: QMouseEvent) -> None:
        """A click that was not a drag; the desk's map selects, others do nothing."""
