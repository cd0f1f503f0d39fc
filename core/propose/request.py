"""What a planner asks the proposer for."""
from __future__ import annotations

from dataclasses import dataclass

from core.common.errors import CoreError
from core.domain.scenario import Scenario
from core.propose.columns import FEWEST, GOALS, MOST, TARGET
from core.propose.costs import TIE_BREAKS

WITHIN = ("province", "district")


class RequestError(CoreError):
    """A request the proposer cannot take, as a message code with its figures."""


@dataclass
class ProposalRequest:
    goal: str = FEWEST
    target: tuple[int, int] | None = None   # units after, for the target goal: (K, K) or a range
    max_size: int = 8                         # members of one group at most
    locked: frozenset[str] = frozenset()      # units never merged
    together: tuple[frozenset[str], ...] = ()  # units that must end in the same group
    province: str | None = None               # propose for this province only
    district: str | None = None               # ... or this district only
    within: str = "province"                  # groups never cross these lines
    base: Scenario | None = None              # start from this scenario (its exemptions, overrides)
    keep_base: bool = True                    # keep its groups as they are, or only prefer them
    time_limit: float = 60.0                  # seconds per piece for the exact solver
    allow_exceptions: bool | None = None      # figure-based exceptions; None: yes except for most units
    tie_breaks: tuple[str, ...] = TIE_BREAKS
    workers: int = 2
    column_budget: int = 150_000              # connected sets looked at per piece before giving up the full listing

    def exceptions_allowed(self) -> bool:
        if self.allow_exceptions is not None:
            return self.allow_exceptions
        return self.goal != MOST

    def check(self) -> None:
        if self.goal not in GOALS:
            raise RequestError("propose.bad_goal", goal=self.goal, known=", ".join(GOALS))
        if self.goal == TARGET:
            if self.target is None:
                raise RequestError("propose.target_missing")
            lo, hi = self.target
            if lo < 1 or hi < lo:
                raise RequestError("propose.bad_target", low=lo, high=hi)
        if self.max_size < 2:
            raise RequestError("propose.bad_max_size", size=self.max_size)
        if self.within not in WITHIN:
            raise RequestError("propose.bad_within", within=self.within)
        if not 0 < self.time_limit < float("inf"):           # NaN and infinity too
            raise RequestError("propose.bad_time_limit", seconds=self.time_limit)
        unknown = set(self.tie_breaks) - set(TIE_BREAKS)
        if unknown:
            raise RequestError("propose.bad_tie_break", names=", ".join(sorted(unknown)))
