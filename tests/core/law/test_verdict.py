"""The law's verdict on merged units, from their figures alone (``core.law.verdict.judge``)."""
from core.law.evaluation import evaluate
from core.law.rules import all_rule_sets, get_rule_set
from core.law.verdict import EXCEPTION, FAILS, MEETS, judge
from tests.conftest import code_of


def _judge_members(dataset, rules, codes, **kw):
    units = [dataset.units[c] for c in codes]
    return judge(rules, units, sum(u.area.value for u in units), sum(u.population.value for u in units), **kw)


def test_every_group_of_the_2019_plan_is_judged_by_judge_under_every_rule_set(project):
    d, s = project.dataset, project.get_scenario("Phương án 2019")
    for rules in all_rule_sets().values():
        for g in evaluate(d, rules, s).groups:
            v = _judge_members(d, rules, g.members, kind=g.group.kind, seat=d.units[g.group.seat],
                               exception_reason=g.group.exception_reason)
            assert (v.kind, v.meets_standard, v.exception, v.requirement) == \
                   (g.kind, g.meets_standard, g.exception, g.requirement)


def test_a_pair_short_of_area_says_which_minimum_it_misses(dataset):
    # Giao Long + Giao Hòa: 11.21 km² of 30 km², 8,699 people of 8,000 (NQ 653/2019, Điều 1).
    v = _judge_members(dataset, get_rule_set("nq653-2019"), [code_of(dataset, "Giao Long"), code_of(dataset, "Giao Hòa")])
    assert v.verdict == FAILS and v.short_of == ("area",)


def test_three_units_pass_by_the_nq653_exception_without_a_reason(dataset):
    # NQ 653/2019/UBTVQH14, Điều 1: a unit formed from 3 or more units is an exception.
    codes = [code_of(dataset, n) for n in ("An Hóa", "An Phước", "Phú An Hòa")]
    v = _judge_members(dataset, get_rule_set("nq653-2019"), codes)
    assert v.verdict == EXCEPTION and v.exception["id"] == "three-or-more"


def test_two_units_take_the_special_factors_exception_only_with_a_recorded_reason(dataset):
    codes = [code_of(dataset, "Giao Long"), code_of(dataset, "Giao Hòa")]
    rules = get_rule_set("nq653-2019")
    assert _judge_members(dataset, rules, codes).exception is None
    v = _judge_members(dataset, rules, codes, exception_reason="Cù lao, không thể nhập thêm")
    assert v.verdict == EXCEPTION and v.exception["id"] == "special-factors"


def test_a_chosen_kind_is_judged_against_its_own_standard(dataset):
    codes = [code_of(dataset, "Giao Long"), code_of(dataset, "Giao Hòa")]
    v = _judge_members(dataset, get_rule_set("nq653-2019"), codes, kind="phuong")
    # phường: 5.5 km² and 7,000 people (Điều 8 NQ 1211/2016): 11.21 km² and 8,699 people meet it.
    assert v.kind == "phuong" and v.default_kind == "xa" and v.verdict == MEETS
