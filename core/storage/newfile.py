"""New database files appear at their target whole or not at all.

A kill, a full disk or a cancel while a new project (or a backup copy) is written must
not leave a half-made file that the tool then refuses forever, nor a hidden one in the
planner's folder. ``build_beside`` has ``build(tmp)`` write the file in a private work
folder (the system's temporary folder; its name carries the id of the process, and one
left by a killed process is removed by the next build), then puts it in place:

* a hard link to the target name when the work folder is on the same disk;
* else the bytes are copied into an unnamed file of the target's folder (Linux
  ``O_TMPFILE``: a kill or a full disk leaves nothing there), made durable, and linked
  to the target name;
* else (no such file system) copied into a hidden ``.part`` file beside the target and
  linked; a ``.part`` left by a killed process is removed by the next build.

An existing target is never replaced. ``seal`` closes a database so that it is one
self-contained file (no WAL beside it) before it is moved.
"""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
SIDE_FILES = ("-wal", "-shm", "-journal")
WORK_PREFIX = "sapxep-build-"
CHUNK = 1 << 20


def check_new_file(path: Path) -> None:
    """Refuse a target that exists already: a new project needs a new file."""
    from core.storage.failures import ProjectError
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


def _pid_of(name: str) -> int | None:
    head = name.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _remove_stale(target: Path) -> None:
    """What killed builds left: their work folders, and ``.part`` files beside ``target``."""
    try:
        for folder in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"):
            pid = _pid_of(folder.name[len(WORK_PREFIX):])
            if pid is not None and not _alive(pid):
                shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        pass
    for part in target.parent.glob(f".{target.name}.*.part"):
        pid = _pid_of(part.name[len(target.name) + 2:])
        if pid is not None and not _alive(pid):
            for name in (str(part), *(f"{part}{s}" for s in SIDE_FILES)):
                Path(name).unlink(missing_ok=True)


def _link(src: str, target: Path, follow: bool = False) -> None:
    try:
        if follow:      # linkat(…, AT_SYMLINK_FOLLOW): a directory fd makes Python call linkat, not link
            dirfd = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                os.link(src, target, src_dir_fd=dirfd, follow_symlinks=True)
            finally:
                os.close(dirfd)
        else:
            os.link(src, target, follow_symlinks=False)     # never replaces a file that appeared meanwhile
    except FileExistsError:
        check_new_file(target)
        raise


def _copy_unnamed(src: Path, target: Path) -> bool:
    """Copy ``src`` into an unnamed file of the target's folder and link it; False when the file
    system cannot make unnamed files (or link them)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o666 & ~_umask())
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False
        raise
    try:
        with open(src, "rb") as fh:
            while chunk := fh.read(CHUNK):
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view):]
        os.fsync(fd)
        _link(f"/proc/self/fd/{fd}", target, follow=True)
    finally:
        os.close(fd)
    return True


def _copy_beside(src: Path, target: Path) -> None:
    part = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        shutil.copyfile(src, part)
        _fsync(part)
        try:
            _link(str(part), target)
        except FileExistsError:
            raise
        except OSError:                     # no hard links on this file system
            check_new_file(target)
            os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def place(src: Path, target: Path) -> None:
    """Give the finished file ``src`` the name ``target`` (which must not exist), at once."""
    _fsync(src)
    try:
        _link(str(src), target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.EOPNOTSUPP):
            raise
        if not _copy_unnamed(src, target):
            _copy_beside(src, target)
    _fsync(target.parent, directory=True)


def build_beside(target: Path, build: Callable[[Path], T]) -> T:
    """``build(tmp)`` makes the file; it becomes ``target`` only when ``build`` returned."""
    target = Path(target)
    check_new_file(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
    tmp = work / target.name
    try:
        result = build(tmp)
        for suffix in SIDE_FILES:
            if Path(f"{tmp}{suffix}").exists() and suffix != "-shm":
                raise RuntimeError(f"{tmp}{suffix} left beside a sealed database")
        place(tmp, target)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)
