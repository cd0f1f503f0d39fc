"""Set partitioning over the candidate groups, solved by HiGHS (``highspy``).

One binary variable per candidate group. Each unit that must be grouped is covered exactly
once, every other unit at most once (left out: it stays as it is). The objective is the goal
— units touched (fewest changes) or units merged away (most units: the count after is
n − Σ(|G| − 1)) — plus the tie-break costs, scaled so that all of them together weigh less
than one unit of the goal. A target count K is the row Σ(|G| − 1)·x = n − K (a range for a
range of K). A slack per unit that must be grouped (at a cost above any plan) keeps the
model feasible, so a request that cannot be met still gets the plan that leaves the fewest
such units unresolved, and says which.
"""
from __future__ import annotations

import math
import os
import sys
import time
from dataclasses import dataclass

import numpy as np

from core.propose.columns import FEWEST, MOST, Column
from core.propose.piece import bits

OPTIMAL, FEASIBLE, INFEASIBLE = "optimal", "feasible", "infeasible"


def primary(goal: str, size: int) -> int:
    if goal == FEWEST:
        return size
    if goal == MOST:
        return size - 1
    return 0


@dataclass
class MipResult:
    status: str                 # OPTIMAL (goal proven over the columns), FEASIBLE, INFEASIBLE
    chosen: list[int]           # indices into the master's columns
    uncovered: list[int]        # units that must be grouped and are not (slack used)
    goal_value: float | None    # touched / merged away, None when no answer
    mip_bound: float | None     # HiGHS's bound on the goal over these columns
    seconds: float


_BANNER_SHOWN = False


def _highs(highspy):
    """A HiGHS instance; the banner it prints on the first one is kept off the command's output."""
    global _BANNER_SHOWN
    if _BANNER_SHOWN:
        return highspy.Highs()
    sys.stdout.flush()
    saved, devnull = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
        _BANNER_SHOWN = True


class Master:
    """The set-partitioning model; columns are added as they are found."""

    def __init__(self, n: int, must: int, goal: str, tie_max: float,
                 merged_away: tuple[int, int] | None = None, watch=None, label: str = "", gap_of=None) -> None:
        import highspy
        self.hs = highspy
        self.n, self.must, self.goal = n, must, goal
        self.count_row = n if merged_away is not None else None
        self.rows = n + (1 if merged_away is not None else 0)
        self.scale = 1.0 / ((n + 1) * max(tie_max, 1e-9)) if goal in (FEWEST, MOST) else 1.0
        # a slack costs more than any plan: n units of the goal, or every tie-break at its maximum
        self.penalty = float(n + 1) if goal in (FEWEST, MOST) else float((n + 1) * max(tie_max, 1.0))
        self.columns: list[Column] = []
        self.costs: list[float] = []
        self.slacks: list[int] = []           # unit of each slack variable, -1 for the count row
        h = self.h = _highs(highspy)
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("presolve", "off")   # probing thousands of binaries costs more than it saves here
        self.watch = watch
        if watch is not None:                 # the caller may stop it, and sees its gap (core.propose.watch)
            watch.attach(h, label, gap_of)
        lo = [1.0 if must >> i & 1 else 0.0 for i in range(n)]
        hi = [1.0] * n
        if merged_away is not None:
            lo.append(float(merged_away[0]))
            hi.append(float(merged_away[1]))
        h.addRows(self.rows, np.array(lo), np.array(hi), 0, np.array([], dtype=np.int32),
                  np.array([], dtype=np.int32), np.array([], dtype=float))
        slack_rows = bits(must)
        for i in slack_rows:
            self._add(self.penalty, [i], [1.0])
            self.slacks.append(i)
        if merged_away is not None:   # the count may be missed too, at the same price per unit
            self._add(self.penalty, [self.count_row], [1.0])
            self._add(self.penalty, [self.count_row], [-1.0])
            self.slacks += [-1, -1]
        self.first_column = len(self.slacks)

    def _add(self, cost: float, idx: list[int], val: list[float]) -> None:
        self.h.addCol(cost, 0.0, 1.0, len(idx), np.array(idx, dtype=np.int32), np.array(val, dtype=float))

    def add(self, columns: list[Column], tie_costs: list[float]) -> None:
        for c, t in zip(columns, tie_costs):
            idx = bits(c.mask)
            val = [1.0] * len(idx)
            if self.count_row is not None:
                idx.append(self.count_row)
                val.append(float(c.size - 1))
            cost = primary(self.goal, c.size) + self.scale * t
            self._add(cost, idx, val)
            self.columns.append(c)
            self.costs.append(cost)

    def cost_of(self, size: int, tie: float) -> float:
        return primary(self.goal, size) + self.scale * tie

    def solve_lp(self, time_limit: float) -> tuple[float, list[float], float]:
        """(objective — None unless solved to optimality —, duals of the unit rows, dual of the
        count row) of the LP relaxation over the columns so far."""
        h = self.h
        h.setOptionValue("time_limit", max(0.2, time_limit))
        h.run()
        sol = h.getSolution()
        duals = list(sol.row_dual)
        count_dual = duals[self.count_row] if self.count_row is not None else 0.0
        optimal = h.getModelStatus() == self.hs.HighsModelStatus.kOptimal
        return (h.getInfo().objective_function_value if optimal else None), duals[:self.n], count_dual

    def solve_mip(self, time_limit: float, warm: list[int] | None = None,
                  tie_seconds: float = 3.0) -> MipResult:
        """Two phases: the goal alone (integer costs, so its proof is quick), then, with the goal
        held at the value found, the tie-breaks for at most ``tie_seconds`` of the time left."""
        hs, h = self.hs, self.h
        t0 = time.perf_counter()
        total = self.first_column + len(self.columns)
        everything = np.arange(total, dtype=np.int32)
        h.changeColsIntegrality(total, everything, np.array([hs.HighsVarType.kInteger] * total))
        goal_costs = np.array([self.penalty] * self.first_column
                              + [float(primary(self.goal, c.size)) for c in self.columns])
        h.changeColsCost(total, everything, goal_costs)
        h.setOptionValue("time_limit", max(0.5, float(time_limit)))
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 0.999)       # the goal is integral
        if warm is not None:
            self._warm(warm, total)
        h.run()
        status, info = h.getModelStatus(), h.getInfo()
        if info.primal_solution_status < 2:
            return MipResult(INFEASIBLE if status == hs.HighsModelStatus.kInfeasible else FEASIBLE,
                             [], bits(self.must), None, None, time.perf_counter() - t0)
        proven = status == hs.HighsModelStatus.kOptimal
        bound = info.mip_dual_bound
        x = np.asarray(h.getSolution().col_value)
        found = float(goal_costs @ np.round(x))
        # phase 2: the goal held at the value found, the tie-breaks optimised from that plan
        left = min(tie_seconds, float(time_limit) - (time.perf_counter() - t0))
        if left > 0.2 and not (self.watch is not None and self.watch.stopped()):
            h.addRow(-np.inf, found + 1e-6, total, everything, goal_costs)
            h.changeColsCost(total, everything, np.array([self.penalty] * self.first_column + self.costs))
            h.setOptionValue("time_limit", left)
            h.setOptionValue("mip_rel_gap", 1e-3)
            h.setOptionValue("mip_abs_gap", 1e-6)
            sol = hs.HighsSolution()
            sol.col_value = list(np.round(x))
            sol.value_valid = True
            h.setSolution(sol)
            h.run()
            if h.getInfo().primal_solution_status >= 2:
                x = np.asarray(h.getSolution().col_value)
        chosen = [k for k in range(len(self.columns)) if x[self.first_column + k] > 0.5]
        uncovered = [u for s, u in enumerate(self.slacks) if u >= 0 and x[s] > 0.5]
        goal_value = float(sum(primary(self.goal, self.columns[k].size) for k in chosen))
        mip_bound = float(math.ceil(bound - 1e-6)) if math.isfinite(bound) else None
        if mip_bound is not None:
            # the bound counts slack at its price; on the goal alone it is no more than the value
            mip_bound = min(mip_bound, goal_value)
        return MipResult(OPTIMAL if proven else FEASIBLE, chosen, uncovered, goal_value, mip_bound,
                         time.perf_counter() - t0)

    def _warm(self, warm: list[int], total: int) -> None:
        hs = self.hs
        x = np.zeros(total)
        covered = 0
        for k in warm:
            x[self.first_column + k] = 1.0
            covered |= self.columns[k].mask
        for s, unit in enumerate(self.slacks):
            if unit >= 0 and not covered >> unit & 1:
                x[s] = 1.0
        sol = hs.HighsSolution()
        sol.col_value = list(x)
        sol.value_valid = True
        self.h.setSolution(sol)
