"""A real PostgreSQL server for the tests (imported by the conftest of each folder that needs it).

``pg_server`` (once per run): ``initdb`` into a temporary folder, ``postgres`` on 127.0.0.1 on a
free port, stopped after the tests; skipped, saying why, only when this machine has no PostgreSQL
binaries (``.ci/run`` installs them). ``pg_url``: an empty database of its own for one test.
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
