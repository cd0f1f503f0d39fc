"""The scenario list: every scenario of the project, the current one in bold."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QListWidget, QListWidgetItem, QToolButton, QVBoxLayout, QWidget

from .session import Session
from .text import fill, rich

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ScenarioDock(QDockWidget):
    switch_requested = Signal(str)       # scenario id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario-dock")
        self.session = session
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        self.list = QListWidget(body)
        # One click opens a scenario (Enter too); a double click is two clicks, the second finds
        # the scenario open already. The switch waits until the list's own signal has returned:
        # it rebuilds the list, which would delete the item the signal still carries.
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.list)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(2)
        layout.addLayout(self.buttons)
        self.setWidget(body)
        session.scenarios_changed.connect(self.reload)
        session.scenario_switched.connect(self.reload)
        session.undo_stack.cleanChanged.connect(self._mark_current)
        session.evaluated.connect(lambda _delta: self._mark_current())          # e.g. another rule set: its line follows
        self.retranslate()

    def add_actions(self, actions) -> None:
        """Buttons under the list and its context menu, from the window's scenario actions."""
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons.addWidget(button)
            self.list.addAction(action)
        self.buttons.addStretch(1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phương án"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def _text(self, name: str, rules: str, current: bool) -> str:
        text = fill(self.tr("%1 (%2)"), name, self.session.rules_title(rules))
        return text + " *" if current and self.session.dirty else text

    def _mark_current(self) -> None:
        """The open scenario became saved or unsaved: only its line changes (reading every
        scenario of a national project back from the database takes a while)."""
        current = self.session.scenario
        if current is None:
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == current.id:
                item.setText(self._text(current.name, current.rules, True))
                return
        self.reload()

    def reload(self) -> None:
        current = self.session.scenario
        self.list.blockSignals(True)
        self.list.clear()
        for scenario in self.session.project.scenarios():
            is_current = current is not None and scenario.id == current.id
            name = current.name if is_current else scenario.name
            text = self._text(name, current.rules if is_current else scenario.rules, is_current)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, scenario.id)
            item.setToolTip(rich(text, scenario.description))         # the whole name when cut
            if is_current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if is_current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        scenario_id = item.data(ID_ROLE)
        QTimer.singleShot(0, lambda: self._switch(scenario_id))

    def _switch(self, scenario_id: str | None) -> None:
        if scenario_id and (self.session.scenario is None or scenario_id != self.session.scenario.id):
            self.switch_requested.emit(scenario_id)
            if self.session.scenario is not None and self.session.scenario.id != scenario_id:
                self.reload()                     # not switched (the planner kept the open one)
