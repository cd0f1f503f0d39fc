"""The working session without a window: gestures replayed, undone, redone, saved, recovered."""
import pytest

from core.domain.commands import (
    AddToGroup,
    Dissolve,
    Merge,
    RemoveFromGroup,
    RenameGroup,
    SetGroupKind,
    SetRules,
    SetSeat,
)
from core.domain.scenario import Scenario, ScenarioError
from core.domain.scenario_io import to_dict
from core.law.evaluation import evaluate
from core.law.rules import UnknownRuleSet
from core.session import Session
from core.storage.store import Project
from tests.conftest import code_of


@pytest.fixture
def session(project):
    s = Session(project)
    s.open("Phương án 2019")
    return s


def c(session, *names):
    return [code_of(session.dataset, n) for n in names]


def test_the_2019_plan_built_gesture_by_gesture_equals_the_districts_own(project):
    seed = project.get_scenario("Phương án 2019")
    empty = Scenario("Dựng lại 2019", "nq35-2023")
    project.add_scenario(empty)
    session = Session(project)
    session.open("Dựng lại 2019")
    session.do(SetRules("nq653-2019"))
    session.do(Merge(c(session, "Giao Long", "Giao Hòa")))                 # name and seat proposed
    session.do(Merge(c(session, "An Hóa", "Tân Phú")))                     # a first try, given up
    session.do(Dissolve([session.scenario.groups[-1].id]))
    session.do(Merge(c(session, "An Hóa", "An Phước")))
    session.do(Merge(c(session, "An Hiệp", "Sơn Hòa"), name="An Hiệp", seat=code_of(session.dataset, "An Hiệp")))
    for group in session.scenario.groups:
        session.do(SetGroupKind(group.id, "xa"))
    rebuilt, expected = to_dict(session.scenario), to_dict(seed)
    for key in ("name", "description"):
        rebuilt.pop(key), expected.pop(key)
    for group in rebuilt["groups"] + expected["groups"]:
        group["members"] = sorted(group["members"])
    assert rebuilt == expected
    judged = evaluate(session.dataset, session.rules, seed)
    assert [(g.group.name, g.population, g.verdict) for g in session.result.groups] == \
        [(g.group.name, g.population, g.verdict) for g in judged.groups]
    assert session.result.units_after == judged.units_after == 19


def test_undo_and_redo_walk_the_history_and_the_evaluation_follows(session):
    before = to_dict(session.scenario, with_ids=True)
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    session.do(AddToGroup(giao_long.id, c(session, "Tân Phú")))
    session.do(RenameGroup(giao_long.id, "Giao Long Tân Phú"))
    grown = to_dict(session.scenario, with_ids=True)
    assert session.result.group_result(giao_long.id).population > 8699
    session.undo()
    session.undo()
    assert to_dict(session.scenario, with_ids=True) == before
    assert session.result.group_result(giao_long.id).population == 8699
    session.redo()
    session.redo()
    assert to_dict(session.scenario, with_ids=True) == grown
    assert session.result == evaluate(session.dataset, session.rules, session.scenario)
    assert session.undo_label().text("vi") == "Đổi tên nhóm"
    assert not session.can_redo


def test_a_refused_gesture_leaves_the_scenario_the_history_and_the_result_as_they_were(session):
    before, result = to_dict(session.scenario, with_ids=True), session.result
    with pytest.raises(ScenarioError, match="hãy giải tán nhóm"):
        session.do(RemoveFromGroup(c(session, "Giao Long")))
    with pytest.raises(UnknownRuleSet):
        session.do(SetRules("nq-khong-co"))
    assert to_dict(session.scenario, with_ids=True) == before
    assert session.result is result and not session.can_undo and not session.dirty


def test_an_earlier_result_is_never_changed_by_a_later_gesture(session):
    old = session.result
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    old_group = old.group_result(giao_long.id)
    tan_phu = c(session, "Tân Phú")[0]
    delta = session.do(AddToGroup(giao_long.id, [tan_phu]))
    assert session.result is not old
    assert old.units[tan_phu].group_id is None and old.group_result(giao_long.id) is old_group
    assert old_group.members == c(session, "Giao Long", "Giao Hòa")
    assert session.result.units[tan_phu].group_id == giao_long.id
    assert tan_phu in delta.units and giao_long.id in delta.groups and not delta.full
    untouched = c(session, "Tân Thạch")[0]
    assert not delta.touches_unit(untouched) and session.result.units[untouched] is old.units[untouched]


def test_the_history_keeps_at_most_its_limit_and_forgets_the_oldest_first(project):
    session = Session(project, limit=5)
    session.open("Phương án 2019")
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    for i in range(8):
        session.do(RenameGroup(giao_long.id, f"Giao Long {i}"))
    undone = 0
    while session.can_undo:
        session.undo()
        undone += 1
    assert undone == 5 and session.scenario.group_by_id(giao_long.id).name == "Giao Long 2"
    assert session.dirty, "the saved state was forgotten: the scenario is not as saved"


def test_undoing_back_to_the_saved_step_is_clean_and_a_new_edit_after_undo_past_it_is_not(session):
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    session.do(RenameGroup(giao_long.id, "A"))
    session.save()
    session.do(RenameGroup(giao_long.id, "B"))
    assert session.dirty
    session.undo()
    assert not session.dirty
    session.undo()                       # before the save
    assert session.dirty
    session.do(RenameGroup(giao_long.id, "C"))    # the saved step can no longer be reached
    session.undo()
    assert session.dirty


def test_undo_after_a_save_does_not_make_the_next_save_a_conflict(session, project):
    session.do(Merge(c(session, "Tân Phú", "Quới Thành")))
    session.save()
    session.undo()
    session.save()                        # no ConflictError: the version follows the database
    assert len(project.get_scenario(session.scenario.id).groups) == 3


def test_unsaved_edits_are_journaled_and_the_entry_goes_once_undone_back_to_the_save(session):
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    session.do(SetSeat(giao_long.id, c(session, "Giao Hòa")[0]))
    assert session.autosave() and session.journal.pending()
    session.undo()
    assert not session.autosave()
    assert not session.journal.pending(), "nothing left to recover after a clean quit"


def test_recovered_edits_are_one_undoable_step_on_the_stored_scenario(session, project):
    session.do(Dissolve([session.scenario.groups[0].id]))
    session.autosave()
    entry = session.journal.pending()[0]
    again = Session(Project(project.path))
    again.recover(entry)
    assert len(again.scenario.groups) == 2 and again.dirty
    again.undo()
    assert len(again.scenario.groups) == 3
    again.redo()
    again.save()
    assert not again.journal.pending()
    assert len(project.get_scenario("Phương án 2019").groups) == 2


def test_a_command_line_session_replays_gestures_on_a_national_sized_synthetic_project(tmp_path):
    from core.imports.synthetic import synthetic_dataset
    dataset, _, _ = synthetic_dataset(900, seed=5)
    project = Project.create_from(tmp_path / "syn.sqlite", dataset)
    project.add_scenario(Scenario("Thử", "nq653-2019"))
    session = Session(project)
    session.open("Thử")
    codes = sorted(dataset.units)
    made = 0
    for code in codes:
        free = [n for n in sorted(dataset.neighbours(code)) if session.scenario.group_of(n) is None]
        if session.scenario.group_of(code) is None and free:
            session.do(Merge([code, free[0]]))
            made += 1
        if made == 50:
            break
    assert len(session.scenario.groups) == 50
    assert session.result == evaluate(session.dataset, session.rules, session.scenario)
    while session.can_undo:
        session.undo()
    assert session.scenario.groups == [] and not session.dirty


def test_an_autosave_with_nothing_new_since_the_last_one_writes_nothing(session):
    session.do(Dissolve([session.scenario.groups[0].id]))
    assert session.autosave()
    assert not session.autosave(), "the entry already holds this edit"
    session.undo()
    session.redo()
    assert session.autosave(), "undo and redo are edits too"


def test_the_unsaved_edits_are_told_in_words_for_a_change_log(session):
    giao_long = session.scenario.group_of(c(session, "Giao Long")[0])
    assert session.changes_since_save() == []
    session.do(AddToGroup(giao_long.id, c(session, "Tân Phú")))
    session.do(RenameGroup(giao_long.id, "Giao Long Mới"))
    assert [m.text("en") for m in session.changes_since_save()] == [
        "Added Tân Phú to Giao Long", "Renamed Giao Long to Giao Long Mới"]
    session.save()
    session.undo()
    session.undo()
    assert [m.text("vi") for m in session.changes_since_save()] == [
        "Hoàn tác: Đổi tên nhóm Giao Long thành Giao Long Mới", "Hoàn tác: Thêm Tân Phú vào nhóm Giao Long"]
