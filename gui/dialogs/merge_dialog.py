"""The merge dialog: name, seat and kind of the new unit, with the rule set's proposal."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from core.domain.model import KINDS, Dataset
from core.law.wording import kind_label

from .common import name_buttons, translate


@dataclass
class MergeChoice:
    name: str
    seat: str
    kind: str | None      # None: the rule set's default


class MergeDialog(QDialog):
    def __init__(self, parent: QWidget | None, dataset: Dataset, members: list[str],
                 default_kind: str, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Nhập đơn vị"))
        units = dataset.units
        largest = max(members, key=lambda c: units[c].population.value)
        form = QFormLayout(self)
        names = QLabel(", ".join(units[c].name for c in members), self)
        names.setTextFormat(Qt.TextFormat.PlainText)
        names.setWordWrap(True)
        form.addRow(translate("Dialogs", "Các đơn vị:"), names)
        self.name = QLineEdit(units[largest].name, self)
        self.name.setMinimumWidth(280)
        form.addRow(translate("Dialogs", "Tên đơn vị mới:"), self.name)
        self.seat = QComboBox(self)
        for code in members:
            self.seat.addItem(units[code].name, code)
        self.seat.setCurrentIndex(members.index(largest))
        form.addRow(translate("Dialogs", "Trụ sở đặt tại:"), self.seat)
        self.kind = QComboBox(self)
        self.kind.addItem(translate("Dialogs", "Theo quy tắc: %1").replace("%1", kind_label(default_kind, lang)), None)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind, lang), kind)
        form.addRow(translate("Dialogs", "Loại đơn vị mới:"), self.kind)
        hint = QLabel(translate("Dialogs", "Đề xuất: tên của đơn vị có dân số lớn nhất; loại theo bộ quy tắc đang dùng."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> MergeChoice:
        return MergeChoice(self.name.text(), self.seat.currentData(), self.kind.currentData())

    @classmethod
    def ask(cls, parent: QWidget | None, dataset: Dataset, members: list[str],
            default_kind: str, lang: str) -> MergeChoice | None:
        dialog = cls(parent, dataset, members, default_kind, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
