"""Tie-breaks between plans equal on the goal: each candidate group's cost in [0, 1] per measure.

* ``compactness``: the share of the group's boundary that is not shared inside it (shared
  boundary lengths from the geometry when imported, else one per neighbour pair; the outer
  boundary of units on the edge of the piece counts as outside);
* ``balance``: how far the group's population is from the piece's reference population;
* ``districts``: 1 when the group crosses a former district line;
* ``preferred``: 0 for a group of the starting scenario, 1 otherwise (only when asked).
"""
from __future__ import annotations

from core.propose.piece import Piece, bits

TIE_BREAKS = ("compactness", "balance", "districts")
WEIGHTS = (1.0, 0.3, 0.1)           # the order of the tie-breaks, first most
PREFERRED_WEIGHT = 2.0


def compactness(piece: Piece, mask: int) -> float:
    idx = bits(mask)
    inside = outside = 0.0
    for i in idx:
        outside += piece.outer[i] if piece.outer else 0.0
        for j in bits(piece.nbr[i]):
            length = piece.shared.get((i, j) if i < j else (j, i), 1.0)
            if mask >> j & 1:
                inside += length / 2
            else:
                outside += length
    total = inside + outside
    return outside / total if total else 1.0


def balance(piece: Piece, mask: int, reference: float) -> float:
    if reference <= 0:
        return 0.0
    pop = sum(piece.pop[i] for i in bits(mask))
    return min(1.0, abs(pop - reference) / reference)


def crosses_districts(piece: Piece, mask: int) -> float:
    if not piece.district:
        return 0.0
    return 1.0 if len({piece.district[i] for i in bits(mask)}) > 1 else 0.0


class TieBreak:
    def __init__(self, piece: Piece, order: tuple[str, ...] = TIE_BREAKS, reference_pop: float = 0.0) -> None:
        unknown = set(order) - set(TIE_BREAKS)
        if unknown:
            raise ValueError(f"unknown tie-break {sorted(unknown)}")
        self.piece, self.reference = piece, reference_pop
        self.weights = dict(zip(order, WEIGHTS))
        self.maximum = sum(self.weights.values()) + (PREFERRED_WEIGHT if piece.preferred else 0.0)

    def cost(self, mask: int) -> float:
        w, p = self.weights, self.piece
        c = 0.0
        if "compactness" in w:
            c += w["compactness"] * compactness(p, mask)
        if "balance" in w:
            c += w["balance"] * balance(p, mask, self.reference)
        if "districts" in w:
            c += w["districts"] * crosses_districts(p, mask)
        if p.preferred and mask not in p.preferred:
            c += PREFERRED_WEIGHT
        return c
