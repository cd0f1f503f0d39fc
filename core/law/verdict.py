"""The law's verdict on units merged into one, from their figures: the one place that judges.

``judge`` takes the member units and the summed figures and answers what the rule set says:
the kind of the merged unit, its standard and requirement, whether both are reached, and
the exception that applies when they are not. ``evaluate_group`` (``core.law.evaluation``)
builds its result on it, and the proposer (``core.propose``) calls it for every candidate
group, so a change to a rule set's kinds, requirements or exceptions reaches both at once.
Contiguity and names are judged elsewhere: they depend on the scenario, not on the figures.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.domain.model import Unit
from core.law.rules import Requirement, RuleSet, Standard

EPS = 1e-9

MEETS, EXCEPTION, FAILS = "meets", "exception", "fails"


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
    exception: dict | None          # {"id", "text", "article", "reason"}

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
        """MEETS, EXCEPTION or FAILS on the figures alone."""
        if self.meets_standard:
            return MEETS
        return EXCEPTION if self.exception else FAILS


def _pct(value: float, standard: float) -> float:
    return 100.0 * value / standard if standard else 0.0


def classification(members: Sequence[Unit], seat: Unit | None = None) -> tuple[str, str, str]:
    """(terrain, parent, urban class) of the merged unit: the members' common terrain, else the
    seat's; the seat's parent and urban class."""
    terrains = {u.terrain for u in members}
    seat = seat or members[0]
    terrain = terrains.pop() if len(terrains) == 1 else seat.terrain
    return terrain, seat.parent, seat.urban_class


def judge(rules: RuleSet, members: Sequence[Unit], area_km2: float, population: float, *,
          kind: str | None = None, seat: Unit | None = None, exception_reason: str = "") -> GroupVerdict:
    """What ``rules`` says of ``members`` merged into one unit with these summed figures.

    ``kind`` is the planner's choice (None: the rule set's default); ``exception_reason`` is the
    ground recorded for an exception that needs one (without it only the exceptions that
    follow from the figures, such as "formed from 3 or more units", can apply).
    """
    default_kind = rules.resulting_kind(u.kind for u in members)
    kind = kind or default_kind
    terrain, parent, urban_class = classification(members, seat)
    std = rules.standard_for(kind, terrain, parent, urban_class)
    req = rules.requirement_for(kind, terrain, parent, urban_class)
    meets = req.exempt or (area_km2 >= req.area_km2 - EPS and population >= req.population - EPS)

    exception = None
    if not meets:
        for exc in rules.exceptions:
            if exc.min_members is not None and len(members) >= exc.min_members:
                exception = {"id": exc.id, "text": exc.text, "article": exc.article, "reason": ""}
                break
            if (exc.members is not None and len(members) == exc.members
                    and (not exc.needs_reason or exception_reason)):
                exception = {"id": exc.id, "text": exc.text, "article": exc.article,
                             "reason": exception_reason}
                break
    return GroupVerdict(kind, default_kind, terrain, parent, urban_class, std, req, area_km2,
                        population, meets, exception)
