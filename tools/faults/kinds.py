"""Fault kinds: how a child process is run while something goes wrong.

* ``kill``     – SIGKILL at a random moment of the operation: mostly inside its write window,
  timed from the moment this run first changes the project folder, else from the start;
* ``full``     – the disk fills up part-way: as root, the project folder is a tmpfs sized
  between what the old state uses and the peak the operation needs; otherwise
  RLIMIT_FSIZE with SIGXFSZ ignored (writes past the limit fail with EFBIG or are cut short);
* ``lock``     – another program holds ``BEGIN IMMEDIATE``/``BEGIN EXCLUSIVE`` on the database,
  for the whole operation or for a random while;
* ``readonly`` – the project folder, or only the database file, is read-only (as root a
  read-only bind mount, since root ignores permission bits; otherwise chmod).

Each kind plans its parameters from a random generator and the clean run's measures,
places a fresh copy of the old state where the fault can reach it, and runs the child.
"""
from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tools.faults.registry import DB_NAME, ROOT

PAGE = 4096
LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("begin " + sys.argv[2])
print("locked", flush=True)
sys.stdin.readline()
conn.execute("rollback")
"""


@dataclass
class ChildResult:
    returncode: int | None
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0
    killed: bool = False            # the SIGKILL reached a running process
    hung: bool = False


@dataclass
class Measure:
    """One clean run of an operation: what the faults are timed and sized by."""
    seconds: float
    first_write: float              # seconds after the start when the project folder first changed
    last_write: float               # … and last changed (the write window ends)
    base_bytes: int
    peak_bytes: int
    base_file: int
    peak_file: int
    result: ChildResult = field(default_factory=lambda: ChildResult(0))


def child_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SAPXEP_DB", None)
    return env


def _folder_state(folder: Path) -> tuple[tuple, int]:
    try:
        entries = [(e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(folder)]
    except OSError:
        return (), 0
    return tuple(sorted(entries)), max((e[1] for e in entries), default=0)


def _used(folder: Path) -> int:
    st = os.statvfs(folder)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


def _wait_for_first_write(proc, folder: Path, timeout: float) -> None:
    before, _ = _folder_state(folder)
    end = time.perf_counter() + timeout
    while proc.poll() is None and time.perf_counter() < end:
        if _folder_state(folder)[0] != before:
            return
        time.sleep(0.0005)


def run_child(argv: list[str], timeout: float, kill_after: float | None = None, preexec=None,
              watch: Path | None = None, measure: dict | None = None,
              kill_from_first_write: bool = False) -> ChildResult:
    """Run ``python argv…`` from the repository; optionally SIGKILL it after ``kill_after`` s.

    ``kill_after`` counts from the start, or with ``kill_from_first_write`` from the moment
    the project folder (``watch``) first changes. With ``watch`` and ``measure``, polls the
    folder every millisecond and records when it first and last changed and its peak use
    (the clean run's measures).
    """
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *argv], cwd=ROOT, env=child_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec,
                            start_new_session=True)
    killed = hung = False
    if watch is not None and measure is not None:
        before, _ = _folder_state(watch)
        measure.update(first_write=None, last_write=None, peak_bytes=_used(watch), peak_file=0)
        while proc.poll() is None:
            state, biggest = _folder_state(watch)
            now = time.perf_counter() - start
            if state != before:
                measure["first_write"] = measure["first_write"] or now
                measure["last_write"], before = now, state
            measure["peak_file"] = max(measure["peak_file"], biggest)
            measure["peak_bytes"] = max(measure["peak_bytes"], _used(watch))
            if now > timeout:
                break
            time.sleep(0.001)
    if kill_after is not None:
        if kill_from_first_write and watch is not None:
            _wait_for_first_write(proc, watch, timeout)
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        hung = True
    return ChildResult(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                       time.perf_counter() - start, killed, hung)


# ----- mounts (root) --------------------------------------------------------------------------

def _sh(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def _umount(path: Path) -> None:
    if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def can_mount() -> bool:
    """True when this process may mount a tmpfs and a read-only bind mount (root in most places)."""
    if os.geteuid() != 0:
        return False
    probe = Path(tempfile.mkdtemp(prefix="fault-probe-"))
    try:
        _sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe))
        _umount(probe)
        return True
    except (subprocess.CalledProcessError, FileNotFoundError):
        return False
    finally:
        probe.rmdir()


@contextmanager
def tmpfs(path: Path, size: int) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    _sh("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path))
    try:
        yield path
    finally:
        _umount(path)


@contextmanager
def readonly_bind(path: Path) -> Iterator[Path]:
    _sh("mount", "--bind", str(path), str(path))
    try:
        _sh("mount", "-o", "remount,bind,ro", str(path))
        yield path
    finally:
        _umount(path)


def copy_project(template: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for p in template.iterdir():
        shutil.copy2(p, target / p.name) if p.is_file() else shutil.copytree(p, target / p.name)


# ----- the kinds ------------------------------------------------------------------------------

class Kind:
    """A fault kind; ``variant`` (from ``kill:0``, ``full:0.25``, ``lock:whole``, ``readonly:file``)
    fixes what is otherwise drawn at random, for tests that must fail or pass every time."""
    name = ""
    needs_file = False              # the fault needs an existing project file (a lock)
    variants = "no variant"

    def __init__(self, mount: bool, variant: str | None = None) -> None:
        self.mount, self.variant = mount, variant
        if variant is not None and not self.valid(variant):
            raise ValueError(f"fault kind {self.name}: unknown variant {variant!r} ({self.variants})")

    @property
    def label(self) -> str:
        return self.name + (f":{self.variant}" if self.variant is not None else "")

    def valid(self, variant: str) -> bool:
        return False

    def applies(self, op) -> bool:
        return self.name in op.kinds and not (self.needs_file and op.creates)

    @staticmethod
    def _number(text: str) -> bool:
        try:
            return float(text) >= 0
        except ValueError:
            return False

    def plan(self, rng, op, m: Measure) -> dict:
        return {}

    @contextmanager
    def place(self, work: Path, template: Path, params: dict) -> Iterator[Path]:
        project = work / "project"
        copy_project(template, project)
        yield project

    def run(self, argv: list[str], project: Path, params: dict, m: Measure) -> ChildResult:
        return run_child(argv, timeout=max(60.0, 10 * m.seconds))


class Kill(Kind):
    name = "kill"
    variants = "kill:SECONDS – that long after the first write"

    def valid(self, variant):
        return self._number(variant)

    def plan(self, rng, op, m):
        """Mostly inside the write window (timed from this run's own first write), else anywhere."""
        if self.variant is not None:
            return {"from": "first write", "delay": float(self.variant)}
        if rng.random() < 0.2:
            return {"from": "start", "delay": round(rng.uniform(0, m.seconds), 4)}
        window = max(0.002, m.last_write - m.first_write) * 1.6 + 0.005    # children run slower side by side
        return {"from": "first write", "delay": round(rng.uniform(0, window), 4)}

    def run(self, argv, project, params, m):
        return run_child(argv, timeout=max(60.0, 10 * m.seconds), kill_after=params["delay"], watch=project,
                         kill_from_first_write=params["from"] == "first write")


class Full(Kind):
    name = "full"
    variants = "full:FRACTION – of the room the operation needs, 0 to 1"

    def valid(self, variant):
        return self._number(variant)

    def plan(self, rng, op, m):
        u = float(self.variant) if self.variant is not None else rng.uniform(0.0, 1.0)
        if self.mount:
            size = m.base_bytes + PAGE + int(u * max(PAGE, m.peak_bytes - m.base_bytes))
            return {"tmpfs_bytes": -(-size // PAGE) * PAGE, "fraction": round(u, 3)}
        limit = m.base_file + 1 + int(u * max(PAGE, m.peak_file - m.base_file))
        return {"rlimit_fsize": limit, "fraction": round(u, 3)}

    @contextmanager
    def place(self, work, template, params):
        if not self.mount:
            with super().place(work, template, params) as project:
                yield project
            return
        with tmpfs(work / "project", params["tmpfs_bytes"]) as project:
            copy_project(template, project)
            yield project

    def run(self, argv, project, params, m):
        if self.mount:
            return super().run(argv, project, params, m)
        limit = params["rlimit_fsize"]

        def limited() -> None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        return run_child(argv, timeout=max(60.0, 10 * m.seconds), preexec=limited)


class Lock(Kind):
    name = "lock"
    needs_file = True

    variants = "lock:whole, or lock:SECONDS held"

    def valid(self, variant):
        return variant == "whole" or self._number(variant)

    def plan(self, rng, op, m):
        mode = rng.choice(("immediate", "exclusive"))
        if self.variant == "whole" or (self.variant is None and rng.random() < 0.5):
            return {"mode": mode, "hold": "whole operation"}
        if self.variant is not None:
            return {"mode": mode, "hold": float(self.variant)}
        return {"mode": mode, "hold": round(rng.uniform(0, m.seconds + 6.0), 3)}

    def run(self, argv, project, params, m):
        locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(project / DB_NAME), params["mode"]],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            if locker.stdout.readline().strip() != "locked":
                raise RuntimeError("the locking process could not take its lock")
            if params["hold"] == "whole operation":
                result = Kind.run(self, argv, project, params, m)
            else:
                proc_result: list[ChildResult] = []
                t = threading.Thread(target=lambda: proc_result.append(Kind.run(self, argv, project, params, m)))
                t.start()
                t.join(timeout=params["hold"])
                locker.stdin.write("\n")
                locker.stdin.flush()
                t.join()
                result = proc_result[0]
        finally:
            try:
                locker.stdin.write("\n")
                locker.stdin.close()
            except (BrokenPipeError, ValueError, OSError):
                pass
            locker.wait(timeout=30)
        return result


class ReadOnly(Kind):
    name = "readonly"
    variants = "readonly:folder or readonly:file"

    def valid(self, variant):
        return variant in ("folder", "file")

    def applies(self, op):
        return super().applies(op) and not (self.variant == "file" and op.creates)

    def plan(self, rng, op, m):
        if self.variant is not None:
            return {"what": "folder" if self.variant == "folder" else "database file"}
        return {"what": "folder" if op.creates or rng.random() < 0.5 else "database file"}

    @contextmanager
    def place(self, work, template, params):
        project = work / "project"
        copy_project(template, project)
        target = project if params["what"] == "folder" else project / DB_NAME
        if self.mount:
            with readonly_bind(target):
                yield project
            return
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            yield project
        finally:
            target.chmod(mode)


KIND_CLASSES = {k.name: k for k in (Kill, Full, Lock, ReadOnly)}


def make_kinds(specs, mount: bool) -> dict[str, Kind]:
    """``kill``, ``full:0.25``, … → {label: Kind}; raises ValueError for an unknown kind or variant."""
    out = {}
    for spec in specs:
        name, _, variant = spec.partition(":")
        if name not in KIND_CLASSES:
            raise ValueError(f"unknown fault kind {name!r}; known: {', '.join(KIND_CLASSES)}")
        kind = KIND_CLASSES[name](mount, variant or None)
        out[kind.label] = kind
    return out
