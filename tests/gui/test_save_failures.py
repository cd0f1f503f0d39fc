"""Saving when the project cannot be written: the planner is told why in a message box, the
edits stay unsaved, and the next save after the cause is gone is not a false conflict. The
window opens a project with a damaged scenario row and names it."""
import sqlite3
import subprocess
import sys

from core.domain.scenario_io import to_dict
from gui.app import create_main_window
from tests.gui.conftest import code

LOCKER = ("import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
          "c.execute('begin immediate')\nprint('locked', flush=True)\nsys.stdin.readline()\n")


def test_ctrl_s_while_another_program_holds_the_lock_says_so_and_keeps_the_edits(window, session, dialogs):
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    version = session.scenario.version
    session.project.db.execute("pragma busy_timeout=300")
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(session.project.path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        window.actions_.save.trigger()
    finally:
        locker.communicate("\n", timeout=10)
    assert dialogs.messages and "đang bị khóa" in dialogs.messages[-1]
    assert session.dirty and window.isWindowModified()
    assert session.scenario.version == version
    window.actions_.save.trigger()                      # the lock is gone: saved, no "changed elsewhere"
    assert not session.dirty
    assert not [a for a in dialogs.asked if a[0] == "choice"]


def test_a_scenario_deleted_in_another_window_is_offered_as_a_new_one_on_save(window, session, dialogs, db_path):
    from core.storage.store import Project
    twin = session.scenario.duplicate("Bản phụ")
    session.add_scenario(twin)
    session.open_scenario(twin.id)
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    Project(db_path).delete_scenario(twin.id)
    dialogs.answer("choice", "copy")
    window.actions_.save.trigger()
    names = session.project.scenario_names()
    assert "Bản phụ" not in names and any(n.startswith("Bản phụ – bản của tôi") for n in names)


def test_the_window_opens_a_project_with_a_damaged_scenario_row_and_names_it(qtbot, db_path, dialogs):
    from core.storage.store import Project
    p = Project(db_path)
    seed = p.get_scenario("Phương án 2019")
    other = seed.duplicate("Phương án lạ")
    other.rules = "nq999-2099"
    p.close()
    conn = sqlite3.connect(db_path)
    conn.execute("update scenarios set body = '{\"name\": ' where name = 'Phương án 2019'")
    import json
    conn.execute("insert into scenarios (id, name, rules, description, body, created, modified, version) "
                 "values (?, ?, ?, '', ?, '2030-01-01', '2030-01-01', 1)",
                 [other.id, other.name, other.rules, json.dumps(to_dict(other, with_ids=True))])
    conn.commit()
    conn.close()
    win = create_main_window(str(db_path))
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(dialogs.messages))
    said = "\n".join(dialogs.messages)
    assert "Phương án 2019" in said and "Phương án lạ" in said
    assert win.session.scenario is not None
    win.session.undo_stack.setClean()


def test_undo_back_to_the_saved_state_then_quit_leaves_nothing_to_recover(qtbot, db_path, dialogs):
    from tests.gui.conftest import opened_window
    with opened_window(qtbot, db_path) as win:
        session = win.session
        session.set_selection([code(session, "Giao Hòa")])
        win.actions_.dissolve.trigger()
        win.autosave()
        assert session.journal.pending()
        win.actions_.undo.trigger()             # back as saved; the autosave timer has not ticked yet
        win.close()
    assert not session.journal.pending()
