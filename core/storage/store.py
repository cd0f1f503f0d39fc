"""The project database (SQLite through sqlite-utils).

One file holds a planner's project: the units and their adjacency (from
``data/`` or an import), boundary geometries when imported, and the scenarios.
Every save is one transaction; the file is checked before anything is written,
so a file that is not ours is never touched.
"""
from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import sqlite_utils

from core.common.errors import CoreError
from core.common.messages import Message
from core.common.paths import DEFAULT_DATASET
from core.domain.datasets import load_dataset, seed_scenario_files, unit_from_row, unit_to_row
from core.domain.model import Dataset
from core.domain.scenario import Scenario, ScenarioError, now_iso
from core.domain.scenario_io import from_dict, read_scenario_file, to_dict
from core.storage import changelog
from core.storage.changelog import default_author
from core.storage.chosen import ChosenView
from core.storage.failures import ProjectError, failure
from core.storage.transaction import immediate

APP_ID = "sapxep-dvhc"
SCHEMA_VERSION = 4
SQLITE_HEADER = b"SQLite format 3\x00"

UNIT_COLUMNS = ("code", "name", "kind", "terrain", "urban_class", "parent", "border", "province",
                "district", "population", "population_source", "population_date", "area_km2",
                "area_basis", "area_source", "area_date", "label_lat", "label_lon",
                "classification_defaulted", "classification")


class UnknownScenario(ProjectError):
    def __init__(self, ref: str, known: list[str]) -> None:
        self.ref, self.known = ref, known
        if known:
            super().__init__("project.unknown_scenario", ref=ref, known=list(known))
        else:
            super().__init__("project.unknown_scenario_none", ref=ref)


class ConflictError(ProjectError):
    """The scenario was changed in the database since it was loaded (another window or process)."""

    def __init__(self, scenario_name: str, ours: int, theirs: int | None, by: str = "", at: str = "") -> None:
        self.ours, self.theirs, self.by, self.at = ours, theirs, by, at
        if theirs is None:
            super().__init__("project.deleted_elsewhere", name=scenario_name)
        elif by:                                # who saved last and when, from the change log
            from core.storage.changelog import when_text
            super().__init__("project.conflict_by", name=scenario_name, ours=ours, theirs=theirs,
                             by=by, at=when_text(at))
        else:
            super().__init__("project.conflict", name=scenario_name, ours=ours, theirs=theirs)


class DeletedElsewhere(ConflictError):
    """The scenario was stored when it was loaded and has been deleted since (another window)."""

    def __init__(self, scenario_name: str) -> None:
        super().__init__(scenario_name, 0, None)


def storage_failure(path: Path | str, exc: BaseException) -> ProjectError:
    """A failure of SQLite or the operating system on ``path``, named in the planner's words:
    disk full, read-only (file or folder), locked by another program (which one), no permission,
    damaged … (``core.storage.failures``)."""
    return failure(path, exc, ProjectError)


def _writes(method):
    """A write of the project: SQLite's or the system's failure reaches the caller in words."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            raise storage_failure(self.path, exc) from None
    return wrapper


def check_file(path: Path) -> int | None:
    """Refuse, without writing, a file that is not a project database of ours.

    Returns the file's schema version (None when the file does not exist yet).
    """
    if not path.exists():
        return None
    file = str(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise storage_failure(path, exc) from None
    if size == 0:
        raise ProjectError("project.empty", file=file)
    if not head.startswith(SQLITE_HEADER):
        raise ProjectError("project.not_sqlite", file=file)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
            if "meta" not in tables:
                raise ProjectError("project.other_program", file=file)
            meta = dict(conn.execute("select key, value from meta").fetchall())
            if conn.execute("pragma quick_check").fetchone()[0] != "ok":
                raise ProjectError("project.damaged", file=file)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        failure = storage_failure(path, exc)
        if failure.code == "project.not_sqlite":       # an SQLite header, then nothing readable
            failure = ProjectError("project.unreadable", file=file, reason=str(exc))
        raise failure from None
    except sqlite3.Error as exc:
        raise storage_failure(path, exc) from None
    if meta.get("app") != APP_ID:
        raise ProjectError("project.other_app", file=file, app=str(meta.get("app")))
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError:
        raise ProjectError("project.unknown_schema", file=file, version=str(meta.get("schema_version"))) from None
    if version > SCHEMA_VERSION:
        raise ProjectError("project.newer_version", file=file, version=version, supported=SCHEMA_VERSION)
    if version < 1:
        raise ProjectError("project.unknown_schema", file=file, version=str(meta.get("schema_version")))
    return version


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    # Units imported without a classification column carry a visible warning.
    columns = {r[1] for r in conn.execute("pragma table_info(units)")}
    if "classification_defaulted" not in columns:
        conn.execute("alter table units add column classification_defaulted integer default 0")


def _add_states(conn: sqlite3.Connection) -> None:
    # Successive states (hiện trạng) and figure sets by reference date (issue 11).
    from core.storage.states import create_tables
    create_tables(conn)


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    # Classifications beyond terrain/border/urban class (ethnic-minority share, bãi ngang, Red River
    # Delta, island district, province type), what was defaulted and the planner's sources: JSON.
    columns = {r[1] for r in conn.execute("pragma table_info(units)")}
    if "classification" not in columns:
        conn.execute("alter table units add column classification text default ''")


MIGRATIONS = {1: _migrate_1_to_2, 2: _add_states, 3: _migrate_3_to_4}


def backup_copy(path: Path, label: str) -> Path:
    """A consistent copy of the database beside it (includes what is in the WAL); it appears
    whole or not at all (``core.storage.newfile``)."""
    from datetime import datetime

    from core.storage.newfile import build_beside
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix or '.sqlite'}")

    def build(tmp: Path) -> None:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("pragma journal_mode=delete")
        finally:
            dst.close()
            src.close()
    build_beside(target, build)
    return target


def migrate(path: Path, version: int) -> Path:
    """Bring an older project database up to SCHEMA_VERSION, with a backup copy beside it.

    The write lock is taken first, so a project another program holds is refused before
    anything is written; the backup is removed again when the upgrade fails."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=5)
    backup: Path | None = None
    try:
        conn.execute("begin immediate")
        backup = backup_copy(path, f"backup-schema{version}")
        for v in range(version, SCHEMA_VERSION):
            MIGRATIONS[v](conn)
        conn.execute("update meta set value = ? where key = 'schema_version'", [str(SCHEMA_VERSION)])
        conn.execute("commit")
    except BaseException:
        if conn.in_transaction:
            conn.execute("rollback")
        if backup is not None:
            backup.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return backup


class Project(ChosenView):
    """An open project database.

    Opening a path with no file creates the project there (first start: from ``seed_from``,
    or ``dataset``), built beside it and put in place whole (``core.storage.newfile``).
    ``building``: the caller is building this file beside its target itself; it is written in
    place, without a journal on disk or a sync per write, and sealed by the caller.
    Every failure of SQLite or the system is a ``ProjectError`` naming its cause.
    """

    def __init__(self, path: Path, seed_from: Path = DEFAULT_DATASET,
                 dataset: Dataset | None = None, building: bool = False) -> None:
        self.path = Path(path)
        self.migrated_backup: Path | None = None
        self._dataset: Dataset | None = None
        self._base: Dataset | None = None
        self._geometries = None
        self._state: int | None = None          # the state read (None: the first, the units table)
        self._figures: str | None = None        # the figure set read (None: the units' own)
        self.unreadable_scenarios: list[Message] = []     # rows ``scenarios()`` could not read
        self.author = default_author()          # who the change log names (``--author``, settings)
        try:
            self._open(seed_from, dataset, building)
        except (sqlite3.Error, OSError) as exc:
            raise storage_failure(self.path, exc) from None

    def _open(self, seed_from: Path, dataset: Dataset | None, building: bool) -> None:
        version = check_file(self.path)
        if version is None and not building:
            from core.storage.newfile import build_beside, seal

            def build(tmp: Path) -> None:
                seal(Project(tmp, seed_from, dataset, building=True).db)
            build_beside(self.path, build)
            try:
                self._connect(building)
            except BaseException:
                # Made here a moment ago and cannot be opened (the disk filled up, say): the
                # planner's folder goes back to having no project, as the message will say.
                self._remove_files()
                raise
            return
        if version is not None and version < SCHEMA_VERSION:
            self.migrated_backup = migrate(self.path, version)
        new = version is None
        self._connect(building)
        if new:
            try:
                self._create(seed_from, dataset)
            except BaseException:
                self._discard()
                raise

    @property
    def location(self) -> str:
        return str(self.path)

    # ----- creation ------------------------------------------------------
    @classmethod
    def create_from(cls, path: Path | str, dataset: Dataset, wkb_by_code: dict[str, bytes] | None = None,
                    area_by_code: dict[str, float] | None = None,
                    adjacency: dict[tuple[str, str], float] | None = None, building: bool = False) -> Project:
        """A new project holding ``dataset`` (e.g. a national import) and its boundaries.

        Refuses an existing file; on any error no file is left behind. No seed scenario.
        ``building``: the file is built beside its target and sealed before it is moved.
        """
        path = Path(path)
        if path.exists():
            raise ProjectError("project.exists", file=str(path))
        if not building:
            from core.storage.newfile import build_beside, seal

            def build(tmp: Path) -> None:
                seal(cls.create_from(tmp, dataset, wkb_by_code, area_by_code, adjacency, building=True).db)
            try:
                build_beside(path, build)
            except (sqlite3.Error, OSError) as exc:
                raise storage_failure(path, exc) from None
            return cls(path)
        project = cls(path, dataset=dataset, building=building)
        try:
            if wkb_by_code:
                project.store_boundaries(wkb_by_code, area_by_code or {}, adjacency or {}, keep_previous=False)
        except BaseException:
            project._discard()
            raise
        return project

    def _connect(self, building: bool) -> None:
        self.db = sqlite_utils.Database(self.path)
        # A file being built beside its target (core.storage.newfile) is made durable once, at
        # the end, before it is moved into place: no journal on disk, no sync per write.
        self.db.execute("pragma journal_mode=memory" if building else "pragma journal_mode=wal")
        self.db.execute("pragma synchronous=off" if building else "pragma synchronous=full")
        self.db.execute("pragma busy_timeout=5000")

    def _discard(self) -> None:
        """Close and delete a database this object has just created."""
        self._remove_files()

    def _remove_files(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def _create(self, seed_from: Path, given: Dataset | None = None) -> None:
        dataset = given if given is not None else load_dataset(seed_from)
        with self.db.conn:
            self.db["meta"].create({"key": str, "value": str}, pk="key")
            self.db["units"].create({c: (float if c in ("population", "area_km2", "label_lat", "label_lon")
                                         else int if c in ("border", "classification_defaulted") else str)
                                     for c in UNIT_COLUMNS}, pk="code")
            self.db["adjacency"].create({"code_a": str, "code_b": str, "shared_m": float},
                                        pk=("code_a", "code_b"))
            self.db["geometries"].create({"code": str, "wkb": bytes, "area_km2": float}, pk="code")
            self.db["scenarios"].create({"id": str, "name": str, "rules": str, "description": str,
                                         "body": str, "created": str, "modified": str, "version": int},
                                        pk="id")
            self.db["scenarios"].create_index(["name"])
            from core.storage.states import create_tables
            create_tables(self.db.conn)
            self._write_dataset(dataset, source="data")
            self.db["meta"].insert_all([
                {"key": "app", "value": APP_ID},
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
                {"key": "created", "value": now_iso()},
            ], replace=True)
            for path in (seed_scenario_files(seed_from) if given is None else []):
                scenario = read_scenario_file(path, dataset)
                self._insert_scenario(scenario)

    def _write_dataset(self, dataset: Dataset, source: str) -> None:
        rows = [unit_to_row(u) for u in dataset.units.values()]
        self.db["units"].delete_where()
        self.db["units"].insert_all(rows, batch_size=2000)
        self.db["adjacency"].delete_where()
        self.db["adjacency"].insert_all(({"code_a": a, "code_b": b, "shared_m": None}
                                         for a, b in sorted(dataset.adjacency)), batch_size=5000)
        self.db["meta"].insert_all([
            {"key": "dataset_name", "value": dataset.name},
            {"key": "dataset_meta", "value": json.dumps(dataset.meta, ensure_ascii=False)},
            {"key": "adjacency_source", "value": source},
        ], replace=True)

    def store_units(self, units) -> None:
        """Write units whose classification a planner edited, in one transaction; a failure is
        named in words (``storage_failure``) and the project keeps its old state."""
        conn = self.db.conn
        try:
            with conn:
                conn.execute("begin immediate")
                self._update_units(conn, units)
        except (sqlite3.Error, OSError) as exc:
            raise storage_failure(self.path, exc) from None

    @staticmethod
    def _update_units(conn, units) -> None:
        for row in (unit_to_row(u) for u in units):
            cols = [c for c in row if c != "code"]
            conn.execute(f"update units set {', '.join(c + ' = ?' for c in cols)} where code = ?",
                         [row[c] for c in cols] + [row["code"]])

    # ----- dataset ---------------------------------------------------------
    def meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else default

    def base_dataset(self) -> Dataset:
        """The project's first state: the ``units`` table as imported."""
        if self._base is None:
            units = {}
            for i, row in enumerate(self.db["units"].rows):
                unit = unit_from_row(row, Message("where.db_units_row", row=i + 1))
                units[unit.code] = unit
            pairs = {(r[0], r[1]) for r in self.db.execute("select code_a, code_b from adjacency")}
            meta = json.loads(self.meta("dataset_meta", "{}"))
            meta["adjacency_source"] = self.meta("adjacency_source", "data")
            meta["boundaries_revision"] = self.meta("boundaries_revision", "0")
            self._base = Dataset(self.meta("dataset_name"), units, pairs, meta)
            # The units live as long as the project is open: keep them out of the cyclic
            # collector's full passes, which otherwise double some national evaluations.
            gc.freeze()
        return self._base

    def has_boundaries(self) -> bool:
        return self.db["geometries"].count > 0

    def geometries(self) -> dict:
        """Unit code → shapely geometry (WGS84), empty when no boundaries were imported."""
        if self._geometries is None and self._state:
            from core.storage import history
            self._geometries = history.state_geometries(self, self._state)
        if self._geometries is None:
            import shapely
            rows = self.db.execute("select code, wkb from geometries").fetchall()
            if rows:
                geoms = shapely.from_wkb([r[1] for r in rows])
                self._geometries = dict(zip((r[0] for r in rows), geoms))
            else:
                self._geometries = {}
        return self._geometries

    def shared_lengths(self) -> dict[tuple[str, str], float]:
        """(code_a, code_b) → shared boundary length in metres, for pairs derived from boundaries."""
        return {(r[0], r[1]): r[2] for r in self.db.execute(
            "select code_a, code_b, shared_m from adjacency where shared_m is not null")}

    def computed_areas(self) -> dict[str, float]:
        return {r[0]: r[1] for r in self.db.execute("select code, area_km2 from geometries")}

    @_writes
    def store_boundaries(self, wkb_by_code: dict[str, bytes], area_by_code: dict[str, float],
                         adjacency: dict[tuple[str, str], float], check=None, keep_previous: bool = True) -> None:
        """Replace geometries and adjacency in one transaction, keeping the previous ones
        (``restore_previous_boundaries``); ``check(conn)`` may refuse, inside the transaction."""
        from core.storage import boundaries
        try:
            boundaries.store_boundaries(self.db.conn, wkb_by_code, area_by_code, adjacency, check, keep_previous)
        finally:
            self._dataset = self._base = None
            self._geometries = None

    def has_previous_boundaries(self) -> bool:
        from core.storage import boundaries
        return boundaries.has_previous(self.db.conn)

    @_writes
    def restore_previous_boundaries(self) -> bool:
        """Undo the last boundary import; False when there is nothing to restore."""
        from core.storage import boundaries
        try:
            return boundaries.restore_previous(self.db.conn)
        finally:
            self._dataset = self._base = None
            self._geometries = None

    # ----- scenarios -------------------------------------------------------
    def _row(self, scenario: Scenario) -> dict:
        return {"id": scenario.id, "name": scenario.name, "rules": scenario.rules,
                "description": scenario.description,
                "body": json.dumps(to_dict(scenario, with_ids=True), ensure_ascii=False),
                "created": scenario.created, "modified": scenario.modified,
                "version": scenario.version}

    def _insert_scenario(self, scenario: Scenario) -> None:
        scenario.version = 1            # stored: a save of it after a delete elsewhere is a conflict
        self.db["scenarios"].insert(self._row(scenario))

    def _scenario_of(self, sid: str, name: str, body: str, version: int) -> Scenario:
        """A stored row as a scenario; a damaged row is a ProjectError naming the scenario."""
        try:
            s = from_dict(json.loads(body))
        except (ValueError, TypeError, KeyError, RecursionError, CoreError) as exc:
            reason = exc.text() if isinstance(exc, CoreError) else f"{type(exc).__name__}: {str(exc)[:200]}"
            raise ProjectError("project.scenario_unreadable", name=str(name), id=str(sid), reason=reason) from None
        s.version = version
        return s

    def scenarios(self) -> list[Scenario]:
        """The stored scenarios that can be read; each damaged row is left out and named in
        ``unreadable_scenarios`` (so one bad row does not hide the others)."""
        rows = self.db.execute("select id, name, body, version from scenarios order by created, name").fetchall()
        out, self.unreadable_scenarios = [], []
        for row in rows:
            try:
                out.append(self._scenario_of(*row))
            except ProjectError as exc:
                self.unreadable_scenarios.append(exc.messages[0])
        return out

    def scenario_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("select name from scenarios order by created, name")]

    def get_scenario(self, ref: str) -> Scenario:
        """A scenario by id or by name (exact, then case/diacritics-insensitive)."""
        from core.common.text import fold
        rows = self.db.execute("select id, name, body, version from scenarios").fetchall()
        match = [r for r in rows if r[0] == ref] or [r for r in rows if r[1] == ref] \
            or [r for r in rows if fold(r[1]) == fold(ref)]
        if len(match) != 1:
            if len(match) > 1:
                raise ProjectError("project.ambiguous_scenario", ref=ref)
            raise UnknownScenario(ref, [r[1] for r in rows])
        return self._scenario_of(*match[0])

    def stored_version(self, scenario_id: str) -> int | None:
        row = self.db.execute("select version from scenarios where id = ?", [scenario_id]).fetchone()
        return row[0] if row else None

    @_writes
    def save_scenario(self, scenario: Scenario, force: bool = False, action: str = "save", summary=None,
                      units=()) -> None:
        """Save in one transaction; refuse if someone else saved a newer version, or deleted a
        scenario that was stored (unless ``force``). ``scenario.version`` is bumped only once the
        save is committed. The change log gets ``action`` and ``summary`` (Messages) in the same
        transaction; ``units``: units whose classification was edited, written in it too."""
        from core.storage import history
        scenario.validate(history.dataset_for_scenario(self, scenario))
        conn = self.db.conn
        saved_version = scenario.version
        try:
            with immediate(conn):
                self._update_units(conn, units)
                self._upsert(conn, scenario, force, action, summary)
        except BaseException:
            scenario.version = saved_version
            raise

    def _upsert(self, conn: sqlite3.Connection, scenario: Scenario, force: bool, action: str, summary) -> None:
        row = conn.execute("select version from scenarios where id = ?", [scenario.id]).fetchone()
        if not force:
            if row is None and scenario.version > 0:
                raise DeletedElsewhere(scenario.name)
            if row is not None and row[0] != scenario.version:
                last = changelog.last_change_sqlite(conn, scenario.id)
                raise ConflictError(scenario.name, scenario.version, row[0],
                                    *((last.author, last.at) if last else ()))
        scenario.version = (row[0] if row else 0) + 1
        values = self._row(scenario)
        cols = ", ".join(values)
        conn.execute(
            f"insert into scenarios ({cols}) values ({', '.join('?' * len(values))}) "
            f"on conflict(id) do update set "
            + ", ".join(f"{c} = excluded.{c}" for c in values if c != "id"),
            list(values.values()))
        changelog.record_sqlite(conn, scenario.id, scenario.name, action, scenario.version, self.author, summary,
                                body=values["body"])

    @_writes
    def add_scenario(self, scenario: Scenario, action: str = "add", summary=None) -> None:
        """Store a new scenario under a new id (a file's own id never shadows a stored one); its
        name must be free, checked in the same transaction (two imports cannot both take it)."""
        from core.domain.scenario import new_id
        from core.storage import history
        scenario.validate(history.dataset_for_scenario(self, scenario))
        conn = self.db.conn
        saved = scenario.id, scenario.version
        try:
            with immediate(conn):
                if conn.execute("select 1 from scenarios where name = ?", [scenario.name]).fetchone():
                    raise ScenarioError("scenario.name_taken", name=scenario.name)
                scenario.id, scenario.version = new_id(), 0
                self._upsert(conn, scenario, False, action, summary)
        except BaseException:
            scenario.id, scenario.version = saved
            raise

    @_writes
    def delete_scenario(self, scenario_id: str) -> None:
        with immediate(self.db.conn) as conn:
            row = conn.execute("select name, version from scenarios where id = ?", [scenario_id]).fetchone()
            conn.execute("delete from scenarios where id = ?", [scenario_id])
            if row is not None:
                changelog.record_sqlite(conn, scenario_id, row[0], "delete", row[1], self.author)

    def scenario_at(self, scenario_id: str, version: int) -> Scenario:
        """The scenario as it was saved at ``version`` (from the change log), to read, not to save over."""
        body = changelog.body_at_sqlite(self.db.conn, scenario_id, version)
        if body is None:
            raise ProjectError("project.no_such_version", ref=scenario_id, version=version)
        s = from_dict(json.loads(body))
        s.version = version
        return s

    def history(self, scenario_id: str | None = None) -> list[changelog.Change]:
        """The change log, oldest first (of one scenario when ``scenario_id`` is given)."""
        return changelog.history_sqlite(self.db.conn, scenario_id)

    def close(self) -> None:
        self.db.close()


def open_project(path: Path | str | None = None) -> Project:
    from core.common.paths import default_db_path
    return Project(Path(path) if path else default_db_path())
