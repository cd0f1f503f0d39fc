"""New database files are built beside their target and moved into place when complete.

A kill, a full disk or a cancel while a new project is written must not leave a
half-made file that the tool then refuses forever: ``build_beside`` writes a hidden
file in the same folder, makes it durable, and links it to the target name only at
the end (an existing target is never replaced). ``seal`` closes a database so that it
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
        raise ProjectError(f"{path}: the file already exists; a new project needs a new file")


def seal(db) -> None:
    """Checkpoint and leave WAL mode, then close: the database is one file, ready to move."""
    db.execute("pragma wal_checkpoint(truncate)")
    db.execute("pragma journal_mode=delete")
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


def build_beside(target: Path, build: Callable[[Path], T]) -> T:
    """``build(tmp)`` makes the file; it becomes ``target`` only when ``build`` returned."""
    target = Path(target)
    check_new_file(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
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
