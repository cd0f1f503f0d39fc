"""The one adapter from a core ``Command`` to a ``QUndoCommand``."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from core.domain.commands import Command


class CoreUndoCommand(QUndoCommand):
    """Runs a core command on redo, restores the scenario on undo, then tells the session.

    The scenario's stored version is kept across undo/redo: it belongs to the
    database, not to the edit, and restoring an older one would make the next
    save look like a conflict.
    """

    def __init__(self, command: Command, text: str, changed: Callable[[], None]) -> None:
        super().__init__(text)
        self.command = command
        self._changed = changed

    def redo(self) -> None:
        version = self.command.scenario.version
        self.command.do()
        self.command.scenario.version = version
        self._changed()

    def undo(self) -> None:
        version = self.command.scenario.version
        self.command.undo()
        self.command.scenario.version = version
        self._changed()
