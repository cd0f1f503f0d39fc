"""Compare scenarios side by side: the measures that decide a plan, the differences
in words, and the colouring of each scenario's map.

``compare(dataset, scenarios, rules=None)`` returns a ``Comparison`` the GUI shows
as a table and two linked maps, and the command line prints as text or JSON.
Scenarios under different rule sets are judged each under its own rule set, or
all under the one given as ``rules``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.analysis.palette import assign_colours, unit_colours
from core.common.messages import Message, say
from core.domain.model import Dataset
from core.domain.scenario import Scenario
from core.law.evaluation import EXCEPTION, FAILS, MEETS, PASS, ScenarioResult, evaluate
from core.law.rules import RuleSet, get_rule_set

LABELS = "ABCDEFGH"
HIGHER, LOWER = "higher", "lower"
MEASURES = ("units_before", "units_after", "reduction_pct", "groups", "groups_meeting", "groups_exception",
            "groups_failing", "unresolved", "smallest_area", "smallest_population", "largest_area",
            "largest_population", "verdict")      # each named by the message compare.measure.<key>


@dataclass(frozen=True)
class Measure:
    """One row of the comparison table: a value per scenario, and which is better."""

    key: str
    values: tuple[float | None, ...]
    shown: tuple[Message, ...]              # the value as a planner reads it, per scenario
    better: str | None                      # HIGHER, LOWER or None (no better value)
    best: tuple[int, ...]                   # indices of the better value; empty when equal

    def label(self, lang: str | None = None) -> str:
        return say(f"compare.measure.{self.key}", lang)

    def text(self, index: int, lang: str | None = None) -> str:
        return self.shown[index].text(lang)

    def is_best(self, index: int) -> bool:
        return index in self.best


@dataclass(frozen=True)
class Placement:
    """Where one unit stands in one scenario."""

    group: str | None               # name of the new unit, None when not merged
    partners: tuple[str, ...]       # codes of the other members
    exemption: str | None
    unresolved: bool


@dataclass(frozen=True)
class Difference:
    """One line of the differences list (a unit, or a merger that is the same everywhere)."""

    codes: tuple[str, ...]
    same: bool
    placements: tuple[Placement, ...]
    message: Message

    def text(self, lang: str | None = None) -> str:
        return self.message.text(lang)


@dataclass(frozen=True)
class MapColouring:
    """What a map of one scenario needs: each unit's fill and the legend."""

    label: str
    unit_colour: dict[str, str]
    legend: list[tuple[str, str, list[str]]]     # (new unit name, colour, member codes)
    unresolved: list[str]


@dataclass
class Comparison:
    scenarios: list[Scenario]
    results: list[ScenarioResult]
    labels: list[str]
    rules_given: str | None                      # the rule set all were judged under, if one was given
    measures: list[Measure] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    maps: list[MapColouring] = field(default_factory=list)

    @property
    def rule_ids(self) -> list[str]:
        return [r.rules.id for r in self.results]

    @property
    def mixed_rules(self) -> bool:
        return len(set(self.rule_ids)) > 1

    def measure(self, key: str) -> Measure:
        for m in self.measures:
            if m.key == key:
                return m
        raise KeyError(key)

    def difference_for(self, code: str) -> Difference | None:
        for d in self.differences:
            if code in d.codes:
                return d
        return None


# ----- measures ---------------------------------------------------------------

def _best(values: Sequence[float | None], better: str | None) -> tuple[int, ...]:
    present = [v for v in values if v is not None]
    if better is None or len(present) < 2 or len(set(present)) == 1:
        return ()
    target = max(present) if better == HIGHER else min(present)
    return tuple(i for i, v in enumerate(values) if v is not None and abs(v - target) < 1e-9)


def _measure(key: str, results: list[ScenarioResult], better: str | None,
             value: Callable[[ScenarioResult], float | None],
             show: Callable[[ScenarioResult, float | None], Message],
             rank: Callable[[ScenarioResult], float | None] | None = None) -> Measure:
    """``rank``: what decides the better value when it is not the value shown."""
    values = tuple(value(r) for r in results)
    shown = tuple(show(r, v) for r, v in zip(results, values))
    ranked = tuple(rank(r) for r in results) if rank is not None else values
    return Measure(key, values, shown, better, _best(ranked, better))


def _extreme(res: ScenarioResult, attr: str, pick: Callable) -> tuple[float | None, str]:
    if not res.groups:
        return None, ""
    g = pick(res.groups, key=lambda g: getattr(g, attr))
    return getattr(g, attr), g.group.name


def _count(verdict: str) -> Callable[[ScenarioResult], float]:
    return lambda r: float(sum(g.verdict == verdict for g in r.groups))


def _share(verdict: str) -> Callable[[ScenarioResult], float | None]:
    """The share of the merged units with ``verdict``: 1 failing of 1 is no better than 3 of 3."""
    return lambda r: sum(g.verdict == verdict for g in r.groups) / len(r.groups) if r.groups else None


def _plain(r: ScenarioResult, v: float | None) -> Message:
    return Message("compare.value.none") if v is None else Message("compare.value.count", value=v)


def _of_groups(r: ScenarioResult, v: float | None) -> Message:
    return Message("compare.value.of_groups", value=v or 0, groups=len(r.groups))


def _unresolved_text(r: ScenarioResult, v: float | None) -> Message:
    names = [r.units[c].unit.name for c in r.unresolved]
    if not names:
        return Message("compare.value.count", value=v or 0)
    return Message("compare.value.count_names", value=v or 0, names=names)


def _extreme_show(attr: str, pick: Callable) -> Callable:
    def show(r: ScenarioResult, v: float | None) -> Message:
        if v is None:
            return Message("compare.value.no_merger")
        _, name = _extreme(r, attr, pick)
        code = "compare.value.unit_area" if attr == "area_km2" else "compare.value.unit_population"
        return Message(code, name=name, value=v)
    return show


def build_measures(results: list[ScenarioResult]) -> list[Measure]:
    out = [
        _measure("units_before", results, None, lambda r: float(r.units_before), _plain),
        _measure("units_after", results, LOWER, lambda r: float(r.units_after), _plain),
        _measure("reduction_pct", results, HIGHER, lambda r: r.reduction_pct,
                 lambda r, v: Message("compare.value.reduction", pct=v or 0, reduction=r.reduction)),
        _measure("groups", results, None, lambda r: float(len(r.groups)), _plain),
        _measure("groups_meeting", results, HIGHER, _count(MEETS), _of_groups, rank=_share(MEETS)),
        # Under an exception is better than failing and worse than meeting: no better value.
        _measure("groups_exception", results, None, _count(EXCEPTION), _of_groups),
        _measure("groups_failing", results, LOWER, _count(FAILS), _of_groups, rank=_share(FAILS)),
        _measure("unresolved", results, LOWER, lambda r: float(len(r.unresolved)), _unresolved_text),
    ]
    for key, attr, pick, better in (("smallest_area", "area_km2", min, HIGHER),
                                    ("smallest_population", "population", min, HIGHER),
                                    ("largest_area", "area_km2", max, None),
                                    ("largest_population", "population", max, None)):
        out.append(_measure(key, results, better, lambda r, a=attr, p=pick: _extreme(r, a, p)[0],
                            _extreme_show(attr, pick)))
    out.append(_measure("verdict", results, HIGHER, lambda r: 1.0 if r.verdict == PASS else 0.0,
                        lambda r, v: Message("compare.value.verdict", verdict=r.verdict)))
    return out


# ----- differences in words -------------------------------------------------

def _placement(res: ScenarioResult, code: str) -> Placement:
    group = res.scenario.group_of(code)
    unit = res.units[code]
    if group is None:
        return Placement(None, (), unit.exemption, unit.unresolved)
    return Placement(group.name, tuple(c for c in group.members if c != code), unit.exemption, False)


def _placement_message(p: Placement, names: dict[str, str], label: str) -> Message:
    if p.group is not None:
        return Message("compare.placement.with", partners=[names[c] for c in p.partners], label=label)
    if p.exemption:
        return Message("compare.placement.exempted", reason=p.exemption, label=label)
    if p.unresolved:
        return Message("compare.placement.unresolved", label=label)
    return Message("compare.placement.alone", label=label)


def _group_signature(res: ScenarioResult, members: frozenset[str]) -> tuple | None:
    """(name, seat, resulting kind) of the merger of ``members``: what a planner sees of it."""
    for g in res.groups:
        if frozenset(g.group.members) == members:
            return (g.group.name, g.group.seat, g.kind)
    return None


def build_differences(dataset: Dataset, results: list[ScenarioResult],
                      labels: list[str]) -> list[Difference]:
    names = {c: u.name for c, u in dataset.units.items()}
    changed: list[Difference] = []
    same: list[Difference] = []
    done: set[str] = set()
    for code in dataset.units:
        if code in done:
            continue
        places = tuple(_placement(r, code) for r in results)
        member_sets = {frozenset((code,) + p.partners) if p.group else None for p in places}
        if member_sets == {None}:
            if len({(p.exemption, p.unresolved) for p in places}) == 1:
                continue          # left alone, in the same way, everywhere
        elif len(member_sets) == 1:
            members = next(iter(member_sets))
            done |= members
            ordered = tuple(results[0].scenario.group_of(code).members)
            signatures = [_group_signature(r, members) for r in results]
            title = " – ".join(names[c] for c in ordered)
            if len(set(signatures)) == 1:
                same_code = "compare.same_in_both" if len(results) == 2 else "compare.same_in_all"
                same.append(Difference(ordered, True, places, Message(same_code, title=title)))
            else:
                kinds = len({s[2] for s in signatures}) > 1
                variants = [Message("compare.variant_kind" if kinds else "compare.variant", kind=s[2], name=s[0],
                                    seat=names.get(s[1], s[1]), label=lb) for s, lb in zip(signatures, labels)]
                changed.append(Difference(ordered, False, places,
                                          Message("compare.same_members", title=title, variants=variants)))
            continue
        placements = [_placement_message(p, names, lb) for p, lb in zip(places, labels)]
        changed.append(Difference((code,), False, places,
                                  Message("compare.unit_placements", name=names[code], placements=placements)))
    changed.sort(key=lambda d: _reading_order(results, d.codes[0]))
    return changed + same


def _reading_order(results: list[ScenarioResult], code: str) -> tuple[int, int, int]:
    """Units in the order a planner reads the scenarios: A's groups first, then B's..."""
    for i, res in enumerate(results):
        for j, g in enumerate(res.scenario.groups):
            if code in g.members:
                return (i, j, g.members.index(code))
    return (len(results), 0, 0)


# ----- maps -------------------------------------------------------------------

def build_maps(dataset: Dataset, results: list[ScenarioResult], labels: list[str]) -> list[MapColouring]:
    colours = assign_colours(g.members for r in results for g in r.scenario.groups)
    out = []
    for res, label in zip(results, labels):
        by_code, legend = unit_colours(((g.name, g.members) for g in res.scenario.groups),
                                       dataset.units, colours)
        out.append(MapColouring(label, by_code, legend, list(res.unresolved)))
    return out


# ----- entry point --------------------------------------------------------------

def compare(dataset: Dataset, scenarios: Sequence[Scenario],
            rules: str | RuleSet | None = None) -> Comparison:
    """Compare two or more scenarios; with ``rules``, judge all under that rule set."""
    scenarios = list(scenarios)
    if len(scenarios) < 2:
        raise ValueError("a comparison needs at least two scenarios")
    if len(scenarios) > len(LABELS):
        raise ValueError(f"at most {len(LABELS)} scenarios can be compared at once")
    given = get_rule_set(rules) if isinstance(rules, str) else rules
    results = [evaluate(dataset, given or get_rule_set(s.rules), s) for s in scenarios]
    labels = list(LABELS[:len(scenarios)])
    comp = Comparison(scenarios, results, labels, given.id if given else None)
    comp.measures = build_measures(results)
    comp.differences = build_differences(dataset, results, labels)
    comp.maps = build_maps(dataset, results, labels)
    return comp

