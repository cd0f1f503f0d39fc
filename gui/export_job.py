"""Export the scenario summary (PDF, XLSX, CSV, GeoPackage, GeoJSON) off the GUI thread.

The worker opens its own connection to the project database (SQLite connections
stay in their thread) and calls ``core.export.export_scenario`` on a copy of the
scenario as it is on screen, unsaved edits included. Core writes to a temporary
file and moves it into place, so a failure leaves no half-written file; the
planner reads why in their language.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.common.errors import CoreError
from core.domain.scenario import Scenario
from core.export import export_scenario
from core.export.files import ExportError
from core.storage.connect import open_project

from .dialogs.common import Message
from .errors import explain
from .session import Session
from .text import fill


class ExportWorker(QObject):
    finished = Signal(str)                  # "" when written, else what went wrong

    def __init__(self, db_path: Path, scenario: Scenario, path: str, rules: str | None) -> None:
        super().__init__()
        self.db_path, self.scenario, self.path, self.rules = db_path, scenario, path, rules

    @Slot()
    def run(self) -> None:
        project = None
        try:
            project = open_project(self.db_path)
            export_scenario(project, self.scenario, self.path, self.rules)
            self.finished.emit("")
        except Exception as exc:            # core's refusals, and a writer failing deep inside a library
            if not isinstance(exc, (CoreError, OSError)):
                exc = ExportError("export.writer_failed", file=self.path, reason=f"{type(exc).__name__}: {exc}")
            self.finished.emit(explain(exc))
        finally:
            if project is not None:
                project.close()


class ExportJob(QObject):
    """One export, from the chosen file to a message; ``done`` carries the error ("" = written)."""

    done = Signal(str)

    def __init__(self, session: Session, window: QWidget, path: str, rules: str | None = None) -> None:
        super().__init__(window)
        assert session.scenario is not None
        self.window, self.path = window, path
        self.thread = QThread(self)
        where = getattr(session.project, "url", None) or session.project.path      # a file, or a shared store
        self.worker = ExportWorker(where, session.scenario.snapshot(), path, rules)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.dialog = QProgressDialog(fill(self.tr("Đang xuất %1…"), Path(path).name), "", 0, 0, window)
        self.dialog.setCancelButton(None)         # core writes atomically; nothing to cancel halfway
        self.dialog.setWindowTitle(self.tr("Xuất bản tóm tắt phương án"))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def start(self) -> None:
        self.dialog.show()
        self.thread.start()

    def _finished(self, error: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        if error:
            Message.show(self.window, self.tr("Không xuất được bản tóm tắt"),
                         fill(self.tr("%1\n\nKhông có tệp nào bị ghi dở."), error))
        else:
            Message.show(self.window, self.tr("Xuất bản tóm tắt phương án"),
                         fill(self.tr("Đã ghi %1"), self.path), error=False)
        self.done.emit(error)
