"""Live updates: when a colleague saves, a listening window hears who saved which scenario,
at which version — after the commit, and not for a save that was refused."""
from __future__ import annotations

import pytest

from core.storage.pg.listen import ChangeListener
from core.storage.pg.project import PgProject
from core.storage.store import ConflictError

SEED = "Phương án 2019"


def test_a_colleagues_save_is_heard_with_who_and_which_version(pg_url):
    lan, minh = PgProject(pg_url), PgProject(pg_url)
    lan.author, minh.author = "Lan", "Minh"
    listener = ChangeListener(pg_url)
    assert listener.poll() == []
    s = minh.get_scenario(SEED)
    stale = lan.get_scenario(SEED)
    minh.save_scenario(s)
    notices = listener.poll(timeout=5)
    assert [(n.author, n.action, n.name, n.version) for n in notices] == [("Minh", "save", SEED, s.version)]
    assert notices[0].pid == minh.conn.info.backend_pid != lan.conn.info.backend_pid
    with pytest.raises(ConflictError):
        lan.save_scenario(stale)
    assert listener.poll(timeout=0.5) == []                 # a refused save announces nothing
    minh.delete_scenario(s.id)
    assert [n.action for n in listener.poll(timeout=5)] == ["delete"]
    for c in (listener, lan, minh):
        c.close()


def test_who_has_a_scenario_open_is_visible_to_colleagues(pg_url):
    lan, minh = PgProject(pg_url), PgProject(pg_url)
    lan.author, minh.author = "Lan", "Minh Đức"
    sid = lan.get_scenario(SEED).id
    assert lan.who_has_open(sid) == []
    minh.set_open(sid)
    assert lan.who_has_open(sid) == ["Minh Đức"] and minh.who_has_open(sid) == []
    minh.set_open(None)
    assert lan.who_has_open(sid) == []
    lan.close()
    minh.close()
