"""Render the export of one province from the window, half-way, with its percentage and Hủy
(docs/export_progress.png), offscreen, on a copy of a national project.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_export_shot.py NATIONAL.sqlite "Bến Tre"

The export is cancelled after the picture; nothing is written.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db: str, province: str) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication
    work = Path(tempfile.mkdtemp(prefix="sapxep-shot-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = QApplication([])
    QCoreApplication.setOrganizationName("SapXepDVHC-screenshot")
    QCoreApplication.setApplicationName("screenshot")
    from core.export import Area
    from gui.app import create_main_window
    copy = work / "national.sqlite"
    shutil.copy(db, copy)
    window = create_main_window(str(copy), language="vi")
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    job = window.export_summary(str(work / "tinh.pdf"), Area(province))
    deadline = time.monotonic() + 600
    while job.dialog.value() < 300 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    for _ in range(3):
        app.processEvents()
    target = ROOT / "docs" / "export_progress.png"
    from PySide6.QtGui import QPainter
    shot = window.grab()
    dialog = job.dialog.grab()
    painter = QPainter(shot)                    # the progress dialog where it stands, over the window
    painter.drawPixmap((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2, dialog)
    painter.end()
    shot.save(str(target))
    job.cancel()
    finished = []
    job.done.connect(finished.append)
    while not finished:
        app.processEvents()
        time.sleep(0.05)
    print(target, "cancelled" if finished[0] else "written", [p.name for p in work.iterdir()])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
