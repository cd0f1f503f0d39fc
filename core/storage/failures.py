"""Why a write or an open failed, in the planner's words: disk full, read-only, locked (by which
program), no permission, damaged, a file where a folder should be.

SQLite names some causes exactly (``SQLITE_FULL``, ``SQLITE_BUSY``); others reach us as
"unable to open database file" or "disk I/O error". Those are looked at once more on the
spot: a folder or file that cannot be written is read-only, a disk with almost no room
left is full, and a lock held on the file is named with the program holding it (Linux:
``/proc/locks``). Nothing here calls a fault "damage" unless SQLite said so.
"""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from core.common.errors import CoreError

# SQLite's result codes (sqlite3.Error.sqlite_errorname) → what the planner reads.
SQLITE_CODES = {"SQLITE_FULL": "project.disk_full", "SQLITE_READONLY": "project.read_only",
                "SQLITE_BUSY": "project.locked", "SQLITE_LOCKED": "project.locked",
                "SQLITE_CORRUPT": "project.damaged", "SQLITE_NOTADB": "project.not_sqlite",
                "SQLITE_CANTOPEN": "project.cannot_open", "SQLITE_PERM": "project.no_permission",
                "SQLITE_AUTH": "project.no_permission"}
BY_ERRNO = {errno.ENOSPC: "project.disk_full", errno.EDQUOT: "project.disk_full", errno.EFBIG: "project.disk_full",
            errno.EROFS: "project.read_only", errno.EACCES: "project.no_permission",
            errno.EPERM: "project.no_permission", errno.ENOENT: "project.cannot_open",
            errno.ENOTDIR: "project.folder_is_file", errno.EEXIST: "project.folder_is_file",
            errno.EBUSY: "project.locked"}
# Codes that may hide a plainer cause, looked at again on the spot.
VAGUE = ("project.cannot_open", "project.unreadable", "project.io_error", "project.no_permission",
         "project.read_only", "project.folder_is_file")
NEARLY_FULL = 16 * 1024 * 1024          # bytes free under which a failing write means a full disk


class ProjectError(CoreError):
    """The project database cannot be opened or written; the message says why (``project.*``)."""


def _existing_folder(path: Path) -> Path | None:
    for folder in path.parents:
        if folder.exists():
            return folder
    return None


def _file_in_the_way(path: Path) -> Path | None:
    """A file standing where one of ``path``'s folders should be."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def lock_holder(path: Path) -> str | None:
    """The program holding a lock on the database (or its WAL index), as "name (pid N)"; None
    when it cannot be told (not Linux, or no lock seen)."""
    inodes = set()
    for name in (str(path), f"{path}-shm", f"{path}-wal"):
        try:
            st = os.stat(name)
        except OSError:
            continue
        inodes.add((os.major(st.st_dev), os.minor(st.st_dev), st.st_ino))
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return None
    me = os.getpid()
    for ln in lines:
        parts = ln.split()
        # "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" ("->" marks a waiter)
        if "->" in parts:
            continue
        try:
            pid, dev_ino = int(parts[4]), parts[5]
            major, minor, ino = dev_ino.split(":")
            key = (int(major, 16), int(minor, 16), int(ino))
        except (IndexError, ValueError):
            continue
        if key in inodes and pid != me:
            try:
                comm = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                comm = "?"
            return f"{comm} (pid {pid})"
    return None


def _refine(path: Path, code: str) -> tuple[str, dict]:
    """A vague code made plain where the file system tells more."""
    if code == "project.locked":
        holder = lock_holder(path)
        return ("project.locked_by", {"program": holder}) if holder else (code, {})
    if code not in VAGUE:
        return code, {}
    in_the_way = _file_in_the_way(path)
    if in_the_way is not None:
        return "project.folder_is_file", {"folder": str(in_the_way)}
    if path.exists() and not writable(path):
        return "project.read_only", {}
    folder = path.parent if path.parent.exists() else _existing_folder(path)
    if folder is not None and not writable(folder):
        return "project.folder_read_only", {"folder": str(folder)}
    if code in ("project.io_error", "project.unreadable", "project.cannot_open") and folder is not None:
        try:
            if shutil.disk_usage(folder).free < NEARLY_FULL:
                return "project.disk_full", {}
        except OSError:
            pass
    if code == "project.folder_is_file":        # EEXIST / ENOTDIR with nothing in the way after all
        return "project.cannot_open", {}
    return code, {}


def failure(path: Path | str, exc: BaseException, error_class: type[CoreError]) -> CoreError:
    """``exc`` (SQLite or the operating system failing on ``path``) as an ``error_class``."""
    path = Path(path)
    file = str(path)
    if isinstance(exc, CoreError):
        return exc
    reason: dict = {}
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        code = next((c for prefix, c in SQLITE_CODES.items() if name == prefix or name.startswith(prefix + "_")),
                    None)
        if code is None:
            text = str(exc)
            if name.startswith("SQLITE_IOERR"):
                code, reason = "project.io_error", {"reason": text}
            elif "locked" in text:
                code = "project.locked"
            elif "readonly" in text or "read-only" in text:
                code = "project.read_only"
            elif "full" in text:
                code = "project.disk_full"
            else:
                code, reason = "project.unreadable", {"reason": text}
    elif isinstance(exc, OSError):
        code = BY_ERRNO.get(exc.errno)
        if code is None:
            code, reason = "project.io_error", {"reason": exc.strerror or str(exc)}
    else:
        code, reason = "project.unreadable", {"reason": str(exc)}
    refined, extra = _refine(path, code)
    if refined != code:
        reason = {}
    if refined in ("project.io_error", "project.unreadable") and "reason" not in reason:
        reason = {"reason": str(exc)}
    return error_class(refined, file=file, **reason, **extra)
