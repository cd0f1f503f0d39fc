"""Proof by force: every writing operation, run in a child process, under faults.

    .venv/bin/python tools/fault_harness.py --faults 1000            # the long run (README)
    .venv/bin/python tools/fault_harness.py --faults 40 --ops save,migration --kinds kill,full --seed 3
    .venv/bin/python tools/fault_harness.py --list                   # operations and fault kinds

For each operation (``tools/faults/operations.py``; how to add one: ``tools/faults/registry.py``)
the harness builds the old state once, measures a clean run (duration, first write, peak
disk use, the new state), then injects faults, each on a fresh copy: SIGKILL at a random
moment, a full disk (a small tmpfs as root, else RLIMIT_FSIZE), a lock held by another
process, a read-only folder or file (a read-only bind mount as root, else chmod). After
each fault it checks ``PRAGMA integrity_check``, that ``core.storage.store.Project`` opens
the file, that the project is exactly the old or the new state, that no half-made file or
leftover is in the way, and what the child printed: no traceback, an exit code of 0 or 2,
the cause named in words. Prints the figures by operation and kind and each failure class
with examples; exits 1 when any fault found a problem.
"""
from __future__ import annotations

import argparse
import json
import runpy
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.faults import operations  # noqa: E402,F401 - registers the operations
from tools.faults.kinds import can_mount, make_kinds  # noqa: E402
from tools.faults.registry import KINDS, REGISTRY  # noqa: E402
from tools.faults.runner import Figures, HarnessError, build_template, prepare, run_all, schedule  # noqa: E402


def _names(text: str | None, known, what: str) -> list[str]:
    if not text:
        return list(known)
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)}; known: {', '.join(known)}")
    return names


def print_figures(fig: Figures, setup: dict, examples: int) -> None:
    t = fig.totals()
    print(f"\nFault harness – {setup['mode']}; seed {setup['seed']}; {setup['seconds']:.0f} s")
    cols = ("faults", "took effect", "old", "new", "half", "tracebacks")
    print(f"{'operation':18} {'kind':9}" + "".join(f"{c:>12}" for c in cols))
    for op, kinds in sorted(fig.table().items()):
        for kind, c in sorted(kinds.items()):
            print(f"{op:18} {kind:9}" + "".join(f"{c[col]:>12}" for col in cols))
    print(f"{'all':28}" + "".join(f"{t[col]:>12}" for col in cols))
    print(f"faults injected: {t['faults']}  states checked: {t['states checked']}  old: {t['old']}  "
          f"new: {t['new']}  half-states (data lost or mixed): {t['half']}  tracebacks: {t['tracebacks']}  "
          f"faults with any problem: {t['faults with a problem']}")
    classes = fig.classes(examples)
    if classes:
        print(f"\nFailure classes ({len(classes)}):")
    for c in classes:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(c["kinds"].items()))
        print(f"- [{c['op']}] {c['class']}: {c['count']} ({kinds})")
        for e in c["examples"]:
            params = {k: v for k, v in e["params"].items() if k != "dir"}
            print(f"    fault {e['fault']} {e['kind']} {params} → {e['state']}, exit {e['exit']}: {e['detail']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faults", type=int, default=1000, help="faults to inject in all (default 1000)")
    ap.add_argument("--ops", help=f"operations, comma-separated (default all: {', '.join(REGISTRY)})")
    ap.add_argument("--kinds", help=f"fault kinds, comma-separated (default all: {', '.join(KINDS)}); "
                    "a variant fixes what is otherwise random: kill:0 (seconds after the first write), "
                    "full:0.25 (fraction of the room needed), lock:whole or lock:2.5, readonly:folder|file")
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--jobs", type=int, default=2, help="faults run side by side (default 2)")
    ap.add_argument("--examples", type=int, default=3, help="examples printed per failure class")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--save", metavar="FILE.json", help="also write the figures as JSON to this file")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (failing faults are kept anyway)")
    ap.add_argument("--discard", action="store_true", help="remove the work folder, failing faults too")
    ap.add_argument("--list", action="store_true", help="list the operations and fault kinds")
    ap.add_argument("--extra", action="append", default=[], metavar="FILE.py",
                    help="a Python file that registers more operations (see tools/faults/registry.py)")
    args = ap.parse_args(argv)
    for path in args.extra:
        runpy.run_path(path, run_name="fault_harness_extra")
    if args.list:
        for op in REGISTRY.values():
            print(f"{op.name:18} {op.summary} [{', '.join(op.kinds)}]")
        return 0
    ops = [REGISTRY[n] for n in _names(args.ops, REGISTRY, "operations")]
    mount = can_mount()
    try:
        kinds = make_kinds(args.kinds.split(",") if args.kinds else KINDS, mount)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    mode = ("root: tmpfs for a full disk, read-only bind mounts" if mount else
            "not root: RLIMIT_FSIZE (EFBIG/short writes) for a full disk, chmod for read-only")
    work = Path(tempfile.mkdtemp(prefix="fault-harness-"))
    started = time.perf_counter()
    log = sys.stderr
    print(f"work folder: {work}; {mode}", file=log)
    from tools.faults.operations import Resources
    resources = Resources(work / "resources")
    try:
        templates = [build_template(op, work, resources) for op in ops]      # in this process, one by one
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:     # clean runs side by side
            prepared = list(pool.map(lambda ot: prepare(ot[0], ot[1], work, mount), zip(ops, templates)))
    except HarnessError as exc:
        print(f"cannot attack: {exc}", file=log)
        return 2
    for p in prepared:
        m = p.ref.measure
        print(f"{p.op.name:18} clean run {m.seconds:.2f} s, writes {m.first_write:.3f}–{m.last_write:.3f} s, "
              f"disk {m.base_bytes // 1024} → {m.peak_bytes // 1024} KiB", file=log)
    plan = schedule(prepared, kinds, args.faults, args.seed)

    def progress(fig: Figures) -> None:
        n = len(fig.outcomes)
        if n % 25 == 0 or n == len(plan):
            t = fig.totals()
            print(f"  {n}/{len(plan)} faults, half-states {t['half']}, tracebacks {t['tracebacks']}, "
                  f"{time.perf_counter() - started:.0f} s", file=log, flush=True)
    fig = run_all(plan, args.seed, work, args.jobs, progress)
    setup = {"mode": mode, "seed": args.seed, "seconds": time.perf_counter() - started, "work": str(work),
             "references": {p.op.name: {"seconds": round(p.ref.measure.seconds, 3),
                                        "first_write": round(p.ref.measure.first_write, 3),
                                        "last_write": round(p.ref.measure.last_write, 3),
                                        "base_bytes": p.ref.measure.base_bytes,
                                        "peak_bytes": p.ref.measure.peak_bytes} for p in prepared}}
    if args.save:
        Path(args.save).write_text(json.dumps(dict(fig.as_dict(args.examples), setup=setup), ensure_ascii=False,
                                              indent=1, default=str), encoding="utf-8")
    if args.json:
        print(json.dumps(dict(fig.as_dict(args.examples), setup=setup), ensure_ascii=False, indent=1, default=str))
    else:
        print_figures(fig, setup, args.examples)
    failing = fig.totals()["faults with a problem"]
    if args.discard or (not args.keep and not failing):
        shutil.rmtree(work, ignore_errors=True)
    elif not args.keep:
        for sub in ("templates", "reference", "resources"):
            shutil.rmtree(work / sub, ignore_errors=True)
        print(f"failing faults kept in {work / 'faults'}", file=log)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
