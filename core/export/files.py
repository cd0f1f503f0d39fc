"""Safe writing of export files: a temporary file beside the target, moved into place.

A failure at any point leaves the target as it was (absent or the previous
version) and removes the temporary file, including SQLite side files of a
GeoPackage.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.common.errors import CoreError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(CoreError):
    """An export cannot be written; the message says why (``export.*`` codes)."""


def check_target(path: str | os.PathLike) -> Path:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError("export.folder_missing", file=str(target), folder=str(folder))
    if target.is_dir():
        raise ExportError("export.is_folder", file=str(target))
    return target


def write_failure(target: Path, exc: OSError) -> ExportError:
    """What an operating-system failure while writing ``target`` means to the planner."""
    import errno
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("export.disk_full", file=str(target))
    if exc.errno == errno.EROFS:
        return ExportError("export.read_only", file=str(target))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ExportError("export.not_writable", file=str(target))
    return ExportError("export.write_failed", file=str(target), reason=exc.strerror or str(exc))


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(str(path) + suffix)
        except OSError:
            pass


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path (same folder, same extension); on success move it onto ``path``."""
    target = check_target(path)
    tmp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp{target.suffix}")
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError("export.no_output", file=str(target))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise write_failure(target, exc) from exc
    except BaseException:
        _remove(tmp)
        raise
    finally:
        for suffix in ("-journal", "-wal", "-shm"):
            try:
                os.unlink(str(tmp) + suffix)
            except OSError:
                pass


def safe_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula gets an apostrophe in front; numbers pass."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
