"""Legal rule sets, read from data files (``data/rules/*.json``).

A rule set holds the standards table (population and natural area by unit kind and
classification) with its reductions, the criteria that make a unit one the law requires to be
arranged and the grounds that exempt it, what a merged unit must meet (its requirement or
"targets") and the exceptions to that, the rule for the merged unit's kind, the scope in which
names must be unique, and the points its authors could not verify (``uncertain``). Every clause
carries its article. Nothing here is specific to one resolution: a new period is a new file.

Entries of the standards and requirements tables are matched on a unit's kind and
classification (``MATCH_KEYS``): a key absent or ``"*"`` matches anything, a list matches any of
its values; the entry that pins down the most keys wins (``priority`` ranks above that), the
first in the file on a tie.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.common.errors import CoreError
from core.common.paths import DATA_DIR

RULES_DIR = DATA_DIR / "rules"
MATCH_KEYS = ("kind", "terrain", "parent", "urban_class", "province_type", "border", "island_district",
              "bai_ngang", "red_river_delta")
DEFAULT_PROFILE = {"terrain": "lowland", "parent": "", "urban_class": "", "province_type": "tinh", "border": False,
                   "island_district": False, "bai_ngang": False, "red_river_delta": False,
                   "ethnic_minority_pct": None}
PROFILE_KEYS = tuple(DEFAULT_PROFILE)

# Verdict of an exception: the group is below the standard but the exception applies, or the
# standard (NQ 76: the targets) is not to be considered at all.
EXCEPTION_APPLIES, NOT_CONSIDERED = "exception", "not_considered"


class RuleSetError(CoreError):
    """A rule set cannot answer (unknown id, no standard for a kind of unit)."""


class UnknownRuleSet(RuleSetError, KeyError):
    def __init__(self, rule_id: str, known: Iterable[str]) -> None:
        self.rule_id = rule_id
        self.known = sorted(known)
        super().__init__("rules.unknown", id=rule_id, known=self.known)


@dataclass(frozen=True)
class Reduction:
    """A reduction of the standard applied to a unit (Điều 3a of NQ 1211 as amended by NQ 27/2022)."""

    id: str
    text: dict
    article: str
    population_pct: float          # % of the population standard that applies (100: none)
    area_pct: float                # % of the area standard that applies (100: none)
    uncertain: bool


@dataclass(frozen=True)
class Standard:
    """The population and area standard for one kind/classification of unit (after reductions)."""

    population: float
    area_km2: float
    article: str
    label: str
    uncertain: bool = False
    base_population: float = 0.0            # before any reduction
    base_area_km2: float = 0.0
    reductions: tuple[Reduction, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """What a merged unit must reach: absolute thresholds and the % they are of the standard.
    ``exempt``: the rule sets no figures for this unit (it is not considered, see ``text``)."""

    area_km2: float
    population: float
    area_pct: float
    population_pct: float
    exempt: bool = False
    article: str = ""
    text: dict = field(default_factory=dict)
    uncertain: bool = False
    id: str = ""


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
    """A case in which a merged unit below its requirement is accepted.

    ``automatic``: it follows from the figures (the number of units) and applies by itself;
    otherwise it is a *ground* a planner records for the group (``needs_text``: with the
    decision or reason written out). ``verdict``: ``exception`` (below standard – exception
    applies) or ``not_considered`` (the standard is not to be considered)."""

    id: str
    min_members: int | None
    members: int | None
    max_members: int | None
    needs_reason: bool                 # kept for older callers: a recorded ground
    article: str
    text: dict
    automatic: bool = False
    verdict: str = EXCEPTION_APPLIES
    needs_text: bool = True
    prompt: dict = field(default_factory=dict)
    uncertain: bool = False

    def fits(self, count: int) -> bool:
        """Whether a group of ``count`` units is a case of this exception (by its size)."""
        if self.min_members is not None and count < self.min_members:
            return False
        if self.members is not None and count != self.members:
            return False
        return self.max_members is None or count <= self.max_members


@dataclass(frozen=True)
class ExemptionGround:
    """A ground on which a unit the criteria name need not be arranged."""

    id: str
    text: dict
    article: str
    automatic: dict                    # e.g. {"arranged_in": ["nq653-2019"]}: applies by itself
    uncertain: bool
    not_a_ground: bool                 # "other reason": recorded, but not a ground of the text


@dataclass(frozen=True)
class NameRule:
    scope: str                         # "district" or "province"
    article: str
    text: dict
    uncertain: bool
    note: dict


def _matches(entry: dict, attrs: dict) -> int:
    """-1 when ``entry`` does not apply, else its rank (priority, then how many keys it pins)."""
    score = int(entry.get("priority", 0)) * 100
    for key in MATCH_KEYS:
        if key not in entry:
            continue
        want = entry[key]
        if want == "*":
            continue
        have = attrs.get(key)
        if not (have in want if isinstance(want, list) else have == want):
            return -1
        score += 1
    return score


def _best(entries: list[dict], attrs: dict) -> dict | None:
    best, best_score = None, -1
    for entry in entries:
        score = _matches(entry, attrs)
        if score > best_score:
            best, best_score = entry, score
    return best


def _profile(kind: str, terrain: str, parent: str, urban_class: str, more: dict) -> dict:
    attrs = dict(DEFAULT_PROFILE)
    attrs.update(kind=kind, terrain=terrain, parent=parent, urban_class=urban_class)
    for key, value in more.items():
        if key not in DEFAULT_PROFILE:
            raise TypeError(f"unknown classification {key!r}")
        attrs[key] = value
    return attrs


def profile_of(unit) -> dict:
    """The classification of a unit (or of a merged unit's ``MergedClassification``) as the
    keyword arguments of ``standard_for`` / ``requirement_for``, after kind, terrain, parent,
    urban class."""
    return {k: getattr(unit, k) for k in PROFILE_KEYS if k not in ("terrain", "parent", "urban_class")}


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
        self.in_force: bool = bool(spec.get("in_force", True))
        self.repealed_by: str = spec.get("repealed_by", "")
        self.status_note: dict = spec.get("status_note", {})
        self.figures: dict = spec.get("figures", {})
        self.not_applied: list[dict] = spec.get("not_applied", [])
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
        self.merged_uncertain: bool = bool(merged.get("uncertain"))
        self.wording: str = merged.get("wording", "standard")        # "standard" or "targets" (NQ 76)
        self._requirements: list[dict] = merged.get("requirements", [])
        self.exceptions = tuple(_exception(e) for e in merged.get("exceptions", []))
        self.resulting_kind_rule: dict = spec.get("resulting_kind", {"rule": "highest"})
        self.allowed_kinds: tuple[str, ...] = tuple(self.resulting_kind_rule.get("allowed", ()))
        self.exemption_article: str = spec.get("exemption_article", "")
        self.exemption_grounds: list[dict] = spec.get("exemption_grounds", [])
        self.grounds = tuple(
            ExemptionGround(g["id"], {"vi": g.get("vi", ""), "en": g.get("en", "")},
                            g.get("article", self.exemption_article), g.get("automatic", {}),
                            bool(g.get("uncertain")), bool(g.get("not_a_ground")))
            for g in self.exemption_grounds)
        names = spec.get("names", {})
        self.names = NameRule(names.get("scope", "province"), names.get("article", ""), names.get("text", {}),
                              bool(names.get("uncertain")), names.get("note", {}))
        reductions = spec.get("reductions", {})
        self._reductions: list[dict] = reductions.get("items", [])
        self.reductions_article: str = reductions.get("article", "")
        self.reductions_uncertain: bool = bool(reductions.get("uncertain"))
        self.uncertain: list[dict] = spec.get("uncertain", [])
        self._standards: list[dict] = spec["standards"]
        self._cache: dict[tuple, object] = {}
        for entry in self._standards:
            for key in ("population", "area_km2"):
                if not isinstance(entry.get(key), (int, float)) or entry[key] <= 0:
                    raise ValueError(f"rule set {self.id}: standard {entry} has no positive {key}")

    def __repr__(self) -> str:
        return f"RuleSet({self.id!r})"

    # ----- exceptions and grounds a planner can record -------------------------------------
    @property
    def automatic_exceptions(self) -> tuple[GroupException, ...]:
        return tuple(e for e in self.exceptions if e.automatic)

    @property
    def exception_grounds(self) -> tuple[GroupException, ...]:
        """The grounds a planner may record for a group below its requirement (in file order)."""
        return tuple(e for e in self.exceptions if not e.automatic)

    def grounds_for(self, count: int) -> tuple[GroupException, ...]:
        """The recordable grounds that fit a group of ``count`` units."""
        return tuple(e for e in self.exception_grounds if e.fits(count))

    def exception(self, exception_id: str) -> GroupException | None:
        return next((e for e in self.exceptions if e.id == exception_id), None)

    def ground(self, ground_id: str) -> ExemptionGround | None:
        return next((g for g in self.grounds if g.id == ground_id), None)

    # ----- standards and requirements ----------------------------------------------------------
    def standard_for(self, kind: str, terrain: str = "lowland", parent: str = "",
                     urban_class: str = "", **classification) -> Standard:
        """The standard of a unit of ``kind`` with this classification (``profile_of`` gives the
        keyword arguments: province_type, border, island_district, ethnic_minority_pct,
        bai_ngang, red_river_delta), after the rule set's reductions."""
        key = ("s", kind, terrain, parent, urban_class, *sorted(classification.items()))
        if key not in self._cache:           # a few combinations, looked up for every unit
            self._cache[key] = self._standard_for(_profile(kind, terrain, parent, urban_class, classification))
        return self._cache[key]

    def _standard_for(self, attrs: dict) -> Standard:
        entry = _best(self._standards, attrs)
        if entry is None:
            raise RuleSetError("rules.no_standard", id=self.id, kind=attrs["kind"], terrain=attrs["terrain"])
        pop, area = float(entry["population"]), float(entry["area_km2"])
        applied = self._reductions_for(attrs)
        # Only one reduction per standard: the most favourable for each of the two figures.
        by_pop = min((r for r in applied if r.population_pct < 100), key=lambda r: r.population_pct, default=None)
        by_area = min((r for r in applied if r.area_pct < 100), key=lambda r: r.area_pct, default=None)
        kept = tuple(r for r in (by_pop, by_area if by_area is not by_pop else None) if r is not None)
        pop_pct = by_pop.population_pct if by_pop else 100.0
        area_pct = by_area.area_pct if by_area else 100.0
        return Standard(pop * pop_pct / 100, area * area_pct / 100, entry.get("article", ""),
                        entry.get("label", attrs["kind"]), bool(entry.get("uncertain")), pop, area, kept)

    def _reductions_for(self, attrs: dict) -> list[Reduction]:
        out = []
        for item in self._reductions:
            if attrs["kind"] not in item.get("kinds", ("xa",)) or _matches(item, attrs) < 0:
                continue
            pop_pct = float(item.get("population_pct", 100))
            floor = item.get("ethnic_minority_pct_min")
            if floor is not None:
                share = attrs.get("ethnic_minority_pct")
                if share is None or share < floor:
                    continue
                step = float(item.get("further_pct_per_10", 0))
                pop_pct = max(float(item.get("floor_pct", 0)), pop_pct - step * int((share - floor) // 10))
            out.append(Reduction(item["id"], item.get("text", {}), item.get("article", self.reductions_article),
                                 pop_pct, float(item.get("area_pct", 100)),
                                 self.reductions_uncertain or bool(item.get("uncertain"))))
        return out

    def requirement_for(self, kind: str, terrain: str = "lowland", parent: str = "",
                        urban_class: str = "", **classification) -> Requirement:
        key = ("r", kind, terrain, parent, urban_class, *sorted(classification.items()))
        if key not in self._cache:
            attrs = _profile(kind, terrain, parent, urban_class, classification)
            self._cache[key] = self._requirement_for(attrs, self.standard_for(kind, terrain, parent, urban_class,
                                                                              **classification))
        return self._cache[key]

    def _requirement_for(self, attrs: dict, std: Standard) -> Requirement:
        entry = _best(self._requirements, attrs) or {"area_pct": 100, "population_pct": 100}
        article = entry.get("article", self.merged_article)
        uncertain = bool(entry.get("uncertain")) or self.merged_uncertain
        if entry.get("exempt"):
            return Requirement(0.0, 0.0, 0.0, 0.0, True, article, entry.get("text", {}), uncertain,
                               entry.get("id", "exempt"))
        area = float(entry["area_km2"]) if "area_km2" in entry else std.area_km2 * entry.get("area_pct", 100) / 100
        pop = float(entry["population"]) if "population" in entry else std.population * entry.get("population_pct", 100) / 100
        return Requirement(area, pop, 100 * area / std.area_km2, 100 * pop / std.population, False, article,
                           entry.get("text", {}), uncertain, entry.get("id", ""))

    # ----- the merged unit's kind ----------------------------------------------------------------
    def resulting_kind(self, member_kinds: Iterable[str]) -> str:
        kinds = set(member_kinds)
        rule = self.resulting_kind_rule.get("rule", "highest")
        if rule == "phuong_if_any_phuong":           # NQ 76/2025, khoản 3 Điều 1
            return "phuong" if "phuong" in kinds else "xa"
        if rule == "xa_if_rural":
            return "xa" if kinds & {"xa", "thi_tran"} else "phuong"
        for kind in self.resulting_kind_rule.get("order", ["phuong", "thi_tran", "xa"]):
            if kind in kinds:
                return kind
        return "xa"

    def kind_allowed(self, kind: str) -> bool:
        return not self.allowed_kinds or kind in self.allowed_kinds


def _exception(e: dict) -> GroupException:
    # A ground the planner records says so (needs_text / needs_reason / recorded); the rest follow from figures.
    automatic = bool(e.get("automatic", not (e.get("needs_text") or e.get("needs_reason") or e.get("recorded"))))
    return GroupException(
        id=e["id"], min_members=e.get("min_members"), members=e.get("members"), max_members=e.get("max_members"),
        needs_reason=not automatic, article=e["article"], text=e.get("text", {}), automatic=automatic,
        verdict=e.get("verdict", EXCEPTION_APPLIES), needs_text=bool(e.get("needs_text", not automatic)),
        prompt=e.get("prompt", {}), uncertain=bool(e.get("uncertain")))


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
