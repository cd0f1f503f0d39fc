"""Import a boundary layer from the window: plan off the GUI thread, preview, then apply.

The two stages of ``core.imports.boundaries`` run in a worker thread, each behind a
progress dialog that can cancel: *plan* (read, check, match, measure; nothing is
written), then a preview of what would change (matched and unmatched, areas, neighbour
pairs before → after, warnings) that the planner applies or cancels, then *apply* (one
transaction, in the worker's own connection: SQLite connections stay in the thread
that made them). A file with several layers asks which one. When the import is applied
the session reloads the dataset, so the map shows the real boundaries.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.common.errors import CoreError
from core.common.messages import Message as Words
from core.common.messages import say
from core.imports.boundaries import BoundaryPlan, Cancelled, apply_boundaries, plan_boundaries
from core.imports.report import BoundaryReport
from core.imports.steps import MAX_TOLERANCE_M
from core.storage.connect import open_project

from .dialogs.common import Choice, Message, translate
from .dialogs.preview import Choices, Replan, ReportPreview
from .i18n import current_language
from .session import Session
from .text import fill

PREVIEW_LIMIT = 10          # items per list in the summary after the import
PREVIEW_TEXT_LIMIT = 200    # items per list in the preview's report (it scrolls)


class ImportWorker(QObject):
    progressed = Signal(float, object)      # fraction, the step (a core Message)
    planned = Signal(object)                # BoundaryPlan
    applied = Signal(object)                # BoundaryReport
    failed = Signal(object)                 # the exception; Cancelled when the planner cancelled
    plan_requested = Signal()               # plan again (another layer), in the worker's thread
    apply_requested = Signal(object)        # plan → apply, in the worker's thread

    def __init__(self, db_path: Path, dataset, layer_file: str, layer: str | None = None,
                 tolerance_m: float = 0.0) -> None:
        super().__init__()
        self.db_path, self.dataset, self.layer_file = db_path, dataset, layer_file
        self.layer, self.tolerance_m = layer, tolerance_m
        self.code_field: str | None = None        # None: the field is found (or the names used)
        self.name_field: str | None = None
        self.cancel_flag = threading.Event()
        self.plan_requested.connect(self.plan)
        self.apply_requested.connect(self.apply)

    def _progress(self, fraction: float, step) -> None:
        self.progressed.emit(fraction, step)

    @Slot()
    def plan(self) -> None:
        try:
            plan = plan_boundaries(self.dataset, self.layer_file, code_field=self.code_field,
                                   name_field=self.name_field, tolerance_m=self.tolerance_m, layer=self.layer,
                                   progress=self._progress, cancelled=self.cancel_flag.is_set)
        except BaseException as exc:       # every failure is shown, none is lost
            self.failed.emit(exc.with_traceback(None))     # the worker's frames stay in its thread
            return
        self.planned.emit(plan)

    @Slot(object)
    def apply(self, plan: BoundaryPlan) -> None:
        project = None
        try:
            project = open_project(self.db_path)
            report = apply_boundaries(project, plan, progress=self._progress, cancelled=self.cancel_flag.is_set)
        except BaseException as exc:       # every failure is shown, none is lost
            self.failed.emit(exc.with_traceback(None))
            return
        finally:
            if project is not None:
                project.close()
        self.applied.emit(report)


def words_for(exc: BaseException, lang: str) -> str:
    """A failure of the import in the planner's words (never a traceback, never GDAL's text)."""
    if isinstance(exc, CoreError):
        return exc.text(lang)
    if isinstance(exc, OSError) and exc.strerror:
        return say("imports.gui.os_error", lang, file=Path(exc.filename or "").name, reason=exc.strerror)
    return say("imports.gui.unexpected", lang, kind=type(exc).__name__)


class BoundaryImport(QObject):
    """One import, from file to reloaded map; ``done`` carries the report (None if nothing changed)."""

    done = Signal(object)

    def __init__(self, session: Session, window: QWidget, layer_file: str, layer: str | None = None) -> None:
        super().__init__(window)
        self.session, self.window, self.layer_file = session, window, layer_file
        self.plan: BoundaryPlan | None = None
        self.shown: tuple[BoundaryPlan, tuple] | None = None     # the last preview and its choices
        where = getattr(session.project, "url", None) or session.project.path      # a file, or a shared store
        self._new_worker(ImportWorker(where, session.dataset, layer_file, layer))
        self.dialog = QProgressDialog(self.tr("Đang nhập ranh giới…"), self.tr("Hủy"), 0, 100, window)
        self.dialog.setWindowTitle(self.tr("Nhập ranh giới"))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.worker.cancel_flag.set)

    def _new_worker(self, worker: ImportWorker) -> None:
        self.thread = QThread(self)
        self.worker = worker
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.plan)
        worker.progressed.connect(self._progress)
        worker.planned.connect(self._planned)
        worker.applied.connect(self._applied)
        worker.failed.connect(self._failed)

    def _plan_again(self, replan: Replan) -> None:
        """Plan with other choices in a new worker thread: planning twice in one worker thread
        crashed inside PROJ (proj_create, reached from reading the layer) on the second plan."""
        old = self.worker
        self.thread.quit()
        self.thread.wait()
        self._new_worker(ImportWorker(old.db_path, old.dataset, old.layer_file, old.layer, replan.tolerance_m))
        self.worker.code_field, self.worker.name_field = replan.code_field, replan.name_field
        self.dialog.canceled.disconnect()
        self.dialog.canceled.connect(self.worker.cancel_flag.set)
        self.dialog.setValue(0)
        self.dialog.show()
        self.thread.start()

    def start(self) -> None:
        self.dialog.show()
        self.thread.start()

    def _progress(self, fraction: float, step) -> None:
        self.dialog.setValue(int(fraction * 100))
        self.dialog.setLabelText(step.text(current_language()) if isinstance(step, Words) else str(step))

    def _finish(self, report: BoundaryReport | None) -> None:
        self.dialog.close()
        self.thread.quit()
        self.thread.wait()
        self.done.emit(report)

    def _planned(self, plan: BoundaryPlan) -> None:
        self.dialog.hide()
        lang = current_language()
        report = plan.report
        self.shown = (plan, (self.worker.code_field, self.worker.name_field, self.worker.tolerance_m))
        choices = Choices(plan.fields, plan.key, self.worker.tolerance_m, MAX_TOLERANCE_M)
        answer = ReportPreview.ask(self.window, say("imports.gui.preview_title", lang), report.summary(lang),
                                   report.warning_lines(lang), report.text(lang, PREVIEW_TEXT_LIMIT),
                                   say("imports.gui.apply", lang), choices)
        if isinstance(answer, Replan):          # another key field or tolerance: plan again, write nothing
            self._plan_again(answer)
            return
        if not answer:
            Message.show(self.window, self.tr("Nhập ranh giới"), self.tr("Đã hủy. Dự án không thay đổi."),
                         error=False)
            self._finish(None)
            return
        self.plan = plan
        self._run(self.worker.apply_requested, plan)

    def _run(self, signal, *args) -> None:
        """Start the worker's next stage behind the progress dialog."""
        self.dialog.setValue(0)
        self.dialog.show()
        self.worker.cancel_flag.clear()
        signal.emit(*args)

    def _applied(self, report: BoundaryReport) -> None:
        self.dialog.hide()
        self.session.reload_dataset()
        Message.show(self.window, self.tr("Nhập ranh giới"), self.summary(report), error=False)
        self._finish(report)

    def _failed(self, exc: BaseException) -> None:
        self.dialog.hide()
        lang = current_language()
        if isinstance(exc, Cancelled):
            Message.show(self.window, self.tr("Nhập ranh giới"), self.tr("Đã hủy. Dự án không thay đổi."),
                         error=False)
        elif isinstance(exc, CoreError) and exc.code == "imports.file.several_layers" and self.plan is None:
            layers = list(exc.params.get("layers", []))
            chosen = Choice.ask(self.window, self.tr("Nhập ranh giới"), say("imports.gui.choose_layer", lang,
                                file=Path(self.layer_file).name),
                                [(name, name) for name in layers] + [("cancel", self.tr("Hủy"))])
            if chosen in layers:
                self.worker.layer = chosen
                self._run(self.worker.plan_requested)
                return
            Message.show(self.window, self.tr("Nhập ranh giới"), self.tr("Đã hủy. Dự án không thay đổi."),
                         error=False)
        elif self.shown is not None and self.plan is None and isinstance(exc, CoreError):
            # Planning again with other choices failed: say why, and show the last preview again.
            Message.show(self.window, self.tr("Không lập được bản xem trước"),
                         fill(self.tr("%1\n\nDự án không thay đổi; bản xem trước trước đó được giữ."),
                              words_for(exc, lang)))
            plan, (code_field, name_field, tolerance_m) = self.shown
            self.worker.code_field, self.worker.name_field, self.worker.tolerance_m = \
                code_field, name_field, tolerance_m       # what the plan shown was made with
            self._planned(plan)
            return
        else:
            Message.show(self.window, self.tr("Không nhập được ranh giới"),
                         fill(self.tr("%1\n\nDự án không thay đổi."), words_for(exc, lang)))
        self._finish(None)

    def summary(self, report: BoundaryReport | None) -> str:
        if report is None:
            return ""
        return report.text(current_language(), PREVIEW_LIMIT)


def undo_last_import(session: Session, window: QWidget) -> bool:
    """Put back the boundaries the last import replaced (one transaction); doing it again
    brings the imported ones back. The map and the checks follow."""
    try:
        restored = session.project.restore_previous_boundaries()
    except CoreError as exc:
        Message.show(window, translate("Dialogs", "Hoàn tác lần nhập ranh giới"),
                     translate("Dialogs", "%1\n\nDự án không thay đổi.").replace("%1", exc.text(current_language())))
        return False
    if not restored:
        Message.show(window, translate("Dialogs", "Hoàn tác lần nhập ranh giới"),
                     translate("Dialogs", "Chưa có lần nhập ranh giới nào để hoàn tác."), error=False)
        return False
    session.reload_dataset()
    Message.show(window, translate("Dialogs", "Hoàn tác lần nhập ranh giới"),
                 translate("Dialogs", "Đã khôi phục ranh giới và các cặp liền kề có trước lần nhập gần nhất. "
                           "Chọn lại mục này để dùng lại ranh giới vừa nhập."), error=False)
    return True
