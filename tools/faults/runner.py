"""Running an operation under faults: its template, its clean run, one fault, the figures."""
from __future__ import annotations

import random
import shutil
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.faults.kinds import Kind, Measure, _folder_state, _used, copy_project, run_child, tmpfs
from tools.faults.registry import DB_NAME, Case, Operation
from tools.faults.snapshot import absent
from tools.faults.verdict import Outcome, Reference, judge, judge_retry

REFERENCE_TMPFS = 2 * 2**30          # a roomy tmpfs for the clean runs (only what is written uses memory)


class HarnessError(Exception):
    """An operation cannot be attacked (its set-up or clean run fails); the message says why."""


@dataclass
class Prepared:
    op: Operation
    template: Path                  # template/project (the old state) and template/inputs
    ref: Reference

    @property
    def inputs(self) -> Path:
        return self.template / "inputs"


def build_template(op: Operation, work: Path, resources) -> Path:
    template = work / "templates" / op.name
    case = Case(template / "project", template / "inputs")
    case.project_dir.mkdir(parents=True, exist_ok=True)
    case.inputs.mkdir(parents=True, exist_ok=True)
    op.setup(case, resources)
    for suffix in ("-wal", "-shm"):
        if Path(str(case.db) + suffix).exists():
            raise HarnessError(f"{op.name}: the set-up left {case.db.name}{suffix}; close the project in set-up")
    return template


def _clean_run(op: Operation, template: Path, out_dir: Path, mount: bool) -> tuple[Measure, Path]:
    """One run without faults, watched: duration, first write, peak use; the result copied out."""
    project = out_dir / "project"
    measure: dict = {}

    def go() -> Measure:
        copy_project(template / "project", project)
        base_used = _used(project)
        base_file = _folder_state(project)[1]
        argv = op.argv(Case(project, template / "inputs"))
        result = run_child(argv, timeout=600, watch=project, measure=measure)
        shutil.copytree(project, out_dir / "after")
        first = measure.get("first_write") or 0.0
        return Measure(seconds=result.seconds, first_write=first, last_write=measure.get("last_write") or first,
                       base_bytes=base_used, peak_bytes=max(measure["peak_bytes"], _used(project)),
                       base_file=base_file, peak_file=measure["peak_file"], result=result)

    if mount:
        with tmpfs(project, REFERENCE_TMPFS):
            m = go()
    else:
        m = go()
    if m.result.returncode != 0:
        raise HarnessError(f"{op.name}: the clean run failed (exit {m.result.returncode}): "
                           f"{(m.result.stderr or m.result.stdout).strip()[-800:]}")
    return m, out_dir / "after"


def prepare(op: Operation, template: Path, work: Path, mount: bool) -> Prepared:
    """Two clean runs from the template: the new state must be the same both times, and differ from the old."""
    b = op.backend
    old_copy = work / "reference" / op.name / "old"
    shutil.copytree(template / "project", old_copy)
    old = absent() if op.creates else b.snapshot(old_copy / DB_NAME)
    if not op.creates and old.tables is None:
        raise HarnessError(f"{op.name}: the set-up made no project file (set creates=True if the operation makes it)")
    runs = [_clean_run(op, template, work / "reference" / op.name / f"run{k}", mount) for k in (1, 2)]
    news = [b.snapshot(after / DB_NAME) for _, after in runs]
    if news[0].digest != news[1].digest:
        raise HarnessError(f"{op.name}: two clean runs give different projects (differing in "
                           f"{', '.join(news[0].differs_from(news[1]))}); mask what varies in snapshot.py")
    if news[0].digest == old.digest:
        raise HarnessError(f"{op.name}: the clean run changed nothing; the harness could not tell old from new")
    measure = max((m for m, _ in runs), key=lambda m: m.peak_bytes)
    measure.seconds = sum(m.seconds for m, _ in runs) / 2
    return Prepared(op, template, Reference(old, news[0], b.files_beside(old_copy), b.files_beside(runs[0][1]),
                                            measure))


def run_fault(p: Prepared, kind: Kind, number: int, seed: int, work: Path) -> Outcome:
    rng = random.Random(f"{seed}-{number}")
    params = kind.plan(rng, p.op, p.ref.measure)
    fault_dir = work / "faults" / f"{number:05d}-{p.op.name}-{kind.name}"
    with kind.place(fault_dir, p.template / "project", params) as project:
        result = kind.run(p.op.argv(Case(project, p.inputs)), project, params, p.ref.measure)
        shutil.copytree(project, fault_dir / "after")
    outcome = judge(p.op, kind.name, number, params, result, fault_dir / "after", p.ref)
    outcome.kind = kind.label
    if outcome.state == "half":
        retry = fault_dir / "retry"
        shutil.copytree(fault_dir / "after", retry)
        judge_retry(outcome, p.op, run_child(p.op.argv(Case(retry, p.inputs)), timeout=600))
    outcome.params["dir"] = str(fault_dir)
    if not outcome.problems:
        shutil.rmtree(fault_dir, ignore_errors=True)
    return outcome


def schedule(prepared: list[Prepared], kinds: dict[str, Kind], faults: int, seed: int) -> list[tuple[Prepared, Kind]]:
    """``faults`` (operation, kind) pairs, spread evenly over every applicable pair."""
    pairs = [(p, k) for p in prepared for k in kinds.values() if k.applies(p.op)]
    if not pairs:
        return []
    rng = random.Random(seed)
    out = []
    while len(out) < faults:
        block = pairs[:]
        rng.shuffle(block)
        out.extend(block[: faults - len(out)])
    return out


@dataclass
class Figures:
    outcomes: list[Outcome] = field(default_factory=list)

    def table(self) -> dict[str, dict[str, Counter]]:
        t: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        for o in self.outcomes:
            c = t[o.op][o.kind]
            for key in ("old", "new", "half", "tracebacks"):
                c[key] += 0
            c["faults"] += 1
            c["took effect"] += int(o.took_effect)
            c[o.state] += 1
            c["tracebacks"] += int(any(cls.startswith("traceback") for cls, _ in o.problems))
        return t

    def classes(self, examples: int = 3) -> list[dict]:
        found: dict[tuple[str, str], dict] = {}
        for o in self.outcomes:
            for cls, detail in o.problems:
                item = found.setdefault((cls, o.op), {"class": cls, "op": o.op, "count": 0, "kinds": Counter(),
                                                      "examples": []})
                item["count"] += 1
                item["kinds"][o.kind] += 1
                if len(item["examples"]) < examples:
                    item["examples"].append({"fault": o.number, "kind": o.kind, "params": o.params,
                                             "state": o.state, "exit": o.returncode, "detail": detail})
        return sorted(found.values(), key=lambda d: (d["op"], -d["count"]))

    def totals(self) -> Counter:
        c = Counter(dict.fromkeys(("faults", "took effect", "old", "new", "half", "states checked", "tracebacks",
                                   "faults with a problem"), 0))
        for o in self.outcomes:
            c["faults"] += 1
            c["took effect"] += int(o.took_effect)
            c[o.state] += 1
            c["states checked"] += 1
            c["tracebacks"] += int(any(cls.startswith("traceback") for cls, _ in o.problems))
            c["faults with a problem"] += int(bool(o.problems))
        return c

    def as_dict(self, examples: int = 3) -> dict:
        return {"totals": dict(self.totals()),
                "by_op_kind": {op: {k: dict(c) for k, c in kinds.items()} for op, kinds in self.table().items()},
                "classes": [dict(c, kinds=dict(c["kinds"])) for c in self.classes(examples)],
                "outcomes": [asdict(o) for o in self.outcomes]}


def run_all(plan: list[tuple[Prepared, Kind]], seed: int, work: Path, jobs: int, progress=None) -> Figures:
    figures = Figures()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_fault, p, k, n + 1, seed, work) for n, (p, k) in enumerate(plan)]
        for f in futures:
            figures.outcomes.append(f.result())
            if progress:
                progress(figures)
    return figures
