"""The planner's gestures as named commands on a scenario, each undoable without a copy.

A command is made from what the planner chose (``Merge(["28813", "28816"], name="Giao Long")``).
``check`` refuses it with a ``ScenarioError`` while the scenario is still untouched; ``do``
checks, applies, and keeps the little it needs to take the edit back (the groups it replaced,
the exemption it overwrote, …); ``undo`` puts exactly that back. Both return a ``Change``: the
unit codes and group ids the edit touched, and whether the rule set changed, so that the
evaluation (``core.law.incremental``) and the views redo only those.

Groups are values: an edit puts a new ``Group`` in the old one's place, so whoever holds an
earlier evaluation keeps reading the groups as they were. A command that creates a group
chooses its id once, so redo brings back the same group and later commands still find it.
``label()`` names the gesture (the Edit menu's "Undo …"), ``describe(dataset)`` says what it
did in words (for a change log); both are ``Message``s from ``resources/messages/commands.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from core.common.messages import Message
from core.common.text import nfc
from core.domain.model import KINDS, DataError, Dataset, check_figure
from core.domain.scenario import (
    GROUP_NAME,
    Group,
    Override,
    Scenario,
    ScenarioError,
    clean_name,
    now_iso,
    unit_label,
)


@dataclass(frozen=True)
class Change:
    """What an edit touched: units whose group, exemption or figures changed (or whose group
    was renamed), groups added, removed or changed, and whether the rule set changed."""

    units: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    rules: bool = False

    def __or__(self, other: Change) -> Change:
        return Change(self.units | other.units, self.groups | other.groups, self.rules or other.rules)

    @property
    def empty(self) -> bool:
        return not (self.units or self.groups or self.rules)


def change(units: Iterable[str] = (), groups: Iterable[str] = (), rules: bool = False) -> Change:
    return Change(frozenset(units), frozenset(groups), rules)


def new_group_id() -> str:
    return Group(name="", members=[]).id


class Command:
    """One undoable gesture. Subclasses give ``check``, ``_apply`` and ``_revert``."""

    code = "command.edit"           # the gesture's name in the catalogue

    def __init__(self) -> None:
        self._modified: str | None = None        # the scenario's timestamp before ``do``
        self.done = False

    def label(self) -> Message:
        return Message(self.code)

    def describe(self, dataset: Dataset) -> Message:
        """What the gesture did, in words (valid after ``do``)."""
        return self.label()

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        """Raise ScenarioError when the gesture cannot be made; changes nothing."""

    def do(self, scenario: Scenario, dataset: Dataset) -> Change:
        self.check(scenario, dataset)
        self._modified = scenario.modified
        result = self._apply(scenario, dataset)
        scenario.modified = now_iso()
        self.done = True
        return result

    def undo(self, scenario: Scenario) -> Change:
        assert self.done, "undo before do"
        result = self._revert(scenario)
        assert self._modified is not None
        scenario.modified = self._modified
        self.done = False
        return result

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        raise NotImplementedError

    def _revert(self, scenario: Scenario) -> Change:
        raise NotImplementedError


def _known(dataset: Dataset, codes: Iterable[str]) -> None:
    for code in codes:
        if code not in dataset.units:
            raise ScenarioError("scenario.unknown_unit", code=code)


def _names(dataset: Dataset, codes: Iterable[str]) -> list[str]:
    return [dataset.units[c].name if c in dataset.units else c for c in codes]


def merge_members(scenario: Scenario, codes: Sequence[str]) -> list[str]:
    """The members of a merger of ``codes``: the codes, then every other member of a group
    one of them belongs to (that group is absorbed into the new one)."""
    members = list(dict.fromkeys(codes))
    taken = set(members)
    owners = scenario.grouped_codes()
    for code in list(members):
        group = owners.get(code)
        if group is not None:
            for other in group.members:
                if other not in taken:
                    members.append(other)
                    taken.add(other)
    return members


# ----- groups -------------------------------------------------------------------------------

class Merge(Command):
    """Merge the selection into one new unit; groups it touches are absorbed into it."""

    code = "command.merge"

    def __init__(self, codes: Sequence[str], name: str | None = None, seat: str | None = None,
                 kind: str | None = None, group_id: str | None = None) -> None:
        super().__init__()
        self.codes = list(codes)
        self.name, self.seat, self.kind = name, seat, kind
        self.group_id = group_id or new_group_id()
        self._absorbed: list[tuple[int, Group]] = []
        self._group: Group | None = None

    def _plan(self, scenario: Scenario, dataset: Dataset) -> tuple[list[str], list[Group], Group]:
        _known(dataset, self.codes)
        members = merge_members(scenario, self.codes)
        owners = scenario.grouped_codes()
        absorbed = list({owners[c].id: owners[c] for c in members if c in owners}.values())
        gone = {g.id for g in absorbed}
        rest = Scenario(scenario.name, scenario.rules, groups=[g for g in scenario.groups if g.id not in gone])
        group = rest.new_group(dataset, members, self.name, self.seat, self.kind, self.group_id)
        return members, absorbed, group

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        self._plan(scenario, dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        members, absorbed, group = self._plan(scenario, dataset)
        places = sorted((scenario.index_of(g.id), g) for g in absorbed)
        for i, _ in reversed(places):
            scenario.groups.pop(i)
        self._absorbed = [(i, g) for i, g in places]
        scenario.groups.append(group)
        self._group = group
        return change(members, [g.id for _, g in places] + [group.id])

    def _revert(self, scenario: Scenario) -> Change:
        assert self._group is not None
        scenario.remove_group(self._group.id)
        for i, g in self._absorbed:
            scenario.insert_group(i, g)
        return change(self._group.members, [g.id for _, g in self._absorbed] + [self._group.id])

    @property
    def group(self) -> Group | None:
        """The group the merger made (after ``do``)."""
        return self._group

    def describe(self, dataset: Dataset) -> Message:
        g = self._group
        members = g.members if g else self.codes
        return Message("change.merge", units=_names(dataset, members), name=g.name if g else "")


class AddToGroup(Command):
    """Add units that belong to no group to an existing group."""

    code = "command.add_to_group"

    def __init__(self, group_id: str, codes: Sequence[str]) -> None:
        super().__init__()
        self.group_id = group_id
        self.codes = list(dict.fromkeys(codes))
        self._old: Group | None = None

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        scenario.group_by_id(self.group_id)
        if not self.codes:
            raise ScenarioError("command.nothing_to_add")
        _known(dataset, self.codes)
        owners = scenario.grouped_codes()
        for code in self.codes:
            if code in owners:
                raise ScenarioError("scenario.unit_in_two_groups", unit=unit_label(dataset, code),
                                    group=owners[code].name)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        group = scenario.group_by_id(self.group_id)
        self._old = scenario.replace_group(replace(group, members=group.members + self.codes))
        return change(self.codes, [self.group_id])

    def _revert(self, scenario: Scenario) -> Change:
        assert self._old is not None
        scenario.replace_group(self._old)
        return change(self.codes, [self.group_id])

    def describe(self, dataset: Dataset) -> Message:
        group = self._old.name if self._old else ""
        return Message("change.add_to_group", units=_names(dataset, self.codes), group=group)


class RemoveFromGroup(Command):
    """Take units out of their groups; each group keeps at least two members."""

    code = "command.remove_from_group"

    def __init__(self, codes: Sequence[str]) -> None:
        super().__init__()
        self.codes = list(dict.fromkeys(codes))
        self._old: list[Group] = []

    def _by_group(self, scenario: Scenario, dataset: Dataset) -> dict[str, tuple[Group, list[str]]]:
        if not self.codes:
            raise ScenarioError("command.nothing_to_remove")
        owners = scenario.grouped_codes()
        out: dict[str, tuple[Group, list[str]]] = {}
        for code in self.codes:
            group = owners.get(code)
            if group is None:
                raise ScenarioError("command.not_in_any_group", unit=unit_label(dataset, code))
            out.setdefault(group.id, (group, []))[1].append(code)
        for group, codes in out.values():
            if len(group.members) - len(codes) < 2:
                raise ScenarioError("scenario.cannot_remove_below_two", group=group.name)
        return out

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        self._by_group(scenario, dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        self._old = []
        for group, codes in self._by_group(scenario, dataset).values():
            members = [c for c in group.members if c not in codes]
            seat = group.seat if group.seat in members else members[0]
            self._old.append(scenario.replace_group(replace(group, members=members, seat=seat)))
        return change(self.codes, [g.id for g in self._old])

    def _revert(self, scenario: Scenario) -> Change:
        for group in self._old:
            scenario.replace_group(group)
        return change(self.codes, [g.id for g in self._old])

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.remove_from_group", units=_names(dataset, self.codes),
                       groups=[g.name for g in self._old])


class Dissolve(Command):
    """Dissolve groups: their members stay as they are."""

    code = "command.dissolve"

    def __init__(self, group_ids: Sequence[str]) -> None:
        super().__init__()
        self.group_ids = list(dict.fromkeys(group_ids))
        self._removed: list[tuple[int, Group]] = []

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        if not self.group_ids:
            raise ScenarioError("command.nothing_to_dissolve")
        for gid in self.group_ids:
            scenario.group_by_id(gid)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        places = sorted((scenario.index_of(gid), scenario.group_by_id(gid)) for gid in self.group_ids)
        for i, _ in reversed(places):
            scenario.groups.pop(i)
        self._removed = places
        return self._change()

    def _revert(self, scenario: Scenario) -> Change:
        for i, g in self._removed:
            scenario.insert_group(i, g)
        return self._change()

    def _change(self) -> Change:
        return change([c for _, g in self._removed for c in g.members], [g.id for _, g in self._removed])

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.dissolve", groups=[g.name for _, g in self._removed])


class EditGroup(Command):
    """Change one field of a group (name, kind, seat, exception); the others say which."""

    field = ""

    def __init__(self, group_id: str, value: object) -> None:
        super().__init__()
        self.group_id = group_id
        self.value = value
        self._old: Group | None = None

    def _new_value(self, group: Group, dataset: Dataset) -> object:
        return self.value

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        self._new_value(scenario.group_by_id(self.group_id), dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        group = scenario.group_by_id(self.group_id)
        value = self._new_value(group, dataset)
        self._old = scenario.replace_group(replace(group, **{self.field: value}))
        return self._change()

    def _revert(self, scenario: Scenario) -> Change:
        assert self._old is not None
        scenario.replace_group(self._old)
        return self._change()

    def _change(self) -> Change:
        return change((), [self.group_id])


class RenameGroup(EditGroup):
    """Name the new unit a group forms."""

    code = "command.rename_group"
    field = "name"

    def _new_value(self, group: Group, dataset: Dataset) -> object:
        return clean_name(self.value, GROUP_NAME)

    def _change(self) -> Change:
        # Its members' name after the merger changes: the table shows it, name clashes use it.
        assert self._old is not None
        return change(self._old.members, [self.group_id])

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.rename_group", old=self._old.name if self._old else "", new=str(self.value))


class SetGroupKind(EditGroup):
    """Choose the kind of the new unit (xã, phường, thị trấn), or None for the rule set's."""

    code = "command.set_kind"
    field = "kind"

    def _new_value(self, group: Group, dataset: Dataset) -> object:
        if self.value is not None and self.value not in KINDS:
            raise ScenarioError("scenario.unknown_kind", kind=str(self.value))
        return self.value

    def describe(self, dataset: Dataset) -> Message:
        kind = Message(f"change.kind_{self.value}" if self.value else "change.kind_default")
        return Message("change.set_kind", group=self._old.name if self._old else "", kind=kind)


class SetSeat(EditGroup):
    """Choose the member whose seat the new unit keeps."""

    code = "command.set_seat"
    field = "seat"

    def _new_value(self, group: Group, dataset: Dataset) -> object:
        if self.value not in group.members:
            raise ScenarioError("scenario.seat_not_member", unit=unit_label(dataset, str(self.value)))
        return self.value

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.set_seat", group=self._old.name if self._old else "",
                       unit=unit_label(dataset, str(self.value)))


class SetGroupException(EditGroup):
    """Record why a group that misses its requirement is an exception: a ground of the rule set
    (``RuleSet.exception_grounds``, e.g. NQ 653 "special-factors", NQ 76 khoản 3 Điều 5
    "standing-committee-decision") and its text (the decision, the reason). Empty text and no
    ground: none. The session checks the ground against the scenario's rule set."""

    code = "command.set_exception"
    field = "exception_reason"

    def __init__(self, group_id: str, reason: str, ground: str = "") -> None:
        super().__init__(group_id, reason)
        self.ground = ground

    def _new_value(self, group: Group, dataset: Dataset) -> object:
        if not isinstance(self.value, str) or not isinstance(self.ground, str):
            raise ScenarioError("command.reason_not_text")
        return nfc(self.value.strip())

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        group = scenario.group_by_id(self.group_id)
        text = self._new_value(group, dataset)
        ground = nfc(self.ground.strip())
        self._old = scenario.replace_group(replace(group, exception_reason=text, exception_ground=ground))
        return self._change()

    def _cleared(self) -> bool:
        return not str(self.value).strip() and not str(self.ground).strip()

    def label(self) -> Message:
        return Message("command.clear_exception" if self._cleared() else self.code)

    def describe(self, dataset: Dataset) -> Message:
        group = self._old.name if self._old else ""
        if self._cleared():
            return Message("change.clear_exception", group=group)
        return Message("change.set_exception", group=group, reason=nfc(str(self.value).strip()),
                       ground=nfc(str(self.ground).strip()))


# ----- units ----------------------------------------------------------------------------------

_ABSENT = object()


class SetExemption(Command):
    """Record that a unit the law would require to merge is exempted, and why (None: remove)."""

    code = "command.set_exemption"

    def __init__(self, code: str, reason: str | None) -> None:
        super().__init__()
        self.unit = code
        self.reason = reason
        self._old: object = _ABSENT

    def _value(self, dataset: Dataset) -> str | None:
        if self.reason is None:
            return None
        reason = nfc(str(self.reason).strip())
        if not reason:
            raise ScenarioError("scenario.exemption_needs_reason", unit=unit_label(dataset, self.unit))
        return reason

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        _known(dataset, [self.unit])
        self._value(dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        self._old = scenario.exemptions.get(self.unit, _ABSENT)
        value = self._value(dataset)
        if value is None:
            scenario.exemptions.pop(self.unit, None)
        else:
            scenario.exemptions[self.unit] = value
        return change([self.unit])

    def _revert(self, scenario: Scenario) -> Change:
        if self._old is _ABSENT:
            scenario.exemptions.pop(self.unit, None)
        else:
            scenario.exemptions[self.unit] = self._old       # type: ignore[assignment]
        return change([self.unit])

    def label(self) -> Message:
        return Message(self.code if self.reason is not None else "command.clear_exemption")

    def describe(self, dataset: Dataset) -> Message:
        unit = unit_label(dataset, self.unit)
        if self.reason is None:
            return Message("change.clear_exemption", unit=unit)
        return Message("change.set_exemption", unit=unit, reason=nfc(str(self.reason).strip()))


class SetOverride(Command):
    """Use other figures for a unit in this scenario, with their source (both None: remove)."""

    code = "command.set_override"

    def __init__(self, code: str, population: float | None = None, area_km2: float | None = None,
                 source: str = "") -> None:
        super().__init__()
        self.unit = code
        self.population, self.area_km2, self.source = population, area_km2, source
        self._old: Override | None = None

    def _value(self, dataset: Dataset) -> Override | None:
        where = Message("where.override_of", unit=unit_label(dataset, self.unit))
        try:
            pop = None if self.population is None else check_figure(self.population, "population", where)
            area = None if self.area_km2 is None else check_figure(self.area_km2, "area_km2", where)
        except DataError as exc:
            raise ScenarioError(exc.messages) from None
        if pop is None and area is None:
            return None
        source = nfc(str(self.source or "").strip())
        if not source:
            raise ScenarioError("scenario.override_needs_source", unit=unit_label(dataset, self.unit))
        return Override(pop, area, source)

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        _known(dataset, [self.unit])
        self._value(dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        value = self._value(dataset)
        self._old = scenario.overrides.get(self.unit)
        if value is None:
            scenario.overrides.pop(self.unit, None)
        else:
            scenario.overrides[self.unit] = value
        return change([self.unit])

    def _revert(self, scenario: Scenario) -> Change:
        if self._old is None:
            scenario.overrides.pop(self.unit, None)
        else:
            scenario.overrides[self.unit] = self._old
        return change([self.unit])

    def label(self) -> Message:
        cleared = self.population is None and self.area_km2 is None
        return Message("command.clear_override" if cleared else self.code)

    def describe(self, dataset: Dataset) -> Message:
        unit = unit_label(dataset, self.unit)
        if self.population is None and self.area_km2 is None:
            return Message("change.clear_override", unit=unit)
        return Message("change.set_override", unit=unit, source=nfc(str(self.source or "").strip()))


# ----- the scenario as a whole ------------------------------------------------------------------

class SetRules(Command):
    """Judge the scenario under another rule set (the session checks that it exists)."""

    code = "command.set_rules"

    def __init__(self, rule_id: str, title: str = "") -> None:
        super().__init__()
        self.rule_id = rule_id
        self.title = title or rule_id
        self._old = ""

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        if not isinstance(self.rule_id, str) or not self.rule_id:
            raise ScenarioError("scenario_file.missing_rules")

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        self._old, scenario.rules = scenario.rules, self.rule_id
        return Change(rules=True)

    def _revert(self, scenario: Scenario) -> Change:
        scenario.rules = self._old
        return Change(rules=True)

    def label(self) -> Message:
        return Message(self.code, rules=self.title)

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.set_rules", old=self._old, new=self.rule_id)


CONTENT = ("name", "description", "rules", "groups", "exemptions", "overrides")


class ReplaceContent(Command):
    """Make the scenario's content that of ``other`` (recovering unsaved edits from the journal):
    name, description, rule set, groups, exemptions and overrides; not its id or stored version."""

    code = "command.recover"

    def __init__(self, other: Scenario) -> None:
        super().__init__()
        self.other = other
        self._old: dict[str, object] = {}

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        self.other.validate(dataset)

    def _content(self, scenario: Scenario) -> dict[str, object]:
        return {"name": scenario.name, "description": scenario.description, "rules": scenario.rules,
                "groups": list(scenario.groups), "exemptions": dict(scenario.exemptions),
                "overrides": dict(scenario.overrides)}

    def _put(self, scenario: Scenario, content: dict[str, object]) -> Change:
        before = self._content(scenario)
        for key in CONTENT:
            value = content[key]
            setattr(scenario, key, list(value) if key == "groups" else     # type: ignore[call-overload]
                    dict(value) if isinstance(value, dict) else value)    # type: ignore[call-overload]
        return _difference(before, content)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        self._old = self._content(scenario)
        return self._put(scenario, self._content(self.other))

    def _revert(self, scenario: Scenario) -> Change:
        return self._put(scenario, self._old)


def _difference(a: dict, b: dict) -> Change:
    """What differs between two scenario contents (as ``ReplaceContent._content`` gives them)."""
    old = {g.id: g for g in a["groups"]}
    new = {g.id: g for g in b["groups"]}
    groups = {gid for gid in old.keys() | new.keys() if old.get(gid) != new.get(gid)}
    units = {c for gid in groups for g in (old.get(gid), new.get(gid)) if g is not None for c in g.members}
    for key in ("exemptions", "overrides"):
        units |= {c for c in a[key].keys() | b[key].keys() if a[key].get(c) != b[key].get(c)}
    return change(units, groups, a["rules"] != b["rules"])


class Compound(Command):
    """Several commands as one undoable step; if one is refused, those done are taken back."""

    def __init__(self, label: Message, commands: Sequence[Command]) -> None:
        super().__init__()
        self._label = label
        self.commands = list(commands)

    def label(self) -> Message:
        return self._label

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        if self.commands:
            self.commands[0].check(scenario, dataset)

    def _apply(self, scenario: Scenario, dataset: Dataset) -> Change:
        total = Change()
        done: list[Command] = []
        try:
            for command in self.commands:
                total = total | command.do(scenario, dataset)
                done.append(command)
        except Exception:
            for command in reversed(done):
                command.undo(scenario)
            raise
        return total

    def _revert(self, scenario: Scenario) -> Change:
        total = Change()
        for command in reversed(self.commands):
            total = total | command.undo(scenario)
        return total

    def describe(self, dataset: Dataset) -> Message:
        return Message("change.several", changes=[c.describe(dataset) for c in self.commands])
