"""The group exception: why a merged unit that misses the standard may still be formed.

The planner picks one of the rule set's grounds (``core.law.wording.ground_choices``: NQ 653/2019
"special factors", NQ 35/2023 "approved below standard", NQ 76/2025 khoản 3 Điều 5 "decision of
the Standing Committee" …) and writes what the ground asks for (the factor, the decision's number
and date); clearing both removes the exception. A ground that does not fit a group of this size
is still offered, marked so: the verdict then says why it does not apply. When the rule set
offers no ground, the dialog says so plainly: a reason is kept in the scenario and the dossier
but does not change the verdict.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from core.law.rules import RuleSet
from core.law.wording import GroundChoice, ground_choices

from .common import name_buttons, translate


def _label(text: str, parent: QWidget, grey: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if grey:
        label.setStyleSheet("color: #555;")
    return label


class GroupExceptionDialog(QDialog):
    """Returns (ground id, text) — ("", "") clears the exception — or None when cancelled."""

    def __init__(self, parent: QWidget | None, group_name: str, member_names: list[str], verdict: str,
                 rules: RuleSet, current: tuple[str, str], lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("group-exception-dialog")
        self.setWindowTitle(translate("Dialogs", "Ngoại lệ của nhóm"))
        self.lang = lang
        form = QFormLayout(self)
        form.addRow(translate("Dialogs", "Nhóm:"), _label(group_name, self))
        form.addRow(translate("Dialogs", "Các đơn vị:"), _label(", ".join(member_names), self))
        form.addRow(translate("Dialogs", "Kết luận hiện nay:"), _label(verdict, self))
        self.choices: list[GroundChoice] = ground_choices(rules, len(member_names))
        self.ground = QComboBox(self)
        self.ground.setObjectName("exception-ground")
        self.ground.addItem(translate("Dialogs", "(chưa chọn căn cứ)"), "")
        for c in self.choices:
            text = c.label.text(lang)
            if not c.fits:
                text += translate("Dialogs", " – không phải trường hợp của nhóm %1 đơn vị").replace(
                    "%1", str(len(member_names)))
            self.ground.addItem(text, c.id)
            self.ground.setItemData(self.ground.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.ground.setMinimumContentsLength(40)
        self.ground.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        form.addRow(translate("Dialogs", "Căn cứ:"), self.ground)
        self.ground_text = _label("", self, grey=True)         # the ground chosen, in full
        form.addRow("", self.ground_text)
        self.reason = QPlainTextEdit(current[1], self)
        self.reason.setObjectName("exception-reason")
        self.reason.setMinimumSize(460, 90)
        form.addRow(translate("Dialogs", "Nội dung:"), self.reason)
        if self.choices:
            note = translate("Dialogs", "Chọn căn cứ của %1 và ghi nội dung căn cứ yêu cầu; "
                             "để trống cả hai để bỏ ngoại lệ.").replace("%1", rules.short)
        else:
            note = translate("Dialogs", "%1 không có căn cứ ngoại lệ nào để ghi: nội dung được lưu trong "
                             "phương án và hồ sơ nhưng không đổi kết luận.").replace("%1", rules.short)
        form.addRow(_label(note, self, grey=True))
        self.problem = _label("", self)
        self.problem.setStyleSheet("color: #a40000;")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        index = self.ground.findData(current[0]) if current[0] else -1
        if index < 0 and len(self.choices) == 1 and not current[1]:
            index = 1                      # the rule set's only ground, ready to be written
        self.ground.setCurrentIndex(max(index, 0))
        self.ground.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def chosen(self) -> GroundChoice | None:
        ground_id = self.ground.currentData()
        return next((c for c in self.choices if c.id == ground_id), None)

    def _check(self) -> None:
        """The prompt of the ground chosen; OK only when what it needs is written."""
        choice = self.chosen()
        self.ground_text.setText(self.ground.currentText() if choice is not None else "")
        self.reason.setPlaceholderText(choice.prompt.text(self.lang) if choice is not None else translate(
            "Dialogs", "Lý do (không có căn cứ thì không đổi kết luận)"))
        missing = choice is not None and choice.needs_text and not self.text()
        self.problem.setText(translate("Dialogs", "Căn cứ này cần ghi nội dung: %1").replace(
            "%1", choice.prompt.text(self.lang)) if missing and choice is not None else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def answer(self) -> tuple[str, str]:
        choice = self.chosen()
        return (choice.id if choice is not None else "", self.text())

    @classmethod
    def ask(cls, parent: QWidget | None, group_name: str, member_names: list[str], verdict: str,
            rules: RuleSet, current: tuple[str, str], lang: str) -> tuple[str, str] | None:
        dialog = cls(parent, group_name, member_names, verdict, rules, current, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
