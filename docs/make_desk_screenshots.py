"""Render the checks panel and the boundary-import preview to docs/ (1366×768, offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_desk_screenshots.py

docs/checks_panel.png: the seed scenario with the Giao Long – Giao Hòa group selected (its
figure table, verdict and "Ghi ngoại lệ…").  docs/import_preview.png: the preview of importing
the national layer into Châu Thành by mistake (needs ../shared/data; nothing is applied).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
NATIONAL = ROOT.parent / "shared" / "data" / "vn_communes_2019_lowres.geojson"


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    work = tempfile.mkdtemp(prefix="sapxep-shot-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    app = QApplication([])
    QCoreApplication.setOrganizationName("SapXepDVHC-screenshot")
    QCoreApplication.setApplicationName("screenshot")
    from gui.app import create_main_window
    from gui.dialogs import preview
    window = create_main_window(os.path.join(work, "du-an.sqlite"))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    session = window.session
    session.set_selection([u.code for u in session.dataset.by_name("Giao Long")])
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(ROOT / "docs" / "checks_panel.png"))
    print(ROOT / "docs" / "checks_panel.png")
    if not NATIONAL.exists():
        print("../shared/data is absent: no import preview")
        return 0
    shown = {}

    def ask(cls, *args):
        dialog = cls(*args)
        QTimer.singleShot(300, lambda: (dialog.grab().save(str(ROOT / "docs" / "import_preview.png")),
                                        shown.setdefault("done", True), dialog.reject()))
        dialog.exec()
        return False
    preview.ReportPreview.ask = classmethod(ask)
    from gui.dialogs import common
    common.Message.show = classmethod(lambda cls, *a, **k: None)
    job = window.import_boundaries(str(NATIONAL))
    finished = []
    job.done.connect(finished.append)
    while not finished:
        app.processEvents()
    print(ROOT / "docs" / "import_preview.png" if shown else "no preview was shown")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
