"""The legend drawn over the map: what each fill and outline means."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from .palette import GROUP_FILLS, OUTLINE, STATUS_FILL, VERDICT_COLOUR, Status
from .session import Session

SWATCH = QSize(22, 12)


def swatch(fill: QColor | None, outline: QColor = OUTLINE, dashed: bool = False,
           width: float = 1.0, second: QColor | None = None) -> QPixmap:
    pixmap = QPixmap(SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if fill is not None:
        painter.fillRect(0, 0, SWATCH.width() // 2 if second else SWATCH.width(), SWATCH.height(), fill)
    if second is not None:
        painter.fillRect(SWATCH.width() // 2, 0, SWATCH.width() // 2, SWATCH.height(), second)
    pen = QPen(outline, width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawRect(1, 1, SWATCH.width() - 2, SWATCH.height() - 2)
    painter.end()
    return pixmap


class MapLegend(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setStyleSheet("#legend { background: #ffffff; border-top: 1px solid #c8ccd2; }"
                           " QLabel { font-size: 8pt; }")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setHorizontalSpacing(6)
        self._layout.setVerticalSpacing(2)
        self._texts: list[QLabel] = []
        rows = [
            swatch(STATUS_FILL[Status.UNRESOLVED]), swatch(STATUS_FILL[Status.EXEMPT]),
            swatch(STATUS_FILL[Status.FINE]), swatch(GROUP_FILLS[0], second=GROUP_FILLS[1]),
            swatch(None, VERDICT_COLOUR["meets"], width=2.5),
            swatch(None, VERDICT_COLOUR["exception"], width=2.5),
            swatch(None, VERDICT_COLOUR["fails"], dashed=True, width=2.5),
        ]
        for i, pixmap in enumerate(rows):
            row, col = (0, i) if i < 4 else (1, i - 4)
            icon = QLabel(self)
            icon.setPixmap(pixmap)
            text = QLabel(self)
            text.setTextFormat(Qt.TextFormat.PlainText)
            self._layout.addWidget(icon, row, 2 * col)
            self._layout.addWidget(text, row, 2 * col + 1)
            self._texts.append(text)
        self._layout.setColumnStretch(8, 1)
        self.retranslate()

    def retranslate(self) -> None:
        words = (self.tr("Phải sắp xếp, chưa có phương án"), self.tr("Phải sắp xếp, được miễn"),
                 self.tr("Không thuộc diện phải sắp xếp"), self.tr("Nhóm nhập (mỗi nhóm một màu)"),
                 self.tr("Viền nhóm: đạt tiêu chuẩn"), self.tr("Viền nhóm: ngoại lệ"),
                 self.tr("Viền nhóm: không đạt"))
        for label, text in zip(self._texts, words):
            label.setText(text)
