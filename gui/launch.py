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

    from core.storage.store import ProjectError

    from .app import create_main_window
    app = QApplication([sys.argv[0], *qt_args])
    try:
        window = create_main_window(args.db)
    except ProjectError as exc:
        # Said on the terminal first: a planner who started from one sees it even if the box is hidden.
        print(f"Không mở được dự án; tệp không bị thay đổi / Cannot open the project; the file was "
              f"not changed:\n{exc}", file=sys.stderr, flush=True)
        QMessageBox.critical(None, "Không mở được dự án / Cannot open the project",
                             f"{exc}\n\nTệp không bị thay đổi. / The file was not changed.")
        return 2
    window.show()
    return app.exec()
