"""The same storage checks on a project file and on the shared store (PostgreSQL): what a
planner does with one must behave the same with the other."""
from __future__ import annotations

import pytest

from core.domain.scenario import Scenario, ScenarioError
from core.storage.store import ConflictError, ProjectError, UnknownScenario
from tests.conftest import code_of

SEED = "Phương án 2019"


def _plan(dataset, name="Ba xã An") -> Scenario:
    s = Scenario(name, "nq35-2023")
    s.add_group(dataset, [code_of(dataset, "An Hóa"), code_of(dataset, "An Phước"), code_of(dataset, "Phú An Hòa")])
    return s


def test_a_new_store_holds_the_22_units_and_the_2019_plan(open_store):
    p = open_store()
    assert len(p.dataset.units) == 22
    s = p.get_scenario(SEED)
    pairs = [{p.dataset.units[c].name for c in g.members} for g in s.groups]
    assert pairs == [{"Giao Long", "Giao Hòa"}, {"An Hóa", "An Phước"}, {"Sơn Hòa", "An Hiệp"}]
    assert p.dataset.units[code_of(p.dataset, "An Hóa")].population.value > 0


def test_a_saved_scenario_comes_back_in_another_session(open_store):
    first = open_store()
    s = _plan(first.dataset)
    first.add_scenario(s)
    back = open_store().get_scenario("ba xa an")               # by name, without diacritics
    assert back.id == s.id and back.groups[0].members == s.groups[0].members and back.version == 1


def test_a_stale_save_is_refused_naming_who_saved_last(open_store):
    lan, minh = open_store(author="Lan"), open_store(author="Minh")
    mine, theirs = lan.get_scenario(SEED), minh.get_scenario(SEED)
    loaded = theirs.version
    mine.description = "Lan sửa"
    lan.save_scenario(mine)
    theirs.description = "Minh sửa"
    with pytest.raises(ConflictError) as refused:
        minh.save_scenario(theirs)
    assert refused.value.by == "Lan" and refused.value.theirs == mine.version
    assert "Lan" in refused.value.text("vi") and "lưu lúc" in refused.value.text("vi")
    assert "saved by Lan at" in refused.value.text("en")
    assert theirs.version == loaded                              # the stale copy is kept as it was, unsaved
    assert open_store().get_scenario(SEED).description == "Lan sửa"


def test_an_overwrite_chosen_by_the_planner_saves_over_the_newer_version(open_store):
    lan, minh = open_store(author="Lan"), open_store(author="Minh")
    mine, theirs = lan.get_scenario(SEED), minh.get_scenario(SEED)
    loaded = theirs.version
    lan.save_scenario(mine)
    theirs.description = "Minh ghi đè"
    minh.save_scenario(theirs, force=True)
    stored = open_store().get_scenario(SEED)
    assert stored.description == "Minh ghi đè" and stored.version == loaded + 2 == theirs.version


def test_every_save_rename_and_delete_is_in_the_history_with_its_author(open_store):
    from core.common.messages import Message
    from core.session import Session
    p = open_store(author="Lan")
    session = Session(p)
    session.open(SEED)
    s = session.scenario
    v = s.version
    session.rename_scenario(s.id, "Phương án Lan")
    s.description = "ghi chú"
    p.save_scenario(s, summary=[Message("change.imported_from", file="x.json")])
    p.delete_scenario(s.id)
    log = p.history(s.id)
    assert [(c.action, c.version, c.author) for c in log] == [("rename", v + 1, "Lan"), ("save", v + 2, "Lan"),
                                                              ("delete", v + 2, "Lan")]
    assert log[0].summary[0].text("vi") == "đổi tên “Phương án 2019” thành “Phương án Lan”"
    assert log[1].summary[0].text("en") == "imported from the file x.json"
    with pytest.raises(UnknownScenario):
        p.get_scenario(s.id)


def test_a_session_save_records_the_edits_in_words(open_store):
    from core.domain.commands import AddToGroup
    from core.session import Session
    p = open_store(author="Lan")
    session = Session(p)
    session.open(SEED)
    d = p.dataset
    group = session.scenario.group_of(code_of(d, "An Phước"))
    session.do(AddToGroup(group.id, [code_of(d, "Phú An Hòa")]))
    session.save()
    last = p.history(session.scenario.id)[-1]
    assert last.action == "save" and last.author == "Lan" and last.version == session.scenario.version
    assert "Phú An Hòa" in last.summary[0].text("vi")


def test_a_failed_save_writes_neither_the_scenario_nor_its_log(open_store):
    p = open_store()
    s = p.get_scenario(SEED)
    before, loaded = len(p.history()), s.version
    s.groups[0].members = list(s.groups[0].members) + ["99999"]   # a unit the project does not have
    with pytest.raises(ScenarioError):
        p.save_scenario(s)
    assert len(p.history()) == before and open_store().get_scenario(SEED).version == loaded == s.version


def test_boundaries_are_replaced_and_restored_in_one_transaction(open_store):
    import shapely
    p = open_store()
    codes = sorted(p.dataset.units)[:2]
    wkb = {c: shapely.to_wkb(shapely.box(i, 0, i + 1, 1)) for i, c in enumerate(codes)}
    p.store_boundaries(wkb, {c: 1.5 for c in codes}, {(codes[0], codes[1]): 111.0})
    again = open_store()
    assert again.has_boundaries() and set(again.geometries()) == set(codes)
    assert again.shared_lengths() == {(codes[0], codes[1]): 111.0}
    assert again.computed_areas() == {c: 1.5 for c in codes}
    assert again.has_previous_boundaries() and again.restore_previous_boundaries()
    assert not open_store().has_boundaries()


def test_an_earlier_version_can_be_read_back_from_the_log(open_store):
    p = open_store(author="Lan")
    s = p.get_scenario(SEED)
    s.description = "bản một"
    p.save_scenario(s)
    first = s.version
    s.description = "bản hai"
    p.save_scenario(s)
    assert p.scenario_at(s.id, first).description == "bản một"
    assert p.scenario_at(s.id, s.version).description == "bản hai"
    with pytest.raises(ProjectError, match="không có phiên bản"):
        p.scenario_at(s.id, 999)
