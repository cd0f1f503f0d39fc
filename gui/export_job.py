"""Export the scenario summary (PDF, XLSX, CSV, GeoPackage, GeoJSON) off the GUI thread,
with a percentage and Cancel.

The worker opens its own connection to the project database (SQLite connections
stay in their thread) and calls ``core.export.export_scenario`` on a copy of the
scenario as it is on screen, unsaved edits included. Core reports how far it is; when
the planner presses Cancel, the worker's next report raises ``ExportCancelled`` and core
removes its temporary file, so the target is as it was. A failure leaves no
half-written file either; the planner reads why in their language. When the file is
written, the planner may open it, or the folder holding it, at once.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.common.errors import CoreError
from core.common.messages import Message as CoreMessage
from core.domain.scenario import Scenario
from core.export import Area, ExportCancelled, export_scenario
from core.export.files import ExportError
from core.storage.connect import open_project

from .dialogs.common import Choice, Message
from .errors import explain
from .i18n import current_language
from .session import Session
from .text import fill

CANCELLED = "\x18"                     # ``finished`` carries this when the planner stopped the export


class ExportWorker(QObject):
    finished = Signal(str)                  # "" when written, CANCELLED, else what went wrong
    progressed = Signal(int, str)           # per mille, what is being done (in the window's language)

    def __init__(self, db_path: Path, scenario: Scenario, path: str, rules: str | None,
                 area: Area | None = None, lang: str = "vi") -> None:
        super().__init__()
        self.db_path, self.scenario, self.path, self.rules = db_path, scenario, path, rules
        self.area, self.lang = area, lang
        self.stop = threading.Event()
        self._last = -1

    def _report(self, frac: float, msg: CoreMessage) -> None:
        if self.stop.is_set():
            raise ExportCancelled(self.path)
        step = int(frac * 1000)
        if step != self._last:
            self._last = step
            self.progressed.emit(step, msg.text(self.lang))

    @Slot()
    def run(self) -> None:
        project = None
        try:
            project = open_project(self.db_path)
            export_scenario(project, self.scenario, self.path, self.rules, area=self.area, progress=self._report)
            self.finished.emit("")
        except ExportCancelled:
            self.finished.emit(CANCELLED)
        except Exception as exc:            # core's refusals, and a writer failing deep inside a library
            if not isinstance(exc, (CoreError, OSError)):
                exc = ExportError("export.writer_failed", file=self.path, reason=f"{type(exc).__name__}: {exc}")
            self.finished.emit(explain(exc))
        finally:
            if project is not None:
                project.close()


class ExportJob(QObject):
    """One export, from the chosen file to a message; ``done`` carries the error ("" = written,
    ``CANCELLED`` when the planner stopped it)."""

    done = Signal(str)

    def __init__(self, session: Session, window: QWidget, path: str, rules: str | None = None,
                 area: Area | None = None) -> None:
        super().__init__(window)
        assert session.scenario is not None
        self.window, self.path = window, path
        self.thread = QThread(self)
        where = getattr(session.project, "url", None) or session.project.path      # a file, or a shared store
        self.worker = ExportWorker(where, session.scenario.snapshot(), path, rules, area, current_language())
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.worker.progressed.connect(self._progressed)
        self.dialog = QProgressDialog(fill(self.tr("Đang xuất %1…"), Path(path).name), self.tr("Hủy"), 0, 1000,
                                      window)
        self.dialog.setWindowTitle(self.tr("Xuất bản tóm tắt phương án"))
        self.dialog.setMinimumDuration(0)
        self.dialog.setMinimumWidth(420)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.dialog.show()
        self.thread.start()

    def cancel(self) -> None:
        """Stop at the export's next step; nothing is written."""
        self.worker.stop.set()
        self.dialog.setLabelText(self.tr("Đang dừng…"))

    def _progressed(self, per_mille: int, what: str) -> None:
        if self.worker.stop.is_set():
            return
        self.dialog.setValue(per_mille)
        self.dialog.setLabelText(fill(self.tr("Đang xuất %1: %2 (%3 %)"), Path(self.path).name, what,
                                      str(per_mille // 10)))     # the figure the bar shows (Qt truncates)

    def _finished(self, error: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        if error == CANCELLED:
            status = getattr(self.window, "statusBar", None)
            if status is not None:
                status().showMessage(fill(self.tr("Đã dừng xuất %1; không có tệp nào được ghi."),
                                          Path(self.path).name), 10_000)
        elif error:
            Message.show(self.window, self.tr("Không xuất được bản tóm tắt"),
                         fill(self.tr("%1\n\nKhông có tệp nào bị ghi dở."), error))
        else:
            self.offer_to_open()
        self.done.emit(error)

    def offer_to_open(self) -> None:
        answer = Choice.ask(self.window, self.tr("Xuất bản tóm tắt phương án"), fill(self.tr("Đã ghi %1"), self.path),
                            [("open", self.tr("Mở tệp")), ("folder", self.tr("Mở thư mục chứa tệp")),
                             ("cancel", self.tr("Đóng"))])
        if answer == "open":
            open_file(self.path)
        elif answer == "folder":
            open_file(str(Path(self.path).parent))


def open_file(path: str) -> bool:
    """Open ``path`` with the program the system chooses for it (a folder in the file manager)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))
