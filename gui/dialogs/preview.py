"""The preview of an import: what decides (matched, neighbour pairs, warnings) on top, the
whole report below in a box that scrolls, the choices the plan was made with (the field the
features are matched by, the snapping tolerance) with "Xem lại" to plan again, then Apply or
Cancel.

``ReportPreview.ask`` returns True (apply), False (cancel) or a ``Replan`` (the planner changed
a choice and asked to see the preview again; nothing was written)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .common import translate


@dataclass(frozen=True)
class Replan:
    """Plan the import again with these choices."""

    code_field: str | None
    name_field: str | None
    tolerance_m: float


@dataclass(frozen=True)
class Choices:
    """What the plan was made with, and what the layer offers."""

    fields: tuple[str, ...]
    key: tuple[str, str]          # ("code" | "name", field)
    tolerance_m: float
    max_tolerance_m: float


class ReportPreview(QDialog):
    def __init__(self, parent: QWidget | None, title: str, summary: list[str], warnings: list[str],
                 text: str, yes: str, choices: Choices | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-preview")
        self.setWindowTitle(title)
        self.replan: Replan | None = None
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
        self.key = self.tolerance = None
        if choices is not None:
            layout.addLayout(self._choices(choices))
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(yes, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("Dialogs", "Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _choices(self, choices: Choices) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Dialogs", "Khớp theo trường:")))
        self.key = QComboBox()
        self.key.setObjectName("import-key")
        for name in choices.fields:
            for kind, label in (("code", translate("Dialogs", "%1 (mã đơn vị)")),
                                ("name", translate("Dialogs", "%1 (tên đơn vị)"))):
                self.key.addItem(label.replace("%1", name), (kind, name))
        # (findData compares Python tuples by identity)
        index = next((i for i in range(self.key.count()) if tuple(self.key.itemData(i)) == tuple(choices.key)), 0)
        self.key.setCurrentIndex(index)
        row.addWidget(self.key, 1)
        row.addWidget(QLabel(translate("Dialogs", "Dung sai liền kề (m):")))
        self.tolerance = QDoubleSpinBox()
        self.tolerance.setObjectName("import-tolerance")
        self.tolerance.setRange(0.0, choices.max_tolerance_m)
        self.tolerance.setDecimals(1)
        self.tolerance.setValue(choices.tolerance_m)
        self.tolerance.setToolTip(translate(
            "Dialogs", "Hai đơn vị cách nhau không quá khoảng này được coi là liền kề (ranh giới vẽ lệch nhau)"))
        row.addWidget(self.tolerance)
        again = QDialogButtonBox()
        button = again.addButton(translate("Dialogs", "Xem lại"), QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName("import-replan")
        button.setToolTip(translate("Dialogs", "Lập lại bản xem trước với lựa chọn này; dự án chưa thay đổi"))
        button.clicked.connect(self._replan)
        row.addWidget(again)
        return row

    def _replan(self) -> None:
        assert self.key is not None and self.tolerance is not None
        kind, name = self.key.currentData()
        self.replan = Replan(name if kind == "code" else None, name if kind == "name" else None,
                             float(self.tolerance.value()))
        self.done(QDialog.DialogCode.Rejected)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, summary: list[str], warnings: list[str], text: str,
            yes: str, choices: Choices | None = None) -> bool | Replan:
        dialog = cls(parent, title, summary, warnings, text, yes, choices)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return True
        return dialog.replan or False
