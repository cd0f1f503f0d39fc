"""The law's verdict on units merged into one, from their figures: the one place that judges.

``judge`` takes the member units and the summed figures and answers what the rule set says:
the kind of the merged unit (and whether the rule set forms that kind), its classification
(derived from the members, ``core.domain.classification.merged``), its standard and requirement,
whether both are reached, and the exception that applies when they are not:

- an exception that follows from the figures applies by itself (NQ 653: formed from 3 or more
  units; NQ 76 khoản 2 Điều 5: 3 or more units, "the targets need not be considered"; NQ 76
  point d: a unit of an island district);
- otherwise a *ground* the planner recorded for the group (``exception_ground``, with its text
  ``exception_reason``) applies when the rule set has that ground and the group is a case of it
  (NQ 653: 2 units with special factors; NQ 76 khoản 3: the Standing Committee's decision;
  NQ 35: an approval below the standard). A reason recorded without a ground (the older form)
  takes the first of the rule set's grounds that fits the group.

``evaluate_group`` (``core.law.evaluation``) builds its result on it, and the proposer
(``core.propose``) calls it for every candidate group, so a change to a rule set's kinds,
requirements or exceptions reaches both at once. Contiguity and names are judged elsewhere:
they depend on the scenario, not on the figures.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.domain.classification import MergedClassification, merged
from core.domain.model import Unit
from core.law.rules import NOT_CONSIDERED, GroupException, Requirement, RuleSet, Standard, profile_of

EPS = 1e-9

MEETS, EXCEPTION, FAILS = "meets", "exception", "fails"
VERDICTS = (MEETS, NOT_CONSIDERED, EXCEPTION, FAILS)

# Why a ground the planner recorded does not apply (None: it applies, or nothing was recorded).
UNKNOWN_GROUND, DOES_NOT_FIT, NEEDS_TEXT, NOT_NEEDED = "unknown_ground", "does_not_fit", "needs_text", "not_needed"


@dataclass(frozen=True)
class GroupVerdict:
    kind: str
    default_kind: str
    terrain: str
    parent: str
    urban_class: str
    standard: Standard
    requirement: Requirement
    area_km2: float
    population: float
    meets_standard: bool
    exception: dict | None          # {"id", "text", "article", "reason", "ground", "automatic", "verdict", "uncertain"}
    classification: MergedClassification | None = None
    kind_allowed: bool = True
    members: int = 0
    recorded_problem: str | None = None      # why the recorded ground does not apply

    @property
    def area_pct(self) -> float:
        return _pct(self.area_km2, self.standard.area_km2)

    @property
    def population_pct(self) -> float:
        return _pct(self.population, self.standard.population)

    @property
    def short_of(self) -> tuple[str, ...]:
        """The figures below the requirement: ``"area"``, ``"population"``, both or none."""
        if self.requirement.exempt:
            return ()
        out = []
        if self.area_km2 < self.requirement.area_km2 - EPS:
            out.append("area")
        if self.population < self.requirement.population - EPS:
            out.append("population")
        return tuple(out)

    @property
    def verdict(self) -> str:
        """MEETS, NOT_CONSIDERED, EXCEPTION or FAILS on the figures alone."""
        return figures_verdict(self.meets_standard, self.exception, self.kind_allowed)


def figures_verdict(meets: bool, exception: dict | None, kind_allowed: bool = True) -> str:
    if not kind_allowed:
        return FAILS
    if meets:
        return MEETS
    if exception:
        return NOT_CONSIDERED if exception.get("verdict") == NOT_CONSIDERED else EXCEPTION
    return FAILS


def _pct(value: float, standard: float) -> float:
    return 100.0 * value / standard if standard else 0.0


def classification(members: Sequence[Unit], seat: Unit | None = None) -> tuple[str, str, str]:
    """(terrain, parent, urban class) of the merged unit (see ``core.domain.classification.merged``)."""
    c = merged(members, seat)
    return c.terrain, c.parent, c.urban_class


def _record(exc: GroupException, reason: str, automatic: bool) -> dict:
    return {"id": exc.id, "text": exc.text, "article": exc.article, "reason": reason,
            "ground": "" if automatic else exc.id, "automatic": automatic, "verdict": exc.verdict,
            "uncertain": exc.uncertain}


def judge(rules: RuleSet, members: Sequence[Unit], area_km2: float, population: float, *,
          kind: str | None = None, seat: Unit | None = None, exception_reason: str = "",
          exception_ground: str = "", populations: Sequence[float] | None = None) -> GroupVerdict:
    """What ``rules`` says of ``members`` merged into one unit with these summed figures.

    ``kind`` is the planner's choice (None: the rule set's default); ``exception_ground`` and
    ``exception_reason`` are what the planner recorded for the group (a ground of
    ``rules.exception_grounds`` and its text); without them only the exceptions that follow
    from the figures can apply. ``populations``: each member's population in the evaluation
    (for the merged unit's ethnic-minority share; default: the units' own).
    """
    default_kind = rules.resulting_kind(u.kind for u in members)
    kind = kind or default_kind
    cls = merged(members, seat, populations)
    profile = profile_of(cls)
    std = rules.standard_for(kind, cls.terrain, cls.parent, cls.urban_class, **profile)
    req = rules.requirement_for(kind, cls.terrain, cls.parent, cls.urban_class, **profile)
    count = len(members)
    meets = not req.exempt and area_km2 >= req.area_km2 - EPS and population >= req.population - EPS
    recorded = bool(exception_ground or exception_reason)
    exception, problem = None, None
    if req.exempt:
        exception = {"id": req.id, "text": req.text, "article": req.article, "reason": "", "ground": "",
                     "automatic": True, "verdict": NOT_CONSIDERED, "uncertain": req.uncertain}
    elif not meets:
        exc = next((e for e in rules.automatic_exceptions if e.fits(count)), None)
        if exc is not None:
            exception = _record(exc, "", True)
        elif recorded:
            exception, problem = _recorded(rules, count, exception_ground, exception_reason)
    if recorded and exception is not None and exception["automatic"]:
        problem = NOT_NEEDED
    elif recorded and meets:
        problem = NOT_NEEDED
    return GroupVerdict(kind, default_kind, cls.terrain, cls.parent, cls.urban_class, std, req, area_km2,
                        population, meets, exception, cls, rules.kind_allowed(kind), count, problem)


def _recorded(rules: RuleSet, count: int, ground: str, reason: str) -> tuple[dict | None, str | None]:
    """The exception a recorded ground gives a group of ``count`` units, or why it gives none."""
    if ground:
        exc = rules.exception(ground)
        if exc is None or exc.automatic:
            return None, UNKNOWN_GROUND
        if not exc.fits(count):
            return None, DOES_NOT_FIT
        if exc.needs_text and not reason:
            return None, NEEDS_TEXT
        return _record(exc, reason, False), None
    exc = next(iter(rules.grounds_for(count)), None)        # the older form: a reason, no ground
    if exc is None:
        return None, DOES_NOT_FIT if rules.exception_grounds else UNKNOWN_GROUND
    return _record(exc, reason, False), None
