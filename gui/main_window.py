"""The planner's desk: map above the unit table, scenarios and checks on the right.

Wiring only: the session holds the work, the editor and scenario actions turn
gestures into commands, the widgets redraw from the session's signals.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter

from core.common.messages import say
from core.common.numbers import fmt_int
from core.domain.scenario import ScenarioError
from core.law.wording import verdict_label
from core.storage.store import ProjectError

from .boundary_import import BoundaryImport, undo_last_import
from .checks_panel import ChecksPanel
from .dialogs.common import Message
from .dialogs.files import FileChooser
from .editing import Editor
from .file_actions import FileActions
from .i18n import current_language, set_language
from .map_view import MapPanel
from .menus import WindowActions
from .national_dock import NationalDock
from .scenario_actions import ScenarioActions
from .scenario_dock import ScenarioDock
from .session import Session
from .settings import scenario_key, settings
from .shared_connect import connect_shared_store
from .text import fill
from .unit_table import UnitTable

AUTOSAVE_MS = 3000
AUTOSAVE_IDLE_S = 1.5          # edits this recent mean the planner is at work: wait …
AUTOSAVE_MAX_WAIT_S = 20.0     # … but not longer than this since the last entry



def state_words(project, dataset, lang: str) -> list[str]:
    """The state (hiện trạng) and figure set the window shows, for the status bar: the state once the
    project has more than one, the figure set when it is not the project's own."""
    from core.storage.history import states
    state = dataset.meta.get("state") or {}
    figures = dataset.meta.get("figures") or {}
    out = []
    known = states(project)
    if len(known) > 1:
        out.append(say("history.status.state", lang, name=state.get("name") or "base",
                       position=state.get("position") or 0, last=known[-1].position))
    if figures.get("name") not in (None, "", "base"):
        out.append(say("history.status.figures", lang, name=figures["name"], date=figures.get("date") or "—"))
    defaulted = defaulted_units(dataset)
    if defaulted:
        out.append(say("classification.status_defaulted", lang, units=defaulted))
    return out


_DEFAULTED: dict[int, tuple[object, int]] = {}


def defaulted_units(dataset) -> int:
    """How many units carry a classification taken by default (counted once per dataset: the
    status bar is redrawn after every gesture)."""
    from core.domain.classification import count_defaulted
    known = _DEFAULTED.get(id(dataset))
    if known is None or known[0] is not dataset:
        _DEFAULTED.clear()
        known = _DEFAULTED[id(dataset)] = (dataset, count_defaulted(dataset.units.values())["units"])
    return known[1]

class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # How Tệp → Mở dự án… makes a window for another project (set by gui.app).
        self.window_factory: Callable[[str], MainWindow] | None = None
        self.setObjectName("main-window")
        self.editor = Editor(session, self)
        self.scenario_actions = ScenarioActions(session, self)
        self.files = FileActions(session, self)
        self.map_panel = MapPanel(session, self)
        self.map = self.map_panel.view
        self.table = UnitTable(session, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("map-table-splitter")
        self.splitter.addWidget(self.map_panel)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 300])
        self.setCentralWidget(self.splitter)
        self.scenario_dock = ScenarioDock(session, self)
        self.checks = ChecksPanel(session, self)
        self.checks_dock = QDockWidget(self)
        self.checks_dock.setObjectName("checks-dock")
        self.checks_dock.setWidget(self.checks)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.scenario_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_dock)
        self.national_dock = NationalDock(session, self.map, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.national_dock)
        self.tabifyDockWidget(self.checks_dock, self.national_dock)
        if NationalDock.wanted(session):
            self.national_dock.raise_()
            self.splitter.setSizes([470, 160])         # a country needs the height
        else:
            self.national_dock.hide()
        self._layout_restored = False
        self._sized_docks = False
        self.actions_ = WindowActions(self)
        self.actions_.build()
        self._connect()
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.autosave_note = QLabel(self)
        self.statusBar().addWidget(self.summary, 1)
        self.statusBar().addPermanentWidget(self.autosave_note)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self._autosave_when_idle)
        self._autosaved_at = time.monotonic()
        self.autosave_timer.start()
        self.retranslate()
        self._update_actions()

    # ----- wiring -----------------------------------------------------------------------
    def _connect(self) -> None:
        a, s, e, sa = self.actions_, self.session, self.editor, self.scenario_actions
        a.save.triggered.connect(sa.save)
        a.quit.triggered.connect(self.close)
        a.open_project.triggered.connect(lambda: self.open_other_project())
        a.connect_shared.triggered.connect(lambda: connect_shared_store(self))
        a.import_scenario.triggered.connect(lambda: sa.import_file())
        a.export_scenario.triggered.connect(lambda: sa.export_file())
        a.import_boundaries.triggered.connect(lambda: self.import_boundaries())
        a.undo_import.triggered.connect(lambda: undo_last_import(self.session, self))
        s.dataset_changed.connect(lambda: a.undo_import.setEnabled(s.project.has_previous_boundaries()))
        a.undo_import.setEnabled(s.project.has_previous_boundaries())
        a.undo.triggered.connect(s.undo_stack.undo)
        a.redo.triggered.connect(s.undo_stack.redo)
        a.merge.triggered.connect(e.merge)
        a.add_to_group.triggered.connect(lambda: e.add_to_group())
        a.remove_from_group.triggered.connect(e.remove_from_group)
        a.dissolve.triggered.connect(e.dissolve)
        a.rename_group.triggered.connect(e.rename_group)
        a.exemption.triggered.connect(e.record_exemption)
        a.group_exception.triggered.connect(lambda: e.record_group_exception())
        a.override.triggered.connect(e.override_figures)
        a.clear_selection.triggered.connect(lambda: s.set_selection([]))
        a.fit.triggered.connect(self.map.fit)
        a.zoom_in.triggered.connect(lambda: self.map.zoom(1.25))
        a.zoom_out.triggered.connect(lambda: self.map.zoom(0.8))
        a.focus_filter.triggered.connect(lambda: self.table.filter_box.setFocus())
        a.language_group.triggered.connect(lambda action: set_language(action.data()))
        a.new_scenario.triggered.connect(sa.new)
        a.duplicate_scenario.triggered.connect(sa.duplicate)
        a.rename_scenario.triggered.connect(lambda: sa.rename(self.scenario_dock.selected_id()))
        a.delete_scenario.triggered.connect(lambda: sa.delete(self.scenario_dock.selected_id()))
        a.rules_group.triggered.connect(lambda action: e.set_rules(action.data()))
        a.rules_box.activated.connect(lambda i: e.set_rules(a.rules_box.itemData(i)))
        a.about.triggered.connect(self.about)
        a.compare.triggered.connect(lambda: self.open_compare())
        a.propose.triggered.connect(lambda: self.open_propose())
        self.national_dock.panel.rules_requested.connect(e.set_rules)
        self.national_dock.panel.area_chosen.connect(self.table.set_area)
        self.table.found.connect(lambda code: self.map.show_codes([code]))
        a.export_summary.triggered.connect(lambda: self.export_summary())
        a.open_export.triggered.connect(self.files.open_last_export)
        a.open_export.setEnabled(False)
        self.files.exported.connect(lambda _: a.open_export.setEnabled(True))
        a.print_map.triggered.connect(self.files.print_map)
        a.print_summary.triggered.connect(self.files.print_summary)
        a.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent(a.recent_menu))
        a.guide.triggered.connect(self.guide)
        sa.saved.connect(self._saved)
        self.checks.add_requested.connect(lambda gid, code: e.add_to_group(gid, [code]))
        self.checks.exception_requested.connect(e.record_group_exception)
        self.checks.zoom_requested.connect(lambda codes: self.map.show_codes(codes, always=False))
        self.scenario_dock.switch_requested.connect(sa.switch)
        self.scenario_dock.add_actions([a.new_scenario, a.duplicate_scenario, a.rename_scenario,
                                        a.delete_scenario])
        for action in a.context_actions():
            self.map.addAction(action)
            self.table.view.addAction(action)
        s.evaluated.connect(self._update_status)
        s.scenario_switched.connect(self._update_status)
        s.selection_changed.connect(self._update_actions)
        s.evaluated.connect(self._update_actions)
        s.undo_stack.cleanChanged.connect(self._update_title)
        s.undo_stack.indexChanged.connect(self._update_undo)
        s.scenario_switched.connect(self._remember_scenario)
        self.docks_menu_fill()

    def docks_menu_fill(self) -> None:
        self.actions_.docks_menu.addAction(self.scenario_dock.toggleViewAction())
        self.actions_.docks_menu.addAction(self.checks_dock.toggleViewAction())
        self.actions_.docks_menu.addAction(self.national_dock.toggleViewAction())

    # ----- state shown ------------------------------------------------------------------
    def retranslate(self) -> None:
        self.actions_.retranslate()
        self.checks_dock.setWindowTitle(self.tr("Kiểm tra theo tiêu chuẩn"))
        lang = current_language()
        self.actions_.lang_vi.setChecked(lang == "vi")
        self.actions_.lang_en.setChecked(lang == "en")
        self._update_status()
        self._update_undo()
        self._say_autosave()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.session.language_switched()     # views reword; nothing is evaluated again
        super().changeEvent(event)

    def _update_title(self) -> None:
        s = self.session
        name = s.scenario.name if s.scenario else ""
        self.setWindowTitle(fill(self.tr("%1[*] – Sắp xếp đơn vị hành chính – %2"), name, self._area_name()))
        self.setWindowModified(s.dirty)

    def _area_name(self) -> str:
        """What the project covers, in words: the district's own name, or the country (a national
        project built from two files is named after them, which says nothing to a planner)."""
        ds = self.session.dataset
        provinces = {u.province for u in ds.units.values() if u.province}
        if len(provinces) > 1:
            lang = current_language()
            return fill(self.tr("Cả nước: %1 tỉnh, %2 đơn vị"), fmt_int(len(provinces), lang),
                        fmt_int(len(ds.units), lang))
        return ds.name

    def _update_undo(self) -> None:
        stack = self.session.undo_stack
        # The gesture's name from core, in the language chosen now.
        self.actions_.set_undo_texts(self.session.undo_text(), self.session.redo_text())
        self.actions_.undo.setEnabled(stack.canUndo())
        self.actions_.redo.setEnabled(stack.canRedo())

    def _update_status(self) -> None:
        r, s = self.session.result, self.session
        if r is None or s.scenario is None:
            return
        lang = current_language()
        text = fill(self.tr("Đơn vị: %1 → %2 (giảm %3) · Phải sắp xếp chưa xử lý: %4 · %5"),
                    r.units_before, r.units_after, r.reduction, len(r.unresolved), verdict_label(r.verdict, lang))
        self.summary.setText(" · ".join([text, *state_words(s.project, s.dataset, lang)]))
        a = self.actions_
        index = a.rules_box.findData(s.scenario.rules)
        a.rules_box.setCurrentIndex(index)
        if s.scenario.rules in a.rules_actions:
            a.rules_actions[s.scenario.rules].setChecked(True)
        self._update_title()

    def _update_actions(self) -> None:
        s, e, a = self.session, self.editor, self.actions_
        if s.scenario is None:
            return
        groups = s.selected_groups()
        grouped = [c for c in s.selection if s.group_of(c) is not None]
        free = [c for c in s.selection if s.group_of(c) is None]
        a.merge.setEnabled(e.can_merge())
        a.add_to_group.setEnabled(len(groups) == 1 and bool(free))
        a.remove_from_group.setEnabled(bool(grouped))
        a.dissolve.setEnabled(bool(groups))
        a.rename_group.setEnabled(len(groups) == 1)
        a.group_exception.setEnabled(len(groups) == 1)
        a.exemption.setEnabled(len(s.selection) == 1)
        a.override.setEnabled(len(s.selection) == 1)

    def _remember_scenario(self) -> None:
        if self.session.scenario is not None:
            settings().setValue(scenario_key(str(self.session.project.path)), self.session.scenario.id)

    # ----- autosave -------------------------------------------------------------------------
    def _autosave_when_idle(self) -> None:
        """The timer's autosave: not in the middle of a run of edits (writing a national
        scenario takes a moment), unless the last entry is getting old."""
        now = time.monotonic()
        if now - self.session.last_edit < AUTOSAVE_IDLE_S and now - self._autosaved_at < AUTOSAVE_MAX_WAIT_S:
            return
        self._autosaved_at = now
        self.autosave()

    def autosave(self) -> None:
        try:
            if self.session.autosave():
                from datetime import datetime
                self._autosave_said = ("saved", datetime.now().strftime("%H:%M:%S"))
        except OSError as exc:
            self._autosave_said = ("failed", exc.strerror or str(exc))
        self._say_autosave()

    def _say_autosave(self) -> None:
        """The autosave note in the language chosen now (worded again when it changes)."""
        what, detail = getattr(self, "_autosave_said", ("", ""))
        if what == "saved":
            self.autosave_note.setText(fill(self.tr("Đã lưu tạm lúc %1"), detail))
        elif what == "failed":
            self.autosave_note.setText(fill(self.tr("Không lưu tạm được: %1"), detail))

    # ----- project-level actions ---------------------------------------------------------------
    def open_other_project(self, path: str | None = None) -> MainWindow | None:
        path = path or FileChooser.open_project(self, str(self.session.project.path.parent))
        if not path:
            return None
        if not self.scenario_actions.settle():
            return None
        try:
            window = self.window_factory(path)
        except (ProjectError, ScenarioError, OSError) as exc:
            Message.show(self, self.tr("Không mở được dự án"), str(exc))
            return None
        settings().setValue("last_project", str(window.session.project.path))
        window.show()
        self.session.discard_changes()
        self.close()
        return window

    def import_boundaries(self, path: str | None = None) -> BoundaryImport | None:
        path = path or FileChooser.open_boundaries(self)
        if not path:
            return None
        job = BoundaryImport(self.session, self, path)
        job.start()
        return job

    def export_summary(self, path: str | None = None, area=None):
        """Tệp → Xuất bản tóm tắt phương án…: the area and the file are asked unless given."""
        return self.files.export_summary(path, area)

    def open_compare(self):
        from .compare_window import CompareWindow
        old = getattr(self, "compare_window", None)
        if old is not None:          # a fresh one: the scenarios may have changed meanwhile
            old.close()
            old.deleteLater()
        window = self.compare_window = CompareWindow(self.session, self)
        window.show()
        window.raise_()
        return window

    def open_propose(self):
        from .dialogs.propose_dialog import ProposeDialog
        return ProposeDialog.open_for(self)

    def about(self) -> None:
        from .about import about_text
        Message.show(self, self.tr("Giới thiệu"), about_text(self.session), error=False)

    def guide(self, page: int = 0):
        """Trợ giúp → Hướng dẫn sử dụng (F1): the guide, the shortcuts, the version and sources."""
        from .help_window import HelpWindow
        window = getattr(self, "help_window", None)
        if window is None:
            window = self.help_window = HelpWindow(self)
        window.show_page(page)
        window.show()
        window.raise_()
        return window

    def _saved(self, name: str) -> None:
        from datetime import datetime
        self.statusBar().showMessage(fill(self.tr("Đã lưu phương án “%1” lúc %2"), name,
                                          datetime.now().strftime("%H:%M:%S")), 8000)

    # ----- layout memory and closing ------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored and not self._sized_docks:
            # First start: a short scenario list leaves the height to the checks.
            self._sized_docks = True
            self.resizeDocks([self.scenario_dock, self.checks_dock], [110, 600], Qt.Orientation.Vertical)
            wide = 460 if NationalDock.wanted(self.session) else 440
            self.resizeDocks([self.checks_dock], [wide], Qt.Orientation.Horizontal)

    def layout_key(self) -> str:
        """Docks are remembered per kind of project: the national one's province dock must not
        hide on a district, nor a district's layout cover the national checks."""
        return "national" if NationalDock.wanted(self.session) else "district"

    def restore_layout(self) -> None:
        st = settings()
        geometry = st.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        kind = self.layout_key()
        state = st.value(f"window/{kind}/state")
        if isinstance(state, QByteArray):
            self._layout_restored = self.restoreState(state)
        splitter = st.value(f"window/{kind}/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        st = settings()
        st.setValue("window/geometry", self.saveGeometry())
        kind = self.layout_key()
        st.setValue(f"window/{kind}/state", self.saveState())
        st.setValue(f"window/{kind}/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.scenario_actions.settle():
            event.ignore()
            return
        self.autosave_timer.stop()
        try:
            self.session.core.closing()          # a clean quit leaves no journal entry
        except OSError:
            pass
        self.save_layout()
        self._remember_scenario()
        # The stack outlives this window's widgets by a moment; stop it talking to them.
        self.session.undo_stack.blockSignals(True)
        event.accept()
