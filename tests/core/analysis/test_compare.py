"""Comparing scenarios: the 2019 plan against one that adds Phú An Hòa to An Hóa – An Phước."""
import pytest

from core.analysis.compare import compare
from core.cli.compare_text import comparison_json, comparison_text
from tests.conftest import code_of


@pytest.fixture
def plans(project, dataset):
    a = project.get_scenario("Phương án 2019")
    b = a.duplicate("Ba xã An Hóa, An Phước, Phú An Hòa")
    group = b.group_of(code_of(dataset, "An Hóa"))
    b.add_member(dataset, group.id, code_of(dataset, "Phú An Hòa"))
    return a, b


def texts(comp):
    return [d.text() for d in comp.differences]


def test_differences_say_who_merges_with_whom_in_each_scenario(dataset, plans):
    comp = compare(dataset, plans)
    assert texts(comp) == [
        "An Hóa: với An Phước trong A; với An Phước và Phú An Hòa trong B",
        "An Phước: với An Hóa trong A; với An Hóa và Phú An Hòa trong B",
        "Phú An Hòa: không sắp xếp trong A; với An Hóa và An Phước trong B",
        "Giao Long – Giao Hòa: giống nhau ở cả hai phương án",
        "Sơn Hòa – An Hiệp: giống nhau ở cả hai phương án",
    ]
    assert comp.differences[0].text("en") == "An Hóa: with An Phước in A; with An Phước and Phú An Hòa in B"
    assert comp.difference_for(code_of(dataset, "Giao Hòa")).same


def test_units_left_alone_in_both_scenarios_are_not_listed(dataset, plans):
    comp = compare(dataset, plans)
    assert comp.difference_for(code_of(dataset, "Tân Phú")) is None


def test_the_same_members_under_another_name_is_a_difference(dataset, plans):
    a, b = plans
    g = b.group_of(code_of(dataset, "Giao Long"))
    b.update_group(g.id, name="Giao Hòa", seat=code_of(dataset, "Giao Hòa"))
    diff = compare(dataset, [a, b]).difference_for(code_of(dataset, "Giao Long"))
    assert not diff.same
    assert diff.text() == ("Giao Long – Giao Hòa: cùng các đơn vị nhập; đơn vị mới Giao Long, trụ sở Giao Long "
                           "trong A; đơn vị mới Giao Hòa, trụ sở Giao Hòa trong B")


def test_measures_mark_the_better_value(dataset, plans):
    comp = compare(dataset, plans)
    after = comp.measure("units_after")
    assert after.values == (19, 18) and after.best == (1,)
    assert comp.measure("reduction_pct").text(1) == "18,18 % (giảm 4)"
    smallest = comp.measure("smallest_area")
    assert smallest.text(0) == "An Phước: 10,25 km²" and smallest.text(1) == "Giao Long: 11,21 km²"
    assert smallest.best == (1,)
    # Both plans' smallest unit by population is Giao Long: nothing to prefer.
    assert comp.measure("smallest_population").best == ()
    # A three-unit merger under NQ 653 falls under the exception instead of failing.
    assert comp.measure("groups_exception").values == (0, 1)
    assert comp.measure("groups_failing").best == (1,)
    assert comp.measure("largest_population").better is None


def test_scenarios_under_different_rule_sets_can_be_judged_under_either(dataset, plans):
    a, b = plans
    b.set_rules("nq35-2023")
    own = compare(dataset, [a, b])
    assert own.rule_ids == ["nq653-2019", "nq35-2023"] and own.mixed_rules
    under_35 = compare(dataset, [a, b], rules="nq35-2023")
    assert under_35.rule_ids == ["nq35-2023", "nq35-2023"] and not under_35.mixed_rules
    # Under NQ 35/2023 Phú An Hòa must merge: A leaves it out, B takes it in.
    phu_an_hoa = code_of(dataset, "Phú An Hòa")
    assert phu_an_hoa in under_35.results[0].unresolved and phu_an_hoa not in under_35.results[1].unresolved
    assert "Phú An Hòa: không sắp xếp dù thuộc diện phải sắp xếp trong A" in texts(under_35)[2]
    under_653 = compare(dataset, [a, b], rules="nq653-2019")
    assert under_653.rule_ids == ["nq653-2019", "nq653-2019"]


def test_the_same_merger_has_the_same_colour_on_both_maps(dataset, plans):
    comp = compare(dataset, plans)
    a, b = comp.maps
    giao_long, an_hoa = code_of(dataset, "Giao Long"), code_of(dataset, "An Hóa")
    assert a.unit_colour[giao_long] == b.unit_colour[giao_long]
    assert a.unit_colour[an_hoa] != b.unit_colour[an_hoa]
    assert a.unit_colour[code_of(dataset, "Tân Phú")] == b.unit_colour[code_of(dataset, "Tân Phú")]
    assert [name for name, _, _ in b.legend] == ["Giao Long", "An Phước", "An Hiệp"]
    assert len(b.legend[1][2]) == 3


def test_text_and_json_views_carry_measures_and_differences(dataset, plans):
    comp = compare(dataset, plans)
    text = comparison_text(comp)
    assert "Số đơn vị sau sắp xếp" in text and "18 ✓" in text
    assert "- An Hóa: với An Phước trong A; với An Phước và Phú An Hòa trong B" in text
    data = comparison_json(comp)
    assert data["measures"][1]["values"] == [19, 18] and data["measures"][1]["best"] == ["B"]
    assert data["differences"][2]["placements"][0]["group"] is None


def test_a_comparison_needs_two_scenarios(dataset, plans):
    with pytest.raises(ValueError):
        compare(dataset, plans[:1])


def test_one_failing_merger_of_one_is_no_better_than_three_failing_of_three(project, dataset):
    every = project.get_scenario("Phương án 2019")                 # three pairs, each below NQ 653's standard
    one = every.duplicate("Chỉ Giao Long")
    for g in list(one.groups):
        if code_of(dataset, "Giao Long") not in g.members:
            one.dissolve(g.id)
    comp = compare(dataset, [every, one])
    assert [sum(g.verdict == "fails" for g in r.groups) for r in comp.results] == [3, 1]
    assert [len(r.groups) for r in comp.results] == [3, 1]
    failing = comp.measure("groups_failing")
    assert failing.values == (3, 1) and failing.best == ()          # every merger fails in both
