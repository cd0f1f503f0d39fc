"""One piece, solved: greedy first, then the exact model over every candidate group when they
can all be listed, else column generation with a proven LP bound; pieces run in parallel.

Status per piece: ``optimal`` — the goal is proven best (every candidate group up to the size
limit was in the model, or the plan reaches the LP bound over all of them); ``feasible`` — a
compliant plan with the gap to the bound; ``infeasible`` — some unit that must be grouped
cannot be (the plan leaves the fewest such units, and says which).

A ``Watch`` (core.propose.watch) stops a piece when the caller asks: it keeps the best plan
found so far (``stopped``), and the pieces not reached yet get the greedy answer.
"""
from __future__ import annotations

import math
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from core.law.rules import RuleSet
from core.propose.columns import FEWEST, MOST, TARGET, Column, Judge, enumerate_columns, price
from core.propose.costs import TieBreak
from core.propose.greedy import greedy, merge_to_target
from core.propose.mip import FEASIBLE, INFEASIBLE, OPTIMAL, Master, primary
from core.propose.piece import Piece
from core.propose.watch import NEVER, Watch, for_worker, set_worker_event


@dataclass
class Options:
    goal: str
    max_size: int
    allow_exceptions: bool
    time_limit: float
    tie_breaks: tuple[str, ...]
    column_budget: int
    merged_away: tuple[int, int] | None = None     # target goal, for a single piece
    exact: bool = True                              # False: the greedy answer only


@dataclass
class PieceOutcome:
    label: str
    units: int
    must: int
    status: str
    groups: list[int]                 # masks
    uncovered: list[int]              # units that must be grouped and are not
    goal_value: float                 # touched / merged away over the piece
    goal_bound: float | None          # proven bound on it (None: not proven)
    seconds: float
    columns: int
    method: str                       # "exact" (all candidates), "column generation", "greedy"
    greedy_groups: list[int] = field(default_factory=list)
    greedy_seconds: float = 0.0
    count_missed: float = 0.0         # target goal: units short of / beyond the target
    stopped: bool = False             # the caller stopped it: the best plan found by then

    @property
    def gap(self) -> float | None:
        """The remaining gap on the planner's measure (units after, or units touched), 0..1."""
        if self.goal_bound is None:
            return None
        if self.status == OPTIMAL:
            return 0.0
        return _gap(self.units, self.goal_value, self.goal_bound, self.method_goal)

    method_goal: str = FEWEST


def _gap(n: int, value: float, bound: float, goal: str) -> float:
    if goal == MOST:          # units after: achieved n − value, at best n − bound
        best = n - bound
        return max(0.0, (best - (n - value)) / best) if best > 0 else 0.0
    return max(0.0, (value - bound) / value) if value > 0 else 0.0


def solve_piece(piece: Piece, rules_spec: dict, opts: Options, watch: Watch = NEVER) -> PieceOutcome:
    t0 = time.perf_counter()
    deadline = t0 + opts.time_limit
    rules = RuleSet(rules_spec)
    j = Judge(piece, rules, opts.allow_exceptions)
    target = None
    if opts.merged_away is not None:
        target = (piece.n - opts.merged_away[1], piece.n - opts.merged_away[0])
    if opts.goal == TARGET and opts.exact:
        # the most units the piece can have bounds the count, and its plan, merged down to the
        # target one adjacent pair at a time, is the first answer
        most = solve_piece(piece, rules_spec, replace(opts, goal=MOST, merged_away=None,
                                                        time_limit=0.4 * opts.time_limit), watch)
        free = ((1 << piece.n) - 1) & ~sum(most.groups)
        g = merge_to_target(piece, j, list(most.groups), free, opts.max_size, target)
    else:
        g = greedy(piece, j, opts.goal, opts.max_size, target)
    greedy_seconds = time.perf_counter() - t0
    g_uncovered = [i for i in range(piece.n) if piece.must >> i & 1 and not any(m >> i & 1 for m in g)]

    def outcome(status, groups, uncovered, value, bound, columns, method, count_missed=0.0):
        return PieceOutcome(piece.label, piece.n, piece.must.bit_count(), status, groups, uncovered,
                            value, bound, time.perf_counter() - t0, columns, method, g, greedy_seconds,
                            count_missed, watch.stopped() and status != OPTIMAL, opts.goal)

    g_value = float(sum(primary(opts.goal, m.bit_count()) for m in g))

    def first_answer(columns: int, bound: float | None = None) -> PieceOutcome:
        """The greedy plan stands (no exact answer, or none in time, or the caller stopped)."""
        missed = _missed(g, opts.merged_away)
        if g_uncovered or opts.goal == TARGET:
            bound = None
        elif opts.goal == FEWEST and watch.stopped():   # stopped: say how far it may be from the best
            bound = max(bound or 0.0, float(piece.must.bit_count()))   # every must-merge unit is touched
        if bound is not None:
            bound = min(bound, g_value)
        status = INFEASIBLE if g_uncovered or missed else OPTIMAL if bound == g_value else FEASIBLE
        return outcome(status, g, g_uncovered, g_value, bound, columns, "greedy", missed)

    if not opts.exact or watch.stopped():
        return first_answer(0)
    watch.gap(piece.label, None, force=True)

    reference = (sum(piece.pop[i] for m in g for i in range(piece.n) if m >> i & 1) / len(g)) if g else 0.0
    tb = TieBreak(piece, opts.tie_breaks, reference)
    cols = enumerate_columns(piece, j, opts.goal, opts.max_size, opts.column_budget,
                             t0 + 0.3 * opts.time_limit, watch.stopped)
    if watch.stopped():
        return first_answer(0)

    def gap_of(primal: float, dual: float) -> float | None:
        if opts.goal == TARGET or not (math.isfinite(primal) and math.isfinite(dual)) or primal > piece.n:
            return None          # no plan yet, or one that still leaves a must-merge unit out
        return _gap(piece.n, primal, math.ceil(dual - 1e-6), opts.goal)

    master = Master(piece.n, piece.must, opts.goal, tb.maximum, opts.merged_away, watch, piece.label, gap_of)
    known: dict[int, int] = {}

    def add(columns: list[Column]) -> None:
        fresh = [c for c in columns if c.mask not in known]
        for c in fresh:
            known[c.mask] = len(known)
        master.add(fresh, [tb.cost(c.mask) for c in fresh])

    add([Column(m, m.bit_count(), j.verdict(m)) for m in g])
    lp_bound = None
    method = "exact" if cols.complete else "column generation"
    if cols.complete:
        add(cols.columns)
    else:
        # an unfinished listing is a biased sample (the lowest roots only): column generation
        # starts from the greedy plan and every smaller group that can be listed in full
        add(cols.columns[:2000])
        best: list[Column] = []
        for size in range(2, opts.max_size):
            small = enumerate_columns(piece, j, opts.goal, size, opts.column_budget // 3, t0 + 0.4 * opts.time_limit,
                                      watch.stopped)
            if not small.complete:
                break
            best = small.columns
        add(best)
        kappa = piece.n // 2          # groups in any plan at most: each has two members or more
        while time.perf_counter() < t0 + 0.75 * opts.time_limit and not watch.stopped():
            obj, y, y_count = master.solve_lp(deadline - time.perf_counter())
            a = 0.0 if opts.goal == TARGET else 1.0
            b = -1.0 if opts.goal == MOST else 0.0
            weights = [a - y[i] - y_count for i in range(piece.n)]
            new, complete = price(piece, j, opts.goal, opts.max_size, b + y_count, weights, tb.cost,
                                  master.scale, budget=max(opts.column_budget, 200_000),
                                  deadline=t0 + 0.75 * opts.time_limit, stop=watch.stopped)
            if complete and obj is not None and not watch.stopped():
                # Farley's bound: the LP over every candidate is at least this, converged or not
                bound = obj + kappa * min(0.0, new[0][0] if new else 0.0)
                lp_bound = bound if lp_bound is None else max(lp_bound, bound)
            if not new:
                break
            add([c for _, c in new])
            if lp_bound is not None and opts.goal != TARGET:
                watch.gap(piece.label, _gap(piece.n, g_value, float(int(lp_bound + 1e-6)), opts.goal))
        if watch.stopped():      # the listing and the LP found no plan yet: the first answer, with its bound
            return first_answer(len(known), None if lp_bound is None else float(int(lp_bound + 1e-6)))
    warm = [known[m] for m in g]
    res = master.solve_mip(max(0.5, deadline - time.perf_counter()), warm,
                           tie_seconds=min(2.0, 0.1 * opts.time_limit))
    if res.goal_value is None:      # no answer in time: the first one stands
        return first_answer(len(known))
    groups = [master.columns[k].mask for k in res.chosen]
    if cols.complete:
        bound = res.mip_bound if res.status != OPTIMAL else res.goal_value
        proven = res.status == OPTIMAL
    else:
        bound = None if lp_bound is None else float(int(lp_bound + 1e-6))
        proven = bound is not None and res.goal_value <= bound + 1e-9 and not res.uncovered
    if opts.goal == FEWEST and not res.uncovered:
        # every unit that must be grouped is touched: a bound however large the piece
        floor = float(piece.must.bit_count())
        bound = floor if bound is None else max(bound, floor)
        proven = proven or res.goal_value <= bound + 1e-9
    if opts.goal == TARGET:
        bound = res.goal_value if proven else None
    if res.uncovered:
        status = INFEASIBLE
    else:
        status = OPTIMAL if proven else FEASIBLE
    if bound is not None and opts.goal != TARGET:
        bound = min(bound, res.goal_value)
    missed = _missed(groups, opts.merged_away)
    if missed:
        status = INFEASIBLE
    return outcome(status, groups, res.uncovered, res.goal_value, bound, len(known), method, missed)


def _missed(groups: list[int], merged_away: tuple[int, int] | None) -> float:
    """How many units the plan is off a target count (0 without a target)."""
    if merged_away is None:
        return 0.0
    merged = sum(m.bit_count() - 1 for m in groups)
    lo, hi = merged_away
    return float(lo - merged if merged < lo else merged - hi if merged > hi else 0)


def solve_pieces(pieces: list[Piece], rules: RuleSet, opts: Options, workers: int = 2,
                 progress=None, watch: Watch = NEVER) -> list[PieceOutcome]:
    """Every piece, the large ones first, in ``workers`` processes when that pays; once
    ``watch`` says stop, each piece keeps the best plan it has (see core.propose.watch)."""
    order = sorted(range(len(pieces)), key=lambda k: -pieces[k].n)
    out: list[PieceOutcome | None] = [None] * len(pieces)
    big = sum(p.n for p in pieces) >= 120 and len(pieces) >= 2
    workers = max(1, min(workers, os.cpu_count() or 1, len(pieces)))

    def done(k: int, outcome: PieceOutcome) -> None:
        out[k] = outcome
        if progress:
            progress(outcome, sum(o is not None for o in out), len(pieces))

    if workers > 1 and big:
        import multiprocessing as mp
        from concurrent.futures import FIRST_COMPLETED, wait
        ctx = mp.get_context("spawn")
        stop = ctx.Event()
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=set_worker_event, initargs=(stop,)) as pool:
            futures = {pool.submit(_solve_in_worker, pieces[k], rules.spec, opts): k for k in order}
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                if watch.stopped():
                    stop.set()
                for fut in finished:
                    done(futures[fut], fut.result())
    else:
        for k in order:
            done(k, solve_piece(pieces[k], rules.spec, opts, watch))
    return out  # type: ignore[return-value]


def _solve_in_worker(piece: Piece, rules_spec: dict, opts: Options) -> PieceOutcome:
    return solve_piece(piece, rules_spec, opts, for_worker())
