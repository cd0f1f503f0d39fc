"""The project's successive states (hiện trạng) and its figure sets, in the database.

A state is the set of units after a round of arrangement: its units (rows as in the
``units`` table, JSON), their adjacency, the former units of each unit it formed, and
the dissolved geometries when the project has boundaries. The project's own ``units``
table is the first state (position 0, ``BASE``); ``apply`` adds the next one.

A figure set is a named set of population and area figures by unit code, with its
source and reference date (the 2019 census, the figures as of 31/12/2024 …); the
project's own figures are the first one (``BASE``).

Every write here runs inside the caller's one transaction (``core.storage.transaction``).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

BASE = "base"          # the name a planner may give for the first state / the project's own figures

TABLES = (
    """create table if not exists states (position integer primary key, name text not null unique,
       scenario text, scenario_id text, rules text, figures text, created text, units integer, meta text)""",
    """create table if not exists state_units (state integer not null, code text not null, row text not null,
       history text, wkb blob, primary key (state, code))""",
    """create table if not exists state_adjacency (state integer not null, code_a text not null,
       code_b text not null, primary key (state, code_a, code_b))""",
    """create table if not exists figure_sets (name text primary key, source text not null, date text not null,
       created text, body text not null, report text)""",
)


def create_tables(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)


@dataclass
class StateInfo:
    position: int
    name: str
    scenario: str = ""
    scenario_id: str = ""
    rules: str = ""
    figures: str = ""
    created: str = ""
    units: int = 0
    meta: dict = field(default_factory=dict)       # transfers out, …

    def as_dict(self) -> dict:
        return {"position": self.position, "name": self.name, "units": self.units, "scenario": self.scenario,
                "rules": self.rules, "figures": self.figures, "created": self.created,
                "transfers": self.meta.get("transfers", [])}


@dataclass
class FigureSet:
    name: str
    source: str
    date: str
    values: dict[str, dict] = field(default_factory=dict)      # code → {"population": …, "area_km2": …}
    created: str = ""
    report: dict = field(default_factory=dict)


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]).fetchone() is not None


def list_states(conn: sqlite3.Connection) -> list[StateInfo]:
    """The states after the first, oldest first."""
    if not _has(conn, "states"):
        return []
    rows = conn.execute("select position, name, scenario, scenario_id, rules, figures, created, units, meta "
                        "from states order by position").fetchall()
    return [StateInfo(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "", r[7] or 0,
                      json.loads(r[8] or "{}")) for r in rows]


def load_state(conn: sqlite3.Connection, position: int) -> tuple[list[dict], set[tuple[str, str]], dict, dict]:
    """A state's unit rows, adjacency pairs, history (code → former units) and WKB by code."""
    rows, history, wkb = [], {}, {}
    for code, row, hist, blob in conn.execute(
            "select code, row, history, wkb from state_units where state = ? order by rowid", [position]):
        rows.append(json.loads(row))
        if hist:
            history[code] = json.loads(hist)
        if blob is not None:
            wkb[code] = blob
    pairs = {(a, b) for a, b in conn.execute("select code_a, code_b from state_adjacency where state = ?", [position])}
    return rows, pairs, history, wkb


def insert_state(conn: sqlite3.Connection, info: StateInfo, unit_rows: list[dict], adjacency: set[tuple[str, str]],
                 history: dict[str, list[dict]], wkb: dict[str, bytes]) -> None:
    """Write one state (inside the caller's transaction)."""
    create_tables(conn)
    conn.execute("insert into states (position, name, scenario, scenario_id, rules, figures, created, units, meta) "
                 "values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [info.position, info.name, info.scenario, info.scenario_id, info.rules, info.figures, info.created,
                  len(unit_rows), json.dumps(info.meta, ensure_ascii=False)])
    conn.executemany("insert into state_units (state, code, row, history, wkb) values (?, ?, ?, ?, ?)",
                     [(info.position, r["code"], json.dumps(r, ensure_ascii=False),
                       json.dumps(history[r["code"]], ensure_ascii=False) if r["code"] in history else None,
                       wkb.get(r["code"])) for r in unit_rows])
    conn.executemany("insert into state_adjacency (state, code_a, code_b) values (?, ?, ?)",
                     [(info.position, a, b) for a, b in sorted(adjacency)])


def list_figure_sets(conn: sqlite3.Connection) -> list[FigureSet]:
    if not _has(conn, "figure_sets"):
        return []
    return [FigureSet(r[0], r[1], r[2], {}, r[3] or "", json.loads(r[4] or "{}"))
            for r in conn.execute("select name, source, date, created, report from figure_sets order by created, name")]


def load_figure_set(conn: sqlite3.Connection, name: str) -> FigureSet | None:
    if not _has(conn, "figure_sets"):
        return None
    r = conn.execute("select name, source, date, created, body, report from figure_sets where name = ?",
                     [name]).fetchone()
    if r is None:
        return None
    return FigureSet(r[0], r[1], r[2], json.loads(r[4]), r[3] or "", json.loads(r[5] or "{}"))


def insert_figure_set(conn: sqlite3.Connection, figures: FigureSet) -> None:
    create_tables(conn)
    conn.execute("insert into figure_sets (name, source, date, created, body, report) values (?, ?, ?, ?, ?, ?)",
                 [figures.name, figures.source, figures.date, figures.created,
                  json.dumps(figures.values, ensure_ascii=False), json.dumps(figures.report, ensure_ascii=False)])
