"""The preview of an import: what decides (matched, neighbour pairs, warnings) on top, the
whole report below in a box that scrolls, then Apply or Cancel."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from .common import translate


class ReportPreview(QDialog):
    def __init__(self, parent: QWidget | None, title: str, summary: list[str], warnings: list[str],
                 text: str, yes: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        head = QLabel("\n".join(summary))
        head.setWordWrap(True)
        head.setTextFormat(head.textFormat().PlainText)
        layout.addWidget(head)
        if warnings:
            warning = QLabel("\n".join(warnings))
            warning.setWordWrap(True)
            warning.setTextFormat(warning.textFormat().PlainText)
            warning.setStyleSheet("color: #a40000; font-weight: bold;")
            layout.addWidget(warning)
        self.report = QPlainTextEdit(text)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("Dialogs", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 540)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, summary: list[str], warnings: list[str], text: str,
            yes: str) -> bool:
        return cls(parent, title, summary, warnings, text, yes).exec() == QDialog.DialogCode.Accepted
