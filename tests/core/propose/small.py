"""Small datasets for the proposer's tests, and the brute force they are checked against."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from core.domain.model import Dataset, Figure
from core.imports.synthetic import synthetic_dataset
from core.law.evaluation import evaluate_unit
from core.law.verdict import judge


def synthetic_small(n: int, seed: int, pop_scale: float = 1.0, area_scale: float = 1.0) -> Dataset:
    """``n`` synthetic units (a real tessellation's adjacency), figures scaled, all xã."""
    d, _geoms, _adj = synthetic_dataset(n, seed)
    units = {}
    for code, u in d.units.items():
        units[code] = replace(u, kind="xa", parent="", district=u.district, province="Tỉnh Thử",
                              population=Figure(round(u.population.value * pop_scale), "test", "2019", "test"),
                              area=Figure(round(u.area.value * area_scale, 3), "test", "2019", "approximate (test)"))
    return Dataset(d.name, units, set(d.adjacency), {})


def sub_dataset(dataset: Dataset, codes: list[str]) -> Dataset:
    keep = set(codes)
    return Dataset("part", {c: dataset.units[c] for c in codes},
                   {(a, b) for a, b in dataset.adjacency if a in keep and b in keep}, {})


def brute_force(dataset: Dataset, rules, max_size: int, allow_exceptions: bool,
                locked: frozenset[str] = frozenset()) -> list[list[frozenset[str]]]:
    """Every partition of the units into contiguous groups the law accepts (units alone only when
    the law does not require them to merge; locked units alone)."""
    codes = sorted(dataset.units)
    must = {c for c in codes if evaluate_unit(dataset.units[c], rules).must_merge}

    @cache
    def ok(block: frozenset[str]) -> bool:
        if len(block) == 1:
            return next(iter(block)) not in must or next(iter(block)) in locked
        if len(block) > max_size or block & locked or not dataset.is_connected(block):
            return False
        units = [dataset.units[c] for c in block]
        seat = max(units, key=lambda u: u.population.value)
        v = judge(rules, units, sum(u.area.value for u in units), sum(u.population.value for u in units), seat=seat)
        return v.meets_standard or (allow_exceptions and v.exception is not None)

    out: list[list[frozenset[str]]] = []

    def rec(rest: tuple[str, ...], acc: list[frozenset[str]]) -> None:
        if not rest:
            out.append(list(acc))
            return
        first, others = rest[0], rest[1:]
        for m in range(1 << len(others)):
            block = frozenset([first] + [others[k] for k in range(len(others)) if m >> k & 1])
            if len(block) <= max_size and ok(block):
                acc.append(block)
                rec(tuple(c for c in others if c not in block), acc)
                acc.pop()

    rec(tuple(codes), [])
    return out
