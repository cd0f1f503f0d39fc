"""Merging and the other edits through the GUI: each is a core change, and undo restores it exactly."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.domain.scenario_io import to_dict
from gui.dialogs.merge_dialog import MergeChoice
from tests.gui.conftest import code


def test_merging_through_the_gui_creates_the_group_in_core_and_undo_restores_core_exactly(window, session, dialogs):
    before = to_dict(session.scenario)
    members = [code(session, n) for n in ("An Hóa", "An Phước", "Phú An Hòa")]
    session.set_selection(members)
    seat = code(session, "Phú An Hòa")
    dialogs.answer("merge", MergeChoice("Phú An Hòa", seat, None))
    window.actions_.merge.trigger()
    group = session.scenario.group_of(members[0])
    assert group is not None and sorted(group.members) == sorted(members)
    assert group.name == "Phú An Hòa" and group.seat == seat
    assert len(session.scenario.groups) == 3          # the An Phước pair became the new group of three
    result = session.result.group_result(group.id)
    assert result.population == 4187 + 6049 + 10034
    assert "Nhập đơn vị" in window.actions_.undo.text()
    assert window.isWindowModified()

    window.actions_.undo.trigger()
    assert to_dict(session.scenario) == before
    assert not window.isWindowModified()
    window.actions_.redo.trigger()
    assert sorted(session.scenario.group_of(members[0]).members) == sorted(members)


def test_the_merge_dialog_proposes_the_most_populous_member_as_name_and_seat(window, session, dialogs):
    members = [code(session, n) for n in ("Tân Thạch", "Quới Sơn")]
    session.set_selection(members)
    window.actions_.merge.trigger()        # the test answers nothing: the merge is cancelled
    kind, args = dialogs.asked[-1]
    assert kind == "merge"
    _, dataset, asked_members, default_kind, _ = args
    assert asked_members == members and default_kind == "xa"
    from gui.dialogs.merge_dialog import MergeDialog
    dialog = MergeDialog(window, dataset, members, default_kind, "vi")
    assert dialog.choice().name == "Quới Sơn" and dialog.choice().seat == code(session, "Quới Sơn")
    assert all(session.scenario.group_of(c) is None for c in members)


def test_a_non_adjacent_merger_is_allowed_and_shown_as_failing(window, session, dialogs):
    far = [code(session, "Tân Phú"), code(session, "Tân Thạch")]
    session.set_selection(far)
    dialogs.answer("merge", MergeChoice("Tân Phú", far[0], None))
    window.actions_.merge.trigger()
    group = session.scenario.group_of(far[0])
    result = session.result.group_result(group.id)
    assert not result.contiguous and result.verdict == "fails"
    assert any(f.code == "not_contiguous" for f in result.findings)
    shown = [label.text() for label in window.checks.findChildren(QLabel)]
    assert any("không liền kề" in text for text in shown), "the planner reads why it fails"


def test_removing_a_member_that_would_leave_one_unit_says_why_and_changes_nothing(window, session, dialogs):
    before = to_dict(session.scenario)
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.remove_from_group.trigger()
    assert to_dict(session.scenario) == before
    assert dialogs.messages and "hãy giải tán nhóm" in dialogs.messages[-1]
    assert not session.undo_stack.canUndo()


def test_dissolve_rename_exemption_and_override_are_each_one_undoable_step(window, session, dialogs):
    before = to_dict(session.scenario)
    giao_hoa = code(session, "Giao Hòa")
    session.set_selection([giao_hoa])
    dialogs.answer("text", "Giao Long mới")
    window.actions_.rename_group.trigger()
    assert session.scenario.group_of(giao_hoa).name == "Giao Long mới"
    window.actions_.dissolve.trigger()
    assert session.scenario.group_of(giao_hoa) is None
    dialogs.answer("exemption", "Vị trí biệt lập")
    window.actions_.exemption.trigger()
    assert session.scenario.exemptions[giao_hoa] == "Vị trí biệt lập"
    from gui.dialogs.figures import OverrideChoice
    dialogs.answer("override", OverrideChoice(3093, None, "Tờ trình HĐND huyện 12/09/2019"))
    window.actions_.override.trigger()
    assert session.result.units[giao_hoa].population == 3093
    assert session.undo_stack.count() == 4
    for _ in range(4):
        window.actions_.undo.trigger()
    assert to_dict(session.scenario) == before


def test_a_unit_already_in_a_group_cannot_join_another_and_the_message_names_it(window, session, dialogs):
    an_hoa = code(session, "An Hóa")
    before = to_dict(session.scenario)
    giao_long = session.scenario.group_of(code(session, "Giao Long"))
    window.editor.add_to_group(giao_long.id, [an_hoa])        # e.g. the checks panel's "Thêm"
    assert to_dict(session.scenario) == before
    assert dialogs.messages[-1] == f"Đơn vị An Hóa ({an_hoa}) đã thuộc nhóm An Phước; mỗi đơn vị chỉ thuộc một nhóm."


def test_proposed_fixing_unit_is_added_with_one_click(window, session, qtbot):
    from PySide6.QtWidgets import QPushButton
    giao_long = code(session, "Giao Long")
    session.set_selection([giao_long])
    def visible_buttons():
        return [b for b in window.checks.findChildren(QPushButton) if b.isVisible() and b.text() == "Thêm"]
    qtbot.waitUntil(lambda: bool(visible_buttons()))   # a failing group offers the neighbours that would help
    buttons = visible_buttons()
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert len(session.scenario.group_of(giao_long).members) == 3
