"""The shared store's boundaries: replaced in one transaction, the previous ones kept for undo
(the same steps as ``core.storage.boundaries`` for a file; the caller holds the transaction)."""
from __future__ import annotations

from collections.abc import Callable

import psycopg

from core.storage.boundaries import KEPT, swap_with_previous

REVISION = ("insert into meta (key, value) values ('boundaries_revision', '1') on conflict (key) "
            "do update set value = (coalesce(nullif(meta.value, ''), '0')::integer + 1)::text")


def _exists(conn: psycopg.Connection, table: str) -> bool:
    return conn.execute("select to_regclass(%s) is not null", [f"sapxep.{table}"]).fetchone()[0]


def _keep(conn: psycopg.Connection) -> None:
    for table, previous in KEPT:
        conn.execute(f"drop table if exists {previous}")
        conn.execute(f"create table {previous} as select * from {table}")
    conn.execute("drop table if exists previous_meta")
    conn.execute("create table previous_meta as select key, value from meta where key = 'adjacency_source'")


def store(conn: psycopg.Connection, wkb_by_code: dict[str, bytes], area_by_code: dict[str, float],
          adjacency: dict[tuple[str, str], float | None], check: Callable | None, keep_previous: bool) -> None:
    if check is not None:
        check(conn)
    if keep_previous:
        _keep(conn)
    with conn.cursor() as cur:
        cur.execute("delete from geometries")
        cur.executemany("insert into geometries (code, wkb, area_km2) values (%s, %s, %s)",
                        [(c, w, area_by_code.get(c)) for c, w in wkb_by_code.items()])
        cur.execute("delete from adjacency")
        cur.executemany("insert into adjacency (code_a, code_b, shared_m) values (%s, %s, %s)",
                        [(a, b, m) for (a, b), m in sorted(adjacency.items())])
    conn.execute("insert into meta (key, value) values ('adjacency_source', 'boundaries') "
                 "on conflict (key) do update set value = excluded.value")
    conn.execute(REVISION)


def has_previous(conn: psycopg.Connection) -> bool:
    return _exists(conn, "previous_geometries")


def restore_previous(conn: psycopg.Connection) -> bool:
    if not has_previous(conn):
        return False
    swap_with_previous(conn, "%s", "insert into meta (key, value) values ('adjacency_source', %s) "
                       "on conflict (key) do update set value = excluded.value")
    conn.execute(REVISION)
    return True
