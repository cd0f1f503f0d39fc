"""The boundaries of a project: geometries, computed areas and the adjacency derived from them.

``store_boundaries`` replaces them in one transaction and keeps the ones it replaced
(tables ``previous_geometries`` and ``previous_adjacency``), so ``restore_previous``
can undo the last import, in one transaction too. Each of them counts one more
``boundaries_revision`` (in ``meta``), so a plan made before a change can tell.
"""
from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable

from core.storage.transaction import immediate

KEPT = (("geometries", "previous_geometries"), ("adjacency", "previous_adjacency"))
# Counts every change of the boundaries, so a plan made before one can tell.
REVISION = ("insert or replace into meta (key, value) values ('boundaries_revision', "
            "coalesce((select cast(value as integer) from meta where key = 'boundaries_revision'), 0) + 1)")


def _keep(conn: sqlite3.Connection) -> None:
    for table, previous in KEPT:
        conn.execute(f"drop table if exists {previous}")
        conn.execute(f"create table {previous} as select * from {table}")
    conn.execute("drop table if exists previous_meta")
    conn.execute("create table previous_meta as select key, value from meta where key = 'adjacency_source'")


def store_boundaries(conn: sqlite3.Connection, wkb_by_code: dict[str, bytes], area_by_code: dict[str, float],
                     adjacency: dict[tuple[str, str], float],
                     check: Callable[[sqlite3.Connection], None] | None = None, keep_previous: bool = True) -> None:
    """Replace geometries and adjacency in one transaction; ``check(conn)`` runs first, inside it."""
    with immediate(conn):
        if check is not None:
            check(conn)
        if keep_previous:
            _keep(conn)
        conn.execute("delete from geometries")
        conn.executemany("insert into geometries (code, wkb, area_km2) values (?, ?, ?)",
                         ((c, w, area_by_code.get(c)) for c, w in wkb_by_code.items()))
        conn.execute("delete from adjacency")
        conn.executemany("insert into adjacency (code_a, code_b, shared_m) values (?, ?, ?)",
                         ((a, b, None if m is None or math.isnan(m) else m)
                          for (a, b), m in sorted(adjacency.items())))
        conn.execute("insert or replace into meta (key, value) values ('adjacency_source', 'boundaries')")
        conn.execute(REVISION)


def has_previous(conn: sqlite3.Connection) -> bool:
    return conn.execute("select count(*) from sqlite_master where name = 'previous_geometries'").fetchone()[0] > 0


def restore_previous(conn: sqlite3.Connection) -> bool:
    """Put back the boundaries the last import replaced (these become the previous ones)."""
    with immediate(conn):
        if not has_previous(conn):
            return False
        swap_with_previous(conn, "?", "insert or replace into meta (key, value) values ('adjacency_source', ?)")
        conn.execute(REVISION)
    return True


def swap_with_previous(conn, param: str, set_source: str) -> None:
    """Swap the current boundaries with the previous ones, and their adjacency sources: the same
    steps for a file and a shared store, inside the caller's transaction. ``param`` is the driver's
    placeholder; ``set_source`` sets meta's ``adjacency_source`` to its one parameter."""
    for table, previous in KEPT:
        conn.execute(f"create temp table swap_{table} as select * from {table}")
        conn.execute(f"delete from {table}")
        conn.execute(f"insert into {table} select * from {previous}")
        conn.execute(f"delete from {previous}")
        conn.execute(f"insert into {previous} select * from swap_{table}")
        conn.execute(f"drop table swap_{table}")
    source = conn.execute("select value from previous_meta").fetchone()
    current = conn.execute("select value from meta where key = 'adjacency_source'").fetchone()
    conn.execute("delete from previous_meta")
    conn.execute(f"insert into previous_meta (key, value) values ('adjacency_source', {param})",
                 [current[0] if current else "data"])
    conn.execute(set_source, [source[0] if source else "data"])
