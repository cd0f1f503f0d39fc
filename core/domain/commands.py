"""Undoable edits of a scenario, in plain Python (the GUI wraps them in QUndoCommand).

Each command records the scenario before and after its edit, so undo and redo
restore the scenario exactly, whatever the edit touched.
"""
from __future__ import annotations

from collections.abc import Callable

from core.domain.model import Dataset
from core.domain.scenario import Scenario


class Command:
    """An edit of ``scenario`` by ``apply``; ``label`` names it for the Edit menu."""

    def __init__(self, scenario: Scenario, label: str, apply: Callable[[Scenario], object]) -> None:
        self.scenario = scenario
        self.label = label
        self._apply = apply
        self._before: Scenario | None = None
        self._after: Scenario | None = None
        self.result: object = None

    def do(self) -> None:
        if self._after is not None:
            self.scenario.restore(self._after)
            return
        self._before = self.scenario.snapshot()
        try:
            self.result = self._apply(self.scenario)
        except Exception:
            self.scenario.restore(self._before)
            raise
        self._after = self.scenario.snapshot()

    def undo(self) -> None:
        assert self._before is not None, "undo before do"
        self.scenario.restore(self._before)


class UndoStack:
    """A minimal undo stack for use without Qt (command line, tests)."""

    def __init__(self) -> None:
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> None:
        command.do()
        self.done.append(command)
        self.undone.clear()

    def undo(self) -> None:
        if self.done:
            cmd = self.done.pop()
            cmd.undo()
            self.undone.append(cmd)

    def redo(self) -> None:
        if self.undone:
            cmd = self.undone.pop()
            cmd.do()
            self.done.append(cmd)


# Ready-made commands for the planner's gestures ---------------------------------

def merge(s: Scenario, d: Dataset, members: list[str], name: str | None = None,
          seat: str | None = None, kind: str | None = None) -> Command:
    return Command(s, "Nhập đơn vị", lambda sc: sc.add_group(d, members, name, seat, kind))


def add_member(s: Scenario, d: Dataset, group_id: str, code: str) -> Command:
    return Command(s, "Thêm đơn vị vào nhóm", lambda sc: sc.add_member(d, group_id, code))


def remove_member(s: Scenario, group_id: str, code: str) -> Command:
    return Command(s, "Bớt đơn vị khỏi nhóm", lambda sc: sc.remove_member(group_id, code))


def dissolve(s: Scenario, group_id: str) -> Command:
    return Command(s, "Giải tán nhóm", lambda sc: sc.dissolve(group_id))


def update_group(s: Scenario, group_id: str, label: str = "Sửa nhóm", **changes) -> Command:
    return Command(s, label, lambda sc: sc.update_group(group_id, **changes))


def set_exemption(s: Scenario, d: Dataset, code: str, reason: str | None) -> Command:
    return Command(s, "Ghi miễn sắp xếp", lambda sc: sc.set_exemption(d, code, reason))


def set_override(s: Scenario, d: Dataset, code: str, population: float | None,
                 area_km2: float | None, source: str) -> Command:
    return Command(s, "Điều chỉnh số liệu",
                   lambda sc: sc.set_override(d, code, population, area_km2, source))


def set_rules(s: Scenario, rule_id: str) -> Command:
    return Command(s, "Đổi bộ quy tắc", lambda sc: sc.set_rules(rule_id))
