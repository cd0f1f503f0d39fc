"""A piece of the proposal problem: units that can be solved apart from all the others.

The units of a piece are numbered 0..n-1 and sets of them are bit masks (Python ints), so the
enumeration of candidate groups and the solvers work on small integers. A piece is plain,
picklable data: it can be sent to a worker process with the rule set's spec.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.domain.model import Unit


@dataclass
class Piece:
    label: str                       # where it is, e.g. "Tỉnh Bến Tre"
    codes: list[str]
    units: list[Unit]
    area: list[float]                # the figures the proposal uses (scenario overrides applied)
    pop: list[float]
    nbr: list[int]                   # neighbours of each unit inside the piece, as masks
    must: int                        # units that must end in a group (must-merge, not exempted; together sets)
    together: list[int] = field(default_factory=list)    # sets that stay together
    district: list[int] = field(default_factory=list)    # former district of each unit (an index)
    shared: dict[tuple[int, int], float] = field(default_factory=dict)   # boundary length of a pair
    outer: list[float] = field(default_factory=list)     # boundary of a unit not shared within the piece
    preferred: frozenset[int] = frozenset()              # groups to prefer (from a scenario)

    @property
    def n(self) -> int:
        return len(self.codes)

    def members(self, mask: int) -> list[int]:
        return bits(mask)

    def is_connected(self, mask: int) -> bool:
        if not mask:
            return False
        start = mask & -mask
        seen, todo = start, start
        while todo:
            low = todo & -todo
            todo ^= low
            new = self.nbr[low.bit_length() - 1] & mask & ~seen
            seen |= new
            todo |= new
        return seen == mask


def bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
