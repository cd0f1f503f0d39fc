"""Re-evaluation after a gesture, its undo and its redo gives exactly what a full evaluation gives,
in a new result object, and its delta names every unit and group whose result changed."""
import random

import pytest

from core.domain.classify import SetClassification
from core.domain.commands import (
    AddToGroup,
    Dissolve,
    Merge,
    RemoveFromGroup,
    RenameGroup,
    SetExemption,
    SetGroupException,
    SetGroupKind,
    SetOverride,
    SetSeat,
)
from core.domain.scenario import Scenario, ScenarioError
from core.imports.synthetic import synthetic_dataset
from core.law.evaluation import evaluate
from core.law.incremental import IncrementalEvaluator
from core.law.rules import all_rule_sets


@pytest.fixture(scope="module")
def synthetic():
    dataset, _, _ = synthetic_dataset(400, seed=3)
    return dataset


def random_gesture(rnd, dataset, scenario):
    codes = sorted(dataset.units)
    choice = rnd.random()
    groups = scenario.groups
    if choice < 0.3 or not groups:
        a = rnd.choice(codes)
        return Merge([a, rnd.choice(sorted(dataset.neighbours(a)))])
    g = rnd.choice(groups)
    if choice < 0.45:
        return AddToGroup(g.id, [rnd.choice(sorted(dataset.neighbours(g.members[0])))])
    if choice < 0.5:
        return RemoveFromGroup([rnd.choice(g.members)])
    if choice < 0.58:
        return Dissolve([g.id])
    if choice < 0.68:
        return RenameGroup(g.id, dataset.units[rnd.choice(codes)].name)
    if choice < 0.72:
        return SetGroupKind(g.id, rnd.choice([None, "xa", "phuong", "thi_tran"]))
    if choice < 0.75:
        return SetSeat(g.id, rnd.choice(g.members))
    if choice < 0.78:
        ground = rnd.choice(["", "special-factors", "standing-committee-decision", "approved-below-standard"])
        return SetGroupException(g.id, rnd.choice(["", "Cù lao biệt lập"]), ground)
    if choice < 0.81:
        values = rnd.choice([{"terrain": "mountainous"}, {"terrain": "lowland"}, {"border": True},
                             {"island_district": True}, {"province_type": "tp_tw"}, {"ethnic_minority_pct": 60}])
        return SetClassification(rnd.choice(g.members + codes[:5]), values, "Quyết định thử")
    if choice < 0.88:
        return SetExemption(rnd.choice(codes), rnd.choice([None, "ổn định từ 1945"]))
    return SetOverride(rnd.choice(codes), population=rnd.randint(0, 30000), source="biên bản xã")


def wording(result):
    """What the checks panel reads of each group beyond its figures: neighbours and findings."""
    return [(g.group.id, g.neighbours, g.findings) for g in result.groups]


def assert_delta_names_every_change(old, new, delta):
    for code, result in new.units.items():
        if result is not old.units[code]:
            assert delta.touches_unit(code), code
    old_groups = {g.group.id: g for g in old.groups}
    for g in new.groups:
        if old_groups.get(g.group.id) is not g:
            assert delta.touches_group(g.group.id), g.group.name
    for gid in old_groups.keys() - {g.group.id for g in new.groups}:
        assert delta.touches_group(gid)


@pytest.mark.parametrize("rule_id", ["nq653-2019", "nq35-2023", "nq35-2026", "nq76-2025"])
def test_incremental_result_equals_a_full_evaluation_after_every_gesture_undo_and_redo(synthetic, rule_id):
    rules = all_rule_sets()[rule_id]
    rnd = random.Random(rule_id)
    scenario = Scenario("thử", rule_id)
    inc = IncrementalEvaluator(synthetic, rules, scenario)
    done, undone = [], []
    units = dict(synthetic.units)          # classification edits change the (shared) dataset's units
    try:
        _random_edits(synthetic, rules, scenario, inc, rnd, done, undone)
    finally:
        synthetic.units.clear()
        synthetic.units.update(units)


def _random_edits(synthetic, rules, scenario, inc, rnd, done, undone):
    for _ in range(160):
        old = inc.result
        frozen = [dict(old.units), list(old.groups), list(old.unresolved), dict(old.after_names),
                  dict(old.owner), {k: list(v) for k, v in old.names.items()}, wording(old)]
        step = rnd.random()
        if step < 0.2 and done:
            command = done.pop()
            delta = inc.update(command.undo(scenario))
            undone.append(command)
        elif step < 0.3 and undone:
            command = undone.pop()
            delta = inc.update(command.do(scenario, synthetic))
            done.append(command)
        else:
            command = random_gesture(rnd, synthetic, scenario)
            try:
                changed = command.do(scenario, synthetic)
            except ScenarioError:
                continue
            delta = inc.update(changed)
            done.append(command)
            undone.clear()
        full = evaluate(synthetic, rules, scenario)
        assert inc.result == full and wording(inc.result) == wording(full)
        assert inc.result is not old
        assert [old.units, old.groups, old.unresolved, old.after_names, old.owner, old.names,
                wording(old)] == frozen, "an earlier result was changed"
        assert_delta_names_every_change(old, inc.result, delta)


@pytest.mark.parametrize("rule_id, scope", [("nq653-2019", "district"), ("nq76-2025", "province")])
def test_renaming_a_group_to_a_name_in_the_rule_sets_scope_is_seen_as_a_clash_without_a_full_run(
        synthetic, rule_id, scope):
    # Names are unique within the district before 2025, within the province under NQ 76/2025
    # (điểm c khoản 2 Điều 7 Nghị quyết số 76/2025/UBTVQH15).
    rules = all_rule_sets()[rule_id]
    scenario = Scenario("thử", rule_id)
    a = sorted(synthetic.units)[50]
    b = sorted(synthetic.neighbours(a))[0]
    group = scenario.add_group(synthetic, [a, b])
    inc = IncrementalEvaluator(synthetic, rules, scenario)
    assert inc.result.groups[0].name_clashes == []
    here = synthetic.units[a]
    inside = next(c for c, u in synthetic.units.items() if c not in (a, b) and u.province == here.province
                  and (scope == "province" or u.district == here.district))
    delta = inc.update(RenameGroup(group.id, synthetic.units[inside].name).do(scenario, synthetic))
    assert inc.result.groups[0].name_clashes == [synthetic.units[inside].name]
    assert group.id in delta.groups and not delta.full
    assert inc.result == evaluate(synthetic, rules, scenario)
