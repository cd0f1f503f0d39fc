"""Scenarios: a planner's proposal of which units merge into which new units.

A scenario is plain data (groups, exemptions, figure overrides) plus the id of
the rule set it is judged under. Every change goes through a method here that
checks it first, so a scenario never holds a unit in two groups or a group of one;
the planner's gestures are commands (``core.domain.commands``) made of these edits.
A ``Group`` is a value: an edit puts a new one in its place instead of changing it.
"""
from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from core.common.errors import CoreError
from core.common.messages import Message
from core.common.text import nfc
from core.domain.model import KINDS, DataError, Dataset, check_figure
from core.domain.splits import Split, Transfer, working_dataset
from core.domain.splits import problems as split_problems

FORMAT = "sapxep-scenario/1"
MAX_NAME = 200


class ScenarioError(CoreError, ValueError):
    """A scenario or an edit is not valid; each message says what and where."""


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_id() -> str:
    return uuid.uuid4().hex


def clean_name(value: object, where: Message) -> str:
    """``value`` as a name (NFC, printable, 1–200 characters) or a refusal saying where."""
    if not isinstance(value, str):
        raise ScenarioError("name.not_text", where=where)
    text = nfc("".join(ch for ch in value if ch.isprintable()))
    if not text:
        raise ScenarioError("name.empty", where=where)
    if len(text) > MAX_NAME:
        raise ScenarioError("name.too_long", where=where, max=MAX_NAME)
    return text


GROUP_NAME = Message("where.group_name")
SCENARIO_NAME = Message("where.scenario_name")


def unit_label(dataset: Dataset | None, code: str) -> str:
    """How a message names a unit: "Giao Hòa (28816)", or the bare code when unknown."""
    unit = dataset.units.get(code) if dataset is not None else None
    return f"{unit.name} ({code})" if unit is not None else code


@dataclass
class Group:
    name: str
    members: list[str]
    seat: str = ""
    kind: str | None = None          # None: the rule set's default
    exception_reason: str = ""       # the text of a recorded group exception (decision, reason)
    code: str = ""                   # the new unit's GSO code when known (else the seat's, on apply)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    # The ground of the recorded exception, one of the rule set's ``exception_grounds`` ids
    # (e.g. NQ 653 "special-factors", NQ 76 "standing-committee-decision"); "" with a reason is
    # the older form: the rule set's ground that fits the group.
    exception_ground: str = ""


@dataclass
class Override:
    population: float | None = None
    area_km2: float | None = None
    source: str = ""


@dataclass
class Scenario:
    name: str
    rules: str
    description: str = ""
    groups: list[Group] = field(default_factory=list)
    exemptions: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, Override] = field(default_factory=dict)
    splits: list[Split] = field(default_factory=list)          # units split into parts
    transfers: list[Transfer] = field(default_factory=list)    # units or parts going out of the project
    state: str = ""                  # the project state it is drafted on ("" the project's first)
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    version: int = 0

    # ----- queries -------------------------------------------------------
    def group_of(self, code: str) -> Group | None:
        for group in self.groups:
            if code in group.members:
                return group
        return None

    def group_by_id(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise ScenarioError("scenario.no_such_group", id=group_id)

    def grouped_codes(self) -> dict[str, Group]:
        return {code: g for g in self.groups for code in g.members}

    def working(self, dataset: Dataset) -> Dataset:
        """The units this scenario groups: ``dataset`` with its split units replaced by their
        parts and its transferred units taken out (``dataset`` itself when it has neither)."""
        return working_dataset(dataset, self.splits, self.transfers)

    # ----- checks --------------------------------------------------------
    def problems(self, dataset: Dataset) -> list[Message]:
        """Every structural problem against ``dataset`` (empty when valid)."""
        found: list[Message] = split_problems(dataset, self.splits, self.transfers)
        if found:
            return found
        original, dataset = dataset, self.working(dataset)
        gone = {t.unit for t in self.transfers}
        split_units = {s.unit for s in self.splits}
        seen: dict[str, str] = {}
        for i, group in enumerate(self.groups):
            where = Message("where.group", index=i + 1, name=group.name)
            if len(group.members) < 2:
                found.append(Message("scenario.too_few_members", where=where))
            in_group: set[str] = set()
            for code in group.members:
                if code in gone:
                    found.append(Message("scenario.transferred_in_group", unit=unit_label(original, code),
                                         where=where))
                elif code in split_units:
                    found.append(Message("scenario.split_unit_in_group", unit=unit_label(original, code),
                                         where=where))
                elif code not in dataset.units:
                    found.append(Message("scenario.unknown_unit", code=code, where=where))
                elif code in in_group:
                    found.append(Message("scenario.unit_listed_twice", unit=unit_label(dataset, code),
                                         where=where))
                elif code in seen:
                    found.append(Message("scenario.unit_in_two_groups", unit=unit_label(dataset, code),
                                         group=seen[code], where=where))
                else:
                    seen[code] = group.name
                in_group.add(code)
            if group.seat and group.seat not in group.members:
                found.append(Message("scenario.seat_not_member", unit=unit_label(dataset, group.seat),
                                     where=where))
            if group.kind is not None and group.kind not in KINDS:
                found.append(Message("scenario.unknown_kind", kind=str(group.kind), where=where))
        for code in self.exemptions:
            if code not in dataset.units:
                found.append(Message("scenario.unknown_unit", code=code, where=Message("where.exemptions")))
        for code, ov in self.overrides.items():
            if code not in dataset.units:
                found.append(Message("scenario.unknown_unit", code=code, where=Message("where.overrides")))
            for name in ("population", "area_km2"):
                value = getattr(ov, name)
                if value is not None:
                    try:
                        check_figure(value, name, Message("where.override_of", unit=unit_label(dataset, code)))
                    except DataError as exc:
                        found.extend(exc.messages)
        return found

    def validate(self, dataset: Dataset) -> None:
        problems = self.problems(dataset)
        if problems:
            raise ScenarioError(problems)

    # ----- edits (each checked against the dataset) ------------------------
    def _touch(self) -> None:
        self.modified = now_iso()

    def _free(self, dataset: Dataset, codes: Iterable[str], allow: Group | None = None) -> None:
        for code in codes:
            if code not in dataset.units:
                raise ScenarioError("scenario.unknown_unit", code=code)
            owner = self.group_of(code)
            if owner is not None and owner is not allow:
                raise ScenarioError("scenario.unit_in_two_groups", unit=unit_label(dataset, code),
                                    group=owner.name)

    def add_group(self, dataset: Dataset, members: list[str], name: str | None = None,
                  seat: str | None = None, kind: str | None = None, group_id: str | None = None) -> Group:
        group = self.new_group(dataset, members, name, seat, kind, group_id)
        self.groups.append(group)
        self._touch()
        return group

    def new_group(self, dataset: Dataset, members: list[str], name: str | None = None,
                  seat: str | None = None, kind: str | None = None, group_id: str | None = None) -> Group:
        """The group ``members`` would form (checked against the dataset and the other groups),
        not yet added: name and seat default to the most populous member's."""
        members = list(dict.fromkeys(members))
        if len(members) < 2:
            raise ScenarioError("scenario.too_few_members")
        self._free(dataset, members)
        if kind is not None and kind not in KINDS:
            raise ScenarioError("scenario.unknown_kind", kind=str(kind))
        largest = max(members, key=lambda c: dataset.units[c].population.value)
        seat = seat or largest
        if seat not in members:
            raise ScenarioError("scenario.seat_not_member", unit=unit_label(dataset, seat))
        group = Group(name=clean_name(name or dataset.units[largest].name, GROUP_NAME),
                      members=members, seat=seat, kind=kind)
        if group_id is not None:
            group.id = group_id
        return group

    def add_member(self, dataset: Dataset, group_id: str, code: str) -> None:
        group = self.group_by_id(group_id)
        self._free(dataset, [code])
        self.replace_group(replace(group, members=group.members + [code]))
        self._touch()

    def remove_member(self, group_id: str, code: str) -> None:
        group = self.group_by_id(group_id)
        if code not in group.members:
            raise ScenarioError("scenario.unit_not_in_group", unit=code, group=group.name)
        if len(group.members) <= 2:
            raise ScenarioError("scenario.cannot_remove_below_two", group=group.name)
        members = [c for c in group.members if c != code]
        seat = members[0] if group.seat == code else group.seat
        self.replace_group(replace(group, members=members, seat=seat))
        self._touch()

    def dissolve(self, group_id: str) -> Group:
        _, group = self.remove_group(group_id)
        self._touch()
        return group

    def update_group(self, group_id: str, *, name: str | None = None, seat: str | None = None,
                     kind: str | type(...) | None = ..., exception_reason: str | None = None,
                     exception_ground: str | None = None) -> None:
        group = self.group_by_id(group_id)
        changes: dict = {}
        if name is not None:
            changes["name"] = clean_name(name, GROUP_NAME)
        if seat is not None:
            if seat not in group.members:
                raise ScenarioError("scenario.seat_not_member", unit=seat)
            changes["seat"] = seat
        if kind is not ...:
            if kind is not None and kind not in KINDS:
                raise ScenarioError("scenario.unknown_kind", kind=str(kind))
            changes["kind"] = kind
        if exception_reason is not None:
            changes["exception_reason"] = nfc(exception_reason)
        if exception_ground is not None:
            changes["exception_ground"] = nfc(exception_ground)
        self.replace_group(replace(group, **changes))
        self._touch()

    # ----- unchecked primitives (for commands that checked first, and for their undo) ------
    # A group is a value: an edit puts a new Group in its place, so an evaluation made
    # before the edit still reads the group as it was.
    def index_of(self, group_id: str) -> int:
        for i, group in enumerate(self.groups):
            if group.id == group_id:
                return i
        raise ScenarioError("scenario.no_such_group", id=group_id)

    def replace_group(self, group: Group) -> Group:
        """Put ``group`` in the place of the group with its id; returns the one replaced."""
        i = self.index_of(group.id)
        old, self.groups[i] = self.groups[i], group
        return old

    def remove_group(self, group_id: str) -> tuple[int, Group]:
        i = self.index_of(group_id)
        return i, self.groups.pop(i)

    def insert_group(self, index: int, group: Group) -> None:
        self.groups.insert(index, group)

    def set_exemption(self, dataset: Dataset, code: str, reason: str | None) -> None:
        if code not in dataset.units:
            raise ScenarioError("scenario.unknown_unit", code=code)
        if reason is None:
            self.exemptions.pop(code, None)
        else:
            reason = nfc(reason)
            if not reason:
                raise ScenarioError("scenario.exemption_needs_reason", unit=unit_label(dataset, code))
            self.exemptions[code] = reason
        self._touch()

    def set_override(self, dataset: Dataset, code: str, population: float | None = None,
                     area_km2: float | None = None, source: str = "") -> None:
        if code not in dataset.units:
            raise ScenarioError("scenario.unknown_unit", code=code)
        where = Message("where.override_of", unit=unit_label(dataset, code))
        try:
            population = None if population is None else check_figure(population, "population", where)
            area_km2 = None if area_km2 is None else check_figure(area_km2, "area_km2", where)
        except DataError as exc:
            raise ScenarioError(exc.messages) from None
        if population is None and area_km2 is None:
            self.overrides.pop(code, None)
        else:
            if not nfc(source):
                raise ScenarioError("scenario.override_needs_source", unit=unit_label(dataset, code))
            self.overrides[code] = Override(population, area_km2, nfc(source))
        self._touch()

    def set_rules(self, rule_id: str) -> None:
        self.rules = rule_id
        self._touch()

    # ----- copies --------------------------------------------------------
    def snapshot(self) -> Scenario:
        return copy.deepcopy(self)

    def duplicate(self, name: str) -> Scenario:
        twin = copy.deepcopy(self)
        twin.id = new_id()
        twin.name = clean_name(name, SCENARIO_NAME)
        twin.created = twin.modified = now_iso()
        twin.version = 0
        return twin
