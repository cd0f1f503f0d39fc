"""File choosers for projects, scenario files and boundary layers."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from .common import translate


class FileChooser:
    @classmethod
    def open_project(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Mở dự án"), start,
                                              translate("Dialogs", "Cơ sở dữ liệu dự án (*.sqlite *.db);;Mọi tệp (*)"))
        return path or None

    @classmethod
    def open_scenario(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "Nhập phương án"), start,
                                              translate("Dialogs", "Tệp phương án (*.json);;Mọi tệp (*)"))
        return path or None

    @classmethod
    def save_scenario(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Xuất phương án"), start,
                                              translate("Dialogs", "Tệp phương án (*.json)"))
        if path and not path.lower().endswith(".json"):
            path += ".json"
        return path or None

    @classmethod
    def open_boundaries(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, translate("Dialogs", "Nhập ranh giới"), start,
            translate("Dialogs", "Lớp ranh giới (*.geojson *.json *.gpkg *.shp);;Mọi tệp (*)"))
        return path or None

    @classmethod
    def save_summary(cls, parent: QWidget | None, start: str = "") -> str | None:
        """A file for the scenario summary; its extension chooses the format."""
        filters = {translate("Dialogs", "Bản tóm tắt PDF (*.pdf)"): ".pdf",
                   translate("Dialogs", "Bảng tính Excel (*.xlsx)"): ".xlsx",
                   translate("Dialogs", "Bảng đơn vị cũ → mới, CSV (*.csv)"): ".csv",
                   translate("Dialogs", "GeoPackage cho QGIS (*.gpkg)"): ".gpkg",
                   translate("Dialogs", "GeoJSON (*.geojson)"): ".geojson"}
        path, chosen = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Xuất bản tóm tắt phương án"),
                                                   start, ";;".join(filters))
        if path and "." not in path.rsplit("/", 1)[-1]:
            path += filters.get(chosen, ".pdf")
        return path or None
