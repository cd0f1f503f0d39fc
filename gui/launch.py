"""Start the application window."""
from __future__ import annotations

import sys


def make_application(qt_args: list[str]):
    """The QApplication, named so that its settings file is ``SapXepDVHC/SapXepDVHC.conf``
    (unnamed, Qt would call it after the script: ``main.py.conf``)."""
    from PySide6.QtWidgets import QApplication

    from .settings import adopt_old_settings, set_names
    set_names()
    app = QApplication([sys.argv[0], *qt_args])
    adopt_old_settings()
    return app


def launch(argv: list[str]) -> int:
    from .platform_check import problem
    message = problem()
    if message:
        print(message, file=sys.stderr)
        return 3
    import argparse
    parser = argparse.ArgumentParser(prog="main.py")
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=("vi", "en"))
    args, qt_args = parser.parse_known_args(argv)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from core.storage.store import ProjectError

    from .app import create_main_window
    app = make_application(qt_args)
    from .guard import install
    install()                   # a failure no slot caught is shown in words, not as a traceback
    try:
        window = create_main_window(args.db, language=args.lang)
    except ProjectError as exc:
        # The window's language is chosen by now; said on the terminal first: a planner who
        # started from one sees it even if the box is hidden.
        title = QCoreApplication.translate("Launch", "Không mở được dự án")
        unchanged = QCoreApplication.translate("Launch", "Tệp không bị thay đổi.")
        print(f"{title}: {exc}\n{unchanged}", file=sys.stderr, flush=True)
        QMessageBox.critical(None, title, f"{exc}\n\n{unchanged}")
        return 2
    window.show()
    return app.exec()
