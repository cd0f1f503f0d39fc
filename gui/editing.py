"""Planner's gestures on the selection → core commands on the session's undo stack.

Each method reads the selection, asks what it must (through a dialog's ``ask``),
and pushes one command. Refusals from core (``ScenarioError``) become a message.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from core.domain import commands
from core.domain.scenario import Override, ScenarioError

from .dialogs.common import Confirm, Message, TextInput
from .dialogs.figures import ExemptionDialog, OverrideChoice, OverrideDialog
from .dialogs.merge_dialog import MergeDialog
from .errors import explain
from .session import Session
from .text import fill


class Editor(QObject):
    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window

    def _fail(self, why: Exception | str) -> None:
        text = why if isinstance(why, str) else explain(why, self.session.dataset)
        Message.show(self.window, self.tr("Không thực hiện được"), text)

    def _run(self, make, text: str) -> bool:
        try:
            self.session.run(make, text)
            return True
        except ScenarioError as exc:
            self._fail(exc)
            return False

    # ----- what the selection allows ----------------------------------------------------
    def can_merge(self) -> bool:
        return len(self.session.selection) >= 2

    def _merge_members(self) -> list[str]:
        """The selection plus every member of a group it touches (that group is merged into the new one)."""
        members = list(self.session.selection)
        for group in self.session.selected_groups():
            members += [c for c in group.members if c not in members]
        return members

    def single_group(self):
        groups = self.session.selected_groups()
        return groups[0] if len(groups) == 1 else None

    # ----- gestures ---------------------------------------------------------------------
    def merge(self) -> bool:
        s = self.session
        members = self._merge_members()
        if len(members) < 2:
            self._fail(self.tr("Chọn ít nhất hai đơn vị để nhập."))
            return False
        kind = s.rules.resulting_kind(s.dataset.units[c].kind for c in members)
        choice = MergeDialog.ask(self.window, s.dataset, members, kind, s.lang)
        if choice is None:
            return False
        touched = [g.id for g in s.selected_groups()]
        dataset = s.dataset

        def apply(sc):
            for gid in touched:
                sc.dissolve(gid)
            return sc.add_group(dataset, members, choice.name, choice.seat, choice.kind)
        if not self._run(lambda sc: commands.Command(sc, "merge", apply), self.tr("Nhập đơn vị")):
            return False
        group = s.scenario.group_of(members[0])
        s.set_selection(group.members if group else members)
        return True

    def add_to_group(self, group_id: str | None = None, codes: list[str] | None = None) -> bool:
        s = self.session
        if group_id is None:
            group = self.single_group()
            if group is None:
                self._fail(self.tr("Chọn các đơn vị cần thêm cùng với đúng một nhóm."))
                return False
            group_id = group.id
        assert s.scenario is not None
        codes = codes if codes is not None else [c for c in s.selection if s.scenario.group_of(c) is None]
        if not codes:
            self._fail(self.tr("Không có đơn vị nào ngoài nhóm được chọn."))
            return False
        dataset = s.dataset

        def apply(sc):
            for code in codes:
                sc.add_member(dataset, group_id, code)
        return self._run(lambda sc: commands.Command(sc, "add", apply), self.tr("Thêm đơn vị vào nhóm"))

    def remove_from_group(self) -> bool:
        s = self.session
        assert s.scenario is not None
        pairs = [(s.scenario.group_of(c).id, c) for c in s.selection if s.scenario.group_of(c) is not None]
        if not pairs:
            self._fail(self.tr("Các đơn vị đã chọn không thuộc nhóm nào."))
            return False

        def apply(sc):
            for gid, code in pairs:
                sc.remove_member(gid, code)
        return self._run(lambda sc: commands.Command(sc, "remove", apply), self.tr("Bớt đơn vị khỏi nhóm"))

    def dissolve(self) -> bool:
        groups = self.session.selected_groups()
        if not groups:
            self._fail(self.tr("Chọn một đơn vị của nhóm cần giải tán."))
            return False
        ids = [g.id for g in groups]

        def apply(sc):
            for gid in ids:
                sc.dissolve(gid)
        return self._run(lambda sc: commands.Command(sc, "dissolve", apply), self.tr("Giải tán nhóm"))

    def rename_group(self) -> bool:
        group = self.single_group()
        if group is None:
            self._fail(self.tr("Chọn một đơn vị của nhóm cần đổi tên."))
            return False
        name = TextInput.ask(self.window, self.tr("Đổi tên nhóm"), self.tr("Tên đơn vị mới:"), group.name)
        if name is None or name == group.name:
            return False
        gid = group.id
        return self._run(lambda sc: commands.update_group(sc, gid, name=name), self.tr("Đổi tên nhóm"))

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
        dataset = s.dataset
        return self._run(lambda sc: commands.set_exemption(sc, dataset, code, reason or None),
                         self.tr("Ghi miễn sắp xếp") if reason else self.tr("Bỏ miễn sắp xếp"))

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
        choice = OverrideDialog.ask(self.window, unit.name, unit.population.value, unit.area.value, current)
        if choice is None:
            return False
        dataset = s.dataset
        return self._run(lambda sc: commands.set_override(sc, dataset, code, choice.population,
                                                          choice.area_km2, choice.source),
                         fill(self.tr("Điều chỉnh số liệu %1"), unit.name))

    def set_rules(self, rule_id: str) -> bool:
        s = self.session
        if s.scenario is None or s.scenario.rules == rule_id:
            return False
        return self._run(lambda sc: commands.set_rules(sc, rule_id),
                         fill(self.tr("Đổi bộ quy tắc sang %1"), s.rules_title(rule_id)))

    def confirm(self, title: str, text: str, yes: str) -> bool:
        return Confirm.ask(self.window, title, text, yes)
