"""The change log: who did what to which scenario, when, at which version, in words.

Every save, rename, delete, apply and import writes one ``Change`` in the same transaction
as the change itself (so the log never claims what did not happen). The summary is kept as
message codes with their figures (JSON), so ``history`` words it in the reader's language.
This module holds what both backends share and the SQLite side (table ``changes`` in the
project file, made on the first write); ``core.storage.pg`` writes the same rows to the server.
"""
from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.common.messages import Message

ACTIONS = ("add", "save", "rename", "delete", "apply", "import", "copy")

SQLITE_TABLE = ("create table if not exists changes (id integer primary key autoincrement, "
                "scenario_id text not null, scenario_name text not null, action text not null, "
                "version integer not null, author text not null, at text not null, summary text not null, body text)")


@dataclass
class Change:
    scenario_id: str
    scenario_name: str
    action: str
    version: int
    author: str
    at: str                                   # ISO 8601, UTC
    summary: list[Message] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"scenario_id": self.scenario_id, "scenario": self.scenario_name, "action": self.action,
                "version": self.version, "author": self.author, "at": self.at,
                "summary": [m.as_json() for m in self.summary]}


def default_author() -> str:
    """The name a change is recorded under: ``SAPXEP_AUTHOR``, else the system user."""
    name = os.environ.get("SAPXEP_AUTHOR", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def when_text(at: str) -> str:
    """An ISO time as a planner reads it: local time, ``HH:MM:SS dd/mm/yyyy``."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%H:%M:%S %d/%m/%Y")


# ----- summaries: Messages <-> JSON --------------------------------------------------------
def _encode(value: object) -> object:
    if isinstance(value, Message):
        return {"$msg": value.code, "params": {k: _encode(v) for k, v in value.params.items()}}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _decode(value: object) -> object:
    if isinstance(value, dict):
        if "$msg" in value:
            return Message(str(value["$msg"]), **{k: _decode(v) for k, v in (value.get("params") or {}).items()})
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def summary_json(summary: Iterable[Message] | None) -> str:
    return json.dumps([_encode(m) for m in (summary or [])], ensure_ascii=False)


def summary_messages(text: str | list | None) -> list[Message]:
    try:
        items = json.loads(text) if isinstance(text, str) else (text or [])
    except ValueError:
        return []
    return [m for m in (_decode(i) for i in items) if isinstance(m, Message)]


# ----- SQLite ------------------------------------------------------------------------------
def record_sqlite(conn: sqlite3.Connection, scenario_id: str, name: str, action: str, version: int,
                  author: str, summary: Iterable[Message] | None = None, body: str | None = None) -> Change:
    """Write one change, inside the caller's transaction (``body``: the scenario as saved, JSON)."""
    change = Change(scenario_id, name, action, version, author, now_utc(), list(summary or []))
    conn.execute(SQLITE_TABLE)
    conn.execute("insert into changes (scenario_id, scenario_name, action, version, author, at, summary, body) "
                 "values (?, ?, ?, ?, ?, ?, ?, ?)",
                 [scenario_id, name, action, version, author, change.at, summary_json(change.summary), body])
    return change


def body_at_sqlite(conn: sqlite3.Connection, scenario_id: str, version: int) -> str | None:
    """The scenario's body as saved at ``version``, None when the log does not have it."""
    if not _has_table(conn):
        return None
    row = conn.execute("select body from changes where scenario_id = ? and version = ? and body is not null "
                       "order by id desc limit 1", [scenario_id, version]).fetchone()
    if row is None:
        row = conn.execute("select body from scenarios where id = ? and version = ?", [scenario_id, version]).fetchone()
    return row[0] if row else None


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("select count(*) from sqlite_master where type = 'table' and name = 'changes'").fetchone()[0] > 0


def history_sqlite(conn: sqlite3.Connection, scenario_id: str | None = None) -> list[Change]:
    """The changes, oldest first (of one scenario when ``scenario_id`` is given)."""
    if not _has_table(conn):
        return []
    sql = "select scenario_id, scenario_name, action, version, author, at, summary from changes"
    rows = conn.execute(sql + (" where scenario_id = ? order by id" if scenario_id else " order by id"),
                        [scenario_id] if scenario_id else []).fetchall()
    return [Change(r[0], r[1], r[2], r[3], r[4], r[5], summary_messages(r[6])) for r in rows]


def last_change_sqlite(conn: sqlite3.Connection, scenario_id: str) -> Change | None:
    if not _has_table(conn):
        return None
    r = conn.execute("select scenario_id, scenario_name, action, version, author, at, summary from changes "
                     "where scenario_id = ? order by id desc limit 1", [scenario_id]).fetchone()
    return Change(r[0], r[1], r[2], r[3], r[4], r[5], summary_messages(r[6])) if r else None
