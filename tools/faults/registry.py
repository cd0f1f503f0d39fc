"""The writing operations the fault harness attacks, and how to add one.

An operation is a set-up that builds the project as it stands *before* (the old
state) and a command line run in a child process that changes it (the new state).
The harness builds the set-up once into a template, measures one clean run of the
command (duration, moment of the first write, peak disk use, the new state) and then
runs it again and again under faults, each time on a fresh copy of the template.

Adding an operation (issue 11's ``import-stats`` and ``apply``, say)::

    from tools.faults.registry import Operation, cli, register

    register(Operation(
        name="apply",
        summary="the 2019 plan becomes the project's next state",
        setup=lambda case, res: res.chau_thanh(case.db),
        argv=lambda case: cli(case, "apply", "Phương án 2019", "--as", "2020")))

``setup(case, resources)`` writes the old state into ``case.project_dir`` (nothing for
an operation that creates the project: set ``creates=True``) and any input files into
``case.inputs``; ``resources`` (``tools.faults.operations.Resources``) builds the common
ones once per harness run. ``argv(case)`` is the child's command line after the Python
executable, through the real CLI (``cli(case, …)``) where a command exists, else through
the core call the GUI makes (``core_call(case, "save")``, see ``tools/faults/child.py``).
``kinds`` lists the faults that make sense for it (a lock needs an existing file).

The storage ``backend`` says how a project is copied, read and judged. SQLite files are
the only one today (``SQLITE``); a PostgreSQL backend (issue 14) gives its own
``snapshot`` (every table's rows, sorted, masked the same way), ``opens`` and fault
kinds (kill, a held ``LOCK TABLE``, ``pg_terminate_backend``) and its operations set
``backend=``.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tools.faults import snapshot as sqlite_snapshot

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("kill", "full", "lock", "readonly")
DB_NAME = "du-an.sqlite"


@dataclass
class Case:
    """Where one run of an operation happens: the project's folder and the inputs' folder."""
    project_dir: Path
    inputs: Path

    @property
    def db(self) -> Path:
        return self.project_dir / DB_NAME


@dataclass(frozen=True)
class Backend:
    """How the harness reads and judges a project of one storage kind."""
    name: str
    snapshot: Callable[[Path], object]          # db → Snapshot (raises when unreadable)
    integrity: Callable[[Path], str]            # "ok" or what is wrong
    opens: Callable[[Path], str | None]         # None when the tool opens it, else why not
    files_beside: Callable[[Path], set[str]]    # files the operation leaves in the folder


SQLITE = Backend("sqlite", sqlite_snapshot.snapshot, sqlite_snapshot.integrity,
                 sqlite_snapshot.opens, sqlite_snapshot.files_beside)


@dataclass(frozen=True)
class Operation:
    name: str
    summary: str
    setup: Callable[[Case, object], None]
    argv: Callable[[Case], list[str]]
    creates: bool = False                       # old state: no project file
    kinds: tuple[str, ...] = KINDS
    backend: Backend = SQLITE


REGISTRY: dict[str, Operation] = {}


def register(op: Operation) -> Operation:
    if op.name in REGISTRY:
        raise ValueError(f"operation {op.name!r} is registered twice")
    unknown = set(op.kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"operation {op.name!r}: unknown fault kinds {sorted(unknown)}")
    REGISTRY[op.name] = op
    return op


def cli(case: Case, *args: str) -> list[str]:
    """The real command line: ``main.py --db PROJECT <command> …``."""
    return [str(ROOT / "main.py"), "--db", str(case.db), *args]


def core_call(case: Case, what: str, *args: str) -> list[str]:
    """A core call as the GUI makes it, for writes that have no CLI command."""
    return ["-m", "tools.faults.child", what, str(case.db), *args]


def python() -> str:
    return sys.executable
