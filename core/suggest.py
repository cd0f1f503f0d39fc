"""What a merger would give before it is made, and what would fix a failing group.

Both answers come from the ordinary evaluation run on a trial copy of the
scenario, so a preview or a proposal reads exactly as the real result would.
"""
from __future__ import annotations

from dataclasses import dataclass

from .evaluation import GroupResult, evaluate
from .model import Dataset
from .rules import RuleSet
from .scenario import Scenario
from .text import fold


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
                  members: list[str]) -> GroupResult:
    """The result a group of ``members`` would have; the scenario itself is not changed.

    Members already in a group are taken out of it first, as a merger of them would.
    Raises ``ScenarioError`` when the members cannot form a group (unknown code, fewer than two).
    """
    trial = scenario.snapshot()
    for code in members:
        owner = trial.group_of(code)
        if owner is not None:
            owner.members.remove(code)
            if len(owner.members) < 2:
                trial.groups.remove(owner)
    group = trial.add_group(dataset, members)
    result = evaluate(dataset, rules, trial).group_result(group.id)
    assert result is not None
    return result


def fixing_units(dataset: Dataset, rules: RuleSet, scenario: Scenario,
                 group_id: str) -> list[Suggestion]:
    """Adjacent units not in any group, each with the group's figures once added.

    Units that would bring the group up to the post-merger standard come first;
    the others follow, the closest to the standard first. Empty when the group
    has no free neighbour.
    """
    group = scenario.group_by_id(group_id)
    taken = scenario.grouped_codes()
    candidates: set[str] = set()
    for code in group.members:
        candidates |= dataset.neighbours(code)
    candidates = {c for c in candidates if c not in taken}
    found: list[Suggestion] = []
    for code in candidates:
        trial = scenario.snapshot()
        trial.add_member(dataset, group_id, code)
        result = evaluate(dataset, rules, trial).group_result(group_id)
        assert result is not None
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
