"""Judging one fault: the project's state after it, and what the planner was told.

The state is ``old`` or ``new`` when the project's snapshot equals the one before the
operation or after a clean run, and ``half`` otherwise (a mix, an unreadable file, a
file left where there was none). Beside the state, every problem found is named by a
class, the fault harness's to-do list: half-state, integrity, does not open, a half-made
file that blocks the next run, leftover files, tracebacks, exit codes other than 0/2,
messages that do not name the cause (disk full / read-only / locked) or call it damage,
a success reported for no change and a failure reported for a change.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from tools.faults.kinds import ChildResult, Measure
from tools.faults.registry import DB_NAME, Operation
from tools.faults.snapshot import Snapshot, absent

CAUSE_WORDS = {
    "full": ("disk is full", "disk full", "no space", "not enough space", "out of space", "file too large",
             "đầy", "hết chỗ", "không còn chỗ", "không đủ chỗ", "hết dung lượng"),
    "readonly": ("read-only", "readonly", "read only", "chỉ đọc", "không có quyền ghi", "không ghi được"),
    "lock": ("locked", "đang bị khóa", "đang khóa", "another program is using", "chương trình khác đang"),
}
MISLEADING = ("damaged", "truncated", "corrupt", "bị hỏng", "not an sqlite database",
              "sqlite database of another program", "not a project database")
TRACEBACK = "Traceback (most recent call last)"
PATH = re.compile(r"(?<![\w.])/[^\s:;,()'\"“”]+")    # paths name the fault's folder: "…-readonly/…"


def unpathed(text: str) -> str:
    return PATH.sub("<path>", text)


@dataclass
class Reference:
    """The operation's old and new states, from the template and a clean run."""
    old: Snapshot
    new: Snapshot
    old_files: set[str]
    new_files: set[str]
    measure: Measure


@dataclass
class Outcome:
    op: str
    kind: str
    number: int
    params: dict
    state: str = "old"                   # old | new | half
    took_effect: bool = False
    returncode: int | None = None
    seconds: float = 0.0
    problems: list[tuple[str, str]] = field(default_factory=list)   # (class, detail)

    def problem(self, cls: str, detail: str) -> None:
        self.problems.append((cls, detail))


def _rows_note(table: str, ref: Reference, found: Snapshot) -> str:
    return f"{table}: old {ref.old.rows(table)}, new {ref.new.rows(table)}, found {found.rows(table)} rows"


def _message(result: ChildResult) -> str:
    lines = [ln.strip() for ln in unpathed(result.stderr + "\n" + result.stdout).splitlines() if ln.strip()]
    said = [ln for ln in lines if ln.lower().startswith(("lỗi", "error"))]
    return (said or lines or ["(nothing printed)"])[-1][:300]


def traceback_of(text: str) -> str | None:
    """The exception line of the last traceback in ``text`` (None when there is none)."""
    if TRACEBACK not in text:
        return None
    tail = unpathed(text[text.rindex(TRACEBACK):]).splitlines()
    for line in tail[1:]:
        if line and not line.startswith((" ", "\t")):
            return line.strip()[:300]
    return tail[-1].strip()[:300]


def exception_type(line: str) -> str:
    m = re.match(r"([\w.]+(?:Error|Exception|Exit|Interrupt|Warning|Cancelled|Full|Busy)?)\b", line)
    return m.group(1) if m else line[:40]


def judge(op: Operation, kind: str, number: int, params: dict, result: ChildResult,
          after: Path, ref: Reference) -> Outcome:
    b = op.backend
    out = Outcome(op.name, kind, number, params, returncode=result.returncode, seconds=round(result.seconds, 3))
    db = after / DB_NAME
    snap: Snapshot | None = None
    if not db.exists():
        snap = absent()
    elif db.stat().st_size == 0:
        out.problem("half-made file", "a 0-byte project file is left")
    else:
        try:
            snap = b.snapshot(db)
        except sqlite3.DatabaseError as exc:
            out.problem("unreadable file", f"{type(exc).__name__}: {exc}")
    if snap is None:
        out.state = "half"
    elif snap.digest == ref.old.digest:
        out.state = "old"
    elif snap.digest == ref.new.digest:
        out.state = "new"
    else:
        out.state = "half"
        if snap.tables is None:
            out.problem("half-state", "the project file is gone")
        else:
            vs_old, vs_new = snap.differs_from(ref.old), snap.differs_from(ref.new)
            tables = [t for t in vs_new if t not in ("schema", "file")][:4]
            out.problem("half-state", f"differs from the old state in {', '.join(vs_old) or '-'}; "
                                      f"from the new in {', '.join(vs_new) or '-'} ("
                        + "; ".join(_rows_note(t, ref, snap) for t in tables) + ")")
    if db.exists() and snap is not None and snap.tables is not None:
        check = b.integrity(db)
        if check != "ok":
            out.problem("integrity_check fails", check[:300])
            out.state = "half"
        why = b.opens(db)
        if why:
            out.problem("does not open", why[:300])
            out.state = "half"
    leftovers = b.files_beside(after) - ref.old_files - ref.new_files
    if leftovers:
        out.problem("leftover file", ", ".join(sorted(leftovers)))
    _judge_output(out, kind, result, ref)
    return out


def judge_retry(out: Outcome, op: Operation, result: ChildResult) -> None:
    """After a half-state, the operation was run again without a fault: does it get through?"""
    if result.returncode == 0:
        return
    said = traceback_of(result.stdout + "\n" + result.stderr) or _message(result)
    cls = "half-made file blocks the next run" if op.creates else "the next run fails too"
    out.problem(cls, f"retry exit {result.returncode}: {said}")


def _judge_output(out: Outcome, kind: str, result: ChildResult, ref: Reference) -> None:
    failed = result.returncode != 0
    if kind == "kill":
        out.took_effect = result.killed
    elif kind == "lock":
        out.took_effect = failed or result.seconds > ref.measure.seconds + 1.0
    else:
        out.took_effect = failed or out.state != "new"
    if result.hung:
        out.problem("hung", f"no exit after {result.seconds:.0f} s")
    tb = traceback_of(result.stdout + "\n" + result.stderr)
    if tb:
        out.problem(f"traceback: {exception_type(tb)}", tb)
    if result.killed or result.hung:
        return
    if result.returncode not in (0, 2) and not tb:        # an uncaught exception exits 1: said above
        out.problem("exit code other than 0/2", f"exit {result.returncode}: {_message(result)}")
    if not failed and out.state == "old":
        out.problem("said done, nothing changed", _message(result))
    if failed and out.state == "new":
        out.problem("said failed, but changed", _message(result))
    if failed and kind in CAUSE_WORDS:
        text = unpathed(result.stderr + "\n" + result.stdout).lower()
        if not any(w in text for w in CAUSE_WORDS[kind]):
            out.problem(f"cause not named ({kind})", _message(result))
        if any(w in text for w in MISLEADING):
            out.problem(f"message calls it damage ({kind})", _message(result))
