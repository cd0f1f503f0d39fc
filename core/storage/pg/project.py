"""``PgProject``: the project in a PostgreSQL database, with the methods of ``store.Project``.

Every write is one transaction. A save is checked in the database itself
(``update … where id = %s and version = %s``): when a colleague saved first, nothing is
written and the refusal names who saved and when. Each write records its change
(``changes``) in the same transaction.
"""
from __future__ import annotations

import gc
import json
import math
from collections.abc import Callable, Iterable
from pathlib import Path

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from core.common.messages import Message
from core.common.paths import DEFAULT_DATASET
from core.domain.datasets import load_dataset, seed_scenario_files, unit_from_row, unit_to_row
from core.domain.model import Dataset
from core.domain.scenario import Scenario, ScenarioError, new_id, now_iso
from core.domain.scenario_io import from_dict, read_scenario_file, to_dict
from core.storage import changelog
from core.storage.changelog import Change
from core.storage.chosen import ChosenView
from core.storage.pg import schema
from core.storage.pg.failures import connect, location, worded
from core.storage.store import SCHEMA_VERSION, UNIT_COLUMNS, ConflictError, ProjectError, UnknownScenario


def journal_anchor(where: str) -> Path:
    """A local path the autosave journal of this store is kept beside (``Journal(path)``)."""
    from platformdirs import user_data_dir

    from core.common.paths import APP_AUTHOR, APP_NAME
    safe = "".join(ch if ch.isalnum() or ch in "@.-" else "_" for ch in where.split("://", 1)[-1])
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "kho-dung-chung" / safe


class PgProject(ChosenView):
    """An open shared store. ``PgProject(url)`` makes and seeds the tables in an empty database;
    ``fill(project)``, when given, fills them instead (in the same transaction), and a database
    that holds a store already is then refused."""

    migrated_backup = None

    def __init__(self, url: str, seed_from: Path = DEFAULT_DATASET, dataset: Dataset | None = None,
                 fill: Callable[[PgProject], None] | None = None) -> None:
        self.url = url
        self.location = location(url)
        self.path = journal_anchor(self.location)
        self._conn = connect(url)
        self._closed = False
        self._open_id = ""
        self.backend_pids = {self._conn.info.backend_pid}   # this project's server sessions (its own notices)
        self._dataset: Dataset | None = None
        self._base: Dataset | None = None
        self._state: int | None = None
        self._figures: str | None = None
        self._geometries = None
        self.created = False
        try:
            with worded(self.location):
                self.role = self.conn.execute("select current_user").fetchone()[0]
                version = schema.state(self.conn, self.location)
                if version is not None and fill is not None:
                    raise ProjectError("project.pg_not_empty", where=self.location)
                if version is None or version < SCHEMA_VERSION:
                    with self.conn.transaction():
                        self.conn.execute("select pg_advisory_xact_lock(%s)", [schema.CREATE_LOCK])
                        version = schema.state(self.conn, self.location)        # someone else may have been first
                        if version is None:
                            schema.create(self.conn, now_iso())
                            self.author = changelog.default_author() if _author_given() else self.role
                            if fill is not None:
                                fill(self)
                            else:
                                self._seed(seed_from, dataset)
                            self.created = True
                        elif fill is not None:
                            raise ProjectError("project.pg_not_empty", where=self.location)
                        elif version < SCHEMA_VERSION:
                            schema.upgrade(self.conn, version)
        except BaseException:
            self._conn.close()
            raise
        self.author = changelog.default_author() if _author_given() else self.role

    @property
    def conn(self):
        """The connection; one the server dropped (restart, ``pg_terminate_backend``) is made
        again on the next use, so a retry after a lost connection simply works."""
        if self._conn.closed and not self._closed:
            self._conn = connect(self.url)
            self.backend_pids.add(self._conn.info.backend_pid)
            if self._open_id:
                self._announce(self._open_id)
        return self._conn

    # ----- who has which scenario open ----------------------------------------------------
    def _announce(self, scenario_id: str) -> None:
        # One row per server session; rows of sessions that are gone are ignored, then removed.
        self._conn.execute("delete from presence where pid = pg_backend_pid() "
                           "or pid not in (select pid from pg_stat_activity)")
        if scenario_id:
            self._conn.execute("insert into presence (pid, scenario_id, author) values (pg_backend_pid(), %s, %s)",
                               [scenario_id, self.author])

    def set_open(self, scenario_id: str | None) -> None:
        """Tell colleagues which scenario this window has open (None: none)."""
        self._open_id = scenario_id or ""
        with self._guard():
            self._announce(self._open_id)

    def who_has_open(self, scenario_id: str) -> list[str]:
        """The authors of the other live sessions that have ``scenario_id`` open now."""
        with self._guard():
            rows = self.conn.execute(
                "select distinct p.author from presence p join pg_stat_activity a on a.pid = p.pid "
                "where p.scenario_id = %s and p.pid <> pg_backend_pid() order by 1", [scenario_id]).fetchall()
        return [r[0] for r in rows]

    def _guard(self):
        return worded(self.location)

    # ----- creation ------------------------------------------------------------------------
    def _seed(self, seed_from: Path, given: Dataset | None) -> None:
        dataset = given if given is not None else load_dataset(seed_from)
        self.write_dataset(dataset, source="data")
        for path in (seed_scenario_files(seed_from) if given is None else []):
            scenario = read_scenario_file(path, dataset)        # as in a new file: at its version (0)
            self.conn.execute(
                "insert into scenarios (id, name, rules, description, body, created, modified, version) "
                "values (%s, %s, %s, %s, %s, %s, %s, %s)", [scenario.id, *self._values(scenario), scenario.version])

    def write_dataset(self, dataset: Dataset, source: str, shared_m: dict | None = None) -> None:
        """Units, adjacency and the dataset's meta (inside the caller's transaction)."""
        cols = [*UNIT_COLUMNS, "position"]
        self.conn.execute("delete from units")
        with self.conn.cursor() as cur:
            cur.executemany(f"insert into units ({', '.join(cols)}) values ({', '.join(['%s'] * len(cols))})",
                            [[unit_to_row(u).get(c) for c in UNIT_COLUMNS] + [i]
                             for i, u in enumerate(dataset.units.values())])
            self.conn.execute("delete from adjacency")
            shared_m = shared_m or {}
            cur.executemany("insert into adjacency (code_a, code_b, shared_m) values (%s, %s, %s)",
                            [(a, b, shared_m.get((a, b))) for a, b in sorted(dataset.adjacency)])
        self.set_meta({"dataset_name": dataset.name, "adjacency_source": source,
                       "dataset_meta": json.dumps(dataset.meta, ensure_ascii=False)})

    def set_meta(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            self.conn.execute("insert into meta (key, value) values (%s, %s) "
                              "on conflict (key) do update set value = excluded.value", [key, value])

    def store_units(self, units) -> None:
        """Write units whose classification a planner edited, in one transaction."""
        rows = [unit_to_row(u) for u in units]
        with self._guard(), self.conn.transaction():
            for row in rows:
                cols = [c for c in row if c != "code" and c in UNIT_COLUMNS]
                self.conn.execute(f"update units set {', '.join(c + ' = %s' for c in cols)} where code = %s",
                                  [row[c] for c in cols] + [row["code"]])
        self._dataset = self._base = None

    # ----- dataset -------------------------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        with self._guard():
            row = self.conn.execute("select value from meta where key = %s", [key]).fetchone()
        return row[0] if row else default

    def base_dataset(self) -> Dataset:
        """The units as stored (the first state)."""
        if self._base is None:
            with self._guard(), self.conn.cursor(row_factory=dict_row) as cur:
                rows = cur.execute("select * from units order by position").fetchall()
                pairs = {(r["code_a"], r["code_b"]) for r in cur.execute("select code_a, code_b from adjacency")}
            units = {}
            for i, row in enumerate(rows):
                unit = unit_from_row(row, Message("where.db_units_row", row=i + 1))
                units[unit.code] = unit
            meta = json.loads(self.meta("dataset_meta", "{}"))
            meta["adjacency_source"] = self.meta("adjacency_source", "data")
            meta["boundaries_revision"] = self.meta("boundaries_revision", "0")
            self._base = Dataset(self.meta("dataset_name"), units, pairs, meta)
            gc.freeze()
        return self._base

    def has_boundaries(self) -> bool:
        with self._guard():
            return self.conn.execute("select exists (select 1 from geometries)").fetchone()[0]

    def geometry_wkb(self) -> dict[str, bytes]:
        with self._guard():
            return {r[0]: bytes(r[1]) for r in self.conn.execute("select code, wkb from geometries")}

    def geometries(self) -> dict:
        """Unit code → shapely geometry (WGS84), empty when no boundaries were imported."""
        if self._geometries is None:
            import shapely
            wkb = self.geometry_wkb()
            self._geometries = dict(zip(wkb, shapely.from_wkb(list(wkb.values())))) if wkb else {}
        return self._geometries

    def shared_lengths(self) -> dict[tuple[str, str], float]:
        with self._guard():
            return {(r[0], r[1]): r[2] for r in self.conn.execute(
                "select code_a, code_b, shared_m from adjacency where shared_m is not null")}

    def computed_areas(self) -> dict[str, float]:
        with self._guard():
            return {r[0]: r[1] for r in self.conn.execute("select code, area_km2 from geometries")}

    def store_boundaries(self, wkb_by_code: dict[str, bytes], area_by_code: dict[str, float],
                         adjacency: dict[tuple[str, str], float], check=None, keep_previous: bool = True) -> None:
        """Replace geometries and adjacency in one transaction, keeping the previous ones;
        ``check(conn)`` may refuse, inside the transaction."""
        from core.storage.pg import boundaries
        try:
            with self._guard(), self.conn.transaction():
                boundaries.store(self.conn, wkb_by_code, area_by_code,
                                 {k: (None if m is None or math.isnan(m) else m) for k, m in adjacency.items()},
                                 check, keep_previous)
        finally:
            self._dataset = self._base = None
            self._geometries = None

    def has_previous_boundaries(self) -> bool:
        from core.storage.pg import boundaries
        with self._guard():
            return boundaries.has_previous(self.conn)

    def restore_previous_boundaries(self) -> bool:
        from core.storage.pg import boundaries
        try:
            with self._guard(), self.conn.transaction():
                return boundaries.restore_previous(self.conn)
        finally:
            self._dataset = self._base = None
            self._geometries = None

    # ----- scenarios -----------------------------------------------------------------------
    @staticmethod
    def _scenario(body, version: int) -> Scenario:
        s = from_dict(body if isinstance(body, dict) else json.loads(body))
        s.version = version
        return s

    def scenarios(self) -> list[Scenario]:
        with self._guard():
            rows = self.conn.execute("select body, version from scenarios order by created, name").fetchall()
        return [self._scenario(b, v) for b, v in rows]

    def scenario_names(self) -> list[str]:
        with self._guard():
            return [r[0] for r in self.conn.execute("select name from scenarios order by created, name")]

    def get_scenario(self, ref: str) -> Scenario:
        """A scenario by id or by name (exact, then case/diacritics-insensitive)."""
        from core.common.text import fold
        with self._guard():
            rows = self.conn.execute("select id, name, body, version from scenarios order by created, name").fetchall()
        match = [r for r in rows if r[0] == ref] or [r for r in rows if r[1] == ref] \
            or [r for r in rows if fold(r[1]) == fold(ref)]
        if len(match) != 1:
            if len(match) > 1:
                raise ProjectError("project.ambiguous_scenario", ref=ref)
            raise UnknownScenario(ref, [r[1] for r in rows])
        return self._scenario(match[0][2], match[0][3])

    def stored_version(self, scenario_id: str) -> int | None:
        with self._guard():
            row = self.conn.execute("select version from scenarios where id = %s", [scenario_id]).fetchone()
        return row[0] if row else None

    def _values(self, scenario: Scenario) -> list:
        return [scenario.name, scenario.rules, scenario.description,
                Jsonb(to_dict(scenario, with_ids=True)), scenario.created, scenario.modified]

    def _record(self, scenario_id: str, name: str, action: str, version: int,
                summary: Iterable[Message] | None = None, body: dict | None = None) -> None:
        self.conn.execute("insert into changes (scenario_id, scenario_name, action, version, author, summary, body) "
                          "values (%s, %s, %s, %s, %s, %s, %s)",
                          [scenario_id, name, action, version, self.author,
                           Jsonb(json.loads(changelog.summary_json(summary))), Jsonb(body) if body is not None else None])
        # Delivered to every listening window when the transaction commits, never before.
        from core.storage.pg.listen import CHANNEL, payload
        self.conn.execute("select pg_notify(%s, %s)", [CHANNEL, payload(scenario_id, name, action, version, self.author)])

    def insert_scenario(self, scenario: Scenario, action: str, summary=None, keep_version: bool = False) -> bool:
        """Insert a scenario that is not stored (inside the caller's transaction); False when its
        id is taken. ``keep_version``: as it was elsewhere (a copy), else version 1."""
        version = scenario.version if keep_version else 1
        before, scenario.version = scenario.version, version
        try:
            row = self.conn.execute(
                "insert into scenarios (id, name, rules, description, body, created, modified, version, saved_by) "
                "values (%s, %s, %s, %s, %s, %s, %s, %s, %s) on conflict (id) do nothing returning version",
                [scenario.id, *self._values(scenario), version, self.author]).fetchone()
        except BaseException:
            scenario.version = before
            raise
        if row is None:
            scenario.version = before
            return False
        self._record(scenario.id, scenario.name, action, version, summary, to_dict(scenario, with_ids=True))
        return True

    def _conflict(self, scenario: Scenario) -> ConflictError | None:
        row = self.conn.execute("select version, saved_by, saved_at from scenarios where id = %s",
                                [scenario.id]).fetchone()
        if row is None:
            return None
        return ConflictError(scenario.name, scenario.version, row[0], row[1], row[2].isoformat())

    def save_scenario(self, scenario: Scenario, force: bool = False, action: str = "save", summary=None) -> None:
        """Save in one transaction, checked in the database: refused (ConflictError: who, when)
        when the stored version is not the one this copy was loaded at, unless ``force``."""
        from core.storage import history
        scenario.validate(history.dataset_for_scenario(self, scenario))
        before = scenario.version
        try:
            self._save(scenario, force, action, summary, before)
        except psycopg.OperationalError as exc:
            # The connection went away mid-save: the commit may or may not have reached the
            # server. Ask it (on a new connection) which version it keeps, and say so.
            scenario.version = before
            if self._landed(scenario, before):
                scenario.version = before + 1
                return
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
            try:
                stored = self.conn.execute("select version from scenarios where id = %s", [scenario.id]).fetchone()
            except (psycopg.Error, ProjectError):
                raise ProjectError("project.pg_lost_save_unknown", where=self.location, name=scenario.name,
                                   reason=reason) from None
            raise ProjectError("project.pg_lost_save", where=self.location, name=scenario.name,
                               version=stored[0] if stored else 0, reason=reason) from None

    def _landed(self, scenario: Scenario, before: int) -> bool:
        """True when the server holds exactly this save (its version and content, by us)."""
        try:
            row = self.conn.execute("select version, saved_by, body from scenarios where id = %s",
                                    [scenario.id]).fetchone()
        except psycopg.Error:
            return False
        if row is None or row[0] != before + 1 or row[1] != self.author:
            return False
        scenario.version = before + 1
        try:
            return row[2] == to_dict(scenario, with_ids=True)
        finally:
            scenario.version = before

    def _refuse_if_submitted(self, scenario_id: str) -> None:
        """Inside a write's transaction: a submitted scenario is read-only but for the leads."""
        from core.storage.pg.roles import is_lead
        row = self.conn.execute("select name, status, submitted_by, submitted_at from scenarios where id = %s "
                                "for update", [scenario_id]).fetchone()
        if row is not None and row[1] == "submitted" and not is_lead(self.conn):
            raise ProjectError("project.submitted", name=row[0], by=row[2],
                               at=changelog.when_text(row[3].isoformat() if row[3] else ""))

    def submit(self, scenario_id: str, submitted: bool = True) -> Scenario:
        """Mark a scenario submitted (read-only for all but the leads), or open it again: leads only."""
        from core.storage.pg.roles import is_lead
        with self._guard(), self.conn.transaction():
            if not is_lead(self.conn):
                raise ProjectError("project.not_lead", where=self.location, role=self.role)
            row = self.conn.execute(
                "update scenarios set status = %s, submitted_by = %s, submitted_at = now() where id = %s "
                "returning name, version", ["submitted" if submitted else "draft", self.author, scenario_id]).fetchone()
            if row is None:
                raise UnknownScenario(scenario_id, [])
            self._record(scenario_id, row[0], "submit" if submitted else "reopen", row[1])
        return self.get_scenario(scenario_id)

    def grant_role(self, login: str, role: str) -> None:
        """Give ``login`` the role viewer, planner or lead (needs the right to grant roles)."""
        from core.storage.pg import roles
        if role not in roles.GROUPS:
            raise ProjectError("project.unknown_role", role=role, roles=list(roles.GROUPS))
        with self._guard(), self.conn.transaction():
            roles.grant(self.conn, login, role)

    def team(self) -> list[tuple[str, str]]:
        from core.storage.pg import roles
        with self._guard():
            return roles.members(self.conn)

    def status(self, scenario_id: str) -> tuple[str, str, str]:
        """(``draft`` or ``submitted``, by whom, when) of a stored scenario."""
        with self._guard():
            row = self.conn.execute("select status, submitted_by, submitted_at from scenarios where id = %s",
                                    [scenario_id]).fetchone()
        if row is None:
            return ("draft", "", "")
        return (row[0], row[1], row[2].isoformat() if row[2] else "")

    def _save(self, scenario: Scenario, force: bool, action: str, summary, before: int) -> None:
        with worded(self.location, keep=(psycopg.OperationalError,)):
            try:
                with self.conn.transaction():
                    self._refuse_if_submitted(scenario.id)
                    scenario.version = before + 1          # what the body records; the column decides
                    check = "" if force else " and version = %s"
                    row = self.conn.execute(
                        "update scenarios set name = %s, rules = %s, description = %s, body = %s, created = %s, "
                        "modified = %s, version = version + 1, saved_by = %s, saved_at = now() "
                        f"where id = %s{check} returning version",
                        [*self._values(scenario), self.author, scenario.id, *([] if force else [before])]).fetchone()
                    if row is not None:
                        scenario.version = row[0]
                        self._record(scenario.id, scenario.name, action, row[0], summary,
                                     to_dict(scenario, with_ids=True))
                        return
                    scenario.version = before
                    conflict = self._conflict(scenario)
                    if conflict is not None:
                        raise conflict
                    if not self.insert_scenario(scenario, action, summary):
                        raise self._conflict(scenario) or ProjectError("project.pg_failed", where=self.location,
                                                                         reason="insert")
            except BaseException:
                scenario.version = before           # nothing was written: the copy is as it was
                raise

    def add_scenario(self, scenario: Scenario, action: str = "add", summary=None) -> None:
        if scenario.name in self.scenario_names():
            raise ScenarioError("scenario.name_taken", name=scenario.name)
        if self.stored_version(scenario.id) is not None:
            scenario.id = new_id()
        scenario.version = 0
        self.save_scenario(scenario, action=action, summary=summary)

    def delete_scenario(self, scenario_id: str) -> None:
        with self._guard(), self.conn.transaction():
            self._refuse_if_submitted(scenario_id)
            row = self.conn.execute("delete from scenarios where id = %s returning name, version",
                                    [scenario_id]).fetchone()
            if row is not None:
                self._record(scenario_id, row[0], "delete", row[1])

    def scenario_at(self, scenario_id: str, version: int) -> Scenario:
        """The scenario as it was saved at ``version`` (from the change log), to read, not to save over."""
        with self._guard():
            row = self.conn.execute("select body from changes where scenario_id = %s and version = %s and body is not null "
                                    "order by id desc limit 1", [scenario_id, version]).fetchone() \
                or self.conn.execute("select body from scenarios where id = %s and version = %s",
                                     [scenario_id, version]).fetchone()
        if row is None:
            raise ProjectError("project.no_such_version", ref=scenario_id, version=version)
        return self._scenario(row[0], version)

    def history(self, scenario_id: str | None = None) -> list[Change]:
        """The change log, oldest first (of one scenario when ``scenario_id`` is given)."""
        sql = "select scenario_id, scenario_name, action, version, author, at, summary from changes"
        with self._guard():
            rows = self.conn.execute(sql + (" where scenario_id = %s order by id" if scenario_id else " order by id"),
                                     [scenario_id] if scenario_id else []).fetchall()
        return [Change(r[0], r[1], r[2], r[3], r[4], r[5].isoformat(), changelog.summary_messages(r[6]))
                for r in rows]

    def close(self) -> None:
        self._closed = True
        self._conn.close()


def _author_given() -> bool:
    import os
    return bool(os.environ.get("SAPXEP_AUTHOR", "").strip())
