"""NQ 653/2019, NQ 35/2023 (texts not read in full: their unverified points are listed) and the
reductions of Điều 3a NQ 1211/2016 as amended by NQ 27/2022."""
from dataclasses import replace

import pytest

from core.domain.classification import with_values
from core.domain.model import Figure, Unit
from core.domain.scenario import Scenario
from core.law.evaluation import EXCEPTION, FAILS, MEETS, evaluate, evaluate_unit
from core.law.rules import all_rule_sets, get_rule_set
from core.law.verdict import NEEDS_TEXT, judge
from core.law.wording import finding_text
from tests.conftest import code_of

NQ653, NQ35, NQ76 = "Nghị quyết số 653/2019/UBTVQH14", "Nghị quyết số 35/2023/UBTVQH15", "Nghị quyết số 76/2025/UBTVQH15"


def _judge(rules, units, **kw):
    return judge(rules, units, sum(u.area.value for u in units), sum(u.population.value for u in units), **kw)


def _units(dataset, *names):
    return [dataset.units[code_of(dataset, n)] for n in names]


def _xa(code, pop, area, **kw):
    return Unit(code=code, name=f"Xã {code}", kind="xa", population=Figure(pop), area=Figure(area),
                province="Tỉnh Thử", district="Huyện A", **kw)


# ----- NQ 653/2019 ------------------------------------------------------------------------------

def test_nq653_dieu1_only_giao_hoa_of_chau_thanh_is_below_half_of_both_standards(dataset):
    rules = get_rule_set("nq653-2019")
    must = [u.name for u in dataset.units.values() if evaluate_unit(u, rules).must_merge]
    assert must == ["Giao Hòa"]        # as the Bến Tre review of 2018–2019 found (FINDINGS §3)
    crit = rules.criteria[0]
    assert crit.article == f"Điều 1 {NQ653}" and not crit.uncertain


def test_nq653_a_unit_formed_from_three_or_more_units_is_an_exception_by_itself(dataset):
    v = _judge(get_rule_set("nq653-2019"), _units(dataset, "An Hóa", "An Phước", "Phú An Hòa"))
    assert v.verdict == EXCEPTION and v.exception["automatic"] and v.exception["id"] == "three-or-more"


def test_nq653_giao_long_and_giao_hoa_with_the_special_factors_ground_are_an_exception(dataset):
    # The 2020 merger (NQ 856/NQ-UBTVQH14, number unverified): 11.209 km², below 30 km², from 2 units.
    rules = get_rule_set("nq653-2019")
    pair = _units(dataset, "Giao Long", "Giao Hòa")
    assert _judge(rules, pair).verdict == FAILS
    v = _judge(rules, pair, exception_ground="special-factors",
               exception_reason="Cù lao, không thể nhập thêm xã liền kề")
    assert v.verdict == EXCEPTION and v.exception["ground"] == "special-factors"
    assert v.exception["article"].startswith(NQ653)
    without_text = _judge(rules, pair, exception_ground="special-factors")
    assert without_text.verdict == FAILS and without_text.recorded_problem == NEEDS_TEXT


def test_nq653_the_special_factors_ground_is_for_exactly_two_units(dataset):
    rules = get_rule_set("nq653-2019")
    [ground] = rules.grounds_for(2)
    assert ground.id == "special-factors" and rules.grounds_for(4) == ()
    assert ground.fits(2) and not ground.fits(3)


def test_nq653_an_older_plain_text_reason_takes_the_ground_that_fits(dataset):
    v = _judge(get_rule_set("nq653-2019"), _units(dataset, "Giao Long", "Giao Hòa"), exception_reason="Cù lao")
    assert v.verdict == EXCEPTION and v.exception["ground"] == "special-factors"


def test_nq653_names_are_unique_within_the_district_and_the_scope_is_unverified():
    rules = get_rule_set("nq653-2019")
    assert rules.names.scope == "district" and rules.names.uncertain


def test_nq653_has_no_reductions_of_2022():
    rules = get_rule_set("nq653-2019")
    std = rules.standard_for("xa", "mountainous", border=True, ethnic_minority_pct=80)
    assert (std.population, std.area_km2, std.reductions) == (5000, 50, ())


# ----- NQ 35/2023 -------------------------------------------------------------------------------

def test_nq35_criteria_cover_every_commune_level_kind_and_are_marked_unverified():
    rules = get_rule_set("nq35-2023")
    for crit in rules.criteria:
        assert set(crit.kinds) == {"xa", "thi_tran", "phuong"} and crit.uncertain
        assert crit.article.startswith(NQ35) and "chưa xác minh" in crit.article


def test_nq35_a_phuong_and_a_thi_tran_below_20_percent_of_the_area_are_to_be_arranged():
    rules = get_rule_set("nq35-2023")
    ward = Unit(code="00001", name="Phường 1", kind="phuong", population=Figure(20000), area=Figure(1.0),
                parent="thanh_pho")            # 18 % of 5.5 km², 286 % of 7,000
    town = Unit(code="00002", name="Thị trấn", kind="thi_tran", population=Figure(9000), area=Figure(2.5))
    assert [c.id for c in evaluate_unit(ward, rules).criteria] == ["area-below-20"]
    assert [c.id for c in evaluate_unit(town, rules).criteria] == ["area-below-20"]


def test_nq35_the_thi_tran_of_chau_thanh_is_below_70_percent_of_both():
    rules = get_rule_set("nq35-2023")
    town = Unit(code="28801", name="Châu Thành", kind="thi_tran", population=Figure(4658), area=Figure(3.169))
    assert "both-below-70" in [c.id for c in evaluate_unit(town, rules).criteria]


def test_nq35_three_units_below_the_standard_are_not_an_exception_by_themselves(dataset):
    # Nothing read supports a "3 or more" exception in NQ 35: it is not copied from NQ 653 or NQ 76.
    rules = get_rule_set("nq35-2023")
    three = _units(dataset, "An Phước", "Phú An Hòa", "An Hóa")
    assert rules.automatic_exceptions == ()
    v = _judge(rules, three)
    assert v.verdict == FAILS
    approved = _judge(rules, three, exception_ground="approved-below-standard",
                      exception_reason="Nghị quyết số 1237/NQ-UBTVQH15 ngày 24/10/2024")
    assert approved.verdict == EXCEPTION and approved.exception["uncertain"]


def test_nq35_thi_tran_chau_thanh_and_an_khanh_form_a_thi_tran_that_meets_its_standard(dataset):
    # 2024 (NQ 1237/NQ-UBTVQH15, secondary source): An Khánh merged into thị trấn Châu Thành.
    v = _judge(get_rule_set("nq35-2023"), _units(dataset, "Châu Thành", "An Khánh"))
    assert v.kind == "thi_tran" and v.verdict == MEETS        # 14.79 km² ≥ 14, 14,350 ≥ 8,000


def test_nq35_dieu3_a_unit_arranged_in_2019_2021_need_not_be_arranged_again(dataset):
    # The state history (successive rounds) records arranged_in; until it does, a planner's exemption.
    rules = get_rule_set("nq35-2023")
    giao_long = replace(dataset.units[code_of(dataset, "Giao Long")], arranged_in="nq653-2019")
    r = evaluate_unit(giao_long, rules)
    assert r.must_merge and r.auto_exemption is not None and r.auto_exemption.id == "arranged-before"
    assert not r.unresolved
    assert evaluate_unit(giao_long, get_rule_set("nq76-2025")).unresolved      # NQ 76 Điều 3 has no such ground


def test_nq35_ends_on_14_april_2025_repealed_by_nq76_dieu17_khoan2():
    rules = get_rule_set("nq35-2023")
    assert rules.period["to"] == "2025-04-14"
    assert rules.repealed_by.startswith(f"khoản 2 Điều 17 {NQ76}")
    assert rules.in_force


def test_nq35_2026_is_kept_only_for_simulation_and_every_check_says_it_has_no_legal_force(dataset):
    rules = get_rule_set("nq35-2026")
    assert not rules.in_force and rules.repealed_by.startswith(f"khoản 2 Điều 17 {NQ76}")
    res = evaluate(dataset, rules, Scenario("mô phỏng", "nq35-2026"))
    note = next(f for f in res.notes if f.code == "rules_not_in_force")
    assert "không có căn cứ pháp lý" in finding_text(note, "vi") and note.severity == "warning"


def test_every_rule_set_lists_its_unverified_points_in_both_languages():
    for rules in all_rule_sets().values():
        assert rules.uncertain
        for item in rules.uncertain:
            assert item["text"]["vi"] and item["text"]["en"] and item["what"]


# ----- Điều 3a NQ 1211/2016, added by NQ 27/2022 (figures from the domain facts: unverified) -------

@pytest.mark.parametrize("classification, population, area", [
    ({"terrain": "mountainous", "ethnic_minority_pct": 35}, 2500, 50),     # 50 %
    ({"terrain": "highland", "ethnic_minority_pct": 55}, 2000, 50),        # 50 − 2 × 5 = 40 %
    ({"terrain": "mountainous", "ethnic_minority_pct": 100}, 1000, 50),    # never below 20 %
    ({"terrain": "mountainous", "ethnic_minority_pct": 20}, 5000, 50),     # below 30 %: none
    ({"terrain": "lowland", "border": True}, 4000, 30),
    ({"terrain": "lowland", "bai_ngang": True}, 4000, 30),
    ({"terrain": "lowland", "red_river_delta": True}, 8000, 21),           # area 70 %
    ({"terrain": "lowland", "border": True, "red_river_delta": True}, 4000, 21),
])
def test_dieu3a_nq1211_reductions_of_the_xa_standard_one_per_figure(classification, population, area):
    c = dict(classification)
    std = get_rule_set("nq35-2023").standard_for("xa", c.pop("terrain"), **c)
    assert (std.population, std.area_km2) == pytest.approx((population, area))
    if std.reductions:
        assert all(r.uncertain and "Điều 3a" in r.article for r in std.reductions)


def test_dieu3a_a_reduced_standard_is_said_and_flagged_as_unverified_in_the_verdict(dataset):
    rules = get_rule_set("nq76-2025")
    a, b = _units(dataset, "Giao Long", "Giao Hòa")
    a, b = (with_values(u, {"terrain": "mountainous", "ethnic_minority_pct": 70}, "Quyết định thử") for u in (a, b))
    v = _judge(rules, [a, b])
    assert v.standard.population == 1500          # 5,000 × (50 − 4 × 5) % for a 70 % share
    dataset.units.update({a.code: a, b.code: b})
    s = Scenario("x", "nq76-2025")
    s.add_group(dataset, [a.code, b.code])
    g = evaluate(dataset, rules, s).groups[0]
    codes = [f.code for f in g.findings]
    assert "standard_reduced" in codes and "uncertain_clauses" in codes
