"""One write, one transaction: ``BEGIN IMMEDIATE`` … ``COMMIT`` around all of it.

sqlite-utils commits each ``insert_all`` chunk and each ``delete_where`` on its own
(``with conn:`` inside), so a write made of several of them is not atomic. Code that
must be atomic writes inside ``immediate(conn)`` with plain SQL: the lock is taken at
the start (a second writer waits, or fails before anything changed), and any exception,
a cancel included, rolls everything back.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("begin immediate")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("rollback")
        raise
    conn.execute("commit")
