"""A group exception from the window: on the group in the Sửa menu, the map's and the table's
context menus and the checks panel; the verdict follows, and undo takes it back."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from core.domain.scenario_io import to_dict
from tests.gui.conftest import code

REASON = "Cù lao biệt lập, không có đơn vị liền kề nào khác để nhập thêm"
GROUND = "special-factors"             # NQ 653/2019 Điều 1 khoản 2


def giao_long_group(session):
    return session.scenario.group_of(code(session, "Giao Long"))


def test_recording_an_exception_on_a_failing_pair_makes_it_an_exception_and_undo_restores_it(
        window, session, dialogs):
    before = to_dict(session.scenario)
    group = giao_long_group(session)
    assert session.result.group_result(group.id).verdict == "fails"
    session.set_selection([code(session, "Giao Long")])
    assert window.actions_.group_exception.isEnabled()
    dialogs.answer("group_exception", (GROUND, REASON))
    window.actions_.group_exception.trigger()
    kind, args = dialogs.asked[-1]
    assert kind == "group_exception" and args[1] == "Giao Long"     # the dialog names the group
    result = session.result.group_result(group.id)
    assert result.verdict == "exception"                          # NQ 653/2019 Điều 1: two units, a reason
    recorded = session.scenario.group_by_id(group.id)
    assert (recorded.exception_ground, recorded.exception_reason) == (GROUND, REASON)
    assert result.exception["ground"] == GROUND
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
    dialogs.answer("group_exception", (GROUND, REASON))
    qtbot.mouseClick(button(), Qt.MouseButton.LeftButton)
    assert session.result.group_result(group.id).verdict == "exception"
    qtbot.waitUntil(lambda: button() is not None and button().text() == "Sửa ngoại lệ…")


def test_cancelling_the_dialog_changes_nothing(window, session, dialogs):
    before = to_dict(session.scenario)
    session.set_selection([code(session, "Giao Long")])
    window.actions_.group_exception.trigger()                    # no answer: the planner cancels
    assert to_dict(session.scenario) == before
    assert not session.undo_stack.canUndo()


def test_the_dialog_offers_the_rule_sets_ground_and_asks_for_what_it_needs(session, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from gui.dialogs.group_exception import GroupExceptionDialog
    dialog = GroupExceptionDialog(None, "Giao Long", ["Giao Long", "Giao Hòa"], "Không đạt", session.rules,
                                  ("", ""), "vi")
    qtbot.addWidget(dialog)
    assert dialog.ground.currentData() == GROUND                 # NQ 653's only ground, chosen
    assert dialog.ground.currentText().startswith("Nhập 02 đơn vị hành chính cùng cấp")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "yếu tố đặc thù" in dialog.problem.text()   # the ground needs its text
    dialog.reason.setPlainText(REASON)
    assert ok.isEnabled() and dialog.answer() == (GROUND, REASON)
    dialog.ground.setCurrentIndex(0)
    dialog.reason.setPlainText("")
    assert ok.isEnabled() and dialog.answer() == ("", "")        # both empty: the exception goes


def test_a_ground_without_the_text_it_needs_is_refused_in_words_and_nothing_changes(window, session, dialogs):
    before = to_dict(session.scenario)
    session.set_selection([code(session, "Giao Long")])
    dialogs.answer("group_exception", (GROUND, ""))
    window.actions_.group_exception.trigger()
    assert to_dict(session.scenario) == before and not session.undo_stack.canUndo()
    assert "cần ghi rõ nội dung" in dialogs.messages[-1]
