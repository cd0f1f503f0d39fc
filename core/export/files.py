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


TMP_MARK = ".tmp"
_UNSAFE_IN_NAME = '<>:"/\\|?*'


def file_name_for(name: str, fallback: str = "phuong-an") -> str:
    """A scenario's name as a file name that stays in the folder it is proposed in: no path
    separators ("Phương án 1/2020" → "Phương án 1-2020"), no characters Windows refuses, no
    control characters, no leading dot, at most 120 characters; diacritics kept (NFC)."""
    import unicodedata
    text = unicodedata.normalize("NFC", str(name))
    text = "".join("-" if ch in _UNSAFE_IN_NAME else " " if unicodedata.category(ch)[0] == "C" else ch
                   for ch in text)
    text = " ".join(text.split()).strip(" .")
    text = text.lstrip(".")[:120].rstrip(" .")
    return text or fallback


def _stale_temp_files(target: Path) -> None:
    """Temporary files a killed export left beside ``target`` (their process is gone)."""
    import glob
    for tmp in target.parent.glob(f".{glob.escape(target.stem)}.*{TMP_MARK}{glob.escape(target.suffix)}"):
        pid = tmp.name[len(target.stem) + 2:].split("-", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            _remove(tmp)
        except OSError:
            pass


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path (same folder, same extension); on success move it onto ``path``.

    The temporary name carries this process's id: one a killed export left is removed by the
    next export to the same name. The file gets the mode every other file gets (the umask),
    so colleagues can read it as they read the rest of the folder."""
    target = check_target(path)
    _stale_temp_files(target)
    tmp = target.with_name(f".{target.stem}.{os.getpid()}-{secrets.token_hex(4)}{TMP_MARK}{target.suffix}")
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError("export.no_output", file=str(target))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, _umask_mode())
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
