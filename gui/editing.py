"""Planner's gestures on the selection → named core commands on the session's undo stack.

Each method reads the selection, asks what it must (through a dialog's ``ask``), and pushes
one command of ``core.domain.commands``; what the gesture means is core's. Refusals from core
(``ScenarioError``) become a message.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from core.domain.commands import (
    AddToGroup,
    Command,
    Dissolve,
    Merge,
    RemoveFromGroup,
    RenameGroup,
    SetExemption,
    SetGroupException,
    SetOverride,
    SetRules,
    merge_members,
)
from core.domain.scenario import Override, ScenarioError
from core.law.rules import UnknownRuleSet
from core.law.wording import verdict_label

from .dialogs.common import Confirm, Message, TextInput
from .dialogs.figures import ExemptionDialog, OverrideChoice, OverrideDialog
from .dialogs.group_exception import GroupExceptionDialog
from .dialogs.merge_dialog import MergeDialog
from .errors import explain
from .session import Session


class Editor(QObject):
    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window

    def _fail(self, why: Exception | str) -> None:
        text = why if isinstance(why, str) else explain(why, self.session.dataset)
        Message.show(self.window, self.tr("Không thực hiện được"), text)

    def _push(self, command: Command) -> bool:
        try:
            self.session.push(command)
            return True
        except (ScenarioError, UnknownRuleSet) as exc:
            self._fail(exc)
            return False

    # ----- what the selection allows ----------------------------------------------------
    def can_merge(self) -> bool:
        return len(self.session.selection) >= 2

    def single_group(self):
        groups = self.session.selected_groups()
        return groups[0] if len(groups) == 1 else None

    # ----- gestures ---------------------------------------------------------------------
    def merge(self) -> bool:
        s = self.session
        assert s.scenario is not None
        members = merge_members(s.scenario, s.selection)
        if len(members) < 2:
            self._fail(self.tr("Chọn ít nhất hai đơn vị để nhập."))
            return False
        kind = s.rules.resulting_kind(s.dataset.units[c].kind for c in members)
        choice = MergeDialog.ask(self.window, s.dataset, members, kind, s.lang)
        if choice is None:
            return False
        command = Merge(s.selection, choice.name, choice.seat, choice.kind)
        if not self._push(command):
            return False
        s.set_selection(command.group.members if command.group else members)
        return True

    def add_to_group(self, group_id: str | None = None, codes: list[str] | None = None) -> bool:
        s = self.session
        if group_id is None:
            group = self.single_group()
            if group is None:
                self._fail(self.tr("Chọn các đơn vị cần thêm cùng với đúng một nhóm."))
                return False
            group_id = group.id
        codes = codes if codes is not None else [c for c in s.selection if s.group_of(c) is None]
        if not codes:
            self._fail(self.tr("Không có đơn vị nào ngoài nhóm được chọn."))
            return False
        return self._push(AddToGroup(group_id, codes))

    def remove_from_group(self) -> bool:
        s = self.session
        codes = [c for c in s.selection if s.group_of(c) is not None]
        if not codes:
            self._fail(self.tr("Các đơn vị đã chọn không thuộc nhóm nào."))
            return False
        return self._push(RemoveFromGroup(codes))

    def dissolve(self) -> bool:
        groups = self.session.selected_groups()
        if not groups:
            self._fail(self.tr("Chọn một đơn vị của nhóm cần giải tán."))
            return False
        return self._push(Dissolve([g.id for g in groups]))

    def rename_group(self) -> bool:
        group = self.single_group()
        if group is None:
            self._fail(self.tr("Chọn một đơn vị của nhóm cần đổi tên."))
            return False
        name = TextInput.ask(self.window, self.tr("Đổi tên nhóm"), self.tr("Tên đơn vị mới:"), group.name)
        if name is None or name == group.name:
            return False
        return self._push(RenameGroup(group.id, name))

    def record_exemption(self) -> bool:
        s = self.session
        if len(s.selection) != 1:
            self._fail(self.tr("Chọn đúng một đơn vị để ghi miễn sắp xếp."))
            return False
        assert s.scenario is not None
        code = s.selection[0]
        current = s.scenario.exemptions.get(code, "")
        reason = ExemptionDialog.ask(self.window, s.dataset.units[code].name, s.rules, current, s.lang)
        if reason is None or reason == current:
            return False
        return self._push(SetExemption(code, reason or None))

    def record_group_exception(self, group_id: str | None = None) -> bool:
        """Record (or clear) why the group is an exception: the group given, or the one selected."""
        s = self.session
        assert s.scenario is not None and s.result is not None
        try:
            group = s.scenario.group_by_id(group_id) if group_id else self.single_group()
        except ScenarioError as exc:         # the group went meanwhile (undone)
            self._fail(exc)
            return False
        if group is None:
            self._fail(self.tr("Chọn một đơn vị của đúng một nhóm để ghi ngoại lệ."))
            return False
        result = s.result.group_result(group.id)
        verdict = verdict_label(result.verdict, s.lang) if result is not None else ""
        names = [s.dataset.units[c].name for c in group.members]
        current = (group.exception_ground, group.exception_reason)
        answer = GroupExceptionDialog.ask(self.window, group.name, names, verdict, s.rules, current, s.lang)
        if answer is None or tuple(answer) == current:
            return False
        ground, text = answer
        return self._push(SetGroupException(group.id, text, ground))

    def override_figures(self) -> bool:
        s = self.session
        if len(s.selection) != 1:
            self._fail(self.tr("Chọn đúng một đơn vị để điều chỉnh số liệu."))
            return False
        assert s.scenario is not None
        code = s.selection[0]
        unit = s.dataset.units[code]
        ov: Override | None = s.scenario.overrides.get(code)
        current = OverrideChoice(ov.population, ov.area_km2, ov.source) if ov else None

        def refusal(choice: OverrideChoice) -> str | None:
            """Why core would refuse these figures: said in the dialog, which keeps what was typed."""
            try:
                SetOverride(code, choice.population, choice.area_km2, choice.source).check(s.scenario, s.dataset)
            except ScenarioError as exc:
                return explain(exc, s.dataset)
            return None

        choice = OverrideDialog.ask(self.window, unit.name, unit.population.value, unit.area.value, current,
                                    refusal)
        if choice is None:
            return False
        return self._push(SetOverride(code, choice.population, choice.area_km2, choice.source))

    def set_rules(self, rule_id: str) -> bool:
        s = self.session
        if s.scenario is None or s.scenario.rules == rule_id:
            return False
        return self._push(SetRules(rule_id, s.rules_title(rule_id)))

    def confirm(self, title: str, text: str, yes: str) -> bool:
        return Confirm.ask(self.window, title, text, yes)
