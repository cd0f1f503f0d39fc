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


def test_file_connect_to_a_shared_store_opens_it_in_a_new_window(qtbot, window, dialogs, pg_url):  # noqa: F811
    from gui.settings import settings
    from gui.shared_connect import SETTING
    dialogs.answer("text", pg_url)
    assert window.actions_.connect_shared.text() == "Kết nối kho dùng chung…"
    window.actions_.connect_shared.trigger()
    shared = next(w for w in qtbot_windows() if getattr(w.session.project, "url", None) == pg_url)
    qtbot.addWidget(shared)
    assert shared.session.scenario.name == SEED and shared.live_updates is not None
    assert settings().value(SETTING) == pg_url                # the address, never a password
    shared.session.undo_stack.setClean()


def test_an_address_that_is_not_a_shared_store_is_refused_in_words(window, dialogs):
    from gui.shared_connect import connect_shared_store
    assert connect_shared_store(window, "/tmp/du-an.sqlite") is None
    assert dialogs.messages == ["Địa chỉ kho dùng chung bắt đầu bằng postgresql://"]


def qtbot_windows():
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
