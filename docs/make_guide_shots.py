"""Render Trợ giúp → Hướng dẫn sử dụng (docs/guide.png, docs/guide_keys.png, docs/guide_en.png)
and the export dialog (docs/export_dialog.png), offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_guide_shots.py

Uses a fresh temporary project and temporary settings, as a first start has them.
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
    from gui import i18n
    from gui.app import create_main_window
    from gui.dialogs.export_dialog import ExportDialog
    window = create_main_window(os.path.join(work, "du-an.sqlite"), language="vi")
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    shots = []

    def shoot(widget, name):
        for _ in range(3):
            app.processEvents()
        target = ROOT / "docs" / name
        widget.grab().save(str(target))
        shots.append(target)

    guide = window.guide()
    shoot(guide, "guide.png")
    guide.show_page(1)
    shoot(guide, "guide_keys.png")
    dialog = ExportDialog(window, window.session.dataset, str(Path.home() / "Documents" / "Phương án 2019.pdf"))
    dialog.show()
    shoot(dialog, "export_dialog.png")
    dialog.close()
    i18n.set_language("en", remember=False)
    guide.show_page(0)
    shoot(guide, "guide_en.png")
    for target in shots:
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
