"""What a merger would give before it is made, and what would fix a failing group.

Both answers come from the ordinary group evaluation run on a trial group, so a
preview or a proposal reads exactly as the real result would. Only the trial
group is evaluated (not the whole scenario), so proposals stay instant at
national size.
"""
from __future__ import annotations

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


def preview_group(dataset: Dataset, rules: RuleSet, scenario: Scenario,
                  members: list[str], result: ScenarioResult | None = None) -> GroupResult:
    """The result a group of ``members`` would have; the scenario itself is not changed.

    Members already in a group are taken out of it first, as a merger of them would (a group
    left with one unit is dissolved). Raises ``ScenarioError`` when the members cannot form a
    group (unknown code, fewer than two). ``result``, the scenario's current evaluation, saves
    working out every unit's name after the merger again.
    """
    taken = set(members)
    groups: list[Group] = []
    reverted: list[str] = []          # units whose group the trial dissolves
    for g in scenario.groups:
        rest = [c for c in g.members if c not in taken]
        if len(rest) == len(g.members):
            groups.append(g)
        elif len(rest) >= 2:
            groups.append(replace(g, members=rest, seat=g.seat if g.seat in rest else rest[0]))
        else:
            reverted += rest
    trial = Scenario(scenario.name, scenario.rules, groups=groups, exemptions=scenario.exemptions,
                     overrides=scenario.overrides)
    group = trial.new_group(dataset, members, group_id=PREVIEW_ID)
    trial.groups.append(group)
    after = names = None
    if result is not None:
        after, names = dict(result.after_names), dict(result.names)
        for code in reverted:
            unit = dataset.units[code]
            old, new = (unit.province, fold(after[code])), (unit.province, fold(unit.name))
            names[old] = [c for c in names.get(old, ()) if c != code]
            names[new] = [*names.get(new, ()), code]
            after[code] = unit.name
    return _evaluate_alone(dataset, rules, trial, group, after, names)


def _evaluate_alone(dataset: Dataset, rules: RuleSet, scenario: Scenario, group: Group,
                    after: dict[str, str] | None = None,
                    names: dict | None = None) -> GroupResult:
    """``group`` evaluated as it would be inside ``scenario``, without the other groups' work.

    ``after``/``names`` (names after the merger and their index) may come from the
    scenario without the trial: a clash check excludes the group's own members, so
    a unit moving into the group does not change the answer.
    """
    owner = scenario.grouped_codes()
    for code in group.members:
        owner[code] = group
    if after is None:
        after = _after_names(dataset, scenario)
    trial_after = dict(after)
    for code in group.members:
        trial_after[code] = group.name
    units = {c: evaluate_unit(dataset.units[c], rules, scenario, group.id) for c in group.members}
    return evaluate_group(dataset, rules, scenario, group, units, trial_after, owner,
                          names if names is not None else name_index(dataset, trial_after))


def fixing_units(dataset: Dataset, rules: RuleSet, scenario: Scenario,
                 group_id: str, result: ScenarioResult | None = None) -> list[Suggestion]:
    """Adjacent units not in any group, each with the group's figures once added.

    Units that would bring the group up to the post-merger standard come first;
    the others follow, the closest to the standard first. Empty when the group
    has no free neighbour. ``result``, the scenario's current evaluation, saves working out
    every unit's name after the merger again.
    """
    group = scenario.group_by_id(group_id)
    taken = scenario.grouped_codes()
    candidates: set[str] = set()
    for code in group.members:
        candidates |= dataset.neighbours(code)
    candidates = {c for c in candidates if c not in taken}
    found: list[Suggestion] = []
    if result is not None:
        after, names = result.after_names, result.names
    else:
        after = _after_names(dataset, scenario)
        names = name_index(dataset, after)
    for code in candidates:
        trial = Group(group.name, group.members + [code], group.seat, group.kind,
                      group.exception_reason, group.id)
        result = _evaluate_alone(dataset, rules, scenario, trial, after, names)
        req = result.requirement
        if req.exempt:
            progress = 1.0
        else:
            progress = min(result.area_km2 / req.area_km2 if req.area_km2 else 1.0,
                           result.population / req.population if req.population else 1.0)
        suggestion = Suggestion(code, dataset.units[code].name, result.area_km2, result.population,
                                result.area_pct, result.population_pct, result.meets_standard,
                                result.verdict, progress)
        found.append(suggestion)
    found.sort(key=lambda s: (not s.meets_standard, -s.progress, fold(s.name)))
    return found
