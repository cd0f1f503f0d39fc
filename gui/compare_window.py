"""Compare two scenarios side by side: linked maps, the measures with the better value
marked, and the differences in words — all from ``core.analysis.compare``; nothing judged here."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.analysis.compare import Comparison, compare
from core.domain.scenario import Scenario
from core.law.rules import all_rule_sets

from .compare_map import CompareMapPanel, link_views
from .dialogs.common import Message
from .i18n import current_language
from .map_shapes import load_shapes
from .session import Session
from .settings import settings
from .text import fill

BETTER_FILL = QColor("#d9f0d3")
BETTER_TEXT = QColor("#1b5e20")
MARK = " ✓"


class CompareWindow(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compare-window")
        self.session = session
        self.comparison: Comparison | None = None
        self.pickers = [QComboBox(self), QComboBox(self)]
        self.picker_labels = [QLabel(self), QLabel(self)]
        self.rules_box = QComboBox(self)
        self.rules_label = QLabel(self)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel { background: #fff4c2; color: #4a3b00; padding: 2px 6px; }")
        shapes = load_shapes(session.project)
        names = {c: u.name for c, u in session.dataset.units.items()}
        self.maps = [CompareMapPanel(shapes, names, self) for _ in self.pickers]
        link_views([m.view for m in self.maps])
        self.measures = QTableWidget(self)
        self.measures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.measures.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.measures.verticalHeader().setVisible(False)
        self.measures.setWordWrap(True)
        self.differences = QListWidget(self)
        self.differences.setWordWrap(True)
        self.differences_label = QLabel(self)
        self.differences_label.setStyleSheet("QLabel { font-weight: bold; }")
        self._layout()
        self._fill_pickers()
        for box in self.pickers:
            box.currentIndexChanged.connect(self.refresh)
        self.rules_box.currentIndexChanged.connect(self.refresh)
        self.retranslate()
        self.resize(1366, 768)

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, box in zip(self.picker_labels, self.pickers):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            top.addWidget(label)
            top.addWidget(box)
            top.addSpacing(12)
        top.addWidget(self.rules_label)
        top.addWidget(self.rules_box)
        top.addStretch(1)
        maps = QSplitter(Qt.Orientation.Horizontal, self)
        for panel in self.maps:
            maps.addWidget(panel)
        diff_box = QWidget(self)
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.setContentsMargins(0, 0, 0, 0)
        diff_layout.addWidget(self.differences_label)
        diff_layout.addWidget(self.differences, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(self.measures)
        bottom.addWidget(diff_box)
        bottom.setSizes([760, 600])
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(maps)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([400, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.splitter, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.save_image())
        self.print_button.clicked.connect(lambda: self.print_window())
        self.close_button.clicked.connect(self.close)
        layout.addWidget(self.buttons)

    # ----- keeping what is seen -----------------------------------------------------------
    def save_image(self, path: str | None = None) -> str | None:
        """The comparison as the planner sees it, as a PNG image (for a report or an e-mail)."""
        if path is None:
            folder = settings().value("export/folder", str(self.session.project.path.parent))
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu ảnh so sánh"),
                                                  str(Path(folder) / "so-sanh.png"), self.tr("Ảnh PNG (*.png)"))
            if not path:
                return None
            if not path.lower().endswith(".png"):
                path += ".png"
        if not self.grab().save(path, "PNG"):
            Message.show(self, self.tr("Không lưu được ảnh"), fill(self.tr("Không ghi được tệp %1."), path))
            return None
        return path

    def print_window(self, printer=None) -> bool:
        """Print the comparison on one page, through Qt's print dialog (or ``printer`` as given)."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("In so sánh phương án"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        image = self.grab()
        painter = QPainter()
        if not painter.begin(printer):
            Message.show(self, self.tr("Không in được"), self.tr("Máy in không sẵn sàng."))
            return False
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawPixmap(0, 0, size.width(), size.height(), image)
        painter.end()
        return True

    # ----- what is compared -------------------------------------------------------------
    def scenarios(self) -> list[Scenario]:
        """The project's scenarios; the open one as it is now, unsaved edits included."""
        current = self.session.scenario
        return [current if current is not None and s.id == current.id else s
                for s in self.session.project.scenarios()]

    def _fill_pickers(self) -> None:
        found = self.scenarios()
        current = self.session.scenario.id if self.session.scenario else None
        for i, box in enumerate(self.pickers):
            box.blockSignals(True)
            box.clear()
            for s in found:
                box.addItem(s.name, s.id)
            # A: the open scenario; B: the next one.
            start = next((k for k, s in enumerate(found) if s.id == current), 0)
            box.setCurrentIndex((start + i) % max(1, len(found)))
            box.blockSignals(False)
        self.rules_box.blockSignals(True)
        self.rules_box.clear()
        self.rules_box.addItem("", None)
        for rule_id, rule in all_rule_sets().items():
            self.rules_box.addItem(f"{rule.short} ({rule_id})", rule_id)
        self.rules_box.blockSignals(False)

    def choose(self, *refs: str, rules: str | None = None) -> None:
        """Compare the scenarios named (or with the ids) ``refs``, under ``rules`` or each its own."""
        for box, ref in zip(self.pickers, refs):
            index = box.findData(ref)
            box.setCurrentIndex(index if index >= 0 else box.findText(ref))
        self.rules_box.setCurrentIndex(self.rules_box.findData(rules) if rules else 0)
        self.refresh()

    def refresh(self) -> None:
        by_id = {s.id: s for s in self.scenarios()}
        chosen = [by_id.get(box.currentData()) for box in self.pickers]
        if any(s is None for s in chosen):
            return
        self.comparison = compare(self.session.dataset, chosen, self.rules_box.currentData())
        self._show()

    # ----- showing ---------------------------------------------------------------------
    def _show(self) -> None:
        comp, lang = self.comparison, current_language()
        if comp is None:
            return
        for panel, label, s, res, colouring in zip(self.maps, comp.labels, comp.scenarios, comp.results, comp.maps):
            panel.show_scenario(fill(self.tr("%1: %2 – xét theo %3"), label, s.name, res.rules.short),
                                colouring, res)
        self.note.setText(self._note(comp))
        self.note.setVisible(bool(self.note.text()))
        self._show_measures(comp, lang)
        self.differences.clear()
        for d in comp.differences:
            item = QListWidgetItem(d.text(lang))
            if d.same:
                item.setForeground(QBrush(QColor("#5f6b76")))
            self.differences.addItem(item)
        if not comp.differences:
            self.differences.addItem(self.tr("Hai phương án giống nhau."))

    def _note(self, comp: Comparison) -> str:
        lines = []
        if self.maps[0].scene.schematic:
            lines.append(self.tr("Sơ đồ minh họa, không phải bản đồ ranh giới: hình dạng và diện tích "
                                 "không đúng thực tế."))
        if comp.rules_given:
            lines.append(fill(self.tr("Cả hai phương án được xét theo cùng bộ quy tắc %1."),
                              comp.results[0].rules.short))
        elif comp.mixed_rules:
            lines.append(self.tr("Lưu ý: hai phương án được xét theo bộ quy tắc khác nhau (mỗi phương án "
                                 "theo bộ quy tắc của nó); chọn một bộ quy tắc để xét cùng tiêu chuẩn."))
        return " ".join(lines)

    def _show_measures(self, comp: Comparison, lang: str) -> None:
        table = self.measures
        table.clear()
        table.setRowCount(len(comp.measures))
        table.setColumnCount(1 + len(comp.labels))
        table.setHorizontalHeaderLabels([self.tr("Tiêu chí")] + [f"{lb}: {s.name}" for lb, s in
                                                                   zip(comp.labels, comp.scenarios)])
        bold = QFont(table.font())
        bold.setBold(True)
        for row, m in enumerate(comp.measures):
            table.setItem(row, 0, QTableWidgetItem(m.label(lang)))
            for i in range(len(comp.labels)):
                item = QTableWidgetItem(m.text(i, lang) + (MARK if m.is_best(i) else ""))
                if m.is_best(i):
                    item.setFont(bold)
                    item.setBackground(BETTER_FILL)
                    item.setForeground(BETTER_TEXT)
                    item.setToolTip(self.tr("Giá trị tốt hơn"))
                table.setItem(row, 1 + i, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for i in range(len(comp.labels)):
            header.setSectionResizeMode(1 + i, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("So sánh phương án"))
        for label, letter in zip(self.picker_labels, "AB"):
            label.setText(fill(self.tr("Phương án %1:"), letter))
        self.rules_label.setText(self.tr("Xét theo:"))
        self.rules_box.setItemText(0, self.tr("Mỗi phương án theo bộ quy tắc của nó"))
        self.differences_label.setText(self.tr("Khác biệt (✓ trong bảng = giá trị tốt hơn)"))
        self.save_button.setText(self.tr("Lưu ảnh…"))
        self.print_button.setText(self.tr("In…"))
        self.close_button.setText(self.tr("Đóng"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
