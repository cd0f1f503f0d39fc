"""Live updates in the window when the project is a shared store (PostgreSQL).

The core listener's socket is watched with a ``QSocketNotifier``: when a colleague's change
arrives, the scenario list is read again, and when it touches the open scenario the status bar
says who changed it and when, with a Reload button (the planner's unsaved edits are never
dropped without asking). Which colleagues have the open scenario open is shown beside it.
Every text comes from core's catalogue (``notice.*``), in the window's language.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from core.storage.pg.listen import ChangeListener, notice_message, presence_message
from core.storage.store import ProjectError

from .dialogs.common import Confirm
from .i18n import current_language

RETRY_MS = 10_000
PRESENCE_MS = 15_000


def _say(message) -> str:
    return message.text(current_language()) if message is not None else ""


class LiveUpdates(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.session = window, window.session
        self.project = self.session.project
        self.listener: ChangeListener | None = None
        self.notifier: QSocketNotifier | None = None
        self.pending: object | None = None           # the last notice about the open scenario
        self.note = QLabel(window)
        self.reload_button = QPushButton(window)
        self.reload_button.clicked.connect(self.reload)
        self.presence = QLabel(window)
        bar = window.statusBar()
        bar.addPermanentWidget(self.presence)
        bar.addPermanentWidget(self.note)
        bar.addPermanentWidget(self.reload_button)
        self._clear()
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.start)
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_MS)
        self.presence_timer.timeout.connect(self.show_presence)
        self.presence_timer.start()
        self.session.scenario_switched.connect(self.scenario_opened)
        self.session.saved.connect(self._clear)
        self.start()
        self.scenario_opened()

    # ----- the listener ------------------------------------------------------------------
    def start(self) -> None:
        try:
            self.listener = ChangeListener(self.project.url)
        except ProjectError as exc:
            self.note.setText(exc.text(current_language()))
            self.note.show()
            self.retry.start()
            return
        self.retry.stop()
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.heard)

    def _lost(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        from core.common.messages import Message
        self.note.setText(_say(Message("notice.listener_lost", where=self.project.location)))
        self.note.show()
        self.retry.start()

    def heard(self, *_args) -> None:
        if self.listener is None:
            return
        try:
            notices = self.listener.poll()
        except ProjectError:
            self._lost()
            return
        theirs = [n for n in notices if n.pid not in self.project.backend_pids]
        if not theirs:
            return
        self.session.scenarios_changed.emit()
        current = self.session.scenario
        about_open = [n for n in theirs if current is not None and n.scenario_id == current.id
                      and (n.action == "delete" or n.version > current.version)]
        if about_open:
            self.pending = about_open[-1]
            self.note.setText(_say(notice_message(self.pending)))
            self.note.show()
            self.reload_button.setVisible(self.pending.action != "delete")

    # ----- the open scenario -------------------------------------------------------------
    def scenario_opened(self) -> None:
        self._clear()
        scenario = self.session.scenario
        try:
            self.project.set_open(scenario.id if scenario is not None else None)
        except ProjectError:
            pass
        self.show_presence()

    def show_presence(self) -> None:
        scenario = self.session.scenario
        try:
            authors = self.project.who_has_open(scenario.id) if scenario is not None else []
        except ProjectError:
            authors = []
        text = _say(presence_message(authors))
        self.presence.setText(text)
        self.presence.setVisible(bool(text))

    def _clear(self) -> None:
        from core.common.messages import Message
        self.pending = None
        self.note.hide()
        self.reload_button.hide()
        self.reload_button.setText(_say(Message("notice.reload")))

    def reload(self) -> None:
        """Open the stored version; unsaved edits are dropped only when the planner says so."""
        from core.common.messages import Message
        s = self.session
        if s.scenario is None:
            return
        if s.dirty:
            reload = _say(Message("notice.reload"))
            if not Confirm.ask(self.window, reload, _say(Message("notice.reload_unsaved", name=s.scenario.name)),
                               reload):
                return
            s.discard_changes()
        s.open_scenario(s.scenario.id)

    def close(self) -> None:
        self.presence_timer.stop()
        self.retry.stop()
        if self.listener is not None:
            self.listener.close()
