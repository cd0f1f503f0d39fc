"""Scenarios: a planner's proposal of which units merge into which new units.

A scenario is plain data (groups, exemptions, figure overrides) plus the id of
the rule set it is judged under. Every change goes through a method here that
checks it first, so a scenario never holds a unit in two groups or a group of one.
"""
from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.common.text import nfc
from core.domain.model import KINDS, DataError, Dataset, check_figure

FORMAT = "sapxep-scenario/1"
MAX_NAME = 200


class ScenarioError(ValueError):
    """A scenario or an edit is not valid; ``problems`` lists each with where it is."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("; ".join(self.problems))


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_id() -> str:
    return uuid.uuid4().hex


def clean_name(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ScenarioError(f"{where}: a name must be text")
    text = nfc("".join(ch for ch in value if ch.isprintable()))
    if not text:
        raise ScenarioError(f"{where}: the name is empty")
    if len(text) > MAX_NAME:
        raise ScenarioError(f"{where}: the name is longer than {MAX_NAME} characters")
    return text


@dataclass
class Group:
    name: str
    members: list[str]
    seat: str = ""
    kind: str | None = None          # None: the rule set's default
    exception_reason: str = ""       # e.g. NQ 653 special factors for a 2-unit group
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


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
        raise ScenarioError(f"no group with id {group_id}")

    def grouped_codes(self) -> dict[str, Group]:
        return {code: g for g in self.groups for code in g.members}

    # ----- checks --------------------------------------------------------
    def problems(self, dataset: Dataset) -> list[str]:
        """Every structural problem against ``dataset`` (empty when valid)."""
        found: list[str] = []
        seen: dict[str, str] = {}
        for i, group in enumerate(self.groups):
            where = f"group {i + 1} ({group.name})"
            if len(group.members) < 2:
                found.append(f"{where}: a merged unit needs at least two members")
            in_group: set[str] = set()
            for code in group.members:
                if code not in dataset.units:
                    found.append(f"{where}: unknown unit code {code}")
                elif code in in_group:
                    found.append(f"{where}: unit {code} is listed twice")
                elif code in seen:
                    found.append(f"{where}: unit {code} is already in group {seen[code]}")
                else:
                    seen[code] = group.name
                in_group.add(code)
            if group.seat and group.seat not in group.members:
                found.append(f"{where}: the seat {group.seat} is not a member")
            if group.kind is not None and group.kind not in KINDS:
                found.append(f"{where}: unknown kind {group.kind!r}")
        for code in self.exemptions:
            if code not in dataset.units:
                found.append(f"exemption: unknown unit code {code}")
        for code, ov in self.overrides.items():
            if code not in dataset.units:
                found.append(f"override: unknown unit code {code}")
            for name in ("population", "area_km2"):
                value = getattr(ov, name)
                if value is not None:
                    try:
                        check_figure(value, name, f"override of {code}")
                    except DataError as exc:
                        found.append(str(exc))
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
                raise ScenarioError(f"unknown unit code {code}")
            owner = self.group_of(code)
            if owner is not None and owner is not allow:
                raise ScenarioError(f"unit {code} is already in group {owner.name}")

    def add_group(self, dataset: Dataset, members: list[str], name: str | None = None,
                  seat: str | None = None, kind: str | None = None) -> Group:
        members = list(dict.fromkeys(members))
        if len(members) < 2:
            raise ScenarioError("a merged unit needs at least two members")
        self._free(dataset, members)
        if kind is not None and kind not in KINDS:
            raise ScenarioError(f"unknown kind {kind!r}")
        largest = max(members, key=lambda c: dataset.units[c].population.value)
        seat = seat or largest
        if seat not in members:
            raise ScenarioError(f"the seat {seat} is not a member")
        group = Group(name=clean_name(name or dataset.units[largest].name, "group name"),
                      members=members, seat=seat, kind=kind)
        self.groups.append(group)
        self._touch()
        return group

    def add_member(self, dataset: Dataset, group_id: str, code: str) -> None:
        group = self.group_by_id(group_id)
        self._free(dataset, [code])
        group.members.append(code)
        self._touch()

    def remove_member(self, group_id: str, code: str) -> None:
        group = self.group_by_id(group_id)
        if code not in group.members:
            raise ScenarioError(f"unit {code} is not in group {group.name}")
        if len(group.members) <= 2:
            raise ScenarioError("a merged unit needs at least two members; dissolve the group instead")
        group.members.remove(code)
        if group.seat == code:
            group.seat = group.members[0]
        self._touch()

    def dissolve(self, group_id: str) -> Group:
        group = self.group_by_id(group_id)
        self.groups.remove(group)
        self._touch()
        return group

    def update_group(self, group_id: str, *, name: str | None = None, seat: str | None = None,
                     kind: str | type(...) | None = ..., exception_reason: str | None = None) -> None:
        group = self.group_by_id(group_id)
        if name is not None:
            group.name = clean_name(name, "group name")
        if seat is not None:
            if seat not in group.members:
                raise ScenarioError(f"the seat {seat} is not a member")
            group.seat = seat
        if kind is not ...:
            if kind is not None and kind not in KINDS:
                raise ScenarioError(f"unknown kind {kind!r}")
            group.kind = kind
        if exception_reason is not None:
            group.exception_reason = nfc(exception_reason)
        self._touch()

    def set_exemption(self, dataset: Dataset, code: str, reason: str | None) -> None:
        if code not in dataset.units:
            raise ScenarioError(f"unknown unit code {code}")
        if reason is None:
            self.exemptions.pop(code, None)
        else:
            reason = nfc(reason)
            if not reason:
                raise ScenarioError("an exemption needs a reason")
            self.exemptions[code] = reason
        self._touch()

    def set_override(self, dataset: Dataset, code: str, population: float | None = None,
                     area_km2: float | None = None, source: str = "") -> None:
        if code not in dataset.units:
            raise ScenarioError(f"unknown unit code {code}")
        try:
            population = None if population is None else check_figure(population, "population", code)
            area_km2 = None if area_km2 is None else check_figure(area_km2, "area_km2", code)
        except DataError as exc:
            raise ScenarioError(str(exc)) from None
        if population is None and area_km2 is None:
            self.overrides.pop(code, None)
        else:
            if not nfc(source):
                raise ScenarioError(f"override of {code}: a source note is required")
            self.overrides[code] = Override(population, area_km2, nfc(source))
        self._touch()

    def set_rules(self, rule_id: str) -> None:
        self.rules = rule_id
        self._touch()

    # ----- copies --------------------------------------------------------
    def snapshot(self) -> Scenario:
        return copy.deepcopy(self)

    def restore(self, other: Scenario) -> None:
        """Make this scenario's content equal to ``other`` (used by undo).

        The stored ``version`` is not content: it says which database save this
        copy descends from, so undo after a save must not roll it back.
        """
        version = self.version
        self.__dict__.update(copy.deepcopy(other.__dict__))
        self.version = version

    def duplicate(self, name: str) -> Scenario:
        twin = copy.deepcopy(self)
        twin.id = new_id()
        twin.name = clean_name(name, "scenario name")
        twin.created = twin.modified = now_iso()
        twin.version = 0
        return twin
