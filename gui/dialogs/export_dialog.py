"""Tệp → Xuất bản tóm tắt phương án…: which part of the project, and to which file.

The area is the whole project, a province, or a district of it (as ``export --province
--district`` on the command line); the file's extension chooses the format. The dialog
starts in the folder of the last export (else the user's documents) and says how many
units the summary will hold.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.common.numbers import fmt_int
from core.common.text import fold
from core.domain.model import Dataset
from core.export import FORMATS, Area

from ..i18n import current_language
from .common import name_buttons, translate
from .files import FileChooser


@dataclass
class ExportChoice:
    path: str
    area: Area


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, dataset: Dataset, start: str,
                 province: str | None = None, district: str | None = None) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self.setWindowTitle(translate("Dialogs", "Xuất bản tóm tắt phương án"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.province_box, self.district_box = QComboBox(self), QComboBox(self)
        self.province_box.addItem(translate("Dialogs", "Toàn bộ dự án"), None)
        for name in sorted({u.province for u in dataset.units.values() if u.province}, key=fold):
            self.province_box.addItem(name, name)
        form.addRow(translate("Dialogs", "Tỉnh:"), self.province_box)
        form.addRow(translate("Dialogs", "Huyện:"), self.district_box)
        self.count = QLabel(self)
        form.addRow("", self.count)
        self.path = QLineEdit(start, self)
        self.path.setMinimumWidth(380)
        browse = QPushButton(translate("Dialogs", "Chọn…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(translate("Dialogs", "Tệp:"), row)
        hint = QLabel(translate("Dialogs", "Phần mở rộng của tệp chọn định dạng: .pdf, .xlsx, .csv, .gpkg, .geojson."),
                      self)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Dialogs", "Xuất"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.province_box.currentIndexChanged.connect(lambda _: self._fill_districts())
        self.district_box.currentIndexChanged.connect(lambda _: self._count())
        if province:
            self.province_box.setCurrentIndex(max(0, self.province_box.findData(province)))
        self._fill_districts()
        if district:
            self.district_box.setCurrentIndex(max(0, self.district_box.findData(district)))
        if self.province_box.count() == 2 and not province:
            self.province_box.setCurrentIndex(1)       # a district's project: its one province

    # ----- the area ----------------------------------------------------------------------
    def _fill_districts(self) -> None:
        province = self.province_box.currentData()
        self.district_box.blockSignals(True)
        self.district_box.clear()
        self.district_box.addItem(translate("Dialogs", "Cả tỉnh") if province else "", None)
        if province:
            for name in sorted({u.district for u in self.dataset.units.values()
                                if u.province == province and u.district}, key=fold):
                self.district_box.addItem(name, name)
        self.district_box.setEnabled(bool(province))
        self.district_box.blockSignals(False)
        self._count()

    def area(self) -> Area:
        return Area(self.province_box.currentData(), self.district_box.currentData())

    def units(self) -> int:
        area = self.area()
        return sum(1 for u in self.dataset.units.values()
                   if (area.province is None or u.province == area.province)
                   and (area.district is None or u.district == area.district))

    def _count(self) -> None:
        self.count.setText(translate("Dialogs", "Bản tóm tắt gồm %1 đơn vị hành chính cấp xã.").replace(
            "%1", fmt_int(self.units(), current_language())))

    # ----- the file ----------------------------------------------------------------------
    def _browse(self) -> None:
        path = FileChooser.save_summary(self, self.path.text())
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        path = self.path.text().strip()
        if not path:
            self.error.setText(translate("Dialogs", "Hãy chọn tệp sẽ ghi."))
            return
        if Path(path).suffix.lower() not in FORMATS:
            self.error.setText(translate("Dialogs", "Hãy đặt tên tệp kết thúc bằng .pdf, .xlsx, .csv, .gpkg "
                                                    "hoặc .geojson (phần mở rộng chọn định dạng)."))
            return
        self.path.setText(path)
        super().accept()

    def choice(self) -> ExportChoice:
        return ExportChoice(self.path.text().strip(), self.area())

    @classmethod
    def ask(cls, parent: QWidget | None, dataset: Dataset, start: str, province: str | None = None,
            district: str | None = None) -> ExportChoice | None:
        dialog = cls(parent, dataset, start, province, district)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
