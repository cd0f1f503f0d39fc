"""The shared store when the server goes away: a save cut off by ``pg_terminate_backend`` leaves
the old version, says so in words, keeps the planner's edits, and saving again simply works."""
from __future__ import annotations

import threading
import time

import psycopg
import pytest

from core.storage.pg.project import PgProject
from core.storage.store import ProjectError

SEED = "Phương án 2019"


def test_a_save_cut_off_mid_way_leaves_the_old_version_and_a_retry_saves(pg_url):
    planner = PgProject(pg_url)
    scenario = planner.get_scenario(SEED)
    loaded = scenario.version
    scenario.description = "sửa trước khi mất kết nối"
    pid = planner.conn.info.backend_pid
    with psycopg.connect(pg_url, autocommit=True) as admin:
        blocker = psycopg.connect(pg_url)
        blocker.execute("select 1 from sapxep.scenarios where id = %s for update", [scenario.id])  # holds the row
        outcome: list[BaseException | None] = []

        def save():
            try:
                planner.save_scenario(scenario)
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)
        t = threading.Thread(target=save)
        t.start()
        deadline = time.monotonic() + 20
        while not admin.execute("select 1 from pg_stat_activity where pid = %s and wait_event_type = 'Lock'",
                                [pid]).fetchone():
            assert time.monotonic() < deadline, "the save never reached the server"
            time.sleep(0.05)
        admin.execute("select pg_terminate_backend(%s)", [pid])          # the server drops the saver mid-save
        t.join(20)
        blocker.rollback()
        blocker.close()
    assert isinstance(outcome[0], ProjectError) and outcome[0].code == "project.pg_lost_save"
    text = outcome[0].text("en")
    assert f"the store keeps version {loaded}" in text and "Your edits are kept" in text
    assert scenario.version == loaded and scenario.description == "sửa trước khi mất kết nối"
    planner.save_scenario(scenario)                                        # the retry, on a new connection
    again = PgProject(pg_url)
    assert again.get_scenario(SEED).description == "sửa trước khi mất kết nối"
    assert again.get_scenario(SEED).version == loaded + 1
    assert [c.action for c in again.history(scenario.id)] == ["save"]       # the lost save left no log entry
    again.close()
    planner.close()


def test_a_stopped_server_is_said_in_words_and_reading_again_works_after(pg_url):
    planner = PgProject(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("select pg_terminate_backend(%s)", [planner.conn.info.backend_pid])
    with pytest.raises(ProjectError) as lost:
        planner.scenarios()
    assert lost.value.code == "project.pg_lost" and "Traceback" not in lost.value.text()
    assert SEED in [s.name for s in planner.scenarios()]                   # the next call connects again
    planner.close()
