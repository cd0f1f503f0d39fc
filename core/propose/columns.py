"""Candidate groups (the columns of the set-partitioning model), each judged by the law.

Every connected set of units up to the size limit that the rule set accepts (``judge``: the
standard met, or an exception that follows from the figures when those are allowed) is a
candidate, except those that cannot be part of a best plan:

* for "fewest changes" and "most units", a group holds at least one unit that must be in a
  group (a group of units that may all stand alone only adds changes and removes units);
* a group that still passes without one of its members that may stand alone is dominated
  (leaving that member alone touches one unit fewer and keeps one unit more), and so is every
  larger group grown from a passing group by units that may stand alone.

Sets are enumerated once each (Wernicke's ESU: a set is grown from its lowest root with the
exclusive neighbourhood), so the count is exact; a budget stops runaway pieces and says so.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from core.law.rules import RuleSet
from core.law.verdict import GroupVerdict, judge
from core.propose.piece import Piece, bits

FEWEST, MOST, TARGET = "fewest-changes", "most-units", "target"
GOALS = (FEWEST, MOST, TARGET)


@dataclass
class Column:
    mask: int
    size: int
    verdict: GroupVerdict


@dataclass
class ColumnSet:
    columns: list[Column]
    complete: bool          # False when the budget or the deadline stopped the enumeration
    visited: int            # connected sets looked at
    seconds: float


class Judge:
    """The rule set's verdict on a set of a piece's units, remembered per set."""

    def __init__(self, piece: Piece, rules: RuleSet, allow_exceptions: bool) -> None:
        self.piece, self.rules, self.allow_exceptions = piece, rules, allow_exceptions
        self._cache: dict[int, GroupVerdict] = {}

    def verdict(self, mask: int) -> GroupVerdict:
        v = self._cache.get(mask)
        if v is None:
            p = self.piece
            idx = bits(mask)
            members = [p.units[i] for i in idx]
            seat = max(idx, key=lambda i: p.pop[i])
            v = judge(self.rules, members, sum(p.area[i] for i in idx), sum(p.pop[i] for i in idx),
                      seat=p.units[seat])
            self._cache[mask] = v
        return v

    def passes(self, v: GroupVerdict) -> bool:
        return v.meets_standard or (self.allow_exceptions and v.exception is not None)

    def accepted(self, mask: int) -> bool:
        """A valid group: two or more units, the sets that stay together whole or absent, passing."""
        if mask & (mask - 1) == 0:
            return False
        for t in self.piece.together:
            if mask & t and mask & t != t:
                return False
        return self.passes(self.verdict(mask))


def enumerate_columns(piece: Piece, judge_: Judge, goal: str, max_size: int,
                      budget: int = 400_000, deadline: float | None = None, stop=None) -> ColumnSet:
    """Every candidate group of ``piece`` (``complete``), or those found before ``budget`` sets,
    the ``deadline`` or ``stop()`` (the caller's cancel) cut the listing short."""
    t0 = time.perf_counter()
    n, nbr, must = piece.n, piece.nbr, piece.must
    full = (1 << n) - 1
    pruning = goal != TARGET
    out: list[Column] = []
    visited = 0
    complete = True

    def dominated(mask: int) -> bool:
        for i in bits(mask & ~must):
            rest = mask & ~(1 << i)
            if piece.is_connected(rest) and judge_.accepted(rest):
                return True
        return False

    def extend(mask: int, hood: int, ext: int, size: int, allowed: int) -> bool:
        nonlocal visited, complete
        visited += 1
        if visited > budget or (visited % 2048 == 0 and _late(deadline, stop)):
            complete = False
            return False
        ok = size >= 2 and judge_.accepted(mask)
        if ok and not (pruning and dominated(mask)):
            out.append(Column(mask, size, judge_.verdict(mask)))
        if size >= max_size:
            return True
        if ok and pruning and not _reaches_must(nbr, must, mask, allowed, max_size - size):
            return True
        while ext:
            low = ext & -ext
            ext ^= low
            w = low.bit_length() - 1
            new_ext = ext | (nbr[w] & allowed & ~hood)
            if not extend(mask | low, hood | nbr[w] | low, new_ext, size + 1, allowed):
                return False
        return True

    roots = bits(must) if pruning else range(n)
    for v in roots:
        below = (1 << v) - 1
        allowed = full & ~(must & below) if pruning else full & ~below
        allowed &= ~(1 << v)
        if not extend(1 << v, nbr[v] | (1 << v), nbr[v] & allowed, 1, allowed):
            break
    return ColumnSet(out, complete, visited, time.perf_counter() - t0)


def price(piece: Piece, judge_: Judge, goal: str, max_size: int, base: float, weights: list[float],
          tie_cost, scale: float, limit: int = 300, budget: int = 400_000,
          deadline: float | None = None, stop=None) -> tuple[list[tuple[float, Column]], bool]:
    """Candidate groups whose reduced cost is negative, for column generation.

    The reduced cost of a group T is ``base + Σ weights[i] + scale × tie_cost(T)`` (the goal's
    cost less the duals of T's rows); tie costs are ≥ 0, so a subtree is cut as soon as
    ``base + Σ_S weights`` plus the most negative weights that could still join is ≥ 0.
    Returns the ``limit`` most negative groups found, and whether the search was complete
    (when it was and nothing is returned, the LP bound is proven over all candidate groups).
    """
    n, nbr, must = piece.n, piece.nbr, piece.must
    full = (1 << n) - 1
    pruning = goal != TARGET
    negatives = sorted(w for w in weights if w < 0)
    best_extra = [0.0] * (max_size + 1)          # the r most negative weights, summed
    for r in range(1, max_size + 1):
        best_extra[r] = best_extra[r - 1] + (negatives[r - 1] if r - 1 < len(negatives) else 0.0)
    found: list[tuple[float, Column]] = []
    visited = 0
    complete = True

    def extend(mask: int, hood: int, ext: int, size: int, total: float, allowed: int) -> bool:
        nonlocal visited, complete
        visited += 1
        if visited > budget or (visited % 2048 == 0 and _late(deadline, stop)):
            complete = False
            return False
        ok = size >= 2 and judge_.accepted(mask)
        if ok:
            rc = base + total + scale * tie_cost(mask)
            if rc < -1e-7:
                found.append((rc, Column(mask, size, judge_.verdict(mask))))
        if size >= max_size or base + total + best_extra[max_size - size] >= -1e-9:
            return True
        if ok and pruning and not _reaches_must(nbr, must, mask, allowed, max_size - size):
            # a passing group grown only by units that may stand alone is dominated
            return True
        while ext:
            low = ext & -ext
            ext ^= low
            w = low.bit_length() - 1
            new_ext = ext | (nbr[w] & allowed & ~hood)
            if not extend(mask | low, hood | nbr[w] | low, new_ext, size + 1, total + weights[w], allowed):
                return False
        return True

    roots = bits(must) if pruning else range(n)
    for v in roots:
        below = (1 << v) - 1
        allowed = full & ~(must & below) if pruning else full & ~below
        allowed &= ~(1 << v)
        if not extend(1 << v, nbr[v] | (1 << v), nbr[v] & allowed, 1, weights[v], allowed):
            break
    found.sort(key=lambda t: t[0])
    return found[:limit], complete



def _late(deadline: float | None, stop) -> bool:
    return (deadline is not None and time.perf_counter() > deadline) or (stop is not None and stop())


def _reaches_must(nbr: list[int], must: int, mask: int, allowed: int, depth: int) -> bool:
    """Is a unit that must be grouped, not yet in ``mask``, within ``depth`` steps through allowed units?"""
    frontier, seen = mask, mask
    for _ in range(depth):
        nxt = 0
        for i in bits(frontier):
            nxt |= nbr[i]
        nxt &= allowed & ~seen
        if nxt & must:
            return True
        if not nxt:
            return False
        seen |= nxt
        frontier = nxt
    return False
