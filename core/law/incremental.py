"""Re-evaluate a scenario after an edit by recomputing only what the edit touched.

``IncrementalEvaluator(dataset, rules, scenario)`` evaluates once in full; after each
command, ``update(change)`` takes the command's ``Change`` (units and groups it touched)
and recomputes the units whose group, exemption or figures changed, the groups that
changed, and the groups whose findings depend on those units: groups bordering them
(their neighbour lists name units after the merger) and groups whose name matches an old or
new name in the rule set's scope (name clashes: the district or the province).

Every update makes a new ``ScenarioResult`` (unchanged unit and group results are shared,
the dicts are copied), so whoever holds an earlier result keeps reading it as it was, and
returns a ``Delta`` naming what is new: the views redraw only that. The result is equal to
``evaluate(dataset, rules, scenario)``; tests check that after every gesture, undo and redo.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.domain.commands import Change
from core.domain.model import Dataset
from core.domain.scenario import Group, Scenario
from core.law.evaluation import ScenarioResult, UnitResult, evaluate, evaluate_group, evaluate_unit, name_slot
from core.law.rules import RuleSet


@dataclass(frozen=True)
class Delta:
    """What an evaluation changed: units whose result (or name after the merger) is new,
    groups whose result is new (added or judged again), groups gone; ``full``: all of it."""

    units: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    full: bool = False

    def touches_unit(self, code: str) -> bool:
        return self.full or code in self.units

    def touches_group(self, group_id: str) -> bool:
        return self.full or group_id in self.groups or group_id in self.removed

    @property
    def empty(self) -> bool:
        return not (self.full or self.units or self.groups or self.removed)

    def __or__(self, other: Delta) -> Delta:
        if self.full or other.full:
            return FULL
        return Delta(self.units | other.units, (self.groups | other.groups) - other.removed,
                     (self.removed | other.removed) - other.groups)


FULL = Delta(full=True)
NOTHING = Delta()


class IncrementalEvaluator:
    def __init__(self, dataset: Dataset, rules: RuleSet, scenario: Scenario) -> None:
        self.dataset, self.rules, self.scenario = dataset, rules, scenario
        self.evaluate_all()

    def evaluate_all(self) -> Delta:
        """Evaluate everything again (another rule set, dataset or scenario content)."""
        s = self.scenario
        self.result = result = evaluate(self.dataset, self.rules, s)
        self._groups: dict[str, Group] = {g.id: g for g in s.groups}
        self._by_group = {r.group.id: r for r in result.groups}
        self._order = {c: i for i, c in enumerate(self.dataset.units)}
        self._unresolved = set(result.unresolved)
        return FULL

    def set_rules(self, rules: RuleSet) -> Delta:
        self.rules = rules
        return self.evaluate_all()

    def update(self, change: Change) -> Delta:
        """Bring the result up to date after an edit that touched ``change``; returns what is new.

        A change of rule set needs the new ``RuleSet``: call ``set_rules`` for it.
        """
        if change.rules:
            raise ValueError("a change of rule set is evaluated by set_rules(new rules)")
        if change.empty:
            return NOTHING
        s, ds, old = self.scenario, self.dataset, self.result
        by_id = {g.id: g for g in s.groups}
        changed = set(change.groups)
        moved: set[str] = set(change.units)
        for gid in changed:
            for g in (self._groups.get(gid), by_id.get(gid)):
                if g is not None:
                    moved.update(g.members)
        # Who owns each unit now, and each unit's name after the merger (copies: an earlier
        # result's groups read the old ones).
        owner = dict(old.owner)
        for gid in changed:
            before = self._groups.get(gid)
            if before is not None:
                for code in before.members:
                    if code in owner and owner[code].id == gid:
                        del owner[code]
        for gid in changed:
            now = by_id.get(gid)
            if now is not None:
                for code in now.members:
                    owner[code] = now
        after = dict(old.after_names)
        names = dict(old.names)
        rules = self.rules
        touched_names: set[tuple[str, str, str]] = set()
        for code in moved:
            unit = ds.units[code]
            was = after[code]
            new = owner[code].name if code in owner else unit.name
            was_slot, new_slot = name_slot(rules, unit, was), name_slot(rules, unit, new)
            if was_slot != new_slot:
                names[was_slot] = [c for c in names[was_slot] if c != code]
                names[new_slot] = [*names.get(new_slot, ()), code]
            after[code] = new
            touched_names.update({was_slot, new_slot})
        for gid in changed:
            for g in (self._groups.get(gid), by_id.get(gid)):
                if g is not None:
                    touched_names.update(name_slot(rules, ds.units[c], g.name) for c in g.members)
        units = dict(old.units)
        for code in moved:
            g = owner.get(code)
            r = units[code] = evaluate_unit(ds.units[code], self.rules, s, g.id if g else None)
            if r.unresolved:
                self._unresolved.add(code)
            else:
                self._unresolved.discard(code)
        # Groups to judge again: the changed ones, those bordering moved units, those sharing a name.
        redo = {gid for gid in changed if gid in by_id}
        for code in moved:
            for nb in ds.neighbours(code):
                if nb in owner:
                    redo.add(owner[nb].id)
        for key in touched_names:
            for code in names.get(key, ()):
                if code in owner:
                    redo.add(owner[code].id)
        for gid in redo:
            self._by_group[gid] = evaluate_group(ds, self.rules, s, by_id[gid], units, after, owner, names)
        removed = {gid for gid in changed if gid not in by_id}
        for gid in removed:
            self._by_group.pop(gid, None)
            self._groups.pop(gid, None)
        for gid in changed - removed:
            self._groups[gid] = by_id[gid]
        before_count = len(ds.units)
        after_count = before_count - sum(len(g.members) - 1 for g in s.groups)
        unresolved = sorted(self._unresolved, key=self._order.__getitem__)
        self.result = ScenarioResult(s, self.rules, units, [self._by_group[g.id] for g in s.groups],
                                     before_count, after_count, unresolved,
                                     after_names=after, names=names, owner=owner)
        return Delta(frozenset(moved), frozenset(redo), frozenset(removed))

    def unit(self, code: str) -> UnitResult:
        return self.result.units[code]
