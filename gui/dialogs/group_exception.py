"""The group exception: why a merged unit that misses the standard may still be formed.

The planner picks one of the rule set's grounds that take a recorded reason (NQ 653/2019:
two units that cannot take in a further adjacent unit because of special factors) and/or
writes the reason; an empty reason clears the exception. The dialog says what the rule set
offers for this group, and says so plainly when it offers nothing: the reason is then kept
in the scenario (and the dossier) but does not change the verdict.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from core.law.rules import RuleSet
from core.law.wording import pick

from .common import name_buttons, translate


@dataclass(frozen=True)
class Ground:
    """A ground of the rule set that a recorded reason makes apply to a group."""

    id: str
    text: str
    article: str


def grounds_for(rules: RuleSet, members: int, lang: str) -> list[Ground]:
    """The rule set's exceptions that need a recorded reason and fit a group of ``members`` units."""
    found = []
    for exc in rules.exceptions:
        if not exc.needs_reason:
            continue
        if exc.members is not None and exc.members != members:
            continue
        if exc.min_members is not None and members < exc.min_members:
            continue
        found.append(Ground(exc.id, pick(exc.text, lang), exc.article))
    return found


def _label(text: str, parent: QWidget, grey: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if grey:
        label.setStyleSheet("color: #555;")
    return label


class GroupExceptionDialog(QDialog):
    """Returns the reason ("" to clear the exception), None when cancelled."""

    def __init__(self, parent: QWidget | None, group_name: str, member_names: list[str], verdict: str,
                 rules: RuleSet, current: str, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("group-exception-dialog")
        self.setWindowTitle(translate("Dialogs", "Ngoại lệ của nhóm"))
        form = QFormLayout(self)
        form.addRow(translate("Dialogs", "Nhóm:"), _label(group_name, self))
        form.addRow(translate("Dialogs", "Các đơn vị:"), _label(", ".join(member_names), self))
        form.addRow(translate("Dialogs", "Kết luận hiện nay:"), _label(verdict, self))
        self.grounds = grounds_for(rules, len(member_names), lang)
        self.ground = QComboBox(self)
        self.ground.addItem(translate("Dialogs", "(tự ghi lý do)"), "")
        for g in self.grounds:
            self.ground.addItem(g.text, g.id)
            self.ground.setItemData(self.ground.count() - 1, g.article, Qt.ItemDataRole.ToolTipRole)
        self.ground.currentIndexChanged.connect(self._ground_chosen)
        form.addRow(translate("Dialogs", "Căn cứ:"), self.ground)
        self.reason = QPlainTextEdit(current, self)
        self.reason.setObjectName("exception-reason")
        self.reason.setPlaceholderText(translate(
            "Dialogs", "Ví dụ: Cù lao biệt lập, không có đơn vị liền kề nào khác để nhập thêm"))
        self.reason.setMinimumSize(420, 90)
        form.addRow(translate("Dialogs", "Lý do:"), self.reason)
        if self.grounds:
            articles = ", ".join(dict.fromkeys(g.article for g in self.grounds))
            note = translate("Dialogs", "Theo %1, khi ghi lý do, nhóm được xét là ngoại lệ (%2).").replace(
                "%1", rules.short).replace("%2", articles)
        else:
            note = translate("Dialogs", "%1 không có trường hợp ngoại lệ nào cho nhóm %2 đơn vị cần ghi lý do: "
                             "lý do được lưu trong phương án và hồ sơ nhưng không đổi kết luận.").replace(
                "%1", rules.short).replace("%2", str(len(member_names)))
        self.note = _label(note, self, grey=True)
        form.addRow(self.note)
        form.addRow(_label(translate("Dialogs", "Để trống lý do để bỏ ngoại lệ."), self, grey=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _ground_chosen(self) -> None:
        index = self.ground.currentIndex()
        if index <= 0:
            return
        ground = self.grounds[index - 1]
        written = self.reason.toPlainText().strip()
        # The ground's words start the reason; what the planner wrote after them stays.
        for g in self.grounds:
            if written == g.text:
                written = ""
                break
            if written.startswith(g.text + ": "):
                written = written[len(g.text) + 2:]
                break
        self.reason.setPlainText(f"{ground.text}: {written}" if written else ground.text)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, group_name: str, member_names: list[str], verdict: str,
            rules: RuleSet, current: str, lang: str) -> str | None:
        dialog = cls(parent, group_name, member_names, verdict, rules, current, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason_text()
