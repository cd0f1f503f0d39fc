"""Legal rule sets, read from data files (``data/rules/*.json``).

A rule set holds the standards table (population and natural area by unit kind
and classification), the criteria that make a unit one the law requires to be
merged, what a merged unit must meet and its exceptions, and the rule for the
merged unit's kind. Nothing here is specific to one resolution: a new period is
a new file.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.common.errors import CoreError
from core.common.paths import DATA_DIR

RULES_DIR = DATA_DIR / "rules"


class RuleSetError(CoreError):
    """A rule set cannot answer (unknown id, no standard for a kind of unit)."""


class UnknownRuleSet(RuleSetError, KeyError):
    def __init__(self, rule_id: str, known: Iterable[str]) -> None:
        self.rule_id = rule_id
        self.known = sorted(known)
        super().__init__("rules.unknown", id=rule_id, known=self.known)


@dataclass(frozen=True)
class Standard:
    """The population and area standard for one kind/classification of unit."""

    population: float
    area_km2: float
    article: str
    label: str
    uncertain: bool = False


@dataclass(frozen=True)
class Requirement:
    """What a merged unit must reach: absolute thresholds and the % they are of the standard."""

    area_km2: float
    population: float
    area_pct: float
    population_pct: float
    exempt: bool = False


@dataclass(frozen=True)
class Criterion:
    id: str
    kinds: tuple[str, ...]
    area_below_pct: float | None
    population_below_pct: float | None
    below_merged_requirement: bool
    article: str
    text: dict
    uncertain: bool


@dataclass(frozen=True)
class GroupException:
    id: str
    min_members: int | None
    members: int | None
    needs_reason: bool
    article: str
    text: dict


def _matches(entry: dict, **attrs: str) -> int:
    """-1 when ``entry`` does not apply, else how many attributes it pins down."""
    score = 0
    for key in ("kind", "terrain", "parent", "urban_class"):
        want = entry.get(key)
        if want is None or want == "*":
            continue
        if attrs.get(key) != want:
            return -1
        score += 1
    return score


def _best(entries: list[dict], **attrs: str) -> dict | None:
    best, best_score = None, -1
    for entry in entries:
        score = _matches(entry, **attrs)
        if score > best_score:
            best, best_score = entry, score
    return best


class RuleSet:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.unit_cache: dict[int, tuple] = {}     # core.law.evaluation's per-unit standing
        self.plain_results: dict[int, object] = {}  # core.law.evaluation's results of untouched units
        self.id: str = spec["id"]
        self.short: str = spec.get("short", self.id)
        self.title: dict = spec["title"]
        self.citation: str = spec["citation"]
        self.standards_source: str = spec.get("standards_source", "")
        self.period: dict = spec.get("period", {})
        self.criteria = tuple(
            Criterion(
                id=c["id"], kinds=tuple(c.get("kinds", ("xa", "thi_tran", "phuong"))),
                area_below_pct=c.get("area_below_pct"),
                population_below_pct=c.get("population_below_pct"),
                below_merged_requirement=bool(c.get("below_merged_requirement")),
                article=c["article"], text=c.get("text", {}), uncertain=bool(c.get("uncertain")),
            )
            for c in spec.get("must_merge", [])
        )
        merged = spec.get("merged_unit", {})
        self.merged_article: str = merged.get("article", "")
        self._requirements: list[dict] = merged.get("requirements", [])
        self.exceptions = tuple(
            GroupException(
                id=e["id"], min_members=e.get("min_members"), members=e.get("members"),
                needs_reason=bool(e.get("needs_reason")), article=e["article"], text=e.get("text", {}),
            )
            for e in merged.get("exceptions", [])
        )
        self.resulting_kind_rule: dict = spec.get("resulting_kind", {"rule": "highest"})
        self.exemption_article: str = spec.get("exemption_article", "")
        self.exemption_grounds: list[dict] = spec.get("exemption_grounds", [])
        self.uncertain: list[dict] = spec.get("uncertain", [])
        self._standards: list[dict] = spec["standards"]
        self._cache: dict[tuple, object] = {}
        for entry in self._standards:
            for key in ("population", "area_km2"):
                if not isinstance(entry.get(key), (int, float)) or entry[key] <= 0:
                    raise ValueError(f"rule set {self.id}: standard {entry} has no positive {key}")

    def __repr__(self) -> str:
        return f"RuleSet({self.id!r})"

    def standard_for(self, kind: str, terrain: str = "lowland", parent: str = "",
                     urban_class: str = "") -> Standard:
        key = ("s", kind, terrain, parent, urban_class)
        if key not in self._cache:           # a few combinations, looked up for every unit
            self._cache[key] = self._standard_for(kind, terrain, parent, urban_class)
        return self._cache[key]

    def _standard_for(self, kind: str, terrain: str, parent: str, urban_class: str) -> Standard:
        entry = _best(self._standards, kind=kind, terrain=terrain, parent=parent,
                      urban_class=urban_class)
        if entry is None:
            raise RuleSetError("rules.no_standard", id=self.id, kind=kind, terrain=terrain)
        return Standard(float(entry["population"]), float(entry["area_km2"]),
                        entry.get("article", ""), entry.get("label", kind),
                        bool(entry.get("uncertain")))

    def requirement_for(self, kind: str, terrain: str = "lowland", parent: str = "",
                        urban_class: str = "") -> Requirement:
        key = ("r", kind, terrain, parent, urban_class)
        if key not in self._cache:
            self._cache[key] = self._requirement_for(kind, terrain, parent, urban_class)
        return self._cache[key]

    def _requirement_for(self, kind: str, terrain: str, parent: str, urban_class: str) -> Requirement:
        std = self.standard_for(kind, terrain, parent, urban_class)
        entry = _best(self._requirements, kind=kind, terrain=terrain, parent=parent,
                      urban_class=urban_class) or {"area_pct": 100, "population_pct": 100}
        if entry.get("exempt"):
            return Requirement(0.0, 0.0, 0.0, 0.0, exempt=True)
        area = float(entry["area_km2"]) if "area_km2" in entry else std.area_km2 * entry.get("area_pct", 100) / 100
        pop = float(entry["population"]) if "population" in entry else std.population * entry.get("population_pct", 100) / 100
        return Requirement(area, pop, 100 * area / std.area_km2, 100 * pop / std.population)

    def resulting_kind(self, member_kinds: Iterable[str]) -> str:
        kinds = set(member_kinds)
        rule = self.resulting_kind_rule.get("rule", "highest")
        if rule == "xa_if_rural":
            return "xa" if kinds & {"xa", "thi_tran"} else "phuong"
        for kind in self.resulting_kind_rule.get("order", ["phuong", "thi_tran", "xa"]):
            if kind in kinds:
                return kind
        return "xa"


def load_rule_set(path: Path) -> RuleSet:
    with open(path, encoding="utf-8") as fh:
        return RuleSet(json.load(fh))


_CACHE: dict[str, RuleSet] | None = None


def all_rule_sets(directory: Path | None = None) -> dict[str, RuleSet]:
    """Every rule set in ``directory`` (default ``data/rules``), ordered by period start."""
    global _CACHE
    if directory is None and _CACHE is not None:
        return _CACHE
    found = [load_rule_set(p) for p in sorted((directory or RULES_DIR).glob("*.json"))]
    found.sort(key=lambda r: (r.period.get("from", ""), r.id))
    result = {r.id: r for r in found}
    if directory is None:
        _CACHE = result
    return result


def get_rule_set(rule_id: str) -> RuleSet:
    rules = all_rule_sets()
    if rule_id not in rules:
        raise UnknownRuleSet(rule_id, rules)
    return rules[rule_id]
