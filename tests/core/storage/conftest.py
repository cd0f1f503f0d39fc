"""A real PostgreSQL server for the storage tests, and the two backends side by side.

``pg_server`` (once per run): ``initdb`` into a temporary folder, ``postgres`` on 127.0.0.1 on a
free port, stopped after the tests; skipped, saying why, only when this machine has no PostgreSQL
binaries. ``store_ref`` is parametrised: each test using it runs on a project file and on a
fresh database of that server; ``open_store()`` opens the same project again (a second planner).
"""
from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import pytest

from tools.pg_server import find_binaries, fresh_database, throwaway_server

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    if find_binaries() is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine: apt-get install postgresql")
    # Not under pytest's tmp_path: as root the server runs as the postgres user, who must reach it.
    folder = Path(tempfile.mkdtemp(prefix="sapxep-pg-"))
    try:
        with throwaway_server(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server) -> str:
    """An empty database of its own for one test."""
    return fresh_database(pg_server, f"test_{next(_numbers)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_ref(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "du-an.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def open_store(store_ref):
    from core.storage.connect import open_project
    opened = []

    def open_(author: str | None = None):
        project = open_project(store_ref, author=author)
        opened.append(project)
        return project
    yield open_
    for p in opened:
        p.close()
