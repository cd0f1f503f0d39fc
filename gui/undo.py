"""The one adapter from a core command to a ``QUndoCommand``.

``QUndoStack.push`` calls ``redo`` at once: the first ``redo`` does the command through the
core session (which checked it before the push), later ones redo it from core's history, and
``undo`` undoes it there. Each then hands the session's ``Delta`` to the views. The Qt stack
and core's history have the same limit and drop the same oldest step, so they stay in step.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from core.domain.commands import Command


class CoreUndoCommand(QUndoCommand):
    def __init__(self, session, command: Command) -> None:     # session: gui.session.Session
        super().__init__(command.label().text())
        self.session = session
        self.command = command
        self._pushed = False

    def redo(self) -> None:
        core = self.session.core
        if not self._pushed:
            self._pushed = True
            delta = core.do(self.command)
        else:
            assert core.history.redo_command is self.command, "Qt's undo stack and core's history differ"
            delta = core.redo()
        self.session._evaluated(delta)

    def undo(self) -> None:
        core = self.session.core
        assert core.history.undo_command is self.command, "Qt's undo stack and core's history differ"
        self.session._evaluated(core.undo())
