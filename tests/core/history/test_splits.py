"""Split units and transfers out (issue 11 items 7–8): parts' sums equal the unit's, the remainder
gets what the other parts leave, parts may not exceed the unit, a transferred unit is not unresolved."""
from __future__ import annotations

import pytest

from core.domain.scenario import Scenario, ScenarioError
from core.domain.scenario_io import from_dict, to_dict
from core.law.evaluation import evaluate
from core.law.rules import get_rule_set

GIAO_HOA, GIAO_LONG, QUOI_SON, AN_HOA = "28816", "28813", "28807", "28849"


def scenario_with(dataset, groups, splits=(), transfers=(), rules="nq653-2019") -> Scenario:
    return from_dict({"name": "Tách", "rules": rules, "groups": list(groups), "splits": list(splits),
                      "transfers": list(transfers)}, dataset)


def giao_hoa_split(area=2.0, population=1500, rest=True):
    parts = [{"id": "28816-1", "area_km2": area, "population": population, "source": "Tờ trình (thử)"}]
    if rest:
        parts.append({"id": "28816-2", "rest": True})
    return {"unit": GIAO_HOA, "parts": parts}


def test_the_remainder_gets_the_units_figures_less_the_other_parts(dataset):
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [giao_hoa_split()])
    working = scenario.working(dataset)
    unit = dataset.units[GIAO_HOA]
    rest = working.units["28816-2"]
    assert rest.area.value == pytest.approx(unit.area.value - 2.0)
    assert rest.population.value == pytest.approx(unit.population.value - 1500)
    assert GIAO_HOA not in working.units


def test_the_parts_of_a_split_unit_add_up_to_the_unit(dataset):
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [giao_hoa_split()])
    working = scenario.working(dataset)
    unit = dataset.units[GIAO_HOA]
    parts = [working.units[p] for p in ("28816-1", "28816-2")]
    assert sum(p.area.value for p in parts) == pytest.approx(unit.area.value)
    assert sum(p.population.value for p in parts) == pytest.approx(unit.population.value)
    # …and the district's totals do not change by splitting.
    assert sum(u.population.value for u in working.units.values()) == \
        pytest.approx(sum(u.population.value for u in dataset.units.values()))


def test_a_group_sums_the_part_it_takes_not_the_whole_unit(dataset):
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [giao_hoa_split()])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    group = result.groups[0]
    assert group.population == pytest.approx(dataset.units[GIAO_LONG].population.value + 1500)
    assert group.area_km2 == pytest.approx(dataset.units[GIAO_LONG].area.value + 2.0)


def test_the_remainder_left_alone_is_the_unit_carrying_on_so_the_count_does_not_fall(dataset):
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [giao_hoa_split()])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    assert result.units_before == 22
    assert result.units_after == 22          # Giao Long took part of Giao Hòa; the rest of Giao Hòa stays a unit


def test_parts_may_not_exceed_the_unit(dataset):
    too_much = dataset.units[GIAO_HOA].population.value + 1
    with pytest.raises(ScenarioError) as err:
        scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}],
                      [giao_hoa_split(population=too_much)])
    assert "không được vượt đơn vị" in str(err.value.text())


def test_without_a_remainder_the_parts_must_add_up_to_the_unit(dataset):
    split = giao_hoa_split(rest=False)
    split["parts"].append({"id": "28816-2", "area_km2": 1.0, "population": 10, "source": "thử"})
    with pytest.raises(ScenarioError) as err:
        scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [split])
    assert "phần còn lại" in err.value.text()


def test_a_group_must_name_the_parts_of_a_split_unit_not_the_unit(dataset):
    with pytest.raises(ScenarioError) as err:
        scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, GIAO_HOA]}], [giao_hoa_split()])
    assert "đã được tách" in err.value.text()


def test_two_parts_of_one_unit_can_go_to_two_groups(dataset):
    split = giao_hoa_split()
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]},
                                       {"name": "An Hóa", "members": [AN_HOA, "28816-2"]}], [split])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    assert [g.contiguous for g in result.groups] == [True, True]
    assert result.units_after == 21          # Giao Hòa is gone, shared between two units


def test_a_part_borders_only_the_units_it_lists(dataset):
    split = giao_hoa_split()
    split["parts"][0]["neighbours"] = [QUOI_SON]
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [split])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    assert result.groups[0].contiguous is False


def test_a_scenario_file_keeps_its_splits_transfers_and_codes(dataset):
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"], "code": "28813"}],
                             [giao_hoa_split()], [{"unit": "28858", "to": "phường Phú Tân", "reason": "khoản 120"}])
    again = from_dict(to_dict(scenario), dataset)
    assert again.splits == scenario.splits
    assert again.transfers == scenario.transfers
    assert again.groups[0].code == "28813"


def test_a_unit_transferred_out_is_not_unresolved(dataset):
    rules = get_rule_set("nq653-2019")
    plain = from_dict({"name": "x", "rules": rules.id}, dataset)
    assert GIAO_HOA in evaluate(dataset, rules, plain).unresolved
    moved = scenario_with(dataset, [], transfers=[{"unit": GIAO_HOA, "to": "thành phố Bến Tre", "reason": "thử"}])
    result = evaluate(dataset, rules, moved)
    assert GIAO_HOA not in result.unresolved
    assert result.units_after == 21
    assert [t["unit"] for t in result.transfers] == [GIAO_HOA]


def test_a_transferred_unit_cannot_be_in_a_group(dataset):
    with pytest.raises(ScenarioError) as err:
        scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, GIAO_HOA]}],
                      transfers=[{"unit": GIAO_HOA, "to": "thành phố Bến Tre"}])
    assert "chuyển ra ngoài" in err.value.text()


def test_a_part_can_be_transferred_and_the_wording_says_a_part(dataset):
    from core.analysis.next_state import transfer_lines
    scenario = scenario_with(dataset, [], [giao_hoa_split()], [{"unit": "28816-1", "to": "xã X", "reason": "thử"}])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    assert transfer_lines(result.transfers)[0].text("vi").startswith("Chuyển một phần diện tích tự nhiên")
    assert transfer_lines(result.transfers)[0].text("en").startswith("Part of the natural area")


def test_a_unit_split_or_transferred_keeps_a_result_of_its_own_neither_grouped_nor_unresolved(dataset):
    """Every view of the project's units finds a result for each of them."""
    scenario = scenario_with(dataset, [{"name": "Giao Long", "members": [GIAO_LONG, "28816-1"]}], [giao_hoa_split()],
                             [{"unit": "28858", "to": "phường Phú Tân", "reason": "thử"}])
    result = evaluate(dataset, get_rule_set("nq653-2019"), scenario)
    assert set(dataset.units) <= set(result.units)
    assert (result.units[GIAO_HOA].set_aside, result.units["28858"].set_aside) == ("split", "transfer")
    assert GIAO_HOA not in result.unresolved and "28858" not in result.unresolved
