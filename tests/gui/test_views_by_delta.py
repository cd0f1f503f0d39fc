"""The views are told what a gesture changed and redraw only that, once per gesture."""
from PySide6.QtWidgets import QLabel

from core.domain.commands import AddToGroup, RenameGroup
from gui.dialogs.merge_dialog import MergeChoice
from gui.map_items import UnitItem
from tests.gui.conftest import code


class Looks:
    """Which map units were given a new look."""

    def __init__(self, monkeypatch) -> None:
        self.codes: list[str] = []
        original = UnitItem.set_look
        def spy(item, *args, **kwargs):
            self.codes.append(item.code)
            return original(item, *args, **kwargs)
        monkeypatch.setattr(UnitItem, "set_look", spy)


def rows_changed(model) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: spans.append((a.row(), b.row())))
    return spans


def test_adding_a_unit_redraws_that_unit_and_its_group_only(window, session, monkeypatch):
    giao_long = session.scenario.group_of(code(session, "Giao Long"))
    tan_phu = code(session, "Tân Phú")
    looks = Looks(monkeypatch)
    spans = rows_changed(window.table.model)
    deltas = []
    session.evaluated.connect(deltas.append)
    session.push(AddToGroup(giao_long.id, [tan_phu]))
    assert len(deltas) == 1, "one evaluation, one redraw per gesture"
    members = {tan_phu, *giao_long.members}
    assert set(looks.codes) <= members and tan_phu in looks.codes
    model = window.table.model
    changed_rows = {row for first, last in spans for row in range(first, last + 1)}
    assert changed_rows == {model.row_of(c) for c in deltas[0].units}
    assert len(changed_rows) < len(session.dataset.units) / 3
    outline = window.map.map_scene.outlines[giao_long.id]
    assert outline.key == frozenset(members), "the group's outline now goes round Tân Phú"


def test_undo_and_redo_redraw_what_they_change_and_the_views_match_a_fresh_window(window, session, qtbot,
                                                                                  dialogs, monkeypatch):
    members = [code(session, n) for n in ("Tân Thạch", "Quới Sơn")]
    session.set_selection(members)
    dialogs.answer("merge", MergeChoice("Quới Sơn", members[1], None))
    window.actions_.merge.trigger()
    looks = Looks(monkeypatch)
    window.actions_.undo.trigger()
    assert set(looks.codes) == set(members), "undo repaints the two units, nothing else"
    scene = window.map.map_scene
    assert all(session.result.units[c].group_id is None for c in members)
    assert not any(o.key == frozenset(members) for o in scene.outlines.values())
    window.actions_.redo.trigger()
    group = session.scenario.group_of(members[0])
    assert scene.outlines[group.id].key == frozenset(members)
    # What the map shows equals what a full restyle would show.
    shown = {c: item.brush().color().rgb() for c, item in scene.units.items()}
    scene.restyle()
    assert shown == {c: item.brush().color().rgb() for c, item in scene.units.items()}


def test_the_checks_panel_is_rebuilt_only_when_the_group_it_shows_changes(window, session):
    giao_long = session.scenario.group_of(code(session, "Giao Long"))
    session.set_selection([code(session, "Giao Long")])
    labels = window.checks.findChildren(QLabel)
    an_hiep = session.scenario.group_of(code(session, "An Hiệp"))
    session.push(RenameGroup(an_hiep.id, "An Hiệp Mới"))        # does not border Giao Long
    assert window.checks.findChildren(QLabel) == labels, "nothing it shows changed: kept as it was"
    session.push(RenameGroup(giao_long.id, "Giao Long Mới"))
    assert window.checks.title == "Giao Long Mới"
    assert any(label.text() == "Giao Long Mới" for label in window.checks.findChildren(QLabel))


def test_a_selection_change_redraws_the_units_that_were_or_are_selected(window, session, monkeypatch):
    a, b, c = (code(session, n) for n in ("Tân Phú", "Tân Thạch", "Quới Sơn"))
    session.set_selection([a, b])
    looks = Looks(monkeypatch)
    session.set_selection([b, c])
    assert sorted(looks.codes) == sorted([a, c])
    assert window.map.map_scene.units[c].selected and not window.map.map_scene.units[a].selected


def test_a_language_change_rewords_without_evaluating_again(window, session):
    deltas = []
    session.evaluated.connect(deltas.append)
    window.actions_.lang_en.trigger()
    assert window.actions_.edit_menu.title() == "&Edit"
    assert deltas == [], "words only: the evaluation is the same"


def test_the_edit_menu_names_the_gesture_in_the_chosen_language(window, session):
    giao_long = session.scenario.group_of(code(session, "Giao Long"))
    session.push(RenameGroup(giao_long.id, "Giao Long Mới"))
    assert window.actions_.undo.text() == "Hoàn tác: Đổi tên nhóm"
    window.actions_.lang_en.trigger()
    assert window.actions_.undo.text().endswith("Rename the group")


def test_the_qt_undo_stack_and_the_core_history_stay_in_step_past_the_limit(window, session):
    session.clear_history()
    session.undo_stack.clear()
    giao_long = session.scenario.group_of(code(session, "Giao Long"))
    limit = session.core.history.limit
    assert session.undo_stack.undoLimit() == limit
    for i in range(limit + 3):
        session.push(RenameGroup(giao_long.id, f"Giao Long {i}"))
    assert session.undo_stack.count() == limit == session.core.history.index
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert not session.core.can_undo and session.core.can_redo
    assert session.scenario.group_by_id(giao_long.id).name == "Giao Long 2"
    assert session.dirty and session.core.dirty


def test_the_checks_panel_is_copied_whole_for_a_dossier(window, session):
    from PySide6.QtGui import QGuiApplication
    session.set_selection([code(session, "Giao Long")])
    assert window.checks.copy_action in window.checks.actions()
    window.checks.copy_action.trigger()
    copied = QGuiApplication.clipboard().text()
    lines = copied.splitlines()
    assert lines[0] == "Giao Long" and "Không đạt" in lines
    assert any("diện tích" in line.lower() and "653/2019" in line for line in lines), "findings name the article"
