"""Greedy growth: a first compliant answer fast, for pieces too large to prove and as a warm start.

Units that must be grouped are taken hardest first (the fewest free neighbours, the furthest
from the requirement); each grows a group one adjacent unit at a time, choosing the unit that
brings the weaker of the two figures (area, population) closest to the rule set's
requirement — both minima are checked on every move, through the rule set's verdict — until
the group passes or cannot grow (size limit, no free neighbour). A group that cannot pass is
then joined to an adjacent passing group when the union still passes. For a target count,
adjacent groups (or units) are then merged, the most compact merger first, until the count
is reached.
"""
from __future__ import annotations

from core.propose.columns import FEWEST, MOST, Judge
from core.propose.costs import compactness
from core.propose.piece import Piece, bits


def _progress(j: Judge, mask: int) -> float:
    """How far the weaker figure is towards its requirement (≥ 1: both reached)."""
    v = j.verdict(mask)
    req = v.requirement
    if req.exempt:
        return 10.0
    a = v.area_km2 / req.area_km2 if req.area_km2 else 10.0
    p = v.population / req.population if req.population else 10.0
    return min(a, p)


def _whole(piece: Piece, mask: int) -> int:
    """``mask`` with every together-set it touches completed."""
    for t in piece.together:
        if mask & t:
            mask |= t
    return mask


def _grow(piece: Piece, j: Judge, start: int, free: int, max_size: int, goal: str) -> int:
    mask = _whole(piece, start)
    while not j.accepted(mask):
        hood = 0
        for i in bits(mask):
            hood |= piece.nbr[i]
        best, best_key = 0, None
        for w in bits(hood & free & ~mask):
            trial = _whole(piece, mask | (1 << w))
            if trial & ~free & ~mask or trial.bit_count() > max_size:
                continue
            passes = j.accepted(trial)
            must_gain = (trial & piece.must & ~mask).bit_count()
            # pass first; then, for fewest changes, take units that must merge anyway; then progress
            key = (passes, must_gain if goal == FEWEST else 0, _progress(j, trial), -trial.bit_count())
            if best_key is None or key > best_key:
                best, best_key = trial, key
        if not best:
            return mask
        mask = best
    return mask


def greedy(piece: Piece, j: Judge, goal: str, max_size: int, target: tuple[int, int] | None = None) -> list[int]:
    """Groups (masks) of a compliant plan as far as one can be grown; failing groups are kept out."""
    n = piece.n
    free = (1 << n) - 1
    groups: list[int] = []
    stuck: list[int] = []

    def freedom(i: int) -> tuple:
        return ((piece.nbr[i] & free).bit_count(), _progress(j, 1 << i) if True else 0)

    todo = sorted(bits(piece.must), key=freedom)
    for i in todo:
        if not free >> i & 1:
            continue
        mask = _grow(piece, j, 1 << i, free, max_size, goal)
        if j.accepted(mask):
            groups.append(mask)
            free &= ~mask
        else:
            stuck.append(mask)
    # a group that could not pass alone joins an adjacent passing group when the union passes
    for mask in stuck:
        mask &= free
        if not mask:
            continue
        hood = 0
        for i in bits(mask):
            hood |= piece.nbr[i]
        for k, g in enumerate(groups):
            union = g | mask
            if hood & g and union.bit_count() <= max_size and j.accepted(union):
                groups[k] = union
                free &= ~mask
                break
    if goal not in (FEWEST, MOST) and target is not None:
        groups = merge_to_target(piece, j, groups, free, max_size, target)
    return groups


def merge_to_target(piece: Piece, j: Judge, groups: list[int], free: int, max_size: int,
                     target: tuple[int, int]) -> list[int]:
    parts = groups + [1 << i for i in bits(free)]

    def count() -> int:
        return len(parts)

    while count() > target[1]:
        best = None
        for a in range(len(parts)):
            hood = 0
            for i in bits(parts[a]):
                hood |= piece.nbr[i]
            for b in range(a + 1, len(parts)):
                if not hood & parts[b]:
                    continue
                union = parts[a] | parts[b]
                if union.bit_count() > max_size or not j.accepted(union):
                    continue
                c = compactness(piece, union)
                if best is None or c < best[0]:
                    best = (c, a, b)
        if best is None:
            break
        _, a, b = best
        parts[a] |= parts[b]
        del parts[b]
    return [m for m in parts if m & (m - 1)]
