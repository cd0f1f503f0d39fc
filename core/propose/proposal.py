"""``propose()``: the whole path from a request to a proposal with its reasons."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from core.common.messages import Message
from core.domain.model import Dataset
from core.domain.scenario import Scenario
from core.law.evaluation import evaluate
from core.law.rules import RuleSet
from core.law.verdict import GroupVerdict
from core.propose.columns import TARGET, Judge
from core.propose.explain import cannot_group, group_reasons
from core.propose.mip import FEASIBLE, INFEASIBLE, OPTIMAL
from core.propose.piece import Piece, bits
from core.propose.problem import build_problem
from core.propose.request import ProposalRequest, RequestError
from core.propose.solve import Options, PieceOutcome, solve_pieces
from core.propose.watch import Watch

STATUS_ORDER = (OPTIMAL, FEASIBLE, INFEASIBLE)


@dataclass
class ProposedGroup:
    members: list[str]
    seat: str
    name: str
    verdict: GroupVerdict | None       # None for a kept group (judged by the evaluation)
    why: list[Message]
    kept: bool = False


@dataclass
class PieceReport:
    label: str
    units: int
    must: int
    status: str
    gap: float | None
    seconds: float
    columns: int
    method: str
    units_after: int
    greedy_units_after: int
    greedy_seconds: float
    stopped: bool = False          # the planner stopped the search: the best plan found by then


@dataclass
class Proposal:
    rules_id: str
    goal: str
    groups: list[ProposedGroup]
    pieces: list[PieceReport]
    left_alone: dict[str, Message]
    unsatisfied: list[Message]
    units_before: int
    units_after: int
    seconds: float
    notes: list[Message] = field(default_factory=list)

    @property
    def stopped(self) -> bool:
        """The planner stopped the search before every piece was done: the best plan found so far."""
        return any(p.stopped for p in self.pieces)

    @property
    def status(self) -> str:
        if not self.pieces:
            return OPTIMAL if not self.unsatisfied else INFEASIBLE
        worst = max(STATUS_ORDER.index(p.status) for p in self.pieces)
        if self.unsatisfied and worst < STATUS_ORDER.index(INFEASIBLE):
            return INFEASIBLE
        return STATUS_ORDER[worst]

    def to_scenario(self, dataset: Dataset, name: str, base: Scenario | None = None) -> Scenario:
        s = Scenario(name, self.rules_id, description=Message("propose.description",
                                                          goal=Message(f"propose.goal.{self.goal}")).text("vi"))
        if base is not None:
            s.exemptions = dict(base.exemptions)
            s.overrides = dict(base.overrides)
        for g in self.groups:
            group = s.add_group(dataset, g.members, name=g.name, seat=g.seat)
            if g.kept and base is not None:
                old = next((b for b in base.groups if set(b.members) == set(g.members)), None)
                if old is not None:
                    group.kind, group.exception_reason = old.kind, old.exception_reason
                    group.exception_ground = old.exception_ground
        return s


def propose(dataset: Dataset, rules: RuleSet, request: ProposalRequest,
            shared: dict[tuple[str, str], float] | None = None, perimeter: dict[str, float] | None = None,
            progress=None, exact: bool = True, cancel=None, searching=None) -> Proposal:
    """A compliant plan for ``request`` under ``rules``; ``shared``/``perimeter``: boundary lengths
    in metres (from imported geometry) for the compactness tie-break. ``progress(report, done,
    total)`` is called as each piece is solved. ``exact=False``: the greedy answer only.

    ``cancel()``, asked often, True once the planner wants to stop: every piece then keeps the
    best plan found so far (the pieces not reached, the greedy one) and ``Proposal.stopped`` says
    so. ``searching(label, gap)``: the gap of the best plan of the piece being solved, as it
    improves (pieces solved in this process only; None while there is no bound)."""
    t0 = time.perf_counter()
    problem = build_problem(dataset, rules, request, shared, perimeter)
    pieces = problem.pieces
    merged_away = None
    if request.goal == TARGET and request.target[0] > len(problem.scope):
        raise RequestError("propose.target_above_units", low=request.target[0], units=len(problem.scope))
    if request.goal == TARGET:
        # one count over the whole area: its pieces are solved as one model
        pieces = [_union(pieces)] if len(pieces) > 1 else pieces
        fixed_after = len(problem.scope) - sum(p.n for p in pieces) \
            - sum(len(g.members) - 1 for g in problem.kept)
        lo, hi = request.target
        n_free = sum(p.n for p in pieces)
        merged_away = (max(0, n_free + fixed_after - hi), max(0, n_free + fixed_after - lo))
    opts = Options(request.goal, request.max_size, request.exceptions_allowed(), request.time_limit,
                   tuple(request.tie_breaks), request.column_budget, merged_away, exact)

    def report(outcome: PieceOutcome, done: int, total: int) -> None:
        if progress:
            progress(_piece_report(outcome), done, total)

    watch = Watch(cancel, searching)
    outcomes = solve_pieces(pieces, rules, opts, request.workers, report, watch) if pieces else []
    groups: list[ProposedGroup] = []
    unsatisfied: list[Message] = []
    in_group: set[str] = set()
    for g in problem.kept:
        groups.append(ProposedGroup(list(g.members), g.seat, g.name, None, [Message("propose.why_kept")], True))
        in_group |= set(g.members)
    for piece, out in zip(pieces, outcomes):
        j = Judge(piece, rules, opts.allow_exceptions)
        for mask in out.groups:
            idx = bits(mask)
            seat = max(idx, key=lambda i: piece.pop[i])
            members = [piece.codes[i] for i in idx]
            groups.append(ProposedGroup(members, piece.codes[seat], piece.units[seat].name, j.verdict(mask),
                                        group_reasons(piece, j, mask)))
            in_group |= set(members)
        for i in out.uncovered:
            unsatisfied.append(cannot_group(piece, j, i, request.max_size))
        if out.count_missed:
            unsatisfied.append(Message("propose.target_missed", low=request.target[0], high=request.target[1]))
    for code in sorted(request.locked):
        r = problem.results.get(code)
        if r is not None and r.must_merge and r.exemption is None:
            unsatisfied.append(Message("propose.locked_must_merge", unit=r.unit.name, code=code))
    left_alone: dict[str, Message] = {}
    for code in problem.scope:
        if code in in_group:
            continue
        r = problem.results[code]
        if code in request.locked:
            left_alone[code] = Message("propose.alone_locked")
        elif r.exemption is not None:
            left_alone[code] = Message("propose.alone_exempt", reason=r.exemption)
        elif not r.must_merge:
            left_alone[code] = Message("propose.alone_not_required", area_pct=r.area_pct,
                                       population_pct=r.population_pct)
        else:
            left_alone[code] = Message("propose.alone_unresolved")
    if request.base is not None and request.keep_base and problem.kept:
        trial = Scenario("trial", rules.id, groups=list(problem.kept), exemptions=dict(request.base.exemptions),
                         overrides=dict(request.base.overrides))
        for gr in evaluate(dataset, rules, trial).groups:
            if gr.verdict == "fails":
                unsatisfied.append(Message("propose.kept_group_fails", group=gr.group.name))
    before = len(problem.scope)
    after = before - sum(len(g.members) - 1 for g in groups)
    reports = [_piece_report(o) for o in outcomes]
    notes = [Message("propose.stopped", piece=p.label) for p in reports if p.stopped]
    notes += [Message("propose.not_proven", piece=p.label, method=Message(f"propose.method.{p.method.replace(' ', '_')}"))
              for p in reports if p.status == FEASIBLE and not p.stopped]
    return Proposal(rules.id, request.goal, groups, reports, left_alone, unsatisfied, before, after,
                    time.perf_counter() - t0, notes)


def _piece_report(o: PieceOutcome) -> PieceReport:
    merged = sum(m.bit_count() - 1 for m in o.groups)
    g_merged = sum(m.bit_count() - 1 for m in o.greedy_groups)
    return PieceReport(o.label, o.units, o.must, o.status, o.gap, o.seconds, o.columns, o.method,
                       o.units - merged, o.units - g_merged, o.greedy_seconds, o.stopped)


def _union(pieces: list[Piece]) -> Piece:
    """Several pieces as one (no edges between them), for a count over all of them."""
    codes, units, area, pop, nbr, district, shared, outer = [], [], [], [], [], [], {}, []
    must, together, preferred = 0, [], set()
    labels = []
    for p in pieces:
        off = len(codes)
        codes += p.codes
        units += p.units
        area += p.area
        pop += p.pop
        nbr += [m << off for m in p.nbr]
        district += [d + 10_000 * len(labels) for d in p.district]
        shared.update({(a + off, b + off): v for (a, b), v in p.shared.items()})
        outer += p.outer if p.outer else [0.0] * p.n
        must |= p.must << off
        together += [t << off for t in p.together]
        preferred |= {m << off for m in p.preferred}
        labels.append(p.label)
    label = labels[0] if len(set(labels)) == 1 else ", ".join(dict.fromkeys(labels))
    return Piece(label, codes, units, area, pop, nbr, must, together, district, shared, outer, frozenset(preferred))



