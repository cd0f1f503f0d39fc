"""The planner's edit at national size, end to end, beside the figures before issue 9.

``python benchmarks/run.py --only edits`` (or the whole benchmark) prints, for add / remove /
merge / undo / redo on a scenario of 2,000 groups, the median and the worst time from the
gesture to the painted window at 1366×768, with the map on a province and on the country, and
how much memory 200 steps of undo hold. See ``edit_cases`` for what is timed.
"""
from __future__ import annotations

from pathlib import Path

import edit_cases

TARGET_MEDIAN, TARGET_WORST = 0.050, 0.100      # seconds
TARGET_UNDO_MB = 50.0
# Measured with this benchmark on the code before issue 9 (commit ac59a27: the session ran each
# command on a copy and the command copied the scenario before and after; every view redrew
# everything), on the same machine minutes before the figures of the README, 6 rounds, 2 cores
# shared with other work (load average about 7). The issue's own figures: add ≈ 1.3 s, undo ≈ 1.2 s.
OLD_COMMIT = "ac59a27"
OLD: dict[tuple[str, str], tuple[float, float]] = {     # (view, gesture) → (median, worst) s
    ("province", "add"): (2.293, 3.421), ("province", "remove"): (2.412, 3.456),
    ("province", "merge"): (2.572, 3.342), ("province", "undo"): (2.087, 2.843),
    ("province", "redo"): (1.938, 2.304),
    ("country", "add"): (1.550, 2.846), ("country", "remove"): (1.464, 1.651),
    ("country", "merge"): (1.774, 2.982), ("country", "undo"): (1.367, 3.622),
    ("country", "redo"): (1.122, 1.364),
}
# Each old step held two deep copies of the scenario: 0.82 MB traced for 2,000 groups, × 2 × 200.
OLD_UNDO_MB = 329.0


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


def edit_table(db: Path, runs: int) -> list[str]:
    """Lines of the end-to-end table (measured now), with the old figures beside."""
    lines = [f"{'view':34} {'gesture':8} {'before ' + OLD_COMMIT:>22} {'now':>22}   target: median "
             f"≤ {TARGET_MEDIAN * 1000:.0f} ms, worst ≤ {TARGET_WORST * 1000:.0f} ms",
             f"{'':34} {'':8} {'median':>10} {'worst':>11} {'median':>10} {'worst':>11}"]
    for view, gesture, seconds in edit_cases.edit_figures(db, runs=runs):
        median, worst = edit_cases.summary(seconds)
        kind = "province" if view.startswith("province") else "country"
        old = OLD.get((kind, gesture), (None, None))
        met = "met" if median <= TARGET_MEDIAN and worst <= TARGET_WORST else "MISSED"
        lines.append(f"{view:34} {gesture:8} {_ms(old[0]):>10} {_ms(old[1]):>11} {_ms(median):>10} "
                     f"{_ms(worst):>11}   {met}")
    import statistics
    lines.append("CPU time of this process per gesture, median over both views (the wall clock above also "
                 "waits for the other work on the machine): " + ", ".join(
                     f"{g} {_ms(statistics.median(v))}" for g, v in edit_cases.CPU.items() if g))
    first = max(edit_cases.FIRST.items(), key=lambda kv: kv[1])
    lines.append(f"the first round after opening (excluded above), slowest: {first[0][1]} in the "
                 f"{first[0][0]}, {_ms(first[1])}")
    mb, depth = edit_cases.undo_memory_mb(db)
    old_mb = "–" if OLD_UNDO_MB is None else f"{OLD_UNDO_MB:.0f} MB"
    lines.append(f"{'undo history of ' + str(depth) + ' steps (traced)':43} {old_mb:>22} {mb:>20.1f} MB   "
                 f"target ≤ {TARGET_UNDO_MB:.0f} MB: {'met' if mb <= TARGET_UNDO_MB else 'MISSED'}")
    return lines
