"""Phương án → Đề xuất phương án…: the planner asks, the proposer runs off the GUI thread, the answer
is a new scenario opened for editing, with why each group and what could not be met."""
from __future__ import annotations

import threading

import pytest

from core.law.evaluation import evaluate
from core.law.rules import get_rule_set
from tests.gui.conftest import code


@pytest.fixture
def dialog(window, qtbot):
    window.actions_.propose.trigger()
    d = window.propose_dialog
    qtbot.waitExposed(d)
    yield d
    if d.job is not None and d.job.running:
        d.job.wait()
    d.close()


def run(dialog, qtbot, timeout=60_000):
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=timeout)


def test_fewest_changes_on_chau_thanh_under_nq653_gives_a_new_scenario_with_every_must_merge_unit_resolved(
        window, dialog, qtbot):
    session, before = window.session, window.session.scenario
    dialog.rules.setCurrentIndex(dialog.rules.findData("nq653-2019"))
    dialog.set_goal("fewest-changes")
    run(dialog, qtbot)
    assert dialog.proposal.status == "optimal"
    opened = session.scenario
    assert opened.id == dialog.stored_id != before.id and opened.rules == "nq653-2019"
    assert opened.name in session.project.scenario_names()
    assert not session.result.unresolved
    assert session.result.groups and all(g.verdict != "fails" for g in session.result.groups)
    shown = dialog.results.text()
    assert "tối ưu (đã chứng minh)" in shown
    assert "Nhóm đề xuất (" in shown and "Gồm đơn vị thuộc diện phải sắp xếp: Giao Hòa." in shown   # why, in words
    assert "Đơn vị giữ nguyên (" in shown and "Không thuộc diện phải sắp xếp" in shown
    assert "Đã lưu phương án" in dialog.status.text()


def test_locked_units_from_the_selection_stay_untouched(window, dialog, qtbot):
    session = window.session
    giao_hoa, tan_phu = code(session, "Giao Hòa"), code(session, "Tân Phú")
    dialog.close()
    session.set_selection([giao_hoa, tan_phu])
    window.actions_.propose.trigger()
    dialog = window.propose_dialog
    assert set(dialog.locked_codes()) == {giao_hoa, tan_phu}
    dialog.rules.setCurrentIndex(dialog.rules.findData("nq35-2023"))
    run(dialog, qtbot)
    grouped = {c for g in session.scenario.groups for c in g.members}
    assert session.scenario.id == dialog.stored_id
    assert giao_hoa not in grouped and tan_phu not in grouped
    # Giao Hòa must merge under NQ 35/2023: locked, it is named among what could not be met
    assert "Giao Hòa (" in dialog.results.text() and "được giữ nguyên theo yêu cầu" in dialog.results.text()


def test_a_unit_taken_off_the_locked_list_may_be_grouped_again(window, dialog):
    giao_hoa = code(window.session, "Giao Hòa")
    dialog.lock([giao_hoa])
    dialog.locked.item(0).setSelected(True)
    dialog.unlock.click()
    assert dialog.locked_codes() == []
    dialog.lock_entry.setText(f"Giao Hòa – Huyện Châu Thành ({giao_hoa})")
    dialog._lock_typed()
    assert dialog.locked_codes() == [giao_hoa]


def test_cancel_keeps_the_best_plan_found_so_far_as_a_usable_scenario(window, dialog, qtbot, monkeypatch):
    from gui import propose_job
    real, started = propose_job.propose, threading.Event()

    def slow(*args, cancel, **kwargs):             # a long search: it waits for the planner's Cancel
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        return real(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(propose_job, "propose", slow)
    assert dialog.start()
    assert started.wait(10)
    assert dialog.cancel_button.isVisible()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=30_000)
    p = dialog.proposal
    assert p.stopped and p.groups
    session = window.session
    assert session.scenario.id == dialog.stored_id
    result = evaluate(session.dataset, get_rule_set(session.scenario.rules), session.scenario)
    assert not result.unresolved and all(g.verdict != "fails" for g in result.groups)
    assert "Đã dừng theo yêu cầu" in dialog.status.text()
    assert "đã dừng theo yêu cầu" in dialog.results.text()


def test_a_request_the_proposer_refuses_is_said_in_words_and_nothing_is_stored(window, dialog, qtbot):
    names = window.session.project.scenario_names()
    dialog.set_goal("target")
    dialog.target.setValue(1)
    dialog.max_size.setValue(2)         # 22 units cannot become one in groups of two
    run(dialog, qtbot)
    assert dialog.proposal is not None and dialog.proposal.status == "infeasible"
    assert "Không thể có đúng 1–1 đơn vị" in dialog.results.text()
    assert len(window.session.project.scenario_names()) == len(names) + 1


def test_the_proposal_is_compared_with_the_scenario_that_was_open(window, dialog, qtbot):
    before = window.session.scenario
    run(dialog, qtbot)
    compare = dialog.compare()
    qtbot.addWidget(compare)
    assert compare.pickers[0].currentData() == dialog.stored_id
    assert compare.pickers[1].currentData() == before.id
    assert compare.comparison is not None


def test_choosing_a_proposed_group_selects_it_in_the_window(window, dialog, qtbot):
    from PySide6.QtCore import QUrl
    run(dialog, qtbot)
    first = dialog.proposal.groups[0]
    link = next(k for k, codes in dialog.results.links.items() if codes == first.members)
    dialog.results.follow(QUrl(link))
    assert set(window.session.selection) == set(first.members)
    assert window.checks.shown[0] == "group"          # the checks panel shows its figures against the rules


def test_the_dialog_reads_in_english_when_the_window_does(window, dialog, qtbot):
    from gui import i18n
    i18n.set_language("en", remember=False)
    assert dialog.windowTitle() == "Propose a plan"
    assert dialog.run_button.text() == "Propose"
    run(dialog, qtbot)
    assert "optimal (proven)" in dialog.results.text()


def test_starting_from_the_open_scenario_keeps_its_groups(window, dialog, qtbot):
    own = window.session.scenario
    dialog.rules.setCurrentIndex(dialog.rules.findData("nq35-2023"))
    dialog.base.setCurrentIndex(dialog.base.findData("keep"))
    assert dialog.base.currentText() == f"Giữ nguyên các nhóm của “{own.name}”"
    run(dialog, qtbot)
    proposed = {frozenset(g.members) for g in window.session.scenario.groups}
    assert {frozenset(g.members) for g in own.groups} <= proposed
    assert "Giữ nguyên từ phương án xuất phát." in dialog.results.text()
