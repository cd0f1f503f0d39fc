"""The map view: wheel zoom, drag to pan, click to select (Ctrl/Shift adds), fit to extent;
and the map panel around it: a banner when the map is a schematic, a legend below."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

from .map_legend import MapLegend
from .map_scene import MapScene
from .session import Session
from .zoom_view import DRAG_START_PX, ZOOM_STEP, ZoomPanView  # noqa: F401  (kept importable here)

CONTEXT = 3.0           # a unit zoomed to takes a third of the view: its neighbours show around it
READABLE_PX = 40        # units this wide on screen are readable where they are


class MapView(ZoomPanView):
    def __init__(self, session: Session, parent: QWidget | None = None,
                 scene: MapScene | None = None) -> None:
        self.map_scene = scene if scene is not None else MapScene(session)
        super().__init__(self.map_scene, parent)
        self.session = session
        session.dataset_changed.connect(self.fit)

    def show_codes(self, codes, always: bool = True) -> None:
        """Zoom to the units ``codes`` with their surroundings (the view three times their size),
        so the planner sees where they lie. ``always=False``: only when they are not already
        in view at a readable size."""
        rect = self.map_scene.codes_rect(codes)
        if rect.isEmpty():
            return
        if not always:
            shown = self.visible_rect()
            on_screen = max(rect.width(), rect.height()) * self.scale_factor()
            if shown.contains(rect) and on_screen >= READABLE_PX:
                return
        centre = rect.center()
        side = max(rect.width(), rect.height()) * CONTEXT
        self.show_rect(QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            code = self.map_scene.code_at(self.mapToScene(event.position().toPoint()))
            if code is not None and code not in self.session.selection:
                self.session.set_selection([code])
        super().mousePressEvent(event)

    def clicked(self, event: QMouseEvent) -> None:
        self._click(event)

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
