"""The two backends side by side: ``store_ref`` is parametrised, so each test using it runs on a
project file and on a fresh database of the suite's own PostgreSQL server (``tests/pg_fixtures.py``);
``open_store()`` opens the same project again (a second planner).
"""
from __future__ import annotations

import pytest

from tests.pg_fixtures import pg_server, pg_url  # noqa: F401  (fixtures)


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
