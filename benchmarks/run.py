"""Benchmark at national size: ``python benchmarks/run.py [--runs 3] [--sizes 1000,10000,50000]``.

Measures on the national files in ``../shared/data`` (skipped when absent) and on
synthetic tessellations, prints a table of medians with each target, and the ratios
against the tools an analyst would use instead (libpysal, GeoDataFrame.plot,
GeoDataFrame.dissolve; install them with ``pip install libpysal matplotlib``).
Not part of the test run; figures depend on the machine and on its load.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import cases  # noqa: E402
import edits  # noqa: E402
import map_cases  # noqa: E402

from core.geo.geometry import adjacency_from_geometries, to_metric  # noqa: E402
from core.imports.boundaries import apply_boundaries, plan_boundaries  # noqa: E402
from core.imports.national import import_national  # noqa: E402
from core.imports.synthetic import write_synthetic_files  # noqa: E402
from core.law.rules import all_rule_sets  # noqa: E402
from core.storage.store import Project  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
NATIONAL = (SHARED / "vn_communes_2019_lowres.geojson", SHARED / "vn_population_by_commune_2019_census.csv")
ROWS: list[tuple[str, str, str, str, str]] = []
EDIT_LINES: list[str] = []


def row(data: str, what: str, seconds: list[float] | float | None, target: float | None, unit="s") -> None:
    if seconds is None:
        ROWS.append((data, what, "–", "", ""))
        return
    value = statistics.median(seconds) if isinstance(seconds, list) else seconds
    shown = f"{value * 1000:.1f} ms" if unit == "s" and value < 1 else (
        f"{value:.2f} s" if unit == "s" else f"{value:.0f} {unit}")
    tgt = "" if target is None else (f"≤ {target * 1000:.0f} ms" if unit == "s" and target < 1 else
                                     f"≤ {target:g} s" if unit == "s" else f"≤ {target:g} {unit}")
    ok = "" if target is None else ("met" if value <= target else "MISSED")
    ROWS.append((data, what, shown, tgt, ok))


def peak_memory_mb(db: Path) -> float:
    code = ("import sys,resource; sys.path.insert(0, %r); sys.path.insert(0, %r)\n"
            "from core.storage.store import Project; import map_cases, cases\n"
            "p = Project(%r); ds = p.dataset; p.geometries()\n"
            "s = cases.scenario_with_groups(ds)\n"
            "t, scene, _ = map_cases.build_scene(p, s)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)\n"
            "import os; os._exit(0)  # see map_cases._NONE_GUARD"
            % (str(ROOT), str(ROOT / "benchmarks"), str(db)))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def bench(label: str, layer: Path, table: Path, runs: int, tmp: Path, peers: bool, with_map: bool,
          only_edits: bool = False) -> None:
    db = tmp / f"{label}.sqlite"
    if only_edits:
        cases.remove_db(db)
        import_national(db, layer, table)[0].close()
        EDIT_LINES.extend(edits.edit_table(db, max(runs, 10)))
        return
    times = []
    for _ in range(runs):
        cases.remove_db(db)
        t, (project, report) = cases.timed(import_national, db, layer, table)
        project.close()
        times.append(t)
    row(label, f"import ({report.features} polygons, {100 * report.match_rate:.2f} % matched, "
               f"{report.pairs} pairs, +{report.pairs_added_by_tolerance} by tolerance)", times, 10.0)
    row(label, "reopen project database (units, adjacency, geometries)",
        [cases.reopen(db) for _ in range(runs)], 1.5)
    project = Project(db)
    plan_t, apply_t = [], []
    for _ in range(runs):                       # the same layer again: the planner's preview, then Apply
        dataset = project.dataset
        t, plan = cases.timed(plan_boundaries, dataset, layer, tolerance_m=report.tolerance_m)
        plan_t.append(t)
        apply_t.append(cases.timed(apply_boundaries, project, plan)[0])
    row(label, f"boundary import into the project, preview ({len(plan.report.matched)} matched)", plan_t, None)
    row(label, "boundary import into the project, apply (one transaction, previous kept)", apply_t, None)
    dataset = project.dataset
    scenario = cases.scenario_with_groups(dataset)
    for rule_id, rules in all_rule_sets().items():
        row(label, f"evaluate {len(scenario.groups)} groups, {rule_id}",
            [cases.evaluate_each_rule(dataset, scenario, rules) for _ in range(runs)], 0.2)
    edit_scenario = cases.scenario_with_groups(dataset)
    candidates = cases.one_edit_candidates(dataset, edit_scenario, 5 * runs)
    edit_times = cases.reevaluate_after_edit(dataset, edit_scenario, all_rule_sets()["nq653-2019"], candidates)
    row(label, "re-evaluate after one edit (add a unit to a group), the evaluator alone", edit_times, 0.010)
    save = []
    for _ in range(runs):
        save.append(cases.save_scenario(project, scenario))
    row(label, f"save a scenario of {len(scenario.groups)} groups", save, 0.1)
    scene = None
    if with_map:
        build = []
        for _ in range(max(1, runs - 1)):
            if scene is not None:
                scene.view.close()
            t, view, which = map_cases.build_view(project, scenario)
            scene = view.scene()
            scene.view = view                   # the peers' ratio repaints it
            build.append(t)
        row(label, f"build the map scene, shown fitted ({which})", build, 2.0)
        row(label, "repaint full extent into 1366×768", [map_cases.paint_view(view) for _ in range(runs)], 0.1)
        province = sorted({u.province for u in dataset.units.values()})[len({u.province for u in dataset.units.values()}) // 2]
        rect = map_cases.province_rect(scene, project, province)
        if not rect.isEmpty():
            row(label, f"zoom from full extent to a province ({province})", map_cases.show(view, rect), None)
            row(label, "first paint of the province view after the zoom", map_cases.paint_view(view), None)
            row(label, f"repaint a province view ({province})",
                [map_cases.paint_view(view) for _ in range(runs)], 0.016)
            map_cases.show(view, None)
        row(label, "peak memory, project open with map scene (subprocess)", peak_memory_mb(db), 1536, "MB")
    if peers:
        peer_rows(label, project, dataset, scenario, edit_times, scene, runs, tmp)
    project.close()
    if label == "national":
        if scene is not None:
            scene.view.close()
        EDIT_LINES.extend(edits.edit_table(db, max(runs, 10)))


def peer_rows(label, project, dataset, scenario, edit_times, scene, runs, tmp) -> None:
    import geopandas as gpd
    geoms = project.geometries()
    codes = list(geoms)
    gdf = gpd.GeoDataFrame({"code": codes, "population": [dataset.units[c].population.value for c in codes],
                            "area_km2": [dataset.units[c].area.value for c in codes]},
                           geometry=[geoms[c] for c in codes], crs="EPSG:4326")
    metric = to_metric(gdf.geometry.values)
    ours = [cases.timed(adjacency_from_geometries, codes, metric, 60.0)[0] for _ in range(runs)]
    ours_exact = [cases.timed(adjacency_from_geometries, codes, metric, 0.0)[0] for _ in range(runs)]
    try:
        from libpysal.weights import Rook
        peer = [cases.timed(Rook.from_dataframe, gdf, use_index=False, silence_warnings=True)[0]
                for _ in range(runs)]
    except ImportError:
        peer = None
    row(label, "adjacency, ours with 60 m tolerance", ours, None)
    row(label, "adjacency, ours exact shared edges", ours_exact, None)
    row(label, "adjacency, libpysal Rook.from_dataframe", peer, None)
    if peer:
        ratio(label, "Rook / ours (tolerance)", peer, ours)
    if scene is not None:
        try:
            plot = [map_cases.peer_plot(gdf, tmp / "peer.png") for _ in range(runs)]
        except ImportError:
            plot = None
        row(label, "GeoDataFrame.plot() to PNG (Agg)", plot, None)
        if plot:
            ours_paint = [map_cases.paint_view(scene.view) for _ in range(runs)]
            ratio(label, "plot() / our full repaint", plot, ours_paint)
    dissolve = [cases.peer_dissolve(gdf, scenario) for _ in range(runs)]
    row(label, "GeoDataFrame.dissolve() + sums (2,000 groups)", dissolve, None)
    ratio(label, "dissolve / our re-evaluation after an edit", dissolve, edit_times)


def ratio(label, what, peer, ours) -> None:
    value = statistics.median(peer) / statistics.median(ours)
    ROWS.append((label, f"ratio {what}", f"{value:.1f}×", "", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (median printed)")
    ap.add_argument("--sizes", default="1000,10000,50000", help="synthetic sizes ('' for none)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--only", choices=("all", "edits"), default="all",
                    help="edits: only the planner's edits at national size, end to end (and undo memory)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if all(p.exists() for p in NATIONAL):
            bench("national", *NATIONAL, args.runs, tmp, not args.no_peers, True, args.only == "edits")
        else:
            ROWS.append(("national", f"skipped: {SHARED} not present", "", "", ""))
        for n in [int(x) for x in args.sizes.split(",") if x.strip() and args.only == "all"]:
            layer, table = write_synthetic_files(n, tmp / f"syn{n}")
            bench(f"synthetic {n}", layer, table, max(1, args.runs if n <= 10000 else 1), tmp,
                  False, n <= 10000)
    widths = [max(len(r[i]) for r in ROWS + [("data", "figure", "median", "target", "")]) for i in range(5)]
    head = ("data", "figure", "median", "target", "")
    if ROWS:
        for r in [head] + ROWS:
            print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        print(f"\n{args.runs} runs per figure (50k synthetic: 1 run); 2 cores shared with other work: noisy.")
    if EDIT_LINES:
        print("\nAn edit at national size, end to end (gesture → core → views → window painted at 1366×768),")
        print("a scenario of 2,000 groups; each figure over the rounds after the first:")
        print("\n".join(EDIT_LINES))
    return 0


if __name__ == "__main__":
    rc = main()
    sys.stdout.flush()
    os._exit(rc)            # skip teardown: see map_cases._NONE_GUARD
