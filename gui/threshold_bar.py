"""A horizontal bar: a figure as % of its standard, with the legal thresholds marked."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .palette import FAIL_FILL, NEUTRAL_FILL, PASS_FILL
from .text import rich

BAR_HEIGHT = 14


class ThresholdBar(QWidget):
    """``pct`` drawn against ``marks`` (% of the standard); green when ``ok``, red when not,
    neutral when there is no requirement to meet (a single unit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.value_text = ""
        self.pct = 0.0
        self.ok: bool | None = None
        self.marks: list[float] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_figures(self, title: str, value_text: str, pct: float, ok: bool | None, marks: list[float]) -> None:
        self.title, self.value_text, self.pct, self.ok = title, value_text, pct, ok
        self.marks = sorted({m for m in marks if m > 0})
        self.setAccessibleName(f"{title}: {value_text}")
        self.setToolTip(rich(f"{title}: {value_text}"))
        self.update()

    @property
    def scale_max(self) -> float:
        top = max([self.pct, *self.marks, 100.0])
        return top * 1.12

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.font()).height()
        return QSize(260, 2 * line + BAR_HEIGHT + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        width = self.width() - 2
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(1, 0, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.title)
        painter.drawText(QRectF(1, 0, width, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         self.value_text)
        top = line + 2
        bar = QRectF(1, top, width, BAR_HEIGHT)
        painter.setPen(QPen(QColor("#9aa1a9"), 1))
        painter.setBrush(QColor("#eceff2"))
        painter.drawRect(bar)
        scale = self.scale_max
        filled = QRectF(bar.left(), bar.top(), bar.width() * min(self.pct, scale) / scale, bar.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NEUTRAL_FILL if self.ok is None else PASS_FILL if self.ok else FAIL_FILL)
        painter.drawRect(filled)
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        xs = [bar.left() + bar.width() * mark / scale for mark in self.marks]
        texts = [f"{mark:g} %" for mark in self.marks]
        widths = [small_metrics.horizontalAdvance(t) for t in texts]
        for x in xs:
            painter.setPen(QPen(QColor("#1f2328"), 2))
            painter.drawLine(int(x), int(bar.top()) - 3, int(x), int(bar.bottom()) + 3)
        painter.setPen(QColor("#1f2328"))
        for left, text, text_width in label_places(xs, widths, float(self.width()), texts):
            painter.drawText(QRectF(left, bar.bottom() + 3, text_width + 1, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.end()


GAP = 4.0


def label_places(xs: list[float], widths: list[float], room: float, texts: list[str]) -> list[tuple]:
    """Where each mark's label goes under the bar: centred on its mark, pushed apart so that
    none overprints another (70 % and 100 % close together), kept inside ``room``; a label that
    cannot fit is left out (100 %, the standard, is kept first). Returns (left, text, width)."""
    keep = list(range(len(xs)))
    while keep:
        lefts = []
        for i in keep:                                  # left to right, pushed right
            left = max(0.0, xs[i] - widths[i] / 2)
            if lefts:
                left = max(left, lefts[-1] + widths[keep[len(lefts) - 1]] + GAP)
            lefts.append(left)
        right = room - 1
        for k in range(len(keep) - 1, -1, -1):          # right to left, pulled back inside
            i = keep[k]
            lefts[k] = min(lefts[k], right - widths[i])
            right = lefts[k] - GAP
        if lefts[0] >= 0:
            return [(lefts[k], texts[i], widths[i]) for k, i in enumerate(keep)]
        drop = next((i for i in keep if texts[i] != "100 %"), keep[0])
        keep.remove(drop)
    return []
