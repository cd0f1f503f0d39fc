"""The Tệp menu's work with files outside the project: exporting the summary (a choice of
area, progress, Cancel, then open what was written), opening the last export again,
printing the map and the summary, and the recent-projects list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMenu

from core.common.paths import default_db_path

from .dialogs.export_dialog import ExportDialog
from .export_job import ExportJob, open_file
from .session import Session
from .settings import export_folder, forget_projects, recent_projects, remember_export_folder


def file_stem(name: str) -> str:
    """A scenario name as a file name: the characters no file system takes replaced."""
    return "".join("-" if ch in '\\/:*?"<>|' else ch for ch in name).strip(" .") or "phuong-an"


class FileActions(QObject):
    exported = Signal(str)                  # the path of a file just written

    def __init__(self, session: Session, window: QMainWindow) -> None:
        super().__init__(window)
        self.session, self.window = session, window
        self.last_export: str | None = None

    # ----- export --------------------------------------------------------------------------
    def export_summary(self, path: str | None = None, area=None) -> ExportJob | None:
        """Ask for the area and the file (unless ``path`` is given), then export off the GUI thread."""
        s = self.session
        if path is None:
            name = file_stem(s.scenario.name if s.scenario else "phuong-an")
            province, district = self._area_on_screen()
            choice = ExportDialog.ask(self.window, s.dataset, str(Path(export_folder()) / f"{name}.pdf"),
                                      province, district)
            if choice is None:
                return None
            path, area = choice.path, choice.area
        remember_export_folder(path)
        job = ExportJob(s, self.window, path, area=area)
        job.done.connect(lambda error, p=path: self._exported(p, error))
        job.start()
        return job

    def _area_on_screen(self) -> tuple[str | None, str | None]:
        """The province and district the national dock shows, if any."""
        dock = getattr(self.window, "national_dock", None)
        panel = getattr(dock, "panel", None)
        if panel is None or dock.isHidden():
            return None, None
        return panel.province_box.currentData(), panel.district_box.currentData()

    def _exported(self, path: str, error: str) -> None:
        if not error:
            self.last_export = path
            self.exported.emit(path)

    def open_last_export(self) -> bool:
        if not self.last_export or not Path(self.last_export).exists():
            return False
        return open_file(self.last_export)

    # ----- printing ------------------------------------------------------------------------
    def print_map(self) -> bool:
        from .printing import a4_printer, ask, print_map
        view = self.window.map
        rect = view.viewport().rect()
        printer = a4_printer(landscape=rect.width() > rect.height())
        if not ask(self.window, printer, self.tr("In bản đồ")):
            return False
        print_map(view, printer, self.session)
        return True

    def print_summary(self) -> bool:
        from .printing import a4_printer, ask, print_summary
        printer = a4_printer()
        if not ask(self.window, printer, self.tr("In bản tóm tắt phương án")):
            return False
        print_summary(self.session, printer)
        return True

    # ----- recent projects ---------------------------------------------------------------
    def fill_recent(self, menu: QMenu) -> None:
        """The recent projects (the open one left out), the sample project, and a way to clear the list."""
        menu.clear()
        here = str(self.session.project.path.resolve())
        shown = 0
        for path in recent_projects():
            if path == here:
                continue
            action = menu.addAction(f"&{shown + 1}  {Path(path).name} – {Path(path).parent}")
            action.setData(path)
            action.setEnabled(Path(path).exists())
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.window.open_other_project(p))
            shown += 1
        if not shown:
            menu.addAction(self.tr("(chưa có dự án nào khác)")).setEnabled(False)
        menu.addSeparator()
        sample = str(default_db_path())
        action = menu.addAction(self.tr("Dự án mẫu: huyện Châu Thành, tỉnh Bến Tre (2019)"))
        action.setEnabled(sample != here)
        action.triggered.connect(lambda _=False: self.window.open_other_project(sample))
        clear = menu.addAction(self.tr("Xóa danh sách"))
        clear.setEnabled(bool(shown))
        clear.triggered.connect(forget_projects)
