"""On graphs of at most 10 units the proposer finds what trying every partition finds, for each goal."""
from __future__ import annotations

import pytest

from core.law.rules import get_rule_set
from core.propose import INFEASIBLE, OPTIMAL, ProposalRequest, propose
from tests.conftest import code_of
from tests.core.propose.small import brute_force, sub_dataset, synthetic_small

CHAU_THANH_WEST = ["Giao Long", "Giao Hòa", "An Hóa", "An Phước", "Phú An Hòa", "Tân Thạch",
                   "An Khánh", "Châu Thành", "Quới Sơn"]


def _cases(dataset):
    west = sub_dataset(dataset, [code_of(dataset, n) for n in CHAU_THANH_WEST])
    return [
        ("Châu Thành west, NQ 35/2023", west, "nq35-2023"),
        ("Châu Thành west, NQ 76/2025", west, "nq76-2025"),
        ("synthetic 9, small figures, NQ 653", synthetic_small(9, 6, pop_scale=0.4, area_scale=0.4), "nq653-2019"),
        ("synthetic 10, NQ 35/2026", synthetic_small(10, 5), "nq35-2026"),
        ("synthetic 10, NQ 76/2025", synthetic_small(10, 7, area_scale=0.8), "nq76-2025"),
    ]


def _touched(partition):
    return sum(len(b) for b in partition if len(b) > 1)


@pytest.mark.parametrize("case", range(5))
@pytest.mark.parametrize("exceptions", [True, False])
def test_fewest_changes_and_most_units_equal_the_best_partition(dataset, case, exceptions):
    label, d, rid = _cases(dataset)[case]
    rules = get_rule_set(rid)
    partitions = brute_force(d, rules, 8, exceptions)
    for goal in ("fewest-changes", "most-units"):
        p = propose(d, rules, ProposalRequest(goal=goal, allow_exceptions=exceptions, time_limit=20, workers=1))
        if not partitions:
            assert p.status == INFEASIBLE and p.unsatisfied, label
            continue
        assert p.status == OPTIMAL, (label, goal)
        if goal == "fewest-changes":
            assert sum(len(g.members) for g in p.groups) == min(_touched(q) for q in partitions), label
        else:
            assert p.units_after == max(len(q) for q in partitions), label


@pytest.mark.parametrize("case", [0, 2, 4])
def test_a_target_count_is_met_exactly_when_some_partition_has_that_many_units(dataset, case):
    label, d, rid = _cases(dataset)[case]
    rules = get_rule_set(rid)
    counts = {len(q) for q in brute_force(d, rules, 8, True)}
    for k in range(1, len(d.units) + 1):
        p = propose(d, rules, ProposalRequest(goal="target", target=(k, k), time_limit=20, workers=1))
        if k in counts:
            assert p.status == OPTIMAL and p.units_after == k, (label, k)
        else:
            assert p.status == INFEASIBLE and p.unsatisfied, (label, k)


@pytest.mark.parametrize("case", [0, 2, 3])
def test_column_generation_proves_the_same_best_plan_when_the_groups_cannot_all_be_listed(dataset, case):
    label, d, rid = _cases(dataset)[case]
    rules = get_rule_set(rid)
    partitions = brute_force(d, rules, 8, True)
    p = propose(d, rules, ProposalRequest(goal="fewest-changes", column_budget=40, time_limit=30, workers=1))
    assert {x.method for x in p.pieces} == {"column generation"}, label
    assert sum(len(g.members) for g in p.groups) == min(_touched(q) for q in partitions), label
    assert p.status in (OPTIMAL, "feasible") and all(x.gap is not None for x in p.pieces), label
