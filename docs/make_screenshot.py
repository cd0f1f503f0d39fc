"""Render the main window on the seed scenario to docs/screenshot.png (1366×768, offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshot.py

Uses a fresh temporary project and temporary settings, so it shows exactly what
a first start shows, with the Giao Long – Giao Hòa group selected.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    work = tempfile.mkdtemp(prefix="sapxep-shot-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    app = QApplication([])
    QCoreApplication.setOrganizationName("SapXepDVHC-screenshot")
    QCoreApplication.setApplicationName("screenshot")
    from gui.app import create_main_window
    window = create_main_window(os.path.join(work, "du-an.sqlite"))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    session = window.session
    session.set_selection([u.code for u in session.dataset.by_name("Giao Long")])
    for _ in range(3):
        app.processEvents()
    target = ROOT / "docs" / "screenshot.png"
    window.grab().save(str(target))
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
