"""The shared store's tables (schema ``sapxep``), made in one transaction on first use.

Units carry the same columns as the SQLite file (``store.UNIT_COLUMNS``); geometries are WKB
(``bytea``); scenarios keep their version, who saved them last and when; ``changes`` is the
change log. ``SCHEMA_VERSION`` follows the SQLite file's, so one number names both layouts.
"""
from __future__ import annotations

import psycopg

from core.storage.store import APP_ID, SCHEMA_VERSION, UNIT_COLUMNS, ProjectError

SCHEMA = "sapxep"
# Taken (for the transaction) by whoever makes the tables, so two first opens do not race.
CREATE_LOCK = 74_1401
REAL_COLUMNS = {"population", "area_km2", "label_lat", "label_lon"}
INT_COLUMNS = {"border", "classification_defaulted"}


def unit_column_type(column: str) -> str:
    return "double precision" if column in REAL_COLUMNS else "integer" if column in INT_COLUMNS else "text"


def _ddl() -> list[str]:
    units = ", ".join(f"{c} {unit_column_type(c)}" + (" primary key" if c == "code" else "") for c in UNIT_COLUMNS)
    return [
        f"create schema if not exists {SCHEMA}",
        "create table meta (key text primary key, value text not null)",
        f"create table units ({units}, position integer not null)",
        "create table adjacency (code_a text not null, code_b text not null, shared_m double precision, "
        "primary key (code_a, code_b))",
        "create table geometries (code text primary key, wkb bytea not null, area_km2 double precision)",
        "create table scenarios (id text primary key, name text not null, rules text not null, "
        "description text not null default '', body jsonb not null, created text not null, modified text not null, "
        "version integer not null, saved_by text not null default '', saved_at timestamptz not null default now(), "
        "status text not null default 'draft', submitted_by text not null default '', submitted_at timestamptz)",
        "create index scenarios_name on scenarios (name)",
        "create table changes (id bigserial primary key, scenario_id text not null, scenario_name text not null, "
        "action text not null, version integer not null, author text not null, role text not null default current_user, "
        "at timestamptz not null default now(), summary jsonb not null default '[]', body jsonb)",
        "create index changes_scenario on changes (scenario_id, id)",
        # Who has which scenario open: one row per server session (pg_backend_pid()).
        "create table presence (pid integer primary key, scenario_id text not null, author text not null, "
        "since timestamptz not null default now())",
    ]


def state(conn: psycopg.Connection, where: str) -> int | None:
    """The store's schema version, None when the database holds no store yet; refuses one not ours."""
    found = conn.execute("select 1 from information_schema.tables where table_schema = %s and table_name = 'meta'",
                         [SCHEMA]).fetchone()
    if found is None:
        return None
    meta = dict(conn.execute("select key, value from meta").fetchall())
    if meta.get("app") != APP_ID:
        raise ProjectError("project.pg_other_app", where=where, app=str(meta.get("app")))
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError:
        raise ProjectError("project.pg_unknown_schema", where=where, version=str(meta.get("schema_version"))) from None
    if version > SCHEMA_VERSION:
        raise ProjectError("project.pg_newer_version", where=where, version=version, supported=SCHEMA_VERSION)
    return version


def create(conn: psycopg.Connection, created: str) -> None:
    """Make the tables (inside the caller's transaction)."""
    for statement in _ddl():
        conn.execute(statement)
    conn.execute("insert into meta (key, value) values ('app', %s), ('schema_version', %s), ('created', %s)",
                 [APP_ID, str(SCHEMA_VERSION), created])


def upgrade(conn: psycopg.Connection, version: int) -> None:
    """Columns added to the units since ``version`` (inside the caller's transaction)."""
    have = {r[0] for r in conn.execute("select column_name from information_schema.columns "
                                       "where table_schema = %s and table_name = 'units'", [SCHEMA])}
    for column in UNIT_COLUMNS:
        if column not in have:
            default = "0" if column in INT_COLUMNS else "''" if unit_column_type(column) == "text" else "null"
            conn.execute(f"alter table units add column {column} {unit_column_type(column)} default {default}")
    conn.execute("update meta set value = %s where key = 'schema_version'", [str(SCHEMA_VERSION)])
