"""What a planner checks in a proposal: every group passes the law, is contiguous and small enough,
locked units stay, what cannot be met is said in words, and the command stores it."""
from __future__ import annotations

import json

import pytest

from core.cli.run import main as cli_main
from core.law.evaluation import evaluate
from core.law.rules import all_rule_sets, get_rule_set
from core.propose import INFEASIBLE, OPTIMAL, ProposalRequest, RequestError, propose
from tests.conftest import code_of
from tests.core.propose.small import synthetic_small


@pytest.mark.parametrize("rid", list(all_rule_sets()))
@pytest.mark.parametrize("goal", ["fewest-changes", "most-units"])
def test_every_proposed_group_passes_the_evaluation_is_contiguous_and_within_the_size(dataset, rid, goal):
    rules = get_rule_set(rid)
    p = propose(dataset, rules, ProposalRequest(goal=goal, max_size=6, time_limit=20, workers=1))
    result = evaluate(dataset, rules, p.to_scenario(dataset, "đề xuất"))
    assert p.status == OPTIMAL
    assert not result.unresolved
    for g in result.groups:
        assert g.verdict != "fails" and g.contiguous and len(g.members) <= 6


def test_locked_units_stay_as_they_are_and_a_locked_must_merge_unit_is_reported(dataset):
    giao_hoa, tan_phu = code_of(dataset, "Giao Hòa"), code_of(dataset, "Tân Phú")
    p = propose(dataset, get_rule_set("nq35-2023"),
                ProposalRequest(locked=frozenset({giao_hoa, tan_phu}), workers=1))
    grouped = {c for g in p.groups for c in g.members}
    assert giao_hoa not in grouped and tan_phu not in grouped
    assert p.left_alone[tan_phu].code == "propose.alone_locked"
    # Giao Hòa must merge under NQ 35/2023 (below 70 % of both standards): locked, it stays unresolved, in words
    said = [m.text("vi") for m in p.unsatisfied if m.code == "propose.locked_must_merge"]
    assert said == [f"Giao Hòa ({giao_hoa}) thuộc diện phải sắp xếp nhưng được giữ nguyên theo yêu cầu: chưa được giải quyết."]


def test_units_asked_to_stay_together_end_in_one_group(dataset):
    pair = frozenset({code_of(dataset, "Tiên Thủy"), code_of(dataset, "Tiên Long")})
    p = propose(dataset, get_rule_set("nq653-2019"), ProposalRequest(together=(pair,), workers=1))
    assert any(pair <= set(g.members) for g in p.groups)
    assert p.status == OPTIMAL


def test_a_must_merge_unit_whose_neighbours_cannot_reach_the_minima_is_reported_in_words():
    # nine tiny xã: no group of at most two reaches 30 km² and 8,000 people (NQ 653/2019, Điều 1)
    d = synthetic_small(9, 6, pop_scale=0.3, area_scale=0.3)
    p = propose(d, get_rule_set("nq653-2019"), ProposalRequest(max_size=2, allow_exceptions=False, workers=1))
    assert p.status == INFEASIBLE
    texts = [m.text("vi") for m in p.unsatisfied]
    assert texts and all("phải sắp xếp, nhưng không có nhóm liền kề nào gồm nó và tối đa 2 đơn vị" in t for t in texts)
    assert all(m.text("en").endswith(".") for m in p.unsatisfied)


def test_starting_from_a_scenario_keeps_its_groups(project):
    base = project.get_scenario("Phương án 2019")
    p = propose(project.dataset, get_rule_set("nq35-2023"), ProposalRequest(base=base, workers=1))
    kept = {frozenset(g.members) for g in p.groups if g.kept}
    assert kept == {frozenset(g.members) for g in base.groups}


def test_a_request_for_an_unknown_province_is_refused_in_words(dataset):
    with pytest.raises(RequestError) as err:
        propose(dataset, get_rule_set("nq653-2019"), ProposalRequest(province="Cà Mau"))
    assert err.value.text("vi") == "Không có tỉnh “Cà Mau” trong dự án."


def test_propose_on_chau_thanh_under_nq653_is_proven_optimal_and_resolves_every_must_merge_unit(db_path, capsys):
    assert cli_main(["--db", str(db_path), "propose", "--rules", "nq653-2019", "--goal", "fewest-changes", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "optimal" and out["unresolved"] == [] and out["verdict"] == "pass"
    assert out["groups"] and all(g["verdict"] != "fails" for g in out["groups"])
    assert [p["status"] for p in out["pieces"]] == ["optimal"] and out["pieces"][0]["gap"] == 0
    assert {"units", "status", "gap", "seconds"} <= set(out["pieces"][0])
    assert out["units_before"] == 22 and out["units_after"] == 22 - sum(len(g["members"]) - 1 for g in out["groups"])
    # stored as a new scenario, which `check` judges the same
    assert cli_main(["--db", str(db_path), "check", out["scenario"], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "pass"


def test_the_proposed_scenario_describes_its_goal_in_the_planners_words(dataset):
    """The description goes into the dossier ("Mô tả phương án"): no goal id such as fewest-changes."""
    p = propose(dataset, get_rule_set("nq653-2019"), ProposalRequest(goal="fewest-changes", workers=1))
    description = p.to_scenario(dataset, "đề xuất").description
    assert description == "Phương án do công cụ đề xuất (mục tiêu: ít thay đổi nhất)."
