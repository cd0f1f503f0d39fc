"""Builds the main window over an opened project."""
from __future__ import annotations

from core.store import open_project


def create_main_window(db_path: str | None = None):
    from PySide6.QtWidgets import QLabel, QMainWindow
    project = open_project(db_path)
    window = QMainWindow()
    window.setWindowTitle(f"Sắp xếp đơn vị hành chính – {project.dataset.name}")
    window.setCentralWidget(QLabel(f"{len(project.dataset.units)} đơn vị"))
    window.resize(1280, 720)
    return window
