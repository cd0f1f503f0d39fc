"""Previews of a merger and proposals that would fix a failing group."""
import pytest

from core.analysis.suggest import fixing_units, preview_group
from core.domain.scenario import Scenario
from core.law.evaluation import evaluate
from core.law.rules import get_rule_set
from tests.conftest import code_of


def test_a_preview_gives_the_figures_of_the_merger_without_changing_the_scenario(project):
    d = project.dataset
    s = Scenario(name="thử", rules="nq653-2019")
    members = [code_of(d, "Giao Long"), code_of(d, "Giao Hòa")]
    result = preview_group(d, get_rule_set("nq653-2019"), s, members)
    assert result.population == 4766 + 3933
    assert result.area_km2 == pytest.approx(5.235 + 5.974)
    assert s.groups == []


def test_a_preview_takes_members_out_of_their_current_group(project):
    d = project.dataset
    s = project.get_scenario("Phương án 2019")
    members = [code_of(d, "An Hóa"), code_of(d, "An Phước"), code_of(d, "Phú An Hòa")]
    result = preview_group(d, get_rule_set("nq653-2019"), s, members)
    assert sorted(result.members) == sorted(members)
    assert result.population == 4187 + 6049 + 10034
    assert len(s.groups) == 3


def test_only_free_neighbours_of_a_group_are_proposed_each_with_the_resulting_figures(project):
    d = project.dataset
    s = project.get_scenario("Phương án 2019")
    group = next(g for g in s.groups if g.name == "Giao Long")
    proposals = fixing_units(d, get_rule_set("nq653-2019"), s, group.id)
    codes = {p.code for p in proposals}
    neighbours = set().union(*(d.neighbours(c) for c in group.members)) - set(group.members)
    taken = set(s.grouped_codes())
    assert codes == neighbours - taken
    for p in proposals:
        unit = d.units[p.code]
        assert p.population == 4766 + 3933 + unit.population.value
        assert p.area_km2 == pytest.approx(5.235 + 5.974 + unit.area.value)


def test_proposals_that_reach_the_standard_come_before_those_that_do_not(project):
    d = project.dataset
    s = Scenario(name="thử", rules="nq35-2023")
    rules = get_rule_set("nq35-2023")
    s.add_group(d, [code_of(d, "Giao Long"), code_of(d, "Giao Hòa")])
    proposals = fixing_units(d, rules, s, s.groups[0].id)
    assert proposals, "Giao Long and Giao Hòa have free neighbours"
    flags = [p.meets_standard for p in proposals]
    assert flags == sorted(flags, reverse=True)
    progress = [p.progress for p in proposals if not p.meets_standard]
    assert progress == sorted(progress, reverse=True)
    # every proposal agrees with a real evaluation of the enlarged group
    first = proposals[0]
    trial = s.snapshot()
    trial.add_member(d, trial.groups[0].id, first.code)
    real = evaluate(d, rules, trial).groups[0]
    assert (real.meets_standard, real.verdict) == (first.meets_standard, first.verdict)


def test_a_preview_and_proposals_read_the_same_with_or_without_the_current_evaluation(project):
    d = project.dataset
    s = project.get_scenario("Phương án 2019")
    rules = get_rule_set("nq653-2019")
    current = evaluate(d, rules, s)
    # Taking Giao Hòa leaves Giao Long alone: its pair is dissolved and it is named as itself again.
    for members in ([code_of(d, "Giao Hòa"), code_of(d, "Tân Phú")],
                    [code_of(d, "An Hóa"), code_of(d, "Phú An Hòa")]):
        alone = preview_group(d, rules, s, members)
        helped = preview_group(d, rules, s, members, current)
        assert (helped, helped.neighbours, helped.findings) == (alone, alone.neighbours, alone.findings)
    assert "Giao Long" in preview_group(d, rules, s, [code_of(d, "Giao Hòa"), code_of(d, "Tân Phú")],
                                        current).neighbours
    for group in s.groups:
        assert fixing_units(d, rules, s, group.id, current) == fixing_units(d, rules, s, group.id)


def _split_scenario(dataset):
    """Giao Hòa (28816) split in two: one part goes to Giao Long, the rest to Quới Sơn (issue 11 item 7)."""
    from core.domain.scenario_io import from_dict
    return from_dict({"name": "Tách Giao Hòa", "rules": "nq653-2019",
                      "groups": [{"name": "Giao Long", "members": ["28813", "28816-1"]},
                                 {"name": "Quới Sơn", "members": ["28807", "28816-2"]}],
                      "splits": [{"unit": "28816", "parts": [
                          {"id": "28816-1", "area_km2": 2.0, "population": 1500, "source": "Tờ trình (thử)"},
                          {"id": "28816-2", "rest": True}]}]}, dataset)


def test_selecting_units_of_a_scenario_with_a_split_unit_previews_the_parts_figures(dataset):
    rules = get_rule_set("nq653-2019")
    scenario = _split_scenario(dataset)
    result = evaluate(dataset, rules, scenario)
    preview = preview_group(dataset, rules, scenario, ["28807", "28816-2"], result)
    rest = result.working.units["28816-2"]
    assert preview.population == dataset.units["28807"].population.value + rest.population.value
    assert rest.population.value == dataset.units["28816"].population.value - 1500


def test_the_fix_suggestions_of_a_group_holding_a_part_name_free_neighbours_only(dataset):
    rules = get_rule_set("nq653-2019")
    scenario = _split_scenario(dataset)
    result = evaluate(dataset, rules, scenario)
    gid = next(g.id for g in scenario.groups if g.name == "Giao Long")
    found = fixing_units(dataset, rules, scenario, gid, result)
    codes = {s.code for s in found}
    assert codes and not codes & {"28813", "28807", "28816", "28816-1", "28816-2"}
