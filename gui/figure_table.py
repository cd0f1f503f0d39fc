"""A small table of figures painted in one widget: a group's members, the new unit, what it must meet.

One widget draws every cell (no label per cell: the checks panel rebuilds its page on each
edit, and a dozen labels per group would cost more than the evaluation). The first column is
left-aligned and elided when the panel is narrow; the others are right-aligned figures.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PAD_X = 6          # between columns
PAD_Y = 3          # above and below each row's text
GRID = QColor("#d5d9de")
GREY = QColor("#5f6b76")
HEADER_FILL = QColor("#eef1f4")
TOTAL_FILL = QColor("#f6f7f9")


@dataclass
class Row:
    cells: list[str]
    bold: bool = False
    grey: bool = False
    colours: dict[int, QColor] = field(default_factory=dict)     # column → text colour
    key: str = ""                                                 # e.g. the unit's code
    tooltip: str = ""                                             # plain text


class FigureTable(QWidget):
    row_clicked = Signal(str)          # the key of the row clicked (when it has one)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header: list[str] = []
        self.rows: list[Row] = []
        self._widths: list[int] = []
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_rows(self, header: list[str], rows: list[Row]) -> None:
        self.header, self.rows = header, rows
        plain, bold = QFontMetrics(self.font()), QFontMetrics(self._bold)
        columns = max([len(header)] + [len(r.cells) for r in rows])
        widths = [0] * columns
        for i, text in enumerate(header):
            widths[i] = bold.horizontalAdvance(text)
        for r in rows:
            metrics = bold if r.bold else plain
            for i, text in enumerate(r.cells):
                widths[i] = max(widths[i], metrics.horizontalAdvance(text))
        self._widths = widths
        self.setAccessibleName(self.text())
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The table as lines of tab-separated cells (for copying into a dossier)."""
        lines = ["\t".join(self.header)] if self.header else []
        return "\n".join(lines + ["\t".join(r.cells) for r in self.rows])

    # ----- geometry ---------------------------------------------------------------------
    def _row_height(self) -> int:
        return QFontMetrics(self._bold).height() + 2 * PAD_Y

    def sizeHint(self) -> QSize:
        lines = len(self.rows) + (1 if self.header else 0)
        return QSize(sum(self._widths) + PAD_X * (len(self._widths) + 1), lines * self._row_height() + 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _columns(self) -> list[tuple[float, float]]:
        """(left, width) of each column at the widget's width: the figures keep theirs, the
        first column takes what is left (at least a little)."""
        if not self._widths:
            return []
        figures = sum(self._widths[1:]) + PAD_X * len(self._widths)
        first = max(40.0, self.width() - 1 - figures - PAD_X)
        out, x = [], float(PAD_X)
        for i, w in enumerate(self._widths):
            width = first if i == 0 else float(w)
            out.append((x, width))
            x += width + PAD_X
        return out

    def row_at(self, y: float) -> int | None:
        index = int(y // self._row_height()) - (1 if self.header else 0)
        return index if 0 <= index < len(self.rows) else None

    # ----- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self._row_height()
        columns = self._columns()
        text_colour = self.palette().windowText().color()
        y = 0
        lines = ([Row(self.header, bold=True)] if self.header else []) + self.rows
        for n, row in enumerate(lines):
            is_header = bool(self.header) and n == 0
            if is_header:
                painter.fillRect(QRectF(0, y, self.width(), height), HEADER_FILL)
            elif row.bold:
                painter.fillRect(QRectF(0, y, self.width(), height), TOTAL_FILL)
            font = self._bold if row.bold else self.font()
            painter.setFont(font)
            metrics = QFontMetrics(font)
            for i, text in enumerate(row.cells):
                if i >= len(columns):
                    break
                left, width = columns[i]
                colour = row.colours.get(i) or (GREY if row.grey or (is_header and i) else text_colour)
                painter.setPen(colour)
                align = Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if i == 0
                                                         else Qt.AlignmentFlag.AlignRight)
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width)) if i == 0 else text
                painter.drawText(QRectF(left, y, width, height), align, shown)
            y += height
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(0, y, self.width(), y)
        painter.end()

    # ----- pointing ---------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            index = self.row_at(event.pos().y())
            row = self.rows[index] if index is not None else None
            tip = row.tooltip if row is not None else ""
            if not tip and row is not None and row.cells:
                _left, width = self._columns()[0]
                if QFontMetrics(self._bold if row.bold else self.font()).horizontalAdvance(row.cells[0]) > width:
                    tip = row.cells[0]          # an elided name in full
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().y())
        clickable = index is not None and bool(self.rows[index].key)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.row_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and index is not None and self.rows[index].key:
            self.row_clicked.emit(self.rows[index].key)
            event.accept()
            return
        super().mouseReleaseEvent(event)
