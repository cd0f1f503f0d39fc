"""Benchmark of the proposer (core.propose): figures printed with their targets, not a timed test.

    .venv/bin/pip install -e ".[bench]"          # spopt for the side-by-side peer
    .venv/bin/python benchmarks/propose.py [--db NATIONAL.sqlite] [--province "Bến Tre"]
        [--national] [--national-rules nq76-2025] [--national-goal most-units] [--time-limit 60]

* Châu Thành (the embedded data), each goal under each rule set: proven optimal, ≤ 5 s each.
* A province of ~160 units of the national project (``--db``, built once with ``new-project``
  from ../shared/data): ≤ 60 s with a gap ≤ 2 %.
* ``--national``: every province of the national project, 2 cores: ≤ 15 min, a compliant plan
  everywhere.
* Side by side on the same pieces: spopt ``MaxPHeuristic`` with the combined floor
  Σ min(area/A, population/P) ≥ 1 (A, P: each unit's requirement as the rule set gives it), and
  the proposer's greedy growth: units achieved and seconds, as ratios to the exact proposer.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.domain.model import Dataset  # noqa: E402
from core.law.evaluation import evaluate  # noqa: E402
from core.law.rules import all_rule_sets, get_rule_set  # noqa: E402
from core.law.verdict import judge  # noqa: E402
from core.propose import ProposalRequest, propose  # noqa: E402

GOALS = ("fewest-changes", "most-units", "target")


FAIL_WHY: dict[str, int] = {}


def _check(dataset: Dataset, rules, proposal) -> tuple[bool, int]:
    """(every group passes and no must-merge unit of the area is left, groups failing); why groups
    fail and what could not be met are counted in FAIL_WHY."""
    s = proposal.to_scenario(dataset, "bench")
    res = evaluate(dataset, rules, s)
    scope = set(proposal.left_alone) | {c for g in proposal.groups for c in g.members}
    failing = [g for g in res.groups if g.verdict == "fails"]
    for g in failing:
        why = "name clash" if g.name_clashes else "not contiguous" if not g.contiguous else "figures"
        FAIL_WHY[why] = FAIL_WHY.get(why, 0) + 1
    for m in proposal.unsatisfied:
        FAIL_WHY[m.code] = FAIL_WHY.get(m.code, 0) + 1
    unresolved = [c for c in res.unresolved if c in scope]
    return not failing and not unresolved and not proposal.unsatisfied, len(failing)


def chau_thanh(time_limit: float) -> None:
    from core.domain.datasets import load_dataset
    d = load_dataset()
    print("\n## Châu Thành (22 units): each goal under each rule set — target: proven optimal, ≤ 5 s each")
    print(f"{'rules':12} {'goal':15} {'status':10} {'units':>9} {'compliant':>9} {'seconds':>8}  target")
    for rid, rules in all_rule_sets().items():
        most = None
        for goal in GOALS:
            target = None
            if goal == "target":
                k = max(1, (most or len(d.units)) - 1)
                target = (k, k)
            t0 = time.perf_counter()
            p = propose(d, rules, ProposalRequest(goal=goal, target=target, time_limit=time_limit, workers=1))
            dt = time.perf_counter() - t0
            if goal == "most-units":
                most = p.units_after
            ok, _ = _check(d, rules, p)
            met = "met" if p.status == "optimal" and dt <= 5 else "MISSED"
            label = goal + (f" K={target[0]}" if target else "")
            print(f"{rid:12} {label:15} {p.status:10} {f'22→{p.units_after}':>9} {ok!s:>9} {dt:8.2f}  {met}")


def _province_dataset(dataset: Dataset, province: str) -> Dataset:
    codes = {c for c, u in dataset.units.items() if u.province.endswith(province)}
    return Dataset(province, {c: dataset.units[c] for c in codes},
                   {(a, b) for a, b in dataset.adjacency if a in codes and b in codes}, {})


def one_province(project, province: str, time_limit: float, peers: bool) -> None:
    d = _province_dataset(project.dataset, province)
    shared = {k: v for k, v in project.shared_lengths().items() if k[0] in d.units}
    print(f"\n## {province} ({len(d.units)} units) — target: ≤ 60 s, gap ≤ 2 %")
    print(f"{'rules':12} {'goal':15} {'status':10} {'gap':>7} {'units':>10} {'compliant':>9} {'seconds':>8}  method / target")
    cases = [("nq653-2019", "fewest-changes"), ("nq35-2023", "fewest-changes"),
             ("nq76-2025", "fewest-changes"), ("nq76-2025", "most-units")]
    exact_most = None
    for rid, goal in cases:
        rules = get_rule_set(rid)
        t0 = time.perf_counter()
        p = propose(d, rules, ProposalRequest(goal=goal, time_limit=time_limit, workers=2), shared)
        dt = time.perf_counter() - t0
        ok, _ = _check(d, rules, p)
        gaps = [x.gap for x in p.pieces if x.gap is not None]
        unknown = any(x.gap is None for x in p.pieces)
        gap = "?" if unknown else f"{100 * max(gaps, default=0):.2f}%"
        met = "met" if dt <= 60 and not unknown and max(gaps, default=0) <= 0.02 else "MISSED"
        methods = ",".join(sorted({x.method for x in p.pieces}))
        print(f"{rid:12} {goal:15} {p.status:10} {gap:>7} {f'{len(d.units)}→{p.units_after}':>10} {ok!s:>9} "
              f"{dt:8.2f}  {methods} / {met}")
        if goal == "most-units":
            exact_most = (p, dt)
    if peers and exact_most:
        side_by_side(d, get_rule_set("nq76-2025"), exact_most, shared)


def side_by_side(d: Dataset, rules, exact, shared) -> None:
    p_exact, t_exact = exact
    print("\n### Same pieces, most units under nq76-2025: exact proposer vs greedy growth vs spopt MaxPHeuristic")
    t0 = time.perf_counter()
    g = propose(d, rules, ProposalRequest(goal="most-units", workers=1), shared, exact=False)
    t_greedy = time.perf_counter() - t0
    ok_g, _ = _check(d, rules, g)
    rows = [("proposer (exact)", p_exact.units_after, _check(d, rules, p_exact)[0], t_exact),
            ("greedy growth", g.units_after, ok_g, t_greedy)]
    sp = _spopt(d, rules)
    if sp is not None:
        rows.append(sp)
    print(f"{'method':22} {'units':>6} {'ratio':>6} {'compliant':>18} {'seconds':>8} {'ratio':>7}")
    for name, units, ok, secs in rows:
        print(f"{name:22} {units:6d} {units / p_exact.units_after:6.2f} {ok!s:>18} {secs:8.2f} "
              f"{secs / t_exact:7.2f}")


def _spopt(d: Dataset, rules):
    try:
        import geopandas as gpd
        import libpysal
        from shapely.geometry import Point
        from spopt.region import MaxPHeuristic
    except ImportError:
        print("(spopt not installed: pip install -e '.[bench]')")
        return None
    codes = sorted(d.units)
    floor = []
    for c in codes:
        u = d.units[c]
        req = rules.requirement_for(rules.resulting_kind([u.kind]), u.terrain, u.parent, u.urban_class)
        floor.append(min(u.area.value / req.area_km2, u.population.value / req.population) if not req.exempt else 1.0)
    gdf = gpd.GeoDataFrame({"code": codes, "floor": floor,
                            "pop": [d.units[c].population.value for c in codes]},
                           geometry=[Point(i, 0) for i in range(len(codes))])
    w = libpysal.weights.W({i: [codes.index(n) for n in d.neighbours(c)] for i, c in enumerate(codes)},
                           silence_warnings=True)
    t0 = time.perf_counter()
    model = MaxPHeuristic(gdf, w, ["pop"], "floor", 1.0, top_n=2, max_iterations_construction=99)
    model.solve()
    secs = time.perf_counter() - t0
    labels = model.labels_
    regions: dict[int, list[str]] = {}
    for c, lab in zip(codes, labels):
        regions.setdefault(int(lab), []).append(c)
    passing, total = 0, 0
    for members in regions.values():
        units = [d.units[c] for c in members]
        if len(units) == 1:
            passing += 1
            total += 1
            continue
        total += 1
        v = judge(rules, units, sum(u.area.value for u in units), sum(u.population.value for u in units))
        passing += v.meets_standard
    return ("spopt MaxPHeuristic", total, f"{passing}/{total} pass", secs)


def national(project, rid: str, goal: str, time_limit: float) -> None:
    d = project.dataset
    rules = get_rule_set(rid)
    shared = project.shared_lengths()
    print(f"\n## The whole national project ({len(d.units)} units), {rid}, {goal}, per province, 2 cores "
          "— target: ≤ 15 min, a compliant plan everywhere")
    t0 = time.perf_counter()
    done = [0]

    def tick(report, k, total) -> None:
        done[0] = k
        print(f"\r  {k}/{total} pieces, {time.perf_counter() - t0:6.0f} s", end="", file=sys.stderr, flush=True)

    p = propose(d, rules, ProposalRequest(goal=goal, time_limit=time_limit, workers=2), shared, progress=tick)
    dt = time.perf_counter() - t0
    print(file=sys.stderr)
    FAIL_WHY.clear()
    ok, failing = _check(d, rules, p)
    by_status: dict[str, int] = {}
    for x in p.pieces:
        by_status[x.status] = by_status.get(x.status, 0) + 1
    gaps = [x.gap for x in p.pieces if x.gap is not None]
    print(f"pieces: {len(p.pieces)} {by_status}; units {p.units_before} → {p.units_after}; "
          f"failing groups {failing}; unsatisfied {len(p.unsatisfied)}; worst proven gap "
          f"{100 * max(gaps, default=0):.2f} %; {sum(x.gap is None for x in p.pieces)} pieces without a bound")
    print(f"failing groups and unmet requirements by cause: {FAIL_WHY}")
    print(f"time {dt:.0f} s ({dt / 60:.1f} min) — {'met' if dt <= 900 and ok else 'MISSED'}"
          f" (compliant everywhere: {ok})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="the national project (new-project from ../shared/data)")
    ap.add_argument("--province", default="Bến Tre")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--national", action="store_true")
    ap.add_argument("--national-rules", default="nq76-2025")
    ap.add_argument("--national-goal", default="most-units")
    ap.add_argument("--national-time-limit", type=float, default=20.0)
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()
    chau_thanh(min(args.time_limit, 20.0))
    if not args.db:
        print("\n(no --db: the province and national figures need the national project)")
        return
    from core.storage.store import Project
    project = Project(args.db)
    one_province(project, args.province, args.time_limit, not args.no_peers)
    if args.national:
        national(project, args.national_rules, args.national_goal, args.national_time_limit)
    project.close()


if __name__ == "__main__":
    main()
