"""Exemption with a reason, and a figure override with its source note."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from core.law.rules import RuleSet
from core.law.wording import pick

from .common import name_buttons, translate


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    name_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ExemptionDialog(QDialog):
    """Returns the reason text, "" to remove the exemption, None when cancelled."""

    def __init__(self, parent: QWidget | None, unit_name: str, rules: RuleSet, current: str, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Dialogs", "Miễn sắp xếp"))
        form = QFormLayout(self)
        who = QLabel(unit_name, self)
        who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(translate("Dialogs", "Đơn vị:"), who)
        self.ground = QComboBox(self)
        self.ground.addItem(translate("Dialogs", "(tự ghi lý do)"), "")
        for g in rules.exemption_grounds:
            self.ground.addItem(pick(g, lang) if "vi" in g else str(g), pick(g, lang))
        self.ground.currentIndexChanged.connect(self._ground_chosen)
        form.addRow(translate("Dialogs", "Căn cứ:"), self.ground)
        self.reason = QPlainTextEdit(current, self)
        self.reason.setMinimumSize(380, 80)
        form.addRow(translate("Dialogs", "Lý do:"), self.reason)
        if rules.exemption_article:
            article = QLabel(rules.exemption_article, self)
            article.setWordWrap(True)
            article.setStyleSheet("color: #555;")
            form.addRow(article)
        form.addRow(QLabel(translate("Dialogs", "Để trống lý do để bỏ miễn sắp xếp."), self))
        form.addRow(_buttons(self))

    def _ground_chosen(self) -> None:
        text = self.ground.currentData()
        if text:
            self.reason.setPlainText(text)

    @classmethod
    def ask(cls, parent: QWidget | None, unit_name: str, rules: RuleSet, current: str,
            lang: str) -> str | None:
        dialog = cls(parent, unit_name, rules, current, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip()


@dataclass
class OverrideChoice:
    population: float | None
    area_km2: float | None
    source: str


class OverrideDialog(QDialog):
    """Figures and their source; ``check(choice)`` returns why core would refuse them (or None):
    the dialog then says so and stays open with everything typed."""

    def __init__(self, parent: QWidget | None, unit_name: str, population: float, area: float,
                 current: OverrideChoice | None, check: Callable[[OverrideChoice], str | None] | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(translate("Dialogs", "Điều chỉnh số liệu"))
        form = QFormLayout(self)
        who = QLabel(unit_name, self)
        who.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(translate("Dialogs", "Đơn vị:"), who)
        self.population = QSpinBox(self)
        self.population.setRange(0, 10_000_000)
        self.population.setGroupSeparatorShown(True)
        self.population.setSpecialValueText(translate("Dialogs", "(giữ số liệu gốc)"))
        self.population.setValue(int(current.population) if current and current.population is not None else 0)
        label = fill_label(translate("Dialogs", "Dân số (gốc: %1):"), f"{population:,.0f}".replace(",", "."))
        form.addRow(label, self.population)
        self.area = QDoubleSpinBox(self)
        self.area.setRange(0, 100_000)
        self.area.setDecimals(3)
        self.area.setSuffix(" km²")
        self.area.setSpecialValueText(translate("Dialogs", "(giữ số liệu gốc)"))
        self.area.setValue(current.area_km2 if current and current.area_km2 is not None else 0)
        label = fill_label(translate("Dialogs", "Diện tích tự nhiên (gốc: %1 km²):"), f"{area:.3f}".replace(".", ","))
        form.addRow(label, self.area)
        self.source = QLineEdit(current.source if current else "", self)
        self.source.setPlaceholderText(translate("Dialogs", "Ví dụ: Tờ trình của HĐND huyện ngày 12/09/2019"))
        self.source.setMinimumWidth(360)
        form.addRow(translate("Dialogs", "Nguồn số liệu:"), self.source)
        form.addRow(QLabel(translate("Dialogs", "Để cả hai ô ở giá trị gốc để bỏ điều chỉnh."), self))
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.hide()
        form.addRow(self.error)
        form.addRow(_buttons(self))

    def accept(self) -> None:
        why = self.check(self.choice()) if self.check is not None else None
        if why:
            self.error.setText(why)
            self.error.show()
            self.source.setFocus()
            return
        super().accept()

    def choice(self) -> OverrideChoice:
        pop = self.population.value() or None
        area = self.area.value() or None
        return OverrideChoice(None if pop is None else float(pop), area, self.source.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, unit_name: str, population: float, area: float,
            current: OverrideChoice | None,
            check: Callable[[OverrideChoice], str | None] | None = None) -> OverrideChoice | None:
        dialog = cls(parent, unit_name, population, area, current, check)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()


def fill_label(template: str, value: str) -> str:
    return template.replace("%1", value)
