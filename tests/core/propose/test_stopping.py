"""The planner stops a long proposal: the best plan found so far is kept, compliant, and said to be so."""
from __future__ import annotations

import time

from core.law.evaluation import evaluate
from core.law.rules import get_rule_set
from core.propose import ProposalRequest, propose
from tests.core.propose.small import synthetic_small


def _compliant(dataset, rules, proposal) -> bool:
    result = evaluate(dataset, rules, proposal.to_scenario(dataset, "đề xuất"))
    return not result.unresolved and all(g.verdict != "fails" for g in result.groups)


def test_a_stop_asked_before_the_start_gives_the_first_answer_of_every_piece_and_says_so(dataset):
    rules = get_rule_set("nq653-2019")
    p = propose(dataset, rules, ProposalRequest(workers=1), cancel=lambda: True)
    assert p.stopped and p.groups and _compliant(dataset, rules, p)
    assert [piece.method for piece in p.pieces] == ["greedy"]
    said = [m.text("vi") for m in p.notes if m.code == "propose.stopped"]
    assert said == ["Huyện Châu Thành, Tỉnh Bến Tre: đã dừng theo yêu cầu; giữ phương án tốt nhất tìm được đến lúc đó, "
                    "chưa chứng minh tối ưu."]


def test_a_proposal_left_to_finish_is_not_marked_stopped(dataset):
    p = propose(dataset, get_rule_set("nq653-2019"), ProposalRequest(workers=1), cancel=lambda: False)
    assert not p.stopped and p.status == "optimal" and not p.notes


def test_stopping_a_long_search_returns_within_moments_with_a_compliant_plan():
    # 120 small xã: listing the candidate groups alone takes longer than the planner waits
    d = synthetic_small(120, 3, pop_scale=0.4, area_scale=0.4)
    rules = get_rule_set("nq653-2019")
    t0 = time.perf_counter()
    p = propose(d, rules, ProposalRequest(goal="most-units", workers=1, time_limit=120),
                cancel=lambda: time.perf_counter() - t0 > 1.0)
    assert time.perf_counter() - t0 < 8
    assert p.stopped and p.status != "optimal"
    assert p.groups and _compliant(d, rules, p)


def test_the_gap_of_the_piece_being_solved_is_told_as_the_search_goes():
    # 40 units: large enough that HiGHS is still searching after its first report (at 30 units the
    # re-encoded NQ 653 lets it finish before any bound is told).
    d = synthetic_small(40, 5, pop_scale=0.4, area_scale=0.4)
    told: list[tuple[str, float | None]] = []
    p = propose(d, get_rule_set("nq653-2019"), ProposalRequest(goal="most-units", workers=1, time_limit=4),
                searching=lambda label, gap: told.append((label, gap)))
    assert told[0] == (p.pieces[0].label, None)          # searching, no bound yet
    gaps = [g for _, g in told if g is not None]
    assert gaps and all(0 <= g <= 1 for g in gaps)
