"""Progress and cancel for the stages of an import, and the error every import refuses with.

An import runs in two stages (``core.imports.boundaries``, ``core.imports.national``):
*plan* reads, checks, repairs, matches and measures without writing anything, and
returns a plan whose report is the preview; *apply* writes the plan in one go. Both
tell their progress through a ``Steps``: ``steps(0.4, "match")`` reports 40 % with the
step's name as a message (``imports.step.match``) and raises ``Cancelled`` when the
planner pressed Cancel. ``steps.part(0.2, 0.6)`` is the same bar for a part of the work,
so a long step (adjacency) can report and be cancelled inside itself too.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.common.messages import Message
from core.domain.model import DataError

Progress = Callable[[float, Message], None]

MAX_TOLERANCE_M = 500.0       # beyond this, units far apart become "adjacent"

STEPS = ("read", "table", "coordinates", "crs", "match", "repair", "areas", "adjacency",
         "adjacency_exact", "units", "store", "done")


class BoundaryError(DataError):
    """The layer (or the table beside it) cannot be imported; nothing was changed."""


class Cancelled(Exception):
    """The planner cancelled the import; nothing was changed."""


@dataclass
class Steps:
    """Where an import is (0…1 of the bar, the step's name) and whether to stop."""

    progress: Progress | None = None
    cancelled: Callable[[], bool] | None = None
    lo: float = 0.0
    hi: float = 1.0
    step: str = "read"

    def __call__(self, fraction: float, step: str | None = None, check: bool = True) -> None:
        """Report ``fraction`` of this part done, in ``step`` (the current one when None);
        then stop if cancelled (``check=False`` once the work is written: too late to cancel)."""
        if step is not None:
            self.step = step
        if self.progress is not None:
            self.progress(self.lo + (self.hi - self.lo) * min(max(fraction, 0.0), 1.0),
                          Message(f"imports.step.{self.step}"))
        if check:
            self.check()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()

    def part(self, lo: float, hi: float, step: str | None = None) -> Steps:
        """The same bar for the share ``lo``…``hi`` of this part (e.g. one long step)."""
        span = self.hi - self.lo
        return Steps(self.progress, self.cancelled, self.lo + span * lo, self.lo + span * hi,
                     step or self.step)

    def ticker(self) -> Callable[[float], None]:
        """``tick(fraction)`` for code below imports that knows nothing of steps (geometry)."""
        return lambda fraction: self(fraction)


def as_steps(progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             steps: Steps | None = None) -> Steps:
    return steps if steps is not None else Steps(progress, cancelled)


def check_tolerance(tolerance_m: float, limit: float = MAX_TOLERANCE_M) -> float:
    """The snapping tolerance in metres, refused outside 0…``limit``."""
    try:
        value = float(tolerance_m)
    except (TypeError, ValueError):
        raise BoundaryError("imports.tolerance.not_a_number", value=str(tolerance_m)[:40]) from None
    if not (0.0 <= value <= limit):           # also refuses NaN
        raise BoundaryError("imports.tolerance.out_of_range", value=f"{value:g}", limit=limit)
    return value
