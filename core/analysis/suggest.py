"""What a merger would give before it is made, and what would fix a failing group.

Both answers come from the ordinary group evaluation run on a trial group, so a
preview or a proposal reads exactly as the real result would. Only the trial
group is evaluated (not the whole scenario), so proposals stay instant at
national size.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from core.common.text import fold
from core.domain.model import Dataset
from core.domain.scenario import Group, Scenario
from core.law.evaluation import (
    GroupResult,
    ScenarioResult,
    _after_names,
    evaluate_group,
    evaluate_unit,
    name_index,
    name_slot,
)
from core.law.rules import RuleSet

PREVIEW_ID = "preview"          # the id of the would-be group a preview evaluates


@dataclass(frozen=True)
class Suggestion:
    """An adjacent unit and the figures of the group once it is added."""

    code: str
    name: str
    area_km2: float
    population: float
    area_pct: float
    population_pct: float
    meets_standard: bool
    verdict: str
    progress: float     # how far the weaker figure is towards its requirement (1.0 = reached)


class _Overlay(Mapping):
    """``base`` with a few entries replaced or removed, without copying ``base`` (a trial
    group changes a handful of the national project's 11,000 entries)."""

    def __init__(self, base: Mapping, changes: dict) -> None:
        self.base, self.changes = base, changes

    def __getitem__(self, key):
        if key in self.changes:
            value = self.changes[key]
            if value is _GONE:
                raise KeyError(key)
            return value
        return self.base[key]

    def __contains__(self, key) -> bool:
        if key in self.changes:
            return self.changes[key] is not _GONE
        return key in self.base

    def __iter__(self):
        yield from (k for k in self.base if k not in self.changes)
        yield from (k for k, v in self.changes.items() if v is not _GONE)

    def __len__(self) -> int:
        return sum(1 for _ in self)


_GONE = object()


def _working(dataset: Dataset, scenario: Scenario, result: ScenarioResult | None) -> Dataset:
    """The units the scenario groups: split units as their parts, transferred units left out."""
    if result is not None and result.working is not None:
        return result.working
    return scenario.working(dataset)


def preview_group(dataset: Dataset, rules: RuleSet, scenario: Scenario,
                  members: list[str], result: ScenarioResult | None = None) -> GroupResult:
    """The result a group of ``members`` would have; the scenario itself is not changed.

    Members already in a group are taken out of it first, as a merger of them would (a group
    left with one unit is dissolved). Raises ``ScenarioError`` when the members cannot form a
    group (unknown code, fewer than two). ``result``, the scenario's current evaluation, saves
    working out every unit's name after the merger again.
    """
    dataset = _working(dataset, scenario, result)
    taken = set(members)
    groups: list[Group] = []
    owner_changes: dict[str, object] = {}
    reverted: list[str] = []          # units whose group the trial dissolves
    for g in scenario.groups:
        rest = [c for c in g.members if c not in taken]
        if len(rest) == len(g.members):
            groups.append(g)
        elif len(rest) >= 2:
            smaller = replace(g, members=rest, seat=g.seat if g.seat in rest else rest[0])
            groups.append(smaller)
            owner_changes.update((c, smaller) for c in rest)
        else:
            reverted += rest
            owner_changes.update((c, _GONE) for c in rest)
    trial = Scenario(scenario.name, scenario.rules, groups=groups, exemptions=scenario.exemptions,
                     overrides=scenario.overrides)
    group = trial.new_group(dataset, members, group_id=PREVIEW_ID)
    trial.groups.append(group)
    if result is None:
        return _evaluate_alone(dataset, rules, trial, group)
    after_changes: dict[str, str] = {}
    name_changes: dict[tuple[str, str, str], list[str]] = {}
    names = result.names
    for code in reverted:
        unit = dataset.units[code]
        old = name_slot(rules, unit, result.after_names[code])
        new = name_slot(rules, unit, unit.name)
        name_changes[old] = [c for c in name_changes.get(old, names.get(old, ())) if c != code]
        name_changes[new] = [*name_changes.get(new, names.get(new, ())), code]
        after_changes[code] = unit.name
    return _evaluate_alone(dataset, rules, trial, group, _Overlay(result.after_names, after_changes),
                           _Overlay(names, name_changes), _Overlay(result.owner, owner_changes))


def _evaluate_alone(dataset: Dataset, rules: RuleSet, scenario: Scenario, group: Group,
                    after: Mapping[str, str] | None = None, names: Mapping | None = None,
                    owner: Mapping[str, Group] | None = None) -> GroupResult:
    """``group`` evaluated as it would be inside ``scenario``, without the other groups' work.

    ``after``/``names`` (names after the merger and their index) and ``owner`` (each grouped
    unit's group) may come from the scenario without the trial: a clash check excludes the
    group's own members, so a unit moving into the group does not change the answer.
    """
    owner = _Overlay(owner if owner is not None else scenario.grouped_codes(),
                     dict.fromkeys(group.members, group))
    if after is None:
        after = _after_names(dataset, scenario)
    trial_after = _Overlay(after, dict.fromkeys(group.members, group.name))
    units = {c: evaluate_unit(dataset.units[c], rules, scenario, group.id) for c in group.members}
    return evaluate_group(dataset, rules, scenario, group, units, trial_after, owner,
                          names if names is not None else name_index(dataset, trial_after, rules))


def fixing_units(dataset: Dataset, rules: RuleSet, scenario: Scenario,
                 group_id: str, result: ScenarioResult | None = None) -> list[Suggestion]:
    """Adjacent units not in any group, each with the group's figures once added.

    Units that would bring the group up to the post-merger standard come first;
    the others follow, the closest to the standard first. Empty when the group
    has no free neighbour. ``result``, the scenario's current evaluation, saves working out
    every unit's name after the merger again.
    """
    dataset = _working(dataset, scenario, result)
    group = scenario.group_by_id(group_id)
    taken = result.owner if result is not None else scenario.grouped_codes()
    candidates: set[str] = set()
    for code in group.members:
        candidates |= dataset.neighbours(code)
    candidates = {c for c in candidates if c not in taken}
    found: list[Suggestion] = []
    if result is not None:
        after, names, owner = result.after_names, result.names, result.owner
    else:
        after = _after_names(dataset, scenario)
        names, owner = name_index(dataset, after, rules), taken
    for code in candidates:
        trial = replace(group, members=group.members + [code])
        r = _evaluate_alone(dataset, rules, scenario, trial, after, names, owner)
        req = r.requirement
        if req.exempt:
            progress = 1.0
        else:
            progress = min(r.area_km2 / req.area_km2 if req.area_km2 else 1.0,
                           r.population / req.population if req.population else 1.0)
        suggestion = Suggestion(code, dataset.units[code].name, r.area_km2, r.population,
                                r.area_pct, r.population_pct, r.meets_standard, r.verdict, progress)
        found.append(suggestion)
    found.sort(key=lambda s: (not s.meets_standard, -s.progress, fold(s.name)))
    return found
