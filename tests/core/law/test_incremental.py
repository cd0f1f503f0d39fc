"""Re-evaluation after an edit gives exactly what a full evaluation gives."""
import random

import pytest

from core.domain.scenario import Scenario, ScenarioError
from core.imports.synthetic import synthetic_dataset
from core.law.evaluation import evaluate
from core.law.incremental import IncrementalEvaluator
from core.law.rules import all_rule_sets


@pytest.fixture(scope="module")
def synthetic():
    dataset, _, _ = synthetic_dataset(400, seed=3)
    return dataset


def _random_edit(rnd, dataset, scenario):
    codes = sorted(dataset.units)
    choice = rnd.random()
    try:
        if choice < 0.35 or not scenario.groups:
            a = rnd.choice(codes)
            nbs = sorted(dataset.neighbours(a))
            scenario.add_group(dataset, [a, rnd.choice(nbs)])
        elif choice < 0.55:
            g = rnd.choice(scenario.groups)
            scenario.add_member(dataset, g.id, rnd.choice(sorted(dataset.neighbours(g.members[0]))))
        elif choice < 0.65:
            scenario.dissolve(rnd.choice(scenario.groups).id)
        elif choice < 0.75:
            other = rnd.choice(codes)
            scenario.update_group(rnd.choice(scenario.groups).id, name=dataset.units[other].name)
        elif choice < 0.85:
            scenario.set_exemption(dataset, rnd.choice(codes), rnd.choice([None, "ổn định từ 1945"]))
        else:
            scenario.set_override(dataset, rnd.choice(codes), population=rnd.randint(0, 30000),
                                  source="biên bản xã")
    except ScenarioError:
        pass


@pytest.mark.parametrize("rule_id", ["nq653-2019", "nq35-2023", "nq35-2026", "nq76-2025"])
def test_incremental_result_equals_a_full_evaluation_after_every_edit(synthetic, rule_id):
    rules = all_rule_sets()[rule_id]
    rnd = random.Random(rule_id)
    scenario = Scenario("thử", rule_id)
    inc = IncrementalEvaluator(synthetic, rules, scenario)
    for _ in range(60):
        _random_edit(rnd, synthetic, scenario)
        assert inc.refresh() == evaluate(synthetic, rules, scenario)


def test_renaming_a_group_to_a_neighbours_name_is_seen_as_a_clash_without_a_full_run(synthetic):
    rules = all_rule_sets()["nq653-2019"]
    scenario = Scenario("thử", "nq653-2019")
    a = sorted(synthetic.units)[50]
    b = sorted(synthetic.neighbours(a))[0]
    group = scenario.add_group(synthetic, [a, b])
    inc = IncrementalEvaluator(synthetic, rules, scenario)
    assert inc.result.groups[0].name_clashes == []
    same_province = next(c for c, u in synthetic.units.items()
                         if c not in (a, b) and u.province == synthetic.units[a].province)
    scenario.update_group(group.id, name=synthetic.units[same_province].name)
    assert inc.refresh().groups[0].name_clashes == [synthetic.units[same_province].name]
