"""Trợ giúp → Hướng dẫn sử dụng (F1): the guide, the keyboard shortcuts of every menu
(read from the window's own actions, so the list is always the one the menus have), and
the version with the data's sources and the rule sets."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
)

from .help_text import guide_html


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed
    try:
        return installed("sapxep-dvhc")
    except PackageNotFoundError:
        import tomllib

        from core.common.paths import ROOT
        return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def shortcuts(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action of the window's menus that has a shortcut."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        title = menu.title().replace("&", "")
        for action in _actions(menu):
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys:
                rows.append((title, action.text().replace("&", "").split("\t")[0], ", ".join(keys)))
    return rows


def _actions(menu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found += _actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


class HelpWindow(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.setObjectName("help-window")
        self.resize(760, 620)
        self.tabs = QTabWidget(self)
        self.guide = QTextBrowser(self)
        self.guide.setOpenExternalLinks(False)
        self.keys = QTableWidget(0, 3, self)
        self.keys.verticalHeader().setVisible(False)
        self.keys.verticalHeader().setDefaultSectionSize(22)
        self.keys.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.keys.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.about = QTextBrowser(self)
        self.tabs.addTab(self.guide, "")
        self.tabs.addTab(self.keys, "")
        self.tabs.addTab(self.about, "")
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def show_page(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def retranslate(self) -> None:
        from .about import about_text
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng – Sắp xếp đơn vị hành chính cấp xã"))
        self.tabs.setTabText(0, self.tr("Hướng dẫn"))
        self.tabs.setTabText(1, self.tr("Phím tắt"))
        self.tabs.setTabText(2, self.tr("Phiên bản và nguồn dữ liệu"))
        self.close_button.setText(self.tr("Đóng"))
        self.guide.setHtml(guide_html())
        rows = shortcuts(self.main)
        self.keys.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Thao tác"), self.tr("Phím tắt")])
        self.keys.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.keys.setItem(i, j, item)
        self.keys.resizeColumnToContents(0)
        self.keys.resizeColumnToContents(2)
        text = self.tr("Phiên bản %1").replace("%1", version()) + "\n\n" + about_text(self.main.session)
        self.about.setHtml("<p>" + "<br>".join(html.escape(line) for line in text.splitlines()) + "</p>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
