"""Start the application window."""
from __future__ import annotations

import sys


def launch(argv: list[str]) -> int:
    from .platform_check import problem
    message = problem()
    if message:
        print(message, file=sys.stderr)
        return 3
    import argparse
    parser = argparse.ArgumentParser(prog="main.py")
    parser.add_argument("--db", help="project database file")
    args, qt_args = parser.parse_known_args(argv)

    from PySide6.QtWidgets import QApplication, QMessageBox
    from core.store import ProjectError
    from .app import create_main_window
    app = QApplication([sys.argv[0], *qt_args])
    try:
        window = create_main_window(args.db)
    except ProjectError as exc:
        QMessageBox.critical(None, "Không mở được dự án / Cannot open the project", str(exc))
        print(exc, file=sys.stderr)
        return 2
    window.show()
    return app.exec()
