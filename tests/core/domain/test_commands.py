"""Each gesture is a named command: checked before it changes anything, undone exactly, and it
says which units and groups it touched."""
import pytest

from core.common.messages import LANGUAGES, catalogue
from core.domain.commands import (
    AddToGroup,
    Compound,
    Dissolve,
    Merge,
    RemoveFromGroup,
    RenameGroup,
    SetExemption,
    SetGroupException,
    SetGroupKind,
    SetOverride,
    SetRules,
    SetSeat,
    merge_members,
)
from core.domain.scenario import Scenario, ScenarioError
from core.domain.scenario_io import to_dict
from tests.conftest import code_of


@pytest.fixture
def plan(project):
    """The district's 2019 plan as stored: Giao Long, An Phước, An Hiệp."""
    return project.get_scenario("Phương án 2019")


def c(dataset, *names):
    return [code_of(dataset, n) for n in names]


def test_merging_two_free_units_makes_one_group_and_undo_takes_it_back_exactly(dataset):
    s = Scenario("thử", "nq653-2019")
    before = to_dict(s, with_ids=True)
    merge = Merge(c(dataset, "Tân Phú", "Quới Thành"), name="Tân Phú Thành")
    changed = merge.do(s, dataset)
    assert [g.name for g in s.groups] == ["Tân Phú Thành"]
    assert changed.units == set(c(dataset, "Tân Phú", "Quới Thành")) and changed.groups == {merge.group_id}
    merge.undo(s)
    assert to_dict(s, with_ids=True) == before


def test_merging_a_selection_absorbs_the_groups_it_touches_and_undo_puts_them_back_in_place(dataset, plan):
    before = to_dict(plan, with_ids=True)
    an_phuoc = plan.group_of(code_of(dataset, "An Phước"))
    codes = c(dataset, "Phú An Hòa", "An Hóa")
    assert merge_members(plan, codes) == codes + [code_of(dataset, "An Phước")]
    merge = Merge(codes, name="Phú An Hòa")
    changed = merge.do(plan, dataset)
    new = plan.group_of(code_of(dataset, "An Phước"))
    assert sorted(new.members) == sorted(c(dataset, "Phú An Hòa", "An Hóa", "An Phước"))
    assert an_phuoc.id not in {g.id for g in plan.groups} and len(plan.groups) == 3
    assert changed.groups == {an_phuoc.id, new.id}
    merge.undo(plan)
    assert to_dict(plan, with_ids=True) == before


def test_redo_brings_back_the_same_group_so_later_gestures_still_find_it(dataset):
    s = Scenario("thử", "nq653-2019")
    merge = Merge(c(dataset, "An Hóa", "An Phước"))
    merge.do(s, dataset)
    add = AddToGroup(merge.group_id, c(dataset, "Phú An Hòa"))
    add.do(s, dataset)
    add.undo(s)
    merge.undo(s)
    merge.do(s, dataset)
    add.do(s, dataset)
    assert len(s.group_by_id(merge.group_id).members) == 3


def test_a_refused_gesture_changes_nothing_even_when_its_first_part_would_pass(dataset, plan):
    before = to_dict(plan, with_ids=True)
    giao_long = plan.group_of(code_of(dataset, "Giao Long"))
    # Phú An Hòa is free, An Hóa belongs to An Phước: the whole gesture is refused.
    with pytest.raises(ScenarioError, match="đã thuộc nhóm An Phước"):
        AddToGroup(giao_long.id, c(dataset, "Phú An Hòa", "An Hóa")).do(plan, dataset)
    # Removing both members of a pair would leave no group: refused before either leaves.
    with pytest.raises(ScenarioError, match="hãy giải tán nhóm"):
        RemoveFromGroup(c(dataset, "Giao Long", "Giao Hòa")).do(plan, dataset)
    with pytest.raises(ScenarioError, match="không thuộc nhóm nào"):
        RemoveFromGroup(c(dataset, "Tân Phú")).do(plan, dataset)
    with pytest.raises(ScenarioError, match="ít nhất hai đơn vị"):
        Merge(c(dataset, "Tân Phú")).do(plan, dataset)
    with pytest.raises(ScenarioError, match="không được để trống"):
        RenameGroup(giao_long.id, "   ").do(plan, dataset)
    with pytest.raises(ScenarioError, match="không phải là đơn vị của nhóm"):
        SetSeat(giao_long.id, code_of(dataset, "Tân Phú")).do(plan, dataset)
    with pytest.raises(ScenarioError, match="số âm"):
        SetOverride(code_of(dataset, "Tân Phú"), population=-1, source="x").do(plan, dataset)
    with pytest.raises(ScenarioError, match="phải ghi rõ lý do"):
        SetExemption(code_of(dataset, "Tân Phú"), "  ").do(plan, dataset)
    assert to_dict(plan, with_ids=True) == before


def test_removing_the_seat_moves_it_to_a_remaining_member_and_undo_restores_it(dataset):
    s = Scenario("thử", "nq653-2019")
    members = c(dataset, "An Hóa", "An Phước", "Phú An Hòa")
    s.add_group(dataset, members, seat=members[0])
    remove = RemoveFromGroup([members[0]])
    changed = remove.do(s, dataset)
    assert s.groups[0].members == members[1:] and s.groups[0].seat == members[1]
    assert changed.units == {members[0]} and changed.groups == {s.groups[0].id}
    remove.undo(s)
    assert s.groups[0].members == members and s.groups[0].seat == members[0]


def test_dissolving_several_groups_and_undoing_keeps_their_order(dataset, plan):
    before = to_dict(plan, with_ids=True)
    ids = [plan.groups[2].id, plan.groups[0].id]
    dissolve = Dissolve(ids)
    changed = dissolve.do(plan, dataset)
    assert [g.name for g in plan.groups] == ["An Phước"]
    assert changed.groups == set(ids) and len(changed.units) == 4
    dissolve.undo(plan)
    assert to_dict(plan, with_ids=True) == before


def test_renaming_touches_the_members_whose_name_after_the_merger_changes(dataset, plan):
    group = plan.group_of(code_of(dataset, "Giao Long"))
    changed = RenameGroup(group.id, "Giao Long Hòa").do(plan, dataset)
    assert changed.units == set(group.members) and changed.groups == {group.id}
    assert plan.group_by_id(group.id).name == "Giao Long Hòa"
    assert group.name == "Giao Long", "the old group value is left as it was"


def test_a_group_exception_is_recorded_with_its_reason_and_cleared_with_an_empty_one(dataset, plan):
    group = plan.group_of(code_of(dataset, "Giao Long"))
    record = SetGroupException(group.id, "Cù lao biệt lập, không thể nhập thêm xã liền kề")
    record.do(plan, dataset)
    assert plan.group_by_id(group.id).exception_reason.startswith("Cù lao biệt lập")
    assert record.label().text("vi") == "Ghi lý do ngoại lệ của nhóm"
    clear = SetGroupException(group.id, "")
    clear.do(plan, dataset)
    assert plan.group_by_id(group.id).exception_reason == ""
    assert clear.label().text("en") == "Clear the group's exception"
    clear.undo(plan)
    record.undo(plan)
    assert plan.group_by_id(group.id).exception_reason == ""


def test_exemption_override_kind_and_rules_are_undone_to_what_they_were(dataset, plan):
    before = to_dict(plan, with_ids=True)
    tan_phu = code_of(dataset, "Tân Phú")
    group = plan.groups[0]
    steps = [SetExemption(tan_phu, "Vị trí biệt lập"), SetExemption(tan_phu, "Lý do khác"),
             SetOverride(tan_phu, population=9000, source="Tờ trình 2019"),
             SetOverride(tan_phu, area_km2=31.5, source="Đo đạc 2020"),
             SetGroupKind(group.id, "thi_tran"), SetRules("nq35-2023")]
    for step in steps:
        step.do(plan, dataset)
    assert plan.exemptions[tan_phu] == "Lý do khác"
    assert plan.overrides[tan_phu].area_km2 == 31.5 and plan.overrides[tan_phu].population is None
    assert plan.group_by_id(group.id).kind == "thi_tran" and plan.rules == "nq35-2023"
    for step in reversed(steps):
        step.undo(plan)
    assert to_dict(plan, with_ids=True) == before


def test_a_compound_gesture_refused_halfway_takes_back_what_it_had_done(dataset, plan):
    before = to_dict(plan, with_ids=True)
    giao_long = plan.group_of(code_of(dataset, "Giao Long"))
    steps = Compound(SetRules("nq35-2023").label(),
                     [RenameGroup(giao_long.id, "Giao Long mới"), SetSeat(giao_long.id, "nowhere")])
    with pytest.raises(ScenarioError):
        steps.do(plan, dataset)
    assert to_dict(plan, with_ids=True) == before


def test_every_gesture_has_a_name_and_says_what_it_did_in_both_languages(dataset, plan):
    giao_long = plan.group_of(code_of(dataset, "Giao Long"))
    tan_phu, tan_thach = c(dataset, "Tân Phú", "Tân Thạch")
    steps = [Merge([tan_phu, tan_thach]), RenameGroup(giao_long.id, "Giao Long mới"),
             SetGroupKind(giao_long.id, "xa"), SetSeat(giao_long.id, giao_long.members[1]),
             SetGroupException(giao_long.id, "Cù lao"), SetGroupException(giao_long.id, ""),
             AddToGroup(giao_long.id, c(dataset, "Quới Thành")), RemoveFromGroup(c(dataset, "Quới Thành")),
             SetExemption(tan_phu, "Biệt lập"), SetExemption(tan_phu, None),
             SetOverride(tan_phu, population=1, source="x"), SetOverride(tan_phu),
             SetRules("nq35-2023", "NQ 35/2023"), Dissolve([giao_long.id])]
    for step in steps:
        step.do(plan, dataset)
        for message in (step.label(), step.describe(dataset)):
            assert message.code in catalogue(), message.code
            for lang in LANGUAGES:
                text = message.text(lang)
                assert text and "{" not in text, (message.code, lang)
    assert steps[0].describe(dataset).text("en") == "Merged Tân Phú, Tân Thạch into Tân Phú"
    assert steps[6].describe(dataset).text("vi") == "Thêm Quới Thành vào nhóm Giao Long mới"
