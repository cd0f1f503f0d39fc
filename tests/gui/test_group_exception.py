"""A group exception from the window: on the group in the Sửa menu, the map's and the table's
context menus and the checks panel; the verdict follows, and undo takes it back."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.domain.scenario_io import to_dict
from tests.gui.conftest import code

REASON = "Cù lao biệt lập, không có đơn vị liền kề nào khác để nhập thêm"


def giao_long_group(session):
    return session.scenario.group_of(code(session, "Giao Long"))


def test_recording_an_exception_on_a_failing_pair_makes_it_an_exception_and_undo_restores_it(
        window, session, dialogs):
    before = to_dict(session.scenario)
    group = giao_long_group(session)
    assert session.result.group_result(group.id).verdict == "fails"
    session.set_selection([code(session, "Giao Long")])
    assert window.actions_.group_exception.isEnabled()
    dialogs.answer("group_exception", REASON)
    window.actions_.group_exception.trigger()
    kind, args = dialogs.asked[-1]
    assert kind == "group_exception" and args[1] == "Giao Long"     # the dialog names the group
    result = session.result.group_result(group.id)
    assert result.verdict == "exception"                          # NQ 653/2019 Điều 1: two units, a reason
    assert session.scenario.group_by_id(group.id).exception_reason == REASON
    window.actions_.undo.trigger()
    assert to_dict(session.scenario) == before
    assert session.result.group_result(group.id).verdict == "fails"


def test_the_exception_is_in_the_edit_menu_and_in_the_map_and_table_context_menus(window):
    action = window.actions_.group_exception
    assert action in window.actions_.edit_menu.actions()
    assert action in window.map.actions() and action in window.table.view.actions()
    assert action.text() == "Ngoại lệ của nhóm…"


def test_a_unit_outside_any_group_cannot_record_a_group_exception(window, session):
    session.set_selection([code(session, "Tân Thạch")])
    assert not window.actions_.group_exception.isEnabled()


def test_the_checks_panel_offers_the_exception_next_to_a_failing_verdict(window, session, dialogs, qtbot):
    group = giao_long_group(session)
    session.set_selection(list(group.members))

    def button():
        found = [b for b in window.checks.findChildren(QPushButton, "checks-exception") if b.isVisible()]
        return found[0] if found else None
    qtbot.waitUntil(lambda: button() is not None)
    assert button().text() == "Ghi ngoại lệ…"
    dialogs.answer("group_exception", REASON)
    qtbot.mouseClick(button(), Qt.MouseButton.LeftButton)
    assert session.result.group_result(group.id).verdict == "exception"
    qtbot.waitUntil(lambda: button() is not None and button().text() == "Sửa ngoại lệ…")


def test_cancelling_the_dialog_changes_nothing(window, session, dialogs):
    before = to_dict(session.scenario)
    session.set_selection([code(session, "Giao Long")])
    window.actions_.group_exception.trigger()                    # no answer: the planner cancels
    assert to_dict(session.scenario) == before
    assert not session.undo_stack.canUndo()
