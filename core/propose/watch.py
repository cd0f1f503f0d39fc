"""What the caller of ``propose()`` sees while it runs, and how it stops it.

``Watch(cancel, searching)``: ``cancel()`` is asked often (between the steps of a piece,
inside the listing of candidate groups, inside HiGHS through its interrupt callbacks) and
once it answers True the proposer stops looking and keeps the best answer found so far:
a piece being solved keeps HiGHS's best plan (or the greedy one when the solver had not
started), a piece not reached yet gets the greedy answer. ``searching(label, gap)`` is told,
at most every ``every`` seconds, the gap of the best plan of the piece being solved in this
process (None while there is no bound). In a worker process the same stop comes from an
event shared with the parent (``for_worker``).
"""
from __future__ import annotations

import time
from collections.abc import Callable


class Watch:
    def __init__(self, cancel: Callable[[], bool] | None = None,
                 searching: Callable[[str, float | None], None] | None = None, every: float = 0.25) -> None:
        self._cancel, self._searching, self.every = cancel, searching, every
        self._stopped = False
        self._told = 0.0

    def stopped(self) -> bool:
        """True once the caller asked to stop (and from then on)."""
        if not self._stopped and self._cancel is not None and self._cancel():
            self._stopped = True
        return self._stopped

    def gap(self, label: str, gap: float | None, force: bool = False) -> None:
        if self._searching is None:
            return
        now = time.monotonic()
        if force or now - self._told >= self.every:
            self._told = now
            self._searching(label, gap)

    def attach(self, highs, label: str, gap_of=None) -> None:
        """Stop HiGHS when the caller asks; report its gap (``gap_of(primal, dual)``) as it improves.
        Nothing is attached when nobody watches (no callback into Python from the solver)."""
        if self._cancel is None and self._searching is None:
            return
        def interrupt(event) -> None:
            if self.stopped():
                event.interrupt()
            elif gap_of is not None and self._searching is not None:
                out = event.data_out
                self.gap(label, gap_of(out.mip_primal_bound, out.mip_dual_bound))

        highs.cbSimplexInterrupt.subscribe(lambda e: e.interrupt() if self.stopped() else None)
        highs.cbMipInterrupt.subscribe(interrupt)


NEVER = Watch()

_EVENT = None     # in a worker process: the parent's stop event


def set_worker_event(event) -> None:
    """Initializer of a worker process: the event its parent sets to stop every piece."""
    global _EVENT
    _EVENT = event


def for_worker() -> Watch:
    return Watch(_EVENT.is_set) if _EVENT is not None else NEVER
