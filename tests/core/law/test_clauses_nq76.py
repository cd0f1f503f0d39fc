"""NQ 76/2025/UBTVQH15, clause by clause (full text read: notes/law/src, FINDINGS §1)."""
from dataclasses import replace

import pytest

from core.domain.classification import with_values
from core.domain.model import Dataset, Figure, Unit
from core.domain.scenario import Scenario, ScenarioError
from core.law.evaluation import EXCEPTION, FAILS, MEETS, NOT_CONSIDERED, evaluate, evaluate_unit
from core.law.rules import get_rule_set
from core.law.verdict import judge
from core.law.wording import finding_text, group_verdict_label
from tests.conftest import code_of

NQ76 = "Nghị quyết số 76/2025/UBTVQH15"


@pytest.fixture
def rules():
    return get_rule_set("nq76-2025")


def _units(dataset, *names):
    return [dataset.units[code_of(dataset, n)] for n in names]


def _judge(rules, units, **kw):
    return judge(rules, units, sum(u.area.value for u in units), sum(u.population.value for u in units), **kw)


def _unit(code, kind, pop, area, **kw):
    return Unit(code=code, name=kw.pop("name", f"Đơn vị {code}"), kind=kind, population=Figure(pop),
                area=Figure(area), province=kw.pop("province", "Tỉnh Thử"), district=kw.pop("district", "Huyện A"),
                **kw)


def test_nq76_dieu17_khoan1_the_rule_set_applies_from_15_april_2025(rules):
    assert rules.period["from"] == "2025-04-15" and "khoản 1 Điều 17" in rules.period["article"]


def test_nq76_dieu6_khoan3_figures_are_those_of_31_december_2024(rules):
    assert rules.figures["reference_date"] == "2024-12-31"
    assert rules.figures["article"] == f"khoản 3 Điều 6 {NQ76}"


def test_nq76_dieu2_khoan3_a_unit_whose_area_or_population_is_below_its_standard_is_arranged(dataset, rules):
    # Tân Thạch: 10.07 km² of 30 km² but 11,202 people of 8,000: the area alone makes it one to arrange.
    r = evaluate_unit(dataset.units[code_of(dataset, "Tân Thạch")], rules)
    assert [c.id for c in r.criteria] == ["area-below-standard"]
    assert r.criteria[0].article == f"khoản 3 Điều 2 {NQ76}"
    # Giao Hòa is below on both: both criteria name it.
    both = evaluate_unit(dataset.units[code_of(dataset, "Giao Hòa")], rules)
    assert {c.id for c in both.criteria} == {"area-below-standard", "population-below-standard"}


def test_nq76_dieu2_khoan3_a_unit_that_meets_both_standards_need_not_be_arranged(rules):
    big = _unit("00001", "xa", 9000, 31.0)
    assert not evaluate_unit(big, rules).must_merge


def test_nq76_dieu3_only_an_isolated_position_or_defence_security_sovereignty_exempt_a_unit(rules):
    grounds = {g.id: g for g in rules.grounds}
    assert set(grounds) == {"isolated", "defence-security-sovereignty", "other"}
    assert grounds["other"].not_a_ground
    assert all(g.article == f"Điều 3 {NQ76}" for g in grounds.values())


def test_nq76_dieu5_khoan1_diem_a_a_mountainous_or_highland_xa_needs_200_percent_area_and_100_percent_population(rules):
    for terrain in ("mountainous", "highland"):
        req = rules.requirement_for("xa", terrain)
        assert (req.area_km2, req.population, req.area_pct, req.population_pct) == (100, 5000, 200, 100)
        assert req.article == f"điểm a khoản 1 Điều 5 {NQ76}"


def test_nq76_dieu5_khoan1_diem_b_another_xa_needs_200_percent_population_and_100_percent_area(rules):
    req = rules.requirement_for("xa", "lowland")
    assert (req.area_km2, req.population) == (30, 16000)
    assert req.article == f"điểm b khoản 1 Điều 5 {NQ76}"


@pytest.mark.parametrize("classification, parent, population", [
    ({"province_type": "tp_tw"}, "quan", 45000),                              # centrally-governed city
    ({"province_type": "tp_tw", "terrain": "mountainous"}, "thi_xa", 45000),  # the city rule comes first
    ({"province_type": "tinh", "terrain": "mountainous"}, "thanh_pho", 15000),
    ({"province_type": "tinh", "terrain": "highland"}, "thi_xa", 15000),
    ({"province_type": "tinh", "border": True}, "thi_xa", 15000),
    ({"province_type": "tinh"}, "quan", 21000),                               # not "under a quận": 21,000
    ({"province_type": "tinh"}, "thanh_pho", 21000),
])
def test_nq76_dieu5_khoan1_diem_c_a_phuong_needs_5_5_km2_and_45000_15000_or_21000_people(
        rules, classification, parent, population):
    c = dict(classification)
    terrain = c.pop("terrain", "lowland")
    req = rules.requirement_for("phuong", terrain, parent, **c)
    assert (req.area_km2, req.population) == (5.5, population)
    assert req.article.startswith(f"điểm c khoản 1 Điều 5 {NQ76}")


def test_nq76_dieu5_khoan1_diem_d_units_of_an_island_district_are_not_judged_on_figures(rules):
    a = _unit("00001", "xa", 1500, 4.0, island_district=True)
    b = _unit("00002", "xa", 1200, 3.0, island_district=True)
    v = _judge(rules, [a, b])
    assert v.verdict == NOT_CONSIDERED and v.requirement.exempt
    assert v.exception["article"] == f"điểm d khoản 1 Điều 5 {NQ76}" and v.exception["automatic"]


def test_nq76_dieu5_khoan2_three_or_more_units_are_not_considered_against_the_targets(dataset, rules):
    # An Hóa + An Phước + Phú An Hòa: 15.87 km², 20,270 people – below the xã targets (30 km²,
    # 16,000), formed from 3 units: the targets need not be considered.
    s = Scenario("2025", "nq76-2025")
    s.add_group(dataset, [code_of(dataset, n) for n in ("An Hóa", "An Phước", "Phú An Hòa")])
    g = evaluate(dataset, rules, s).groups[0]
    assert not g.meets_standard and g.verdict == NOT_CONSIDERED
    assert g.exception["id"] == "three-or-more" and g.exception["automatic"]
    assert g.verdict_article == f"khoản 2 Điều 5 {NQ76}"
    assert group_verdict_label(g, "vi") == f"Không phải xem xét định hướng về tiêu chuẩn (khoản 2 Điều 5 {NQ76})"
    said = [finding_text(f, "vi") for f in g.findings if f.code == "not_considered"]
    assert said and "khoản 2 Điều 5" in said[0] and "tự động" in said[0]


def test_nq76_dieu5_khoan2_a_five_unit_phuong_below_21000_people_is_not_considered(rules):
    wards = [_unit(f"0000{i}", "phuong", 3000, 1.2, parent="thanh_pho") for i in range(1, 6)]
    v = _judge(rules, wards)
    assert v.kind == "phuong" and v.population < v.requirement.population and v.verdict == NOT_CONSIDERED


def test_nq76_dieu5_khoan3_two_units_below_the_targets_need_the_standing_committees_decision(dataset, rules):
    pair = _units(dataset, "Giao Long", "Giao Hòa")
    plain = _judge(rules, pair)
    assert plain.verdict == FAILS and plain.exception is None
    assert [e.id for e in rules.grounds_for(2)] == ["standing-committee-decision"]
    decided = _judge(rules, pair, exception_ground="standing-committee-decision",
                     exception_reason="Nghị quyết số 9999/NQ-UBTVQH15 (ví dụ)")
    assert decided.verdict == EXCEPTION and decided.exception["article"] == f"khoản 3 Điều 5 {NQ76}"
    assert decided.exception["reason"].startswith("Nghị quyết số 9999")
    # khoản 3 is for the cases not under khoản 2: it is not a ground for 3 units.
    assert rules.grounds_for(3) == ()


def test_nq76_dieu5_khoan3_the_session_refuses_the_decision_ground_without_its_text(project):
    from core.domain.commands import SetGroupException
    from core.session import Session
    session = Session(project)
    session.open("Phương án 2019")
    from core.domain.commands import SetRules
    session.do(SetRules("nq76-2025"))
    gid = session.scenario.groups[0].id
    with pytest.raises(ScenarioError) as refused:
        session.do(SetGroupException(gid, "", "standing-committee-decision"))
    assert "cần ghi rõ nội dung" in refused.value.text("vi")
    with pytest.raises(ScenarioError) as unknown:
        session.do(SetGroupException(gid, "x", "special-factors"))       # a ground of NQ 653, not of NQ 76
    assert "standing-committee-decision" in unknown.value.text("vi")


def test_nq76_dieu1_khoan3_a_phuong_arranged_with_a_xa_gives_a_phuong(rules):
    ward = _unit("00001", "phuong", 9000, 2.0, parent="thanh_pho")
    xa = _unit("00002", "xa", 6000, 11.0)
    v = _judge(rules, [ward, xa])
    assert v.kind == v.default_kind == "phuong"
    assert rules.resulting_kind_rule["article"] == f"khoản 3 Điều 1 {NQ76}"


def test_nq76_dieu1_khoan3_xa_and_thi_tran_arranged_give_a_xa_and_no_thi_tran_is_formed(dataset, rules):
    members = _units(dataset, "Châu Thành", "An Khánh")          # thị trấn + xã
    v = _judge(rules, members)
    assert v.kind == "xa"
    chosen = _judge(rules, members, kind="thi_tran")
    assert not chosen.kind_allowed and chosen.verdict == FAILS


def test_nq76_dieu7_khoan2_diem_c_names_are_unique_in_the_province_with_their_tone_marks(rules):
    units = {u.code: u for u in (
        _unit("00001", "xa", 9000, 20.0, name="Sơn Hà", district="Huyện A"),
        _unit("00002", "xa", 9000, 20.0, name="Hòa Bình", district="Huyện A"),
        _unit("00003", "xa", 9000, 20.0, name="Sơn Hạ", district="Huyện B"),
        _unit("00004", "xa", 9000, 20.0, name="Cẩm Giàng", district="Huyện B"),
        _unit("00005", "xa", 9000, 20.0, name="Cẩm Giang", district="Huyện C"))}
    d = Dataset("thử", units, {("00001", "00002")})
    s = Scenario("tên", "nq76-2025")
    g = s.add_group(d, ["00001", "00002"], name="Cẩm Giang")
    assert evaluate(d, rules, s).groups[0].name_clashes == ["Cẩm Giang"]      # another district, same province
    s.update_group(g.id, name="Sơn Hạ")              # "Sơn Hà" ≠ "Sơn Hạ": Sơn Hạ is taken, elsewhere
    clash = evaluate(d, rules, s).groups[0]
    assert clash.name_clashes == ["Sơn Hạ"]
    assert f"điểm c khoản 2 Điều 7 {NQ76}" in [f.article for f in clash.findings if f.code == "name_clash"]
    s.update_group(g.id, name="Cẩm Giàng Mới")
    assert evaluate(d, rules, s).groups[0].name_clashes == []
    s.update_group(g.id, name="Sơn Hà")              # its own member's name: no clash
    assert evaluate(d, rules, s).groups[0].name_clashes == []
    # Before 2025 the scope is the district: the same names in other districts do not clash.
    s.update_group(g.id, name="Cẩm Giang")
    assert evaluate(d, get_rule_set("nq653-2019"), s).groups[0].name_clashes == []


def test_nq76_dieu7_khoan2_diem_c_the_province_to_be_formed_is_listed_as_uncertain(rules):
    assert rules.names.scope == "province" and rules.names.uncertain
    assert any(u["what"] == "names-new-province" for u in rules.uncertain)


def test_nq76_dieu2_khoan7_urban_class_is_not_applied_to_the_units_formed(rules):
    assert any(n["article"] == f"khoản 7 Điều 2 {NQ76}" for n in rules.not_applied)


def test_nq76_a_mountainous_member_makes_the_terrain_mixed_and_the_verdict_says_so(dataset, rules):
    a, b = _units(dataset, "Giao Long", "Giao Hòa")
    a = with_values(a, {"terrain": "mountainous", "ethnic_minority_pct": 10}, "Quyết định thử")
    s = Scenario("x", "nq76-2025")
    dataset.units[a.code] = a
    s.add_group(dataset, [a.code, b.code], seat=b.code)
    g = evaluate(dataset, rules, s).groups[0]
    assert g.classification.mixed == ("terrain",)
    assert any(f.code == "classification_mixed" for f in g.findings)
    assert g.requirement.population == 16000          # the seat's terrain (lowland): point b


def test_nq76_meets_the_targets_in_its_own_words(rules):
    a, b = _unit("00001", "xa", 9000, 20.0), _unit("00002", "xa", 8000, 15.0)
    v = _judge(rules, [a, b])
    assert v.verdict == MEETS
    from core.law.wording import verdict_label
    assert verdict_label(MEETS, "vi", rules.wording) == "Đạt định hướng về tiêu chuẩn"


def test_nq76_a_dac_khu_is_a_kind_the_planner_may_choose_and_has_no_figure_target(rules):
    a, b = _unit("00001", "xa", 3000, 10.0), _unit("00002", "xa", 2000, 8.0)
    v = _judge(rules, [replace(a), b], kind="dac_khu")
    assert v.kind_allowed and v.verdict == NOT_CONSIDERED and v.requirement.uncertain
