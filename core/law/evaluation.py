"""Evaluate units, merged groups and whole scenarios under a rule set.

The result objects carry figures, thresholds and articles; ``core.law.wording``
turns each ``Finding`` into a sentence a planner reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from core.common.text import fold, same_name_key
from core.domain.classification import MergedClassification
from core.domain.model import Dataset, Unit
from core.domain.scenario import Group, Scenario
from core.law.findings import Finding, group_findings, scenario_notes
from core.law.rules import NOT_CONSIDERED, Criterion, ExemptionGround, Requirement, RuleSet, Standard, profile_of
from core.law.verdict import EPS, EXCEPTION, FAILS, MEETS, figures_verdict, judge

__all__ = ["EPS", "EXCEPTION", "FAIL", "FAILS", "MEETS", "NOT_CONSIDERED", "PASS", "Finding", "GroupResult",
           "ScenarioResult", "UnitResult", "evaluate", "evaluate_group", "evaluate_unit", "name_index", "name_slot"]

PASS, FAIL = "pass", "fail"


@dataclass
class UnitResult:
    unit: Unit
    area_km2: float
    population: float
    area_overridden: bool
    population_overridden: bool
    standard: Standard
    area_pct: float
    population_pct: float
    criteria: list[Criterion]
    exemption: str | None
    group_id: str | None
    override_source: str = ""
    # A ground of the rule set that exempts the unit by itself (NQ 35: arranged in an earlier
    # period, from ``Unit.arranged_in``), when the planner recorded none.
    auto_exemption: ExemptionGround | None = None
    # "transfer" (the unit leaves the project) or "split" (it is judged as its parts): the unit is
    # shown as it stands but neither grouped nor unresolved.
    set_aside: str = ""

    @property
    def code(self) -> str:
        return self.unit.code

    @property
    def must_merge(self) -> bool:
        return bool(self.criteria)

    @property
    def exempted(self) -> bool:
        return self.exemption is not None or self.auto_exemption is not None

    @property
    def unresolved(self) -> bool:
        return self.must_merge and not self.exempted and self.group_id is None and not self.set_aside


@dataclass
class GroupResult:
    group: Group
    kind: str
    default_kind: str
    area_km2: float
    population: float
    standard: Standard
    requirement: Requirement
    area_pct: float
    population_pct: float
    contiguous: bool
    meets_standard: bool
    exception: dict | None          # {"id", "text", "article", "reason", "ground", "automatic", "verdict", "uncertain"}
    name_clashes: list[str]
    # What the neighbour list and the findings are built from, on first use: at national
    # size most groups of an evaluation are never shown, so they are not worded up front.
    context: tuple = field(default=(), repr=False, compare=False)
    classification: MergedClassification | None = None
    kind_allowed: bool = True
    recorded_problem: str | None = None     # why the ground the planner recorded does not apply

    @cached_property
    def neighbours(self) -> list[str]:
        """Names of the bordering units after the merger (a merged neighbour once, by its new name)."""
        dataset, _rules, _members, after_names, owner = self.context
        member_set = set(self.group.members)
        codes: set[str] = set()
        for code in self.group.members:
            codes |= dataset.neighbours(code)
        codes -= member_set
        out: list[str] = []
        seen_groups: set[str] = set()
        for code in sorted(codes, key=lambda c: fold(after_names[c])):
            other = owner.get(code)
            if other is not None:
                if other.id in seen_groups:
                    continue
                seen_groups.add(other.id)
            out.append(after_names[code])
        return out

    @cached_property
    def findings(self) -> list[Finding]:
        dataset, rules, members, _after, _owner = self.context
        return group_findings(dataset, rules, self, members)

    @property
    def verdict(self) -> str:
        """meets, not_considered (NQ 76: the targets need not be considered), exception
        (below standard – exception applies) or fails."""
        if not self.contiguous or self.name_clashes:
            return FAILS
        return figures_verdict(self.meets_standard, self.exception, self.kind_allowed)

    @property
    def verdict_article(self) -> str:
        """The article the verdict rests on: the exception's, else the requirement's."""
        if self.exception and self.verdict in (EXCEPTION, NOT_CONSIDERED):
            return self.exception["article"]
        return self.requirement.article

    @property
    def wording(self) -> str:
        """"standard" (NQ 653, NQ 35) or "targets" (NQ 76: định hướng về tiêu chuẩn)."""
        return self.context[1].wording if self.context else "standard"

    @property
    def members(self) -> list[str]:
        return self.group.members


@dataclass
class ScenarioResult:
    scenario: Scenario
    rules: RuleSet
    units: dict[str, UnitResult]
    groups: list[GroupResult]
    units_before: int
    units_after: int
    unresolved: list[str]
    # What the groups were judged with (each unit's name after the merger, the (province,
    # folded name) index, the group of each grouped unit): read, never changed, so the fix
    # proposals and the next incremental evaluation start from them.
    after_names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    names: dict[tuple[str, str, str], list[str]] = field(default_factory=dict, repr=False, compare=False)
    owner: dict[str, Group] = field(default_factory=dict, repr=False, compare=False)
    # The units the groups were made of (split units as their parts, transfers taken out).
    working: Dataset | None = field(default=None, repr=False, compare=False)

    @property
    def transfers(self) -> list[dict]:
        """The units and parts going to units outside the project: unit, name, to, reason, figures."""
        return list(self.working.meta.get("transfers", [])) if self.working is not None else []

    @property
    def parts(self) -> dict[str, str]:
        """Part id → the code of the unit it is a part of (for a scenario that splits units)."""
        return dict(self.working.meta.get("parts", {})) if self.working is not None else {}

    @cached_property
    def _by_group(self) -> dict[str, GroupResult]:
        return {g.group.id: g for g in self.groups}

    @property
    def reduction(self) -> int:
        return self.units_before - self.units_after

    @property
    def reduction_pct(self) -> float:
        return 100.0 * self.reduction / self.units_before if self.units_before else 0.0

    @property
    def verdict(self) -> str:
        if self.unresolved or any(g.verdict == FAILS for g in self.groups):
            return FAIL
        return PASS

    @cached_property
    def notes(self) -> list[Finding]:
        """What a reader must know about the whole evaluation: a rule set not in force, the
        units whose classification was defaulted, the rule set's unverified points."""
        return scenario_notes(self)

    def group_result(self, group_id: str) -> GroupResult | None:
        return self._by_group.get(group_id)


def _pct(value: float, standard: float) -> float:
    return 100.0 * value / standard if standard else 0.0


def effective_figures(unit: Unit, scenario: Scenario | None) -> tuple[float, float, bool, bool]:
    """(area, population, area overridden?, population overridden?) the scenario uses."""
    area, pop = unit.area.value, unit.population.value
    ov = scenario.overrides.get(unit.code) if scenario else None
    a_ov = p_ov = False
    if ov is not None:
        if ov.area_km2 is not None:
            area, a_ov = ov.area_km2, True
        if ov.population is not None:
            pop, p_ov = ov.population, True
    return area, pop, a_ov, p_ov


def evaluate_unit(unit: Unit, rules: RuleSet, scenario: Scenario | None = None,
                  group_id: str | None = None) -> UnitResult:
    area, pop, a_ov, p_ov = effective_figures(unit, scenario)
    exemption = scenario.exemptions.get(unit.code) if scenario else None
    if group_id is None and exemption is None and not (a_ov or p_ov):
        # Most units of a national scenario are untouched: their result is the same object
        # every time (results are read, never changed), so it is made once per rule set.
        return _plain_result(unit, rules)
    std, area_pct, pop_pct, criteria = _unit_standing(unit, rules, area, pop)
    source = scenario.overrides[unit.code].source if (a_ov or p_ov) else ""
    return UnitResult(unit, area, pop, a_ov, p_ov, std, area_pct, pop_pct, criteria, exemption,
                      group_id, source, None if exemption is not None else _auto_exemption(unit, rules))


def _auto_exemption(unit: Unit, rules: RuleSet) -> ExemptionGround | None:
    """A ground that exempts ``unit`` by itself: one whose ``automatic.arranged_in`` names the
    rule set under which the unit was formed (``Unit.arranged_in``, from the state history)."""
    if not unit.arranged_in:
        return None
    for ground in rules.grounds:
        if unit.arranged_in in ground.automatic.get("arranged_in", ()):
            return ground
    return None


def _plain_result(unit: Unit, rules: RuleSet) -> UnitResult:
    cache = rules.plain_results
    hit = cache.get(id(unit))
    if hit is not None and hit.unit is unit:
        return hit
    area, pop = unit.area.value, unit.population.value
    std, area_pct, pop_pct, criteria = _unit_standing(unit, rules, area, pop)
    if len(cache) > 250_000:
        cache.clear()
    result = cache[id(unit)] = UnitResult(unit, area, pop, False, False, std, area_pct, pop_pct,
                                          criteria, None, None, "", _auto_exemption(unit, rules))
    return result


def _unit_standing(unit: Unit, rules: RuleSet, area: float, pop: float):
    """(standard, area %, population %, must-merge criteria), cached per rule set and unit:
    they depend only on the unit and its figures, not on the scenario's groups."""
    cache = rules.unit_cache
    hit = cache.get(id(unit))
    if hit is not None and hit[0] is unit and hit[1] == area and hit[2] == pop:
        return hit[3]
    standing = _compute_standing(unit, rules, area, pop)
    if len(cache) > 250_000:          # several national datasets opened in one session
        cache.clear()
    cache[id(unit)] = (unit, area, pop, standing)     # holds the unit: its id is not reused
    return standing


def _compute_standing(unit: Unit, rules: RuleSet, area: float, pop: float):
    std = rules.standard_for(unit.kind, unit.terrain, unit.parent, unit.urban_class, **profile_of(unit))
    area_pct, pop_pct = _pct(area, std.area_km2), _pct(pop, std.population)
    criteria: list[Criterion] = []
    for crit in rules.criteria:
        if unit.kind not in crit.kinds:
            continue
        if crit.below_merged_requirement:
            kind_alone = rules.resulting_kind([unit.kind])
            req = rules.requirement_for(kind_alone, unit.terrain, unit.parent, unit.urban_class, **profile_of(unit))
            if not req.exempt and (area < req.area_km2 - EPS or pop < req.population - EPS):
                criteria.append(crit)
            continue
        below_area = crit.area_below_pct is None or area_pct < crit.area_below_pct - EPS
        below_pop = crit.population_below_pct is None or pop_pct < crit.population_below_pct - EPS
        if below_area and below_pop:
            criteria.append(crit)
    return std, area_pct, pop_pct, criteria


def _after_names(dataset: Dataset, scenario: Scenario) -> dict[str, str]:
    """Each unit code → the name of the unit it belongs to after the merger."""
    names = {code: u.name for code, u in dataset.units.items()}
    for g in scenario.groups:
        for code in g.members:
            names[code] = g.name
    return names


def name_slot(rules: RuleSet | None, unit: Unit, name: str) -> tuple[str, str, str]:
    """Where a name must be unique and under which key: (province, district when the rule set's
    scope is the district, the name with its tone marks – ``same_name_key``)."""
    district = unit.district if rules is not None and rules.names.scope == "district" else ""
    return unit.province, district, same_name_key(name)


def name_index(dataset: Dataset, after_names: dict[str, str],
               rules: RuleSet | None = None) -> dict[tuple[str, str, str], list[str]]:
    """(scope, name after the merger) → unit codes: name clashes in O(1) per group."""
    index: dict[tuple[str, str, str], list[str]] = {}
    for code, name in after_names.items():
        index.setdefault(name_slot(rules, dataset.units[code], name), []).append(code)
    return index


def evaluate_group(dataset: Dataset, rules: RuleSet, scenario: Scenario, group: Group,
                   unit_results: dict[str, UnitResult], after_names: dict[str, str],
                   owner: dict[str, Group],
                   names: dict[tuple[str, str, str], list[str]] | None = None) -> GroupResult:
    members = [unit_results[c] for c in group.members]
    area = sum(m.area_km2 for m in members)
    pop = sum(m.population for m in members)
    v = judge(rules, [m.unit for m in members], area, pop, kind=group.kind,
              seat=dataset.units.get(group.seat), exception_reason=group.exception_reason,
              exception_ground=group.exception_ground, populations=[m.population for m in members])
    contiguous = dataset.is_connected(group.members)

    # No two units of the same level may share a name within the rule set's scope (the district
    # before 2025, the province from 2025), names compared with their tone marks.
    names = names if names is not None else name_index(dataset, after_names, rules)
    slots = {name_slot(rules, dataset.units[c], group.name) for c in group.members}
    clashes = sorted({after_names[c] for slot in slots for c in names.get(slot, ())
                      if c not in group.members}, key=fold)

    return GroupResult(group, v.kind, v.default_kind, area, pop, v.standard, v.requirement,
                       v.area_pct, v.population_pct, contiguous, v.meets_standard, v.exception, clashes,
                       context=(dataset, rules, members, after_names, owner), classification=v.classification,
                       kind_allowed=v.kind_allowed, recorded_problem=v.recorded_problem)


def evaluate(dataset: Dataset, rules: RuleSet, scenario: Scenario) -> ScenarioResult:
    """Evaluate every unit and group of ``scenario`` under ``rules`` (its split units as their
    parts, its transferred units out of the count)."""
    before = len(dataset.units)
    original, dataset = dataset, scenario.working(dataset)
    owner = scenario.grouped_codes()
    unit_results = {code: evaluate_unit(unit, rules, scenario,
                                        owner[code].id if code in owner else None)
                    for code, unit in dataset.units.items()}
    after_names = _after_names(dataset, scenario)
    names = name_index(dataset, after_names, rules)
    groups = [evaluate_group(dataset, rules, scenario, g, unit_results, after_names, owner, names)
              for g in scenario.groups]
    after = len(dataset.units) - sum(len(g.members) - 1 for g in scenario.groups)
    if dataset is not original:
        # Units the scenario splits or transfers keep a result of their own, as they stand, so
        # that every view of the project's units finds one; they are neither grouped nor unresolved.
        split = {s.unit for s in scenario.splits}
        for code, unit in original.units.items():
            if code not in unit_results:
                r = evaluate_unit(unit, rules, scenario, None)
                unit_results[code] = replace(r, set_aside="split" if code in split else "transfer")
    unresolved = [c for c, r in unit_results.items() if r.unresolved]
    return ScenarioResult(scenario, rules, unit_results, groups, before, after, unresolved,
                          after_names=after_names, names=names, owner=owner, working=dataset)
