"""File choosers for projects, scenario files and boundary layers."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from .common import tr


class FileChooser:
    @classmethod
    def open_project(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Mở dự án"), start,
                                              tr("Cơ sở dữ liệu dự án (*.sqlite *.db);;Mọi tệp (*)"))
        return path or None

    @classmethod
    def open_scenario(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Nhập phương án"), start,
                                              tr("Tệp phương án (*.json);;Mọi tệp (*)"))
        return path or None

    @classmethod
    def save_scenario(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Xuất phương án"), start,
                                              tr("Tệp phương án (*.json)"))
        if path and not path.lower().endswith(".json"):
            path += ".json"
        return path or None

    @classmethod
    def open_boundaries(cls, parent: QWidget | None, start: str = "") -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Nhập ranh giới"), start,
            tr("Lớp ranh giới (*.geojson *.json *.gpkg *.shp);;Mọi tệp (*)"))
        return path or None
