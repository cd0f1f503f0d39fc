"""Re-evaluate a scenario after an edit by recomputing only what the edit touched.

``IncrementalEvaluator(dataset, rules, scenario)`` evaluates once in full, then
``refresh()`` compares the scenario with what it saw last (groups, exemptions,
overrides) and recomputes the units whose group, exemption or figures changed,
the groups that changed, and the groups whose findings depend on those units:
groups bordering them (their neighbour lists name units after the merger) and
groups of the same province whose name matches an old or new name (name clashes).
The result is equal to ``evaluate(dataset, rules, scenario)``; tests check that.
"""
from __future__ import annotations

from core.common.text import fold
from core.domain.model import Dataset
from core.domain.scenario import Group, Scenario
from core.law.evaluation import (
    ScenarioResult,
    UnitResult,
    _after_names,
    evaluate,
    evaluate_group,
    evaluate_unit,
    name_index,
)
from core.law.rules import RuleSet


def _group_key(g: Group) -> tuple:
    return (g.name, tuple(g.members), g.seat, g.kind, g.exception_reason)


class IncrementalEvaluator:
    def __init__(self, dataset: Dataset, rules: RuleSet, scenario: Scenario) -> None:
        self.dataset, self.rules, self.scenario = dataset, rules, scenario
        self.full_refresh()

    def full_refresh(self) -> ScenarioResult:
        s = self.scenario
        self.result = evaluate(self.dataset, self.rules, s)
        self._groups = {g.id: _group_key(g) for g in s.groups}
        self._exemptions = dict(s.exemptions)
        self._overrides = {c: (o.population, o.area_km2, o.source) for c, o in s.overrides.items()}
        self._owner = s.grouped_codes()
        self._after = _after_names(self.dataset, s)
        self._names = name_index(self.dataset, self._after)
        self._by_group = {r.group.id: r for r in self.result.groups}
        self._order = {c: i for i, c in enumerate(self.dataset.units)}
        self._unresolved = set(self.result.unresolved)
        return self.result

    def set_rules(self, rules: RuleSet) -> ScenarioResult:
        self.rules = rules
        return self.full_refresh()

    def refresh(self) -> ScenarioResult:
        """Bring the result up to date with the scenario; returns it."""
        s, ds = self.scenario, self.dataset
        groups_now = {g.id: _group_key(g) for g in s.groups}
        changed_groups = {gid for gid in groups_now.keys() | self._groups.keys()
                          if groups_now.get(gid) != self._groups.get(gid)}
        overrides_now = {c: (o.population, o.area_km2, o.source) for c, o in s.overrides.items()}
        units: set[str] = set()
        for gid in changed_groups:
            for key in (groups_now.get(gid), self._groups.get(gid)):
                if key is not None:
                    units.update(key[1])
        units.update(c for c in self._exemptions.keys() | s.exemptions.keys()
                     if self._exemptions.get(c) != s.exemptions.get(c))
        units.update(c for c in self._overrides.keys() | overrides_now.keys()
                     if self._overrides.get(c) != overrides_now.get(c))
        if not units and not changed_groups:
            return self.result
        owner = s.grouped_codes() if changed_groups else self._owner
        # Names after the merger, and the (province, name) index, for the units that moved.
        touched_names: set[tuple[str, str]] = set()
        for code in units:
            old, new = self._after[code], (owner[code].name if code in owner else ds.units[code].name)
            prov = ds.units[code].province
            if old != new:
                self._names[(prov, fold(old))].remove(code)
                self._names.setdefault((prov, fold(new)), []).append(code)
                self._after[code] = new
            touched_names.update({(prov, fold(old)), (prov, fold(new))})
        for gid in changed_groups:
            for key in (groups_now.get(gid), self._groups.get(gid)):
                if key is not None:
                    touched_names.update((ds.units[c].province, fold(key[0])) for c in key[1])
        unit_results = self.result.units
        for code in units:
            g = owner.get(code)
            unit_results[code] = evaluate_unit(ds.units[code], self.rules, s, g.id if g else None)
            if unit_results[code].unresolved:
                self._unresolved.add(code)
            else:
                self._unresolved.discard(code)
        # Groups to redo: changed ones, those bordering moved units, those sharing a touched name.
        redo = {gid for gid in changed_groups if gid in groups_now}
        for code in units:
            for nb in ds.neighbours(code):
                if nb in owner:
                    redo.add(owner[nb].id)
        for key in touched_names:
            for code in self._names.get(key, ()):
                if code in owner:
                    redo.add(owner[code].id)
        by_id = {g.id: g for g in s.groups}
        for gid in redo:
            self._by_group[gid] = evaluate_group(ds, self.rules, s, by_id[gid], unit_results,
                                                 self._after, owner, self._names)
        for gid in changed_groups - groups_now.keys():
            self._by_group.pop(gid, None)
        self._groups, self._owner = groups_now, owner
        self._exemptions, self._overrides = dict(s.exemptions), overrides_now
        before = len(ds.units)
        after = before - sum(len(g.members) - 1 for g in s.groups)
        unresolved = sorted(self._unresolved, key=self._order.__getitem__)
        self.result = ScenarioResult(s, self.rules, unit_results, [self._by_group[g.id] for g in s.groups],
                                     before, after, unresolved)
        return self.result

    def unit(self, code: str) -> UnitResult:
        return self.result.units[code]
