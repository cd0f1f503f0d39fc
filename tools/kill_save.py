"""Crash during save: kill a saving process with SIGKILL at random moments.

    .venv/bin/python tools/kill_save.py --kills 300

A child process saves scenarios in a loop, each save one transaction, and
reports every save it completed. The parent kills it at a random moment, then
checks the database: ``PRAGMA integrity_check`` passes, the project opens, and
every scenario equals either its state before the interrupted save or after
it, never a mix. Prints the figures; exits non-zero on any loss.

Every other writing operation, and faults other than kills, are attacked by
``tools/fault_harness.py``; this loop stays for its depth on saves (thousands
of saves interrupted in a row on one database).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N_SCENARIOS = 3


def state(project, index: int, k: int):
    """Scenario ``index`` after its k-th save: content that depends on k everywhere."""
    from core.domain.scenario import Scenario
    d = project.dataset
    pairs = sorted(d.adjacency)
    s = Scenario(name=f"Kịch bản {index}", rules=("nq653-2019", "nq35-2023")[k % 2],
                 description=f"lần lưu {k} " + "x" * (k % 7) * 500)
    used: set[str] = set()
    for step in range(1 + k % 5):
        a, b = pairs[(k * 7 + step * 11 + index) % len(pairs)]
        if a not in used and b not in used:
            s.add_group(d, [a, b], name=f"Nhóm {k}-{step}")
            used |= {a, b}
    s.set_override(d, pairs[index][0], population=1000 + k, source=f"nguồn {k}")
    return s


def content(s) -> str:
    from core.domain.scenario_io import from_dict, to_dict
    data = to_dict(from_dict(to_dict(s)))     # as stored: text normalised
    for g in data["groups"]:
        g.pop("id", None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def child(db: str) -> None:
    from core.storage.store import Project
    project = Project(Path(db))
    ids = {s.name: s for s in project.scenarios()}
    print("ready", flush=True)
    k = int(project.meta("kill_loop_k", "0") or 0)
    while True:
        k += 1
        for i in range(N_SCENARIOS):
            s = state(project, i, k)
            old = ids[f"Kịch bản {i}"]
            s.id, s.created, s.version = old.id, old.created, old.version
            project.save_scenario(s)
            ids[s.name] = s
            print(f"saved {i} {k}", flush=True)


def setup(db: Path) -> None:
    from core.storage.store import Project
    project = Project(db)
    for i in range(N_SCENARIOS):
        project.add_scenario(state(project, i, 0))
    project.close()


def check(db: Path, last: dict[int, int], expected_cache: dict) -> list[str]:
    from core.storage.store import Project
    problems = []
    conn = sqlite3.connect(db)
    result = conn.execute("pragma integrity_check").fetchone()[0]
    conn.close()
    if result != "ok":
        problems.append(f"integrity_check: {result}")
        return problems
    project = Project(db)
    try:
        stored = {s.name: s for s in project.scenarios()}
        for i in range(N_SCENARIOS):
            got = content(stored[f"Kịch bản {i}"])
            k = last.get(i, 0)
            allowed = []
            for kk in (k, k + 1):
                key = (i, kk)
                if key not in expected_cache:
                    expected_cache[key] = content(state(project, i, kk))
                allowed.append(expected_cache[key])
            if got not in allowed:
                desc = json.loads(got)["description"][:12]
                problems.append(f"scenario {i}: neither save {k} nor {k + 1} (found {desc!r})")
    finally:
        project.close()
    return problems


def run(kills: int, seed: int, max_delay: float) -> dict:
    rng = random.Random(seed)
    workdir = Path(tempfile.mkdtemp(prefix="kill-save-"))
    db = workdir / "du-an.sqlite"
    setup(db)
    last: dict[int, int] = {}
    cache: dict = {}
    failures: list[str] = []
    saves = 0
    started = time.perf_counter()
    for n in range(kills):
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(db)], stdout=subprocess.PIPE,
                                text=True, cwd=ROOT)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, max_delay))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        for line in out.splitlines():
            if line.startswith("saved "):
                _, i, k = line.split()
                last[int(i)] = int(k)
                saves += 1
        problems = check(db, last, cache)
        if problems:
            failures.append(f"kill {n + 1}: " + "; ".join(problems))
        # Align every scenario to the same round so the child can restart its counter.
        from core.storage.store import Project
        project = Project(db)
        stored = {s.name: s for s in project.scenarios()}
        for i in range(N_SCENARIOS):
            got = content(stored[f"Kịch bản {i}"])
            if got != cache.get((i, last.get(i, 0))):
                last[i] = last.get(i, 0) + 1      # the interrupted save did land
        k_next = max(last.values()) if last else 0
        for i in range(N_SCENARIOS):
            if last.get(i, 0) != k_next:
                s = state(project, i, k_next)
                old = stored[f"Kịch bản {i}"]
                s.id, s.created, s.version = old.id, old.created, old.version
                project.save_scenario(s)
                last[i] = k_next
        project.db["meta"].insert({"key": "kill_loop_k", "value": str(k_next)}, replace=True)
        project.close()
    return {"kills": kills, "saves_completed": saves, "failures": failures,
            "seconds": round(time.perf_counter() - started, 1), "database": str(db)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--max-delay", type=float, default=0.25, help="seconds after start-up, at most")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    result = run(args.kills, args.seed, args.max_delay)
    print(f"kills: {result['kills']}  saves completed: {result['saves_completed']}  "
          f"scenarios lost or mixed: {len(result['failures'])}  time: {result['seconds']} s")
    for f in result["failures"]:
        print("  " + f)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
