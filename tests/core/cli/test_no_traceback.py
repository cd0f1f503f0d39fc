"""No traceback ever reaches a planner: every command against a catalogue of hostile inputs.

Each case runs ``python main.py --db … --lang vi|en <command> …`` as a planner would, with a
timeout and ``QT_QPA_PLATFORM=offscreen`` (an unknown command must not open a window). It
fails on a Python traceback on stdout or stderr, on an exit code other than 0 (done) or 2
(refused, README), on a hang, and on a refusal that says nothing. Cases that issue 10 says
must be refused or reported (a tolerance of 1e9, several layers, Vietnamese number formats,
duplicate group ids …) also check that, and an error asked for in English is worded in
English. Where today's code fails a case it is marked xfail(strict=True) with the class of
failure, so the fixer sees what to fix and removes the mark once it passes.

The runs happen side by side once per module (``outcomes``); the tests read their results.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.core.cli.hostile_cases import CASES, Case, Ctx, vietnamese_words
from tests.core.cli.hostile_files import HostileFiles
from tests.core.cli.hostile_today import ENGLISH_TODAY, EXPECT_TODAY, TRACEBACK_TODAY

TRACEBACK = "Traceback (most recent call last)"
LANGS = ("vi", "en")
MEMORY_LIMIT = 2 * 2**30


@dataclass
class Run:
    returncode: int | None
    stdout: str
    stderr: str
    hung: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)     # what a case's own expectation found


def _limit_memory() -> None:
    # /dev/zero read to the end would take the machine's memory before the timeout
    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(db: Path | str, lang: str, args: list[str], timeout: float = 60.0) -> Run:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SAPXEP_DB", None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "main.py", "--db", str(db), "--lang", lang, *args], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True, preexec_fn=_limit_memory)
    try:
        out, err = proc.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        hung = True
    return Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), hung,
               time.perf_counter() - start)


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one(case: Case, lang: str, files: HostileFiles, base: dict[str, Path], work: Path) -> Run:
    folder = work / f"{case.id}-{lang}"
    folder.mkdir(parents=True, exist_ok=True)
    ctx = Ctx(files=files, folder=folder, db=case.make_db(files, base, folder), lang=lang, run=run_cli)
    before = _digest(ctx.db) if case.untouched else None
    run = run_cli(ctx.db, lang, case.argv(ctx), timeout=case.timeout)
    if case.untouched and before is not None and _digest(ctx.db) != before:
        run.notes.append("the refused database was changed")
    if case.expect is not None and lang == "vi" and not run.hung:
        note = case.expect(run, ctx)
        if note:
            run.notes.append(note)
    return run


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[tuple[str, str], Run]:
    from core.storage.store import Project
    work = tmp_path_factory.mktemp("hostile")
    files = HostileFiles(work / "files")
    base = {"chau_thanh": work / "base" / "chau-thanh.sqlite", "national": work / "base" / "national.sqlite"}
    base["chau_thanh"].parent.mkdir(parents=True)
    Project(base["chau_thanh"]).close()
    from core.imports.national import import_national
    project, _ = import_national(base["national"], files.get("synthetic-layer"), files.get("synthetic-stats"))
    project.close()
    only = os.environ.get("HOSTILE_ONLY", "")          # e.g. HOSTILE_ONLY=replay- while fixing one command
    cases = [c for c in CASES if only in c.id]
    for case in cases:                      # build every file here, not in the threads
        case.prepare(files)
    jobs = [(c, lang) for c in cases for lang in (LANGS if c.both_languages else ("vi",))]
    jobs.sort(key=lambda job: -job[0].timeout)         # the slow ones first, so the others fill in beside them
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = list(pool.map(lambda job: _one(job[0], job[1], files, base, work), jobs))
    for case in cases:
        case.cleanup()
    if os.environ.get("HOSTILE_DUMP"):          # every run's output, for whoever fixes a case
        Path(os.environ["HOSTILE_DUMP"]).write_text(json.dumps(
            [dict(case=c.id, lang=lang, **r.__dict__) for (c, lang), r in zip(jobs, runs)], ensure_ascii=False,
            indent=1), encoding="utf-8")
    return {(c.id, lang): r for (c, lang), r in zip(jobs, runs)}


def _params(today: dict[str, str], langs=LANGS, only=lambda c: True):
    out = []
    for c in CASES:
        if not only(c):
            continue
        for lang in langs:
            if lang == "en" and not c.both_languages:
                continue
            key = f"{c.id}-{lang}" if len(langs) > 1 else c.id
            reason = today.get(key) or today.get(c.id)
            marks = [pytest.mark.xfail(strict=True, reason=f"issue 10: {reason}")] if reason else []
            out.append(pytest.param(c.id, lang, marks=marks, id=key))
    return out


def _outcome(outcomes, case_id: str, lang: str) -> Run:
    if (case_id, lang) not in outcomes:
        pytest.skip("not run (HOSTILE_ONLY)")
    return outcomes[case_id, lang]


def _show(run: Run) -> str:
    return f"exit {run.returncode}{' (hung)' if run.hung else ''}\nstdout: {run.stdout[-1500:]}\nstderr: {run.stderr[-3000:]}"


@pytest.mark.parametrize(("case_id", "lang"), _params(TRACEBACK_TODAY))
def test_a_hostile_input_gets_words_and_exit_0_or_2_never_a_traceback(outcomes, case_id, lang):
    run = _outcome(outcomes, case_id, lang)
    assert not run.hung, "the command did not finish (an unknown command must not open the window)"
    assert TRACEBACK not in run.stdout and TRACEBACK not in run.stderr, _show(run)
    assert run.returncode in (0, 2), _show(run)
    if run.returncode == 2:
        assert run.stderr.strip(), "refused without saying why"


@pytest.mark.parametrize(("case_id", "lang"), _params(EXPECT_TODAY, langs=("vi",), only=lambda c: c.expect is not None
                                                      or c.untouched))
def test_a_hostile_input_is_refused_or_reported_as_the_issue_asks(outcomes, case_id, lang):
    run = _outcome(outcomes, case_id, lang)
    assert not run.hung and run.notes == [], "; ".join(run.notes) + "\n" + _show(run)


@pytest.mark.parametrize(("case_id", "lang"), _params(ENGLISH_TODAY, langs=("en",)))
def test_an_error_asked_for_in_english_is_worded_in_english(outcomes, case_id, lang):
    run = _outcome(outcomes, case_id, lang)
    found = vietnamese_words(run.stderr)
    assert not found, f"Vietnamese words in an English error: {found}\n{run.stderr[-1500:]}"


def test_the_catalogue_covers_every_command_the_help_lists():
    help_text = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                               timeout=60).stdout
    listed = set(re.findall(r"^    ([a-z][a-z-]+)", help_text, flags=re.MULTILINE))   # the commands' column
    assert {"units", "check", "import-boundaries"} <= listed, help_text
    missing = listed - {c.command for c in CASES}
    assert not missing, f"add hostile cases to tests/core/cli/hostile_cases.py for: {', '.join(sorted(missing))}"
