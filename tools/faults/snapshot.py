"""What a project holds, as one canonical value, and whether the tool can open it.

``snapshot(db)`` dumps the schema and every table's rows of an SQLite project file,
each row canonical (blobs as digests, floats by ``repr``) and sorted, with the values
that differ from one run to the next masked: timestamps, random hex ids (scenarios 32, groups 12) and an import
report's timings. Two
snapshots are equal exactly when the projects hold the same data. ``ABSENT`` is the
snapshot of a project file that does not exist.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

ABSENT = "absent"
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")
HEX_ID = re.compile(r"\b[0-9a-f]{32}\b")                   # scenario ids (uuid4().hex)
JSON_ID = re.compile(r'"id": "[^"]*"')                     # group ids in a scenario's body (12 hex, or all digits)
TIMINGS = re.compile(r'"seconds": \{[^}]*\}')            # an import report's own timings
STAMP_IN_NAME = re.compile(r"\d{8}-\d{6}")
TRANSIENT_SUFFIXES = ("-wal", "-shm")      # belong to the database beside them


def mask(text: str) -> str:
    text = JSON_ID.sub('"id": "<id>"', HEX_ID.sub("<id>", TIMESTAMP.sub("<time>", text)))
    return TIMINGS.sub('"seconds": "<timings>"', text)


def _value(v: object) -> object:
    if isinstance(v, bytes):
        return "blob:" + hashlib.sha1(v).hexdigest()
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return mask(v)
    return v


@dataclass
class Snapshot:
    """The canonical content of a project (``tables`` is None for an absent file)."""
    digest: str
    tables: dict[str, list[str]] | None
    schema: list[str]

    def rows(self, table: str) -> int:
        return len((self.tables or {}).get(table, []))

    def differs_from(self, other: Snapshot) -> list[str]:
        """Tables (and 'schema') whose content differs, for the report's examples."""
        if self.tables is None or other.tables is None:
            return ["file"] if (self.tables is None) != (other.tables is None) else []
        out = ["schema"] if self.schema != other.schema else []
        for name in sorted(set(self.tables) | set(other.tables)):
            if self.tables.get(name) != other.tables.get(name):
                out.append(name)
        return out


def absent() -> Snapshot:
    return Snapshot(ABSENT, None, [])


def snapshot(db: Path) -> Snapshot:
    """Read a copy of the file (WAL included); raises sqlite3.DatabaseError when unreadable."""
    db = Path(db)
    if not db.exists():
        return absent()
    conn = sqlite3.connect(db)         # a copy: WAL recovery must not be refused
    try:
        schema = sorted(mask(f"{t}:{n}:{s}") for t, n, s in
                        conn.execute("select type, name, sql from sqlite_master"))
        tables: dict[str, list[str]] = {}
        for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name"):
            rows = conn.execute(f'select * from "{name}"').fetchall()
            tables[name] = sorted(json.dumps([_value(v) for v in r], ensure_ascii=False) for r in rows)
    finally:
        conn.close()
    body = json.dumps({"schema": schema, "tables": tables}, ensure_ascii=False, sort_keys=True)
    return Snapshot(hashlib.sha256(body.encode()).hexdigest(), tables, schema)


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "; ".join(r[0] for r in conn.execute("pragma integrity_check"))
    finally:
        conn.close()


def opens(db: Path) -> str | None:
    """None when ``core.storage.store.Project`` opens a copy of ``db`` and reads it all; else why not."""
    from core.storage.store import Project
    with tempfile.TemporaryDirectory(prefix="fault-open-") as tmp:
        copy = Path(tmp) / db.name
        for suffix in ("",) + TRANSIENT_SUFFIXES:
            src = Path(str(db) + suffix)
            if src.exists():
                shutil.copyfile(src, str(copy) + suffix)
        try:
            project = Project(copy)
        except Exception as exc:        # the reason is the finding
            return f"{type(exc).__name__}: {exc}"
        try:
            project.dataset.units      # noqa: B018 - reading is the check
            project.scenarios()
            project.geometries()
        except Exception as exc:
            return f"opens but cannot be read: {type(exc).__name__}: {exc}"
        finally:
            project.close()
    return None


def files_beside(folder: Path) -> set[str]:
    """File names in the project folder, timestamps masked, without the database's own WAL/SHM."""
    names = set()
    for p in Path(folder).iterdir():
        if p.name.endswith(TRANSIENT_SUFFIXES) and Path(str(p)[: -4]).exists():
            continue
        names.add(STAMP_IN_NAME.sub("<stamp>", p.name))
    return names
