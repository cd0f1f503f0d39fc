"""Which backend holds the project: a file (SQLite, one planner) or a PostgreSQL server (a team).

``open_project(ref)`` takes what ``--db`` or ``SAPXEP_DB`` says: a path opens (or makes) a
project file; ``postgresql://USER@HOST:PORT/DB`` opens the shared store on that server (the
password, if any, comes from libpq's password file ``~/.pgpass``, never from the settings).
Both give the same methods (``store.Project``, ``pg.project.PgProject``).
"""
from __future__ import annotations

import os
from pathlib import Path

from core.storage.pg.failures import is_url
from core.storage.store import Project


def configured() -> str | None:
    """``SAPXEP_DB`` as written (a URL must not go through ``Path``, which folds its ``//``)."""
    return os.environ.get("SAPXEP_DB") or None


def is_shared(ref: object) -> bool:
    return is_url(ref)


def open_project(ref: str | Path | None = None, author: str | None = None):
    """The project named by ``ref`` (default: ``SAPXEP_DB``, else the file in the user's folder)."""
    ref = ref if ref not in (None, "") else configured()
    if is_url(ref):
        from core.storage.pg.project import PgProject
        project = PgProject(str(ref).strip())
    else:
        from core.common.paths import default_db_path
        project = Project(Path(ref) if ref else default_db_path())
    if author:
        project.author = author
    return project


def reopen(project):
    """The same project opened again (after a boundary import changed it elsewhere)."""
    author = project.author
    project.close()
    again = open_project(getattr(project, "url", None) or project.path)
    again.author = author
    return again
