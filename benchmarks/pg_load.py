"""Load test of the shared store: N concurrent clients (processes) × M saves of one scenario.

    .venv/bin/python benchmarks/pg_load.py [--clients 8] [--saves 200] [--db URL|FILE]

Without ``--db`` it starts its own PostgreSQL server (tools/pg_server.py) and stops it after.
Every client loads the scenario, appends its own token to the description (``c3-17;``), and
saves; a refused save (ConflictError) is counted, the scenario loaded again and the edit redone,
until the client has M saves that went through. At the end:

* no lost update: the stored description holds every token of every save that went through,
  the stored version is the start plus the number of those saves, and the change log has one
  entry per save with versions start+1 … start+N, none twice;
* every conflict detected: each refused save had loaded a version older than the stored one;
* p50/p95 latency of a save that went through and of a refused one (milliseconds).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCENARIO = "Phương án 2019"


def client(ref: str, index: int, saves: int, start, out) -> None:
    try:
        _client(ref, index, saves, start, out)
    except BaseException as exc:            # the parent reports it instead of waiting for ever
        out.put((index, None, f"{type(exc).__name__}: {exc}", 0))


def _client(ref: str, index: int, saves: int, start, out) -> None:
    from core.storage.connect import open_project
    from core.storage.store import ConflictError
    project = open_project(ref, author=f"client-{index}")
    ok, refused, stale = [], [], 0
    start.wait()
    done = 0
    while done < saves:
        scenario = project.get_scenario(SCENARIO)
        loaded = scenario.version
        scenario.description += f"c{index}-{done};"
        t = time.perf_counter()
        try:
            project.save_scenario(scenario)
        except ConflictError as exc:
            refused.append(time.perf_counter() - t)
            stale += int(exc.theirs > loaded)
            continue
        ok.append(time.perf_counter() - t)
        done += 1
    project.close()
    out.put((index, ok, refused, stale))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] * 1000


def run(ref: str, clients: int, saves: int) -> bool:
    from core.storage.connect import open_project
    setup = open_project(ref, author="setup")
    s = setup.get_scenario(SCENARIO)
    s.description = ""
    setup.save_scenario(s)
    first, sid = s.version, s.id
    log_before = len(setup.history(sid))
    setup.close()

    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=client, args=(ref, i, saves, start, out)) for i in range(clients)]
    for p in procs:
        p.start()
    time.sleep(3.0)                       # every client connected and waiting
    t0 = time.perf_counter()
    start.set()
    results = [out.get(timeout=3600) for _ in procs]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    failed = [r for r in results if r[1] is None]
    if failed:
        for index, _, error, _ in failed:
            print(f"client {index} failed: {error}")
        print("RESULT: FAILED")
        return False

    ok = [x for r in results for x in r[1]]
    refused = [x for r in results for x in r[2]]
    stale = sum(r[3] for r in results)
    check = open_project(ref)
    final = check.get_scenario(SCENARIO)
    tokens = set(filter(None, final.description.split(";")))
    expected = {f"c{i}-{n}" for i in range(clients) for n in range(saves)}
    lost = expected - tokens
    log = check.history(sid)[log_before:]
    versions = [c.version for c in log]
    check.close()

    total = clients * saves
    good_versions = versions == list(range(first + 1, first + total + 1))
    print(f"backend: {'PostgreSQL' if ref.startswith('postgresql') else 'SQLite file'}; "
          f"{clients} clients × {saves} saves of one scenario, in {wall:.1f} s")
    print(f"saves that went through: {len(ok)} (expected {total}); refused as conflicts: {len(refused)}")
    print(f"lost updates: {len(lost)} (tokens missing from the stored scenario)")
    print(f"stored version: {final.version} = {first} + {final.version - first} (expected + {total})")
    print(f"change log: {len(log)} entries, versions {first + 1}…{first + total} each once: {good_versions}")
    print(f"conflicts detected against a newer stored version: {stale} of {len(refused)}")
    print(f"save latency, went through: p50 {pct(ok, 0.5):.1f} ms, p95 {pct(ok, 0.95):.1f} ms")
    print(f"save latency, refused:      p50 {pct(refused, 0.5):.1f} ms, p95 {pct(refused, 0.95):.1f} ms")
    if ok:
        print(f"throughput: {len(ok) / wall:.0f} saves/s; mean {statistics.mean(ok) * 1000:.1f} ms")
    passed = (not lost and len(ok) == total and final.version == first + total and good_versions
              and stale == len(refused))
    print("RESULT:", "0 lost updates, every conflict detected" if passed else "FAILED")
    return passed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--db", help="postgresql://… or a project file (default: a throwaway server)")
    args = ap.parse_args()
    import signal
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))      # stop the server on the way out
    if args.db:
        return 0 if run(args.db, args.clients, args.saves) else 1
    from tools.pg_server import throwaway_server
    folder = Path(tempfile.mkdtemp(prefix="sapxep-pgload-"))
    try:
        with throwaway_server(folder, durable=True) as url:
            return 0 if run(url, args.clients, args.saves) else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
