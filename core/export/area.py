"""The part of a project an export covers: the whole project, a province, or a district.

A national project holds 10,000 units; a dossier is made for one province or one district.
``area_scope`` finds the units the planner named (names compared without
diacritics or case, "Bến Tre" for "Tỉnh Bến Tre"), adds the members outside the
area of a group that reaches into it (a merged unit is described whole), and names the
area for the title. ``area_result`` keeps, of the whole scenario's evaluation, what lies
in the area: the verdicts are those the planner sees in the window, the counts the area's.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from core.common.messages import say
from core.common.text import fold
from core.domain.model import Dataset
from core.domain.scenario import Scenario
from core.law.evaluation import ScenarioResult

from .files import ExportError
from .narrative import DOC_LANG


@dataclass(frozen=True)
class Area:
    """What the planner asked for; both empty: the whole project."""

    province: str | None = None
    district: str | None = None

    @property
    def whole(self) -> bool:
        return not (self.province or self.district)


@dataclass
class Scope:
    codes: list[str]                 # the units exported, in the project's order
    province: str                    # "Tỉnh Bến Tre"; "" when the scope spans several
    district: str                    # "Huyện Châu Thành"; "" when it spans several
    provinces: int                   # how many provinces the units lie in
    borrowed: list[str] = field(default_factory=list)   # outside the area, in a group reaching into it
    chosen: bool = False             # a province or district was asked for

    @property
    def title(self) -> str:
        """The area as the title names it: 'Huyện Châu Thành – Tỉnh Bến Tre', 'Tỉnh Bến Tre'."""
        if self.district and self.province:
            return say("dossier.area.district", DOC_LANG, district=self.district, province=self.province)
        if self.province:
            return self.province
        return say("dossier.area.provinces", DOC_LANG, count=self.provinces)

    @property
    def in_sentence(self) -> str:
        """The area inside a sentence: 'huyện Châu Thành', 'tỉnh Bến Tre', 'dự án'."""
        name = self.district or self.province
        return name[:1].lower() + name[1:] if name else say("dossier.area.project", DOC_LANG)


def _matches(names: set[str], wanted: str) -> list[str]:
    """Names of ``names`` the planner's ``wanted`` designates: the same, or ending in it."""
    w = fold(wanted)
    return sorted(n for n in names if fold(n) == w or fold(n).endswith(" " + w))


def _unknown(code: str, wanted: str, names: set[str]) -> ExportError:
    near = difflib.get_close_matches(fold(wanted), [fold(n) for n in names], n=5, cutoff=0.5)
    by_fold = {fold(n): n for n in names}
    suggestions = [by_fold[f] for f in near] or sorted(names, key=fold)[:5]
    return ExportError(code, name=wanted, known=suggestions)


def _one(code_unknown: str, code_ambiguous: str, wanted: str, names: set[str]) -> str:
    found = _matches(names, wanted)
    if not found:
        raise _unknown(code_unknown, wanted, names)
    if len(found) > 1:
        raise ExportError(code_ambiguous, name=wanted, found=found)
    return found[0]


def area_scope(dataset: Dataset, scenario: Scenario | None, area: Area | None = None) -> Scope:
    """The units an export of ``area`` covers; refuses, naming close names, an area not in the project."""
    area = area or Area()
    units = dataset.units
    if area.whole:
        codes = list(units)
        chosen = False
    else:
        provinces = {u.province for u in units.values() if u.province}
        province = _one("export.unknown_province", "export.ambiguous_province", area.province,
                        provinces) if area.province else None
        if area.district:
            districts = {u.district for u in units.values() if u.district
                         and (province is None or u.province == province)}
            district = _one("export.unknown_district", "export.ambiguous_district", area.district, districts)
            holders = sorted({u.province for u in units.values() if u.district == district}, key=fold)
            if province is None and len(holders) > 1:
                raise ExportError("export.district_in_provinces", name=district, provinces=holders)
            province = province or holders[0]
        else:
            district = None
        codes = [c for c, u in units.items()
                 if u.province == province and (district is None or u.district == district)]
        chosen = True
    inside = set(codes)
    borrowed: list[str] = []
    if chosen and scenario is not None:
        for g in scenario.groups:
            if inside & set(g.members):
                borrowed += [c for c in g.members if c not in inside and c in units]
        if borrowed:
            inside |= set(borrowed)
            codes = [c for c in units if c in inside]
    provinces_in = {units[c].province for c in codes}
    if chosen:
        province, district = province or "", district or ""
    else:
        districts_in = {(units[c].province, units[c].district) for c in codes}
        province = next(iter(provinces_in)) if len(provinces_in) == 1 else ""
        district = next(iter(districts_in))[1] if len(districts_in) == 1 else ""
        if not province and len(provinces_in) <= 1:
            meta = dataset.meta or {}
            province, district = meta.get("province", ""), meta.get("district", "")
    return Scope(codes, province, district, len(provinces_in - {""}) or 1, borrowed, chosen)


def area_dataset(dataset: Dataset, scope: Scope) -> Dataset:
    """The project's dataset cut to the scope (adjacency inside it only)."""
    if len(scope.codes) == len(dataset.units):
        return dataset
    keep = set(scope.codes)
    units = {c: dataset.units[c] for c in scope.codes}
    pairs = {(a, b) for a, b in dataset.adjacency if a in keep and b in keep}
    meta = dict(dataset.meta or {})
    meta["province"], meta["district"] = scope.province, scope.district
    return Dataset(dataset.name, units, pairs, meta)


def area_result(result: ScenarioResult, scope: Scope) -> ScenarioResult:
    """What of ``result`` (the whole scenario) lies in ``scope``: its units, groups and counts."""
    if len(scope.codes) == len(result.units):
        return result
    keep = set(scope.codes)
    units = {c: result.units[c] for c in scope.codes}
    groups = [g for g in result.groups if keep & set(g.group.members)]
    after = len(units) - sum(len(g.group.members) - 1 for g in groups)
    scenario = replace(result.scenario, groups=[g.group for g in groups],
                       exemptions={c: r for c, r in result.scenario.exemptions.items() if c in keep},
                       overrides={c: o for c, o in result.scenario.overrides.items() if c in keep})
    return ScenarioResult(scenario, result.rules, units, groups, len(units), after,
                          [c for c in result.unresolved if c in keep], after_names=result.after_names,
                          names=result.names, owner=result.owner)
