"""Scenarios from the dock and the menus: create, copy, rename, delete, switch, save, files, autosave."""
import json

from PySide6.QtCore import Qt

from gui.app import create_main_window
from gui.dialogs.merge_dialog import MergeChoice
from tests.gui.conftest import code


def names_in_dock(window) -> list[str]:
    return [window.scenario_dock.list.item(i).text() for i in range(window.scenario_dock.list.count())]


def test_a_planners_morning_merge_undo_switch_rules_save_quit_and_find_it_again(window, session, qtbot,
                                                                                db_path, dialogs):
    members = [code(session, n) for n in ("An Hóa", "An Phước", "Phú An Hòa")]
    session.set_selection(members)
    dialogs.answer("merge", MergeChoice("Phú An Hòa", members[2], None))
    window.actions_.merge.trigger()
    group = session.scenario.group_of(members[0])
    assert session.result.group_result(group.id).verdict == "exception"     # ≥ 3 units under NQ 653
    window.actions_.undo.trigger()
    assert session.scenario.group_of(members[2]) is None
    window.actions_.rules_actions["nq35-2023"].trigger()
    window.actions_.save.trigger()
    window.close()
    again = create_main_window(str(db_path))
    qtbot.addWidget(again)
    assert again.session.scenario.name == "Phương án 2019"
    assert again.session.scenario.rules == "nq35-2023"
    assert again.session.scenario.group_of(members[2]) is None
    assert not again.isWindowModified()


def test_new_empty_duplicate_rename_and_delete_with_confirmation(window, session, dialogs):
    dialogs.answer("choice", "empty")
    dialogs.answer("text", "Trống trơn")
    window.actions_.new_scenario.trigger()
    assert session.scenario.name == "Trống trơn" and session.scenario.groups == []
    dialogs.answer("text", "Trống trơn – bản sao")
    window.actions_.duplicate_scenario.trigger()
    assert session.scenario.name == "Trống trơn – bản sao"
    dialogs.answer("text", "Bản B")
    window.actions_.rename_scenario.trigger()
    assert session.project.get_scenario(session.scenario.id).name == "Bản B"
    assert any(t.startswith("Bản B") for t in names_in_dock(window))
    dialogs.answer("confirm", False)
    window.actions_.delete_scenario.trigger()
    assert "Bản B" in session.project.scenario_names()         # the planner said no
    dialogs.answer("confirm", True)
    window.actions_.delete_scenario.trigger()
    assert "Bản B" not in session.project.scenario_names()
    assert session.scenario.name != "Bản B"


def test_switching_with_unsaved_changes_asks_and_cancel_keeps_the_work(window, session, dialogs):
    session.project.add_scenario(session.scenario.duplicate("Khác"))
    session.scenarios_changed.emit()
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    other = session.project.get_scenario("Khác").id
    dialogs.answer("choice", "cancel")
    window.scenario_dock.switch_requested.emit(other)
    assert session.scenario.name == "Phương án 2019" and session.dirty
    dialogs.answer("choice", "save")
    window.scenario_dock.switch_requested.emit(other)
    assert session.scenario.name == "Khác"
    assert len(session.project.get_scenario("Phương án 2019").groups) == 2


def test_a_scenario_exported_to_json_imports_back_as_a_new_scenario(window, session, dialogs, tmp_path):
    target = tmp_path / "pa.json"
    dialogs.answer("save_scenario", str(target))
    window.actions_.export_scenario.trigger()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["name"] == "Phương án 2019" and len(data["groups"]) == 3
    dialogs.answer("open_scenario", str(target))
    window.actions_.import_scenario.trigger()
    assert session.scenario.name == "Phương án 2019 (2)"
    assert len(session.scenario.groups) == 3


def test_a_malformed_scenario_file_is_refused_with_a_message_and_nothing_changes(window, session, dialogs,
                                                                               tmp_path):
    bad = tmp_path / "hong.json"
    bad.write_text('{"name": "X", "rules": "nq653-2019", "groups": [{"name": "Y", "members": ["99999", "28801"]}]}',
                   encoding="utf-8")
    before = session.project.scenario_names()
    dialogs.answer("open_scenario", str(bad))
    window.actions_.import_scenario.trigger()
    assert session.project.scenario_names() == before
    assert dialogs.messages and "99999" in dialogs.messages[-1]


def test_unsaved_edits_are_autosaved_and_recovered_after_a_crash(window, session, qtbot, db_path, dialogs):
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    window.autosave()
    assert session.journal.pending(), "the edit is in the journal within seconds"
    # a crash: the window goes away without saving or asking
    window.scenario_actions.settle = lambda: True
    window.close()
    dialogs.answer("choice", "recover")
    again = create_main_window(str(db_path))
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.session.dirty)
    assert len(again.session.scenario.groups) == 2
    assert again.isWindowModified()
    again.actions_.undo.trigger()          # recovery itself is one undoable step
    assert len(again.session.scenario.groups) == 3
    again.actions_.redo.trigger()
    again.actions_.save.trigger()
    assert not again.session.journal.pending()
    assert len(again.session.project.get_scenario("Phương án 2019").groups) == 2


def _item(window, name):
    dock = window.scenario_dock
    return next(dock.list.item(i) for i in range(dock.list.count()) if dock.list.item(i).text().startswith(name))


def test_one_click_on_a_scenario_opens_it_and_a_double_click_raises_nothing(window, session, qtbot):
    session.project.add_scenario(session.scenario.duplicate("Khác"))
    session.scenarios_changed.emit()
    dock = window.scenario_dock
    rect = dock.list.visualItemRect(_item(window, "Khác"))
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: session.scenario.name == "Khác")
    rect = dock.list.visualItemRect(_item(window, "Phương án 2019"))
    with qtbot.captureExceptions() as raised:       # a real double click: a click, then the second press
        qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.wait(50)
    assert raised == []
    assert session.scenario.name == "Phương án 2019"


def test_the_scenario_line_names_the_rule_set_as_soon_as_it_changes(window, session):
    from core.domain.commands import SetRules
    session.push(SetRules("nq35-2023"))
    line = _item(window, "Phương án 2019").text()
    assert session.rules_title("nq35-2023") in line and line.endswith("*")


def test_deleting_a_scenario_asks_with_cancel_as_the_default_button(window, session, dialogs, qtbot):
    from gui.dialogs.common import Confirm
    session.project.add_scenario(session.scenario.duplicate("Khác"))      # one must remain
    window.actions_.delete_scenario.trigger()
    kind, args = dialogs.asked[-1]
    assert kind == "confirm" and args[3] == "Xóa" and args[4] is True        # irreversible
    box, ok = Confirm.box(None, *args[1:])
    qtbot.addWidget(box)
    assert box.defaultButton() is not ok and box.defaultButton().text() == "Hủy"


def test_the_autosave_note_follows_the_language_both_ways(window, session, dialogs):
    from gui import i18n
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    window.autosave()
    assert window.autosave_note.text().startswith("Đã lưu tạm lúc ")
    i18n.set_language("en", remember=False)
    assert window.autosave_note.text().startswith("Autosaved at ")
    i18n.set_language("vi", remember=False)
    assert window.autosave_note.text().startswith("Đã lưu tạm lúc ")
