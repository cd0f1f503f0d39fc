"""What the benchmark measures: each function returns seconds for one run (or a value)."""
from __future__ import annotations

import random
import time
from pathlib import Path

from core.domain.commands import AddToGroup
from core.domain.scenario import Scenario
from core.law.evaluation import evaluate
from core.law.incremental import IncrementalEvaluator
from core.storage.store import Project


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t, out


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def scenario_with_groups(dataset, n_groups: int = 2000, seed: int = 1, rules: str = "nq653-2019") -> Scenario:
    """Pairs of adjacent units, spread over the whole dataset."""
    rnd = random.Random(seed)
    codes = sorted(dataset.units)
    rnd.shuffle(codes)
    scenario, used = Scenario(f"Benchmark {n_groups} nhóm", rules), set()
    for code in codes:
        if len(scenario.groups) >= n_groups:
            break
        if code in used:
            continue
        free = sorted(n for n in dataset.neighbours(code) if n not in used)
        if free:
            scenario.add_group(dataset, [code, free[0]])
            used.update((code, free[0]))
    return scenario


def one_edit_candidates(dataset, scenario: Scenario, count: int, seed: int = 2):
    """(group id, unit code) pairs: a free unit bordering the group."""
    owner = scenario.grouped_codes()
    rnd = random.Random(seed)
    groups = list(scenario.groups)
    rnd.shuffle(groups)
    out = []
    for g in groups:
        free = sorted(n for c in g.members for n in dataset.neighbours(c) if n not in owner)
        if free:
            out.append((g.id, free[0]))
            owner[free[0]] = g
        if len(out) >= count:
            break
    return out


def reopen(path: Path) -> float:
    t = time.perf_counter()
    project = Project(path)
    _ = project.dataset
    project.geometries()
    elapsed = time.perf_counter() - t
    project.close()
    return elapsed


def evaluate_each_rule(dataset, scenario: Scenario, rules) -> float:
    return timed(evaluate, dataset, rules, scenario)[0]


def reevaluate_after_edit(dataset, scenario: Scenario, rules, edits) -> list[float]:
    """The evaluator alone, after each "add a unit to a group" command (what it was told changed)."""
    inc = IncrementalEvaluator(dataset, rules, scenario)
    times = []
    for gid, code in edits:
        changed = AddToGroup(gid, [code]).do(scenario, dataset)
        times.append(timed(inc.update, changed)[0])
    return times


def save_scenario(project: Project, scenario: Scenario) -> float:
    return timed(project.save_scenario, scenario, True)[0]


def peer_dissolve(gdf, scenario: Scenario) -> float:
    """What an analyst does instead: dissolve by group and sum population and area."""
    owner = {c: g.id for g in scenario.groups for c in g.members}
    t = time.perf_counter()
    frame = gdf.assign(group=[owner.get(c, c) for c in gdf["code"]])
    frame.dissolve(by="group", aggfunc={"population": "sum", "area_km2": "sum"})
    return time.perf_counter() - t
