"""Import a boundary layer off the GUI thread, with a progress dialog that can cancel.

The worker opens its own connection to the project database (SQLite connections
stay in the thread that made them); when it is done the session reloads the
dataset, so the map shows the real boundaries and adjacency comes from them.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from core.imports.boundaries import BoundaryError, Cancelled, ImportReport, import_boundaries
from core.storage.store import Project, ProjectError

from .dialogs.common import Message
from .session import Session
from .text import fill

STEP_WORDS = {
    "read": QT_TRANSLATE_NOOP("BoundaryImport", "Đang đọc tệp…"),
    "crs": QT_TRANSLATE_NOOP("BoundaryImport", "Đang kiểm tra hệ tọa độ…"),
    "match": QT_TRANSLATE_NOOP("BoundaryImport", "Đang khớp với các đơn vị…"),
    "areas": QT_TRANSLATE_NOOP("BoundaryImport", "Đang tính diện tích…"),
    "adjacency": QT_TRANSLATE_NOOP("BoundaryImport", "Đang xác định các đơn vị liền kề…"),
    "store": QT_TRANSLATE_NOOP("BoundaryImport", "Đang lưu vào dự án…"),
    "done": QT_TRANSLATE_NOOP("BoundaryImport", "Xong"),
}


class ImportWorker(QObject):
    progressed = Signal(float, str)
    finished = Signal(object, str)          # report or None, error text ("" when fine, "cancelled")

    def __init__(self, db_path: Path, layer: str) -> None:
        super().__init__()
        self.db_path, self.layer = db_path, layer
        self.cancel_flag = threading.Event()

    @Slot()
    def run(self) -> None:
        project = None
        try:
            project = Project(self.db_path)
            report = import_boundaries(project, self.layer, progress=lambda f, m: self.progressed.emit(f, m),
                                       cancelled=self.cancel_flag.is_set)
            self.finished.emit(report, "")
        except Cancelled:
            self.finished.emit(None, "cancelled")
        except (BoundaryError, ProjectError, OSError, ValueError) as exc:
            self.finished.emit(None, str(exc))
        except Exception as exc:          # a damaged file can fail deep inside GDAL
            self.finished.emit(None, f"{type(exc).__name__}: {exc}")
        finally:
            if project is not None:
                project.close()


class BoundaryImport(QObject):
    """One import, from file to reloaded map; ``done`` carries the report (None if nothing changed)."""

    done = Signal(object)

    def __init__(self, session: Session, window: QWidget, layer: str) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.thread = QThread(self)
        self.worker = ImportWorker(session.project.path, layer)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.dialog = QProgressDialog(self.tr("Đang nhập ranh giới…"), self.tr("Hủy"), 0, 100, window)
        self.dialog.setWindowTitle(self.tr("Nhập ranh giới"))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.worker.cancel_flag.set)
        self.layer = layer

    def start(self) -> None:
        self.dialog.show()
        self.thread.start()

    def _progress(self, fraction: float, step: str) -> None:
        self.dialog.setValue(int(fraction * 100))
        self.dialog.setLabelText(self.tr(STEP_WORDS.get(step, step)))

    def _finished(self, report: ImportReport | None, error: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.close()
        if error == "cancelled":
            Message.show(self.window, self.tr("Nhập ranh giới"),
                         self.tr("Đã hủy. Dự án không thay đổi."), error=False)
        elif error:
            Message.show(self.window, self.tr("Không nhập được ranh giới"),
                         fill(self.tr("%1\n\nDự án không thay đổi."), error))
        else:
            self.session.reload_dataset()
            Message.show(self.window, self.tr("Nhập ranh giới"), self.summary(report), error=False)
        self.done.emit(report)

    def summary(self, report: ImportReport | None) -> str:
        if report is None:
            return ""
        lines = [fill(self.tr("Tệp %1: %2 đối tượng, khớp %3 đơn vị (%4)."), Path(report.path).name,
                      report.features, len(report.matched), report.match_by)]
        if report.unmatched_units:
            names = ", ".join(self.session.dataset.units[c].name for c in report.unmatched_units
                              if c in self.session.dataset.units)
            lines.append(fill(self.tr("Đơn vị không có ranh giới: %1"), names))
        if report.unmatched_features:
            lines.append(fill(self.tr("Đối tượng không khớp: %1"), "; ".join(report.unmatched_features[:10])))
        if report.repaired:
            lines.append(fill(self.tr("Đã sửa hình học không hợp lệ: %1"), len(report.repaired)))
        lines.append(fill(self.tr("Cặp đơn vị liền kề theo ranh giới: %1 (thêm %2, bớt %3)."),
                          len(report.adjacency), len(report.adjacency_added), len(report.adjacency_removed)))
        lines.append(self.tr("Số liệu chính thức vẫn là căn cứ xét tiêu chuẩn; diện tích tính từ bản đồ chỉ để đối chiếu."))
        return "\n".join(lines)
