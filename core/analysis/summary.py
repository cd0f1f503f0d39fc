"""Counts per province (or district) for the national view: units, must-merge units,
population and area, under a rule set and optionally a scenario."""
from __future__ import annotations

from dataclasses import dataclass, field

from core.common.text import fold, strip_type
from core.domain.model import Dataset
from core.domain.scenario import Scenario
from core.law.evaluation import UnitResult, evaluate_unit
from core.law.rules import RuleSet


@dataclass
class AreaSummary:
    name: str                       # "Tỉnh Bến Tre", or "Tỉnh Bến Tre / Huyện Châu Thành"
    units: int = 0
    must_merge: int = 0
    unresolved: int = 0             # must merge, in no group and not exempted (with a scenario)
    in_groups: int = 0
    classification_defaulted: int = 0
    population: float = 0.0
    area_km2: float = 0.0
    codes_must_merge: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"name": self.name, "units": self.units, "must_merge": self.must_merge,
                "unresolved": self.unresolved, "in_groups": self.in_groups,
                "classification_defaulted": self.classification_defaulted,
                "population": self.population, "area_km2": round(self.area_km2, 3)}


def summarise(results: list[UnitResult], by: str = "province") -> list[AreaSummary]:
    """Group unit results by province (``by="province"``) or district (``by="district"``)."""
    out: dict[str, AreaSummary] = {}
    for r in results:
        u = r.unit
        key = u.province if by == "province" else f"{u.province} / {u.district}"
        s = out.get(key)
        if s is None:
            s = out[key] = AreaSummary(key)
        s.units += 1
        s.population += r.population
        s.area_km2 += r.area_km2
        s.classification_defaulted += int(u.classification_defaulted)
        s.in_groups += int(r.group_id is not None)
        if r.must_merge:
            s.must_merge += 1
            s.codes_must_merge.append(u.code)
        s.unresolved += int(r.unresolved)
    return sorted(out.values(), key=lambda s: fold(strip_type(s.name.split(" / ")[0])) + s.name)


def area_summary(dataset: Dataset, rules: RuleSet, scenario: Scenario | None = None,
                 by: str = "province") -> list[AreaSummary]:
    """Per province (or district): units, must-merge units under ``rules``; with a scenario,
    also how many are grouped and how many must-merge units are left unresolved."""
    owner = scenario.grouped_codes() if scenario else {}
    results = [evaluate_unit(u, rules, scenario, owner[c].id if c in owner else None)
               for c, u in dataset.units.items()]
    return summarise(results, by)


def units_in(dataset: Dataset, province: str, district: str | None = None) -> list[str]:
    """Codes of the units of a province (and district), names compared without diacritics/case."""
    p, d = fold(province), fold(district) if district else None
    return [c for c, u in dataset.units.items()
            if fold(u.province) == p or fold(u.province).endswith(" " + p)
            if d is None or fold(u.district) == d or fold(u.district).endswith(" " + d)]
