"""The undo history of the open scenario: what can be undone and redone, and where it was saved.

Plain Python (the GUI mirrors it in a ``QUndoStack``). At most ``limit`` steps are kept; past
that the oldest is forgotten. ``dirty`` says whether the scenario differs from its last save:
undoing back to the saved step makes it clean again; forgetting the saved step, or dropping it
with the redo steps a new edit replaces, makes it dirty until the next save.
"""
from __future__ import annotations

from core.domain.commands import Command

DEFAULT_LIMIT = 200


class History:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        if limit < 1:
            raise ValueError("an undo history keeps at least one step")
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []       # the next to redo last
        self._clean: int | None = 0            # how many steps were done when last saved
        self.changes = 0                       # counts every step done, undone or redone

    @property
    def index(self) -> int:
        return len(self._done)

    @property
    def dirty(self) -> bool:
        return self._clean != self.index

    def dirty_by(self, counts) -> bool:
        """Whether a step since the save for which ``counts(command)`` is true separates the
        scenario from its save (steps that do not count, e.g. edits written at once, are skipped)."""
        steps = self.since_clean()
        if steps is None:
            return True
        done, undone = steps
        return any(counts(c) for c in done + undone)

    def done_commands(self) -> list[Command]:
        return list(self._done)

    @property
    def undo_command(self) -> Command | None:
        return self._done[-1] if self._done else None

    @property
    def redo_command(self) -> Command | None:
        return self._undone[-1] if self._undone else None

    def __len__(self) -> int:
        return len(self._done) + len(self._undone)

    def pushed(self, command: Command) -> None:
        """``command`` was done: it becomes the step to undo, and the redo steps are gone."""
        if self._clean is not None and self._clean > self.index:
            self._clean = None                 # the saved state was among the redo steps
        self._undone.clear()
        self._done.append(command)
        self.changes += 1
        if len(self._done) > self.limit:
            del self._done[0]
            if self._clean is not None:
                self._clean = self._clean - 1 if self._clean > 0 else None

    def undone(self) -> None:
        """The step to undo was undone."""
        self._undone.append(self._done.pop())
        self.changes += 1

    def redone(self) -> None:
        """The step to redo was done again."""
        self._done.append(self._undone.pop())
        self.changes += 1

    def since_clean(self) -> tuple[list[Command], list[Command]] | None:
        """(steps done since the save, steps of the save undone since), oldest first; None when
        the saved step is no longer in the history (forgotten past the limit, or replaced)."""
        if self._clean is None:
            return None
        if self._clean <= self.index:
            return list(self._done[self._clean:]), []
        undone = len(self._undone) - (self._clean - self.index)
        return [], self._undone[undone:]          # in the order they were undone

    def mark_clean(self) -> None:
        self._clean = self.index

    def clear(self, saved: bool = True) -> None:
        """Forget every step; the scenario as it is counts as saved unless ``saved`` is False."""
        self._done.clear()
        self._undone.clear()
        self._clean = 0 if saved else None
        self.changes += 1
