"""New database files are built beside their target and moved into place when complete.

A kill, a full disk or a cancel while a new project is written must not leave a
half-made file that the tool then refuses forever: ``build_beside`` writes a hidden
file in the same folder, makes it durable, and links it to the target name only at
the end (an existing target is never replaced). The hidden file carries the id of
the process building it; one left by a killed process is removed by the next build. ``seal`` closes a database so that it
is one self-contained file (no WAL beside it) before it is moved.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
SIDE_FILES = ("-wal", "-shm", "-journal")


def check_new_file(path: Path) -> None:
    """Refuse a target that exists already: a new project needs a new file."""
    from core.storage.store import ProjectError
    if path.exists():
        raise ProjectError("project.exists", file=str(path))


def seal(db) -> None:
    """Close the database as one file in WAL mode (its WAL checkpointed and gone), ready to move:
    opening it at its place then writes nothing (``build_beside`` syncs it before the move)."""
    db.execute("pragma journal_mode=wal")
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()


def _fsync(path: Path, directory: bool = False) -> None:
    try:
        fd = os.open(path, (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if directory else os.O_RDONLY)
    except OSError:
        return                      # e.g. directories cannot be opened on Windows
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, ValueError):
        return True                         # someone else's, or cannot tell: leave it
    return True


def _remove_stale(target: Path) -> None:
    """Part-made files a killed build left beside ``target`` (their process is gone)."""
    for part in target.parent.glob(f".{target.name}.*.part"):
        pid = part.name[len(target.name) + 2:].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            for name in (str(part), *(f"{part}{s}" for s in SIDE_FILES)):
                Path(name).unlink(missing_ok=True)


def build_beside(target: Path, build: Callable[[Path], T]) -> T:
    """``build(tmp)`` makes the file; it becomes ``target`` only when ``build`` returned."""
    target = Path(target)
    check_new_file(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        result = build(tmp)
        for suffix in SIDE_FILES:
            if Path(f"{tmp}{suffix}").exists() and suffix != "-shm":
                raise RuntimeError(f"{tmp}{suffix} left beside a sealed database")
        _fsync(tmp)
        try:
            os.link(tmp, target)            # never replaces a file that appeared meanwhile
        except FileExistsError:
            check_new_file(target)
            raise
        except OSError:                     # no hard links on this file system
            check_new_file(target)
            os.replace(tmp, target)
        _fsync(target.parent, directory=True)
        return result
    finally:
        for name in (str(tmp), *(f"{tmp}{s}" for s in SIDE_FILES)):
            Path(name).unlink(missing_ok=True)
