"""From a dataset and a request to independent pieces.

The units of the chosen area that are free (not locked, not in a kept group of the starting
scenario) are joined by their adjacency where both lie in one province (one district when
asked); each connected component is a piece, solved apart. What the law says of each unit
(must it merge, is it exempted, its figures) comes from ``evaluate_unit`` under the rule set,
with the starting scenario's exemptions and figure overrides.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.common.text import fold
from core.domain.model import Dataset
from core.domain.scenario import Group
from core.law.evaluation import UnitResult, evaluate_unit
from core.law.rules import RuleSet
from core.propose.piece import Piece
from core.propose.request import ProposalRequest, RequestError


@dataclass
class Problem:
    pieces: list[Piece]
    scope: list[str]                     # codes of the area proposed for
    results: dict[str, UnitResult]       # the law on each unit of the area
    kept: list[Group] = field(default_factory=list)
    idle: list[str] = field(default_factory=list)   # free units in pieces with nothing to do


def _same_area(name: str, wanted: str) -> bool:
    a, b = fold(name), fold(wanted)
    if a == b:
        return True
    for prefix in ("tinh ", "thanh pho ", "huyen ", "quan ", "thi xa "):
        a, b = a.removeprefix(prefix), b.removeprefix(prefix)
    return a == b


def area_scope(dataset: Dataset, province: str | None, district: str | None) -> list[str]:
    codes = list(dataset.units)
    if province:
        codes = [c for c in codes if _same_area(dataset.units[c].province, province)]
        if not codes:
            raise RequestError("propose.unknown_province", name=province)
    if district:
        codes = [c for c in codes if _same_area(dataset.units[c].district, district)]
        if not codes:
            raise RequestError("propose.unknown_district", name=district)
    return codes


def build_problem(dataset: Dataset, rules: RuleSet, req: ProposalRequest,
                  shared: dict[tuple[str, str], float] | None = None,
                  perimeter: dict[str, float] | None = None) -> Problem:
    req.check()
    scope = area_scope(dataset, req.province, req.district)
    in_scope = set(scope)
    base = req.base
    results = {c: evaluate_unit(dataset.units[c], rules, base) for c in scope}
    for code in req.locked:
        if code not in dataset.units:
            raise RequestError("propose.unknown_unit", code=code)
    together = [frozenset(t) for t in req.together if len(t) >= 2]
    for t in together:
        for code in t:
            if code not in dataset.units:
                raise RequestError("propose.unknown_unit", code=code)
            if code not in in_scope:
                raise RequestError("propose.together_outside", code=code, name=dataset.units[code].name)
            if code in req.locked:
                raise RequestError("propose.together_locked", code=code, name=dataset.units[code].name)

    kept: list[Group] = []
    taken: set[str] = set()
    if base is not None and req.keep_base:
        for g in base.groups:
            if set(g.members) & in_scope:
                kept.append(g)
                taken |= set(g.members)
    for t in together:
        if t & taken and not t <= taken:
            code = sorted(t & taken)[0]
            raise RequestError("propose.together_kept", code=code, name=dataset.units[code].name)
    free = [c for c in scope if c not in taken and c not in req.locked]
    free_set = set(free)
    line = (lambda u: (u.province, u.district)) if req.within == "district" else (lambda u: u.province)

    # components of the free units, joined only inside one province (district)
    comp: dict[str, int] = {}
    order: list[list[str]] = []
    for start in free:
        if start in comp:
            continue
        k = len(order)
        comp[start] = k
        todo, members = [start], [start]
        key = line(dataset.units[start])
        while todo:
            for nb in dataset.neighbours(todo.pop()):
                if nb in free_set and nb not in comp and line(dataset.units[nb]) == key:
                    comp[nb] = k
                    todo.append(nb)
                    members.append(nb)
        order.append(members)

    preferred_groups = [g for g in base.groups] if base is not None and not req.keep_base else []
    pieces: list[Piece] = []
    idle: list[str] = []
    needs_solve = req.goal == "target"
    for members in order:
        codes = sorted(members)
        must_codes = {c for c in codes if results[c].must_merge and results[c].exemption is None}
        for t in together:
            if t & set(codes):
                must_codes |= t
        if not must_codes and not needs_solve:
            idle.extend(codes)
            continue
        pieces.append(_piece(dataset, codes, results, must_codes, together, preferred_groups, shared, perimeter))
    return Problem(pieces, scope, results, kept, idle)


def _piece(dataset: Dataset, codes: list[str], results: dict[str, UnitResult], must_codes: set[str],
           together: list[frozenset[str]], preferred_groups: list[Group],
           shared: dict[tuple[str, str], float] | None, perimeter: dict[str, float] | None) -> Piece:
    index = {c: i for i, c in enumerate(codes)}
    units = [dataset.units[c] for c in codes]
    nbr = [0] * len(codes)
    pair_len: dict[tuple[int, int], float] = {}
    for c, i in index.items():
        for nb in dataset.neighbours(c):
            j = index.get(nb)
            if j is not None:
                nbr[i] |= 1 << j
                if i < j:
                    key = (c, nb) if c < nb else (nb, c)
                    pair_len[(i, j)] = float(shared.get(key) or 1.0) if shared else 1.0
    outer = []
    if perimeter:
        for c, i in index.items():
            inside = sum(pair_len.get((i, j) if i < j else (j, i), 0.0) for j in range(len(codes)) if nbr[i] >> j & 1)
            outer.append(max(0.0, float(perimeter.get(c, 0.0)) - inside))
    must = 0
    for c in must_codes:
        must |= 1 << index[c]
    tmasks = []
    for t in together:
        if t <= set(codes):
            tmasks.append(sum(1 << index[c] for c in t))
    districts: dict[tuple[str, str], int] = {}
    district = [districts.setdefault((u.province, u.district), len(districts)) for u in units]
    preferred = frozenset(sum(1 << index[c] for c in g.members) for g in preferred_groups
                          if all(c in index for c in g.members))
    label = units[0].province or "—"
    if len(districts) == 1 and units[0].district:
        label = f"{units[0].district}, {label}"
    return Piece(label, codes, units, [results[c].area_km2 for c in codes],
                 [results[c].population for c in codes], nbr, must, tmasks, district,
                 pair_len, outer, preferred)
