"""Render Phương án → Đề xuất phương án… offscreen: the dialog as it opens (docs/propose_dialog.png)
and after a run (docs/propose_result.png), on a fresh project of the embedded Châu Thành data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_propose_screenshots.py [vi|en]

Tân Phú is selected before the dialog opens, so it comes in as a locked unit; the rule set is
NQ 653/2019, the goal the fewest changes.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(lang: str = "vi") -> int:
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
    window = create_main_window(os.path.join(work, "du-an.sqlite"))
    i18n.set_language(lang, remember=False)
    window.resize(1366, 768)
    window.show()
    session = window.session
    session.set_selection([u.code for u in session.dataset.by_name("Tân Phú")])
    dialog = window.open_propose()
    dialog.rules.setCurrentIndex(dialog.rules.findData("nq653-2019"))
    for _ in range(5):
        app.processEvents()
    suffix = "" if lang == "vi" else f"_{lang}"
    shots = [ROOT / "docs" / f"propose_dialog{suffix}.png", ROOT / "docs" / f"propose_result{suffix}.png"]
    dialog.grab().save(str(shots[0]))
    dialog.start()
    while dialog.job.running:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(shots[1]))
    session.undo_stack.setClean()
    for shot in shots:
        print(shot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:2]))
