"""A failure of the server or the connection, in the planner's words (``project.pg_*``)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import conninfo

from core.storage.store import ProjectError

SCHEMES = ("postgresql://", "postgres://")


def is_url(ref: object) -> bool:
    return isinstance(ref, str) and ref.strip().lower().startswith(SCHEMES)


def location(url: str) -> str:
    """The URL as it may be shown: user, host, port and database, never a password."""
    try:
        p = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    user = f"{p['user']}@" if p.get("user") else ""
    port = f":{p['port']}" if p.get("port") else ""
    return f"postgresql://{user}{p.get('host') or 'localhost'}{port}/{p.get('dbname') or ''}"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


def server_failure(where: str, exc: BaseException) -> ProjectError:
    if isinstance(exc, ProjectError):
        return exc
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return ProjectError("project.pg_no_permission", where=where, reason=_reason(exc))
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return ProjectError("project.pg_read_only", where=where)
    if isinstance(exc, psycopg.errors.DiskFull):
        return ProjectError("project.pg_disk_full", where=where)
    if isinstance(exc, psycopg.OperationalError):
        return ProjectError("project.pg_lost", where=where, reason=_reason(exc))
    return ProjectError("project.pg_failed", where=where, reason=_reason(exc))


@contextmanager
def worded(where: str, keep: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Every psycopg error raised inside becomes a ProjectError that says what and where
    (but those of the classes in ``keep``, which the caller handles)."""
    try:
        yield
    except keep:
        raise
    except psycopg.Error as exc:
        raise server_failure(where, exc) from None


def connect(url: str) -> psycopg.Connection:
    where = location(url)
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="sapxep-dvhc")
    except psycopg.ProgrammingError as exc:          # a URL libpq cannot read
        raise ProjectError("project.pg_bad_url", where=where, reason=_reason(exc)) from None
    except psycopg.OperationalError as exc:
        raise ProjectError("project.pg_cannot_connect", where=where, reason=_reason(exc)) from None
    conn.execute("set search_path to sapxep")
    return conn
