"""Two planners' windows on one shared store (PostgreSQL): each sees the other's save live, with
who and when and a Reload; a stale save is refused naming who saved; who has the scenario open
is shown."""
from __future__ import annotations

import pytest

from core.storage.store import ConflictError
from tests.pg_fixtures import pg_server, pg_url  # noqa: F401  (fixtures)

SEED = "Phương án 2019"


@pytest.fixture
def two_windows(qtbot, pg_url):  # noqa: F811
    from gui.app import create_main_window
    windows = []
    for author in ("Lan", "Minh"):
        win = create_main_window(pg_url)
        win.session.project.author = author
        win.live_updates.scenario_opened()          # announce under the author's name
        qtbot.addWidget(win)
        win.show()
        windows.append(win)
    yield windows
    for win in windows:
        win.session.undo_stack.setClean()


def test_a_colleagues_save_shows_in_the_other_window_with_a_reload(qtbot, two_windows):
    lan, minh = two_windows
    assert lan.session.scenario.name == minh.session.scenario.name == SEED
    lan.live_updates.show_presence()
    assert "Minh" in lan.live_updates.presence.text()
    minh.session.scenario.description = "Minh đã sửa"
    minh.session.save()
    qtbot.waitUntil(lambda: lan.live_updates.pending is not None, timeout=15_000)
    note = lan.live_updates.note.text()
    assert "Minh" in note and SEED in note and f"phiên bản {minh.session.scenario.version}" in note
    assert lan.live_updates.reload_button.isVisibleTo(lan)
    assert minh.live_updates.pending is None                    # one's own save is no news
    lan.grab().save("/tmp/pg14-live-update.png")

    lan.session.scenario.description = "Lan sửa bản cũ"
    with pytest.raises(ConflictError, match="Minh"):
        lan.session.save()
    lan.live_updates.reload()
    assert lan.session.scenario.description == "Minh đã sửa"
    assert lan.session.scenario.version == minh.session.scenario.version
    assert not lan.live_updates.note.isVisibleTo(lan)
