"""The catalogue of hostile inputs, one ``Case`` per command line (see test_no_traceback.py).

A case names its command, the arguments (built from the hostile files), the project database
it runs on (``chau_thanh``, ``national``, ``new`` – a file that does not exist yet – or a bad
one), and optionally what issue 10 asks beyond "no traceback": an ``expect`` function that
returns what is wrong (None when right), and ``untouched`` for a database that must be left
byte-for-byte as it was.
"""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.core.cli.hostile_files import HostileFiles

SEED = "Phương án 2019"
VIETNAMESE_WORDS = ("lỗi", "không", "được", "tệp", "dòng", "cột", "đơn vị", "dự án", "bảng", "số liệu",
                    "ranh giới", "đọc", "ghép", "đã ", "chưa", "phải", "cơ sở dữ liệu")


def vietnamese_words(text: str) -> list[str]:
    low = text.lower()
    return [w.strip() for w in VIETNAMESE_WORDS if w in low]


@dataclass
class Ctx:
    files: HostileFiles
    folder: Path                    # this run's own folder
    db: Path
    lang: str
    run: Callable | None            # run_cli(db, lang, args) for follow-up commands


@dataclass
class Case:
    id: str
    command: str
    args: Callable[[Ctx], list[str]]
    db: str = "chau_thanh"
    expect: Callable | None = None
    untouched: bool = False
    timeout: float = 60.0
    both_languages: bool = True
    mounts: list[Path] = field(default_factory=list)

    def argv(self, ctx: Ctx) -> list[str]:
        return self.args(ctx)

    def prepare(self, files: HostileFiles) -> None:
        """Build the files this case uses (in the main thread, before the runs)."""
        self.args(Ctx(files, files.folder, files.folder / "unused.sqlite", "vi", None))
        if "-" in self.db:                  # a hostile database file (the others are made per run)
            files.get(self.db)

    def make_db(self, files: HostileFiles, base: dict[str, Path], folder: Path) -> Path:
        kind = self.db
        if kind in base:
            return _copy(base[kind], folder / "du-an.sqlite")
        if kind == "new":
            return folder / "moi.sqlite"
        if kind == "newer_schema":
            db = _copy(base["chau_thanh"], folder / "du-an.sqlite")
            _sql(db, "update meta set value = '99' where key = 'schema_version'")
            return db
        if kind == "truncated":
            db = _copy(base["chau_thanh"], folder / "du-an.sqlite")
            db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
            return db
        if kind == "readonly_file":
            db = _copy(base["chau_thanh"], folder / "du-an.sqlite")
            self._bind_readonly(db)
            return db
        if kind == "readonly_folder":
            db = _copy(base["chau_thanh"], folder / "ro" / "du-an.sqlite")
            self._bind_readonly(db.parent)
            return db
        if kind == "folder_db":
            (folder / "thu-muc.sqlite").mkdir()
            return folder / "thu-muc.sqlite"
        if kind == "file_as_parent_db":
            (folder / "mot-tep").write_bytes(b"not a folder")
            return folder / "mot-tep" / "du-an.sqlite"
        return _copy(files.get(kind), folder / files.get(kind).name)

    def _bind_readonly(self, target: Path) -> None:
        subprocess.run(["mount", "--bind", str(target), str(target)], check=True)
        self.mounts.append(target)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], check=True)

    def cleanup(self) -> None:
        while self.mounts:
            subprocess.run(["umount", str(self.mounts.pop())], check=False)


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def _sql(db: Path, statement: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute(statement)
    conn.commit()
    conn.close()


# ----- what issue 10 asks beyond "no traceback" ----------------------------------------------

def refused(run, ctx) -> str | None:
    if run.returncode == 2:
        return None
    return ("accepted (exit 0)" if run.returncode == 0 else f"exit {run.returncode}") + "; it must be refused in words"


def refused_naming(*words: str):
    def check(run, ctx):
        if run.returncode != 2:
            return refused(run, ctx)
        low = run.stderr.lower()
        return None if any(w.lower() in low for w in words) else f"refused without naming {' / '.join(words)}"
    return check


def no_project_left(run, ctx) -> str | None:
    problem = refused(run, ctx)
    if problem is None and ctx.db.exists():
        return f"a refused new-project left {ctx.db.name} behind"
    return problem


def summarised(run, ctx) -> str | None:
    if run.returncode != 2:
        return refused(run, ctx)
    size = len(run.stderr)
    return None if size < 20_000 else f"{size:,} characters of errors; the first 20 and a count are enough"


def original_plan_stays_first(run, ctx) -> str | None:
    after = ctx.run(ctx.db, "vi", ["check", SEED, "--json"])
    try:
        name = json.loads(after.stdout)["scenario"]
    except (ValueError, KeyError):
        return f"'check {SEED}' fails after the import: {after.stderr[-300:]}"
    return None if name == SEED else f"'{SEED}' now opens the imported file's scenario {name!r}"


def reports_outside_vietnam(run, ctx) -> str | None:
    if run.returncode == 2:
        return None
    low = run.stdout.lower()
    if "việt nam" in low or "vietnam" in low or (("cảnh báo" in low or "warning" in low) and " km" in low):
        return None                 # outside Vietnam, or far from where the project places the units
    return "imported with no word that the polygons lie far outside Vietnam"


def layer_choice(run, ctx) -> str | None:
    if run.returncode != 2:
        return "a layer was taken without asking which (the file has two: a_diem_sai, ranh_gioi_xa)"
    return None if "ranh_gioi_xa" in run.stderr and "a_diem_sai" in run.stderr else "the layers are not listed"


def table_read_right(run, ctx) -> str | None:
    """Refused naming the line, or read as the planner meant: 12.345 people is 12345, 28,5 km² is 28.5."""
    if run.returncode == 2:
        return None if any(w in run.stderr.lower() for w in ("line", "dòng")) else "refused without the line"
    rows = list(csv.DictReader(open(ctx.files.get("synthetic-stats"), encoding="utf-8")))
    meant = sum(int(r["total"]) for r in rows)
    units = json.loads(ctx.run(ctx.db, "vi", ["units", "--json"]).stdout)["units"]
    got = sum(u["population"] for u in units)
    if abs(got - meant) > 0.5:
        return f"population read as {got:,.3f} in all instead of {meant:,} (no warning)"
    if any(abs(u["area_km2"] - 285) < 1e-6 for u in units):
        return "an area of '28,5' km² was read as 285 km²"
    return None


def reads_or_says_read_only(run, ctx) -> str | None:
    """A project on a read-only medium (a CD, a read-only share) can be read, or the message says read-only."""
    if run.returncode == 0:
        return None
    return refused_naming(*READ_ONLY_WORDS)(run, ctx)


def names_stay_unique(run, ctx) -> str | None:
    if run.returncode != 0:
        return refused(run, ctx) if run.returncode != 2 else None
    names = [s["name"] for s in json.loads(ctx.run(ctx.db, "vi", ["scenarios", "--json"]).stdout)]
    return None if len(names) == len(set(names)) else f"two scenarios now share a name: {sorted(names)}"


def unknown_command(name: str):
    def check(run, ctx):
        if run.hung:
            return "the window opened instead"
        if run.returncode != 2:
            return f"exit {run.returncode}; an unknown command must exit 2"
        return None if name in run.stderr else f"the error does not name {name!r}"
    return check


# ----- the catalogue ---------------------------------------------------------------------------

def _f(name: str):
    return lambda ctx: str(ctx.files.get(name))


def _cmd(command: str, *parts) -> Callable[[Ctx], list[str]]:
    """Arguments as strings or ``ctx → str`` functions."""
    return lambda ctx: [command] + [p(ctx) if callable(p) else p for p in parts]


GENERIC_FILES = ("empty-json", "blank-json", "binary", "huge-json", "folder-json", "dev-zero")
SCENARIO_FILES = ("duplicate-group-ids", "bad-groups-100000", "override-without-source", "number-10-400",
                  "nan-override", "shadowing-id", "deep-json", "list-json", "unknown-rules", "members-not-list",
                  "geojson-as-scenario")
SCENARIO_EXPECT = {"duplicate-group-ids": refused, "bad-groups-100000": summarised,
                   "override-without-source": refused_naming("source", "nguồn"), "number-10-400": refused,
                   "nan-override": refused, "shadowing-id": original_plan_stays_first, "unknown-rules": refused,
                   "dev-zero": refused, "huge-json": refused, "folder-json": refused}
LAYERS = ("empty-geojson", "binary-geojson", "huge-geojson", "folder-json", "dev-zero", "csv-as-layer",
          "xlsx-as-layer", "stats-as-layer-name", "nan-coordinates", "nan-gpkg", "far-from-vietnam",
          "several-layers")
LAYER_EXPECT = {"csv-as-layer": refused, "xlsx-as-layer": refused, "stats-as-layer-name": refused,
                "far-from-vietnam": reports_outside_vietnam, "several-layers": layer_choice}
GESTURE_FILES = ("gestures-unknown-do", "gestures-unknown-unit", "gestures-100000-bad",
                 "gestures-override-without-source", "gestures-number-10-400", "gestures-not-a-list",
                 "gestures-wrong-format", "gestures-rename-to-a-taken-name", "deep-json", "list-json")
GESTURE_EXPECT = {"gestures-100000-bad": summarised,
                  "gestures-rename-to-a-taken-name": None}     # a name clash is the law's finding, not a refusal
PROPOSE = {"target-without-a-count": ("--goal", "target"), "target-negative": ("--goal", "target", "--target", "-5"),
           "target-backwards": ("--goal", "target", "--target", "9-3"), "max-size-0": ("--max-size", "0"),
           "time-limit-negative": ("--time-limit", "-1"), "time-limit-nan": ("--time-limit", "nan"),
           "lock-unknown-unit": ("--lock", "99999"), "together-unknown-unit": ("--together", "28801,99999"),
           "from-unknown-scenario": ("--from", "PA-99"), "unknown-province": ("--province", "Tỉnh PA-99"),
           "unknown-rules": ("--rules", "nq999-2099"), "name-taken": ("--name", SEED)}
BAD_TOLERANCES = ("1e9", "-5", "nan", "inf")
READ_ONLY_WORDS = ("read-only", "read only", "chỉ đọc", "chỉ cho phép đọc")
BAD_DB_WORDS = {      # the cause, in either language
    "folder_db": ("folder", "directory", "thư mục"), "other-program-sqlite": ("another program", "chương trình khác"),
    "empty-sqlite": ("empty", "0 bytes", "rỗng"), "garbage-sqlite": ("damaged", "hỏng"),
    "file_as_parent_db": ("not a folder", "is a file", "không phải thư mục"), "newer_schema": ("newer", "mới hơn"),
    "truncated": ("damaged", "truncated", "hỏng"), "readonly_file": READ_ONLY_WORDS, "readonly_folder": READ_ONLY_WORDS}
BAD_DBS = ("folder_db", "other-program-sqlite", "empty-sqlite", "garbage-sqlite", "file_as_parent_db",
           "newer_schema", "truncated", "readonly_file", "readonly_folder")
DB_COMMANDS = {
    "units": _cmd("units"), "scenarios": _cmd("scenarios"), "check": _cmd("check", SEED),
    "import-scenario": _cmd("import-scenario", _f("good-scenario")),
    "export-scenario": _cmd("export-scenario", SEED, "--to", lambda c: str(c.folder / "pa.json")),
    "export": _cmd("export", SEED, "--to", lambda c: str(c.folder / "pa.csv")),
    "compare": _cmd("compare", SEED, SEED), "import-boundaries": _cmd("import-boundaries", _f("good-layer")),
    "unmatched": _cmd("unmatched"), "resolve-match": _cmd("resolve-match", "28801", "line 2"),
    "provinces": _cmd("provinces"), "propose": _cmd("propose", "--time-limit", "5"),
    "replay": _cmd("replay", SEED, _f("good-gestures")),
    "apply": _cmd("apply", SEED, "--as", "2020"), "states": _cmd("states"),
    "import-stats": _cmd("import-stats", _f("synthetic-stats"), "--as", "2024", "--date", "2024-12-31"),
    "history": _cmd("history"),
    "submit": _cmd("submit", SEED), "team": _cmd("team"),
}


def _catalogue(root: bool) -> list[Case]:
    cases = [
        Case("unknown-command-aplly", "(unknown)", _cmd("aplly", SEED), expect=unknown_command("aplly"), timeout=15),
        Case("unknown-command-histroy", "(unknown)", _cmd("histroy"), expect=unknown_command("histroy"), timeout=15),
        Case("history-unknown-scenario", "history", _cmd("history", "PA-99"), expect=refused),
        Case("submit-on-a-file", "submit", _cmd("submit", SEED), expect=refused),
        Case("team-on-a-file", "team", _cmd("team", "--grant", "lan", "lead"), expect=refused),
        Case("rules-with-a-folder-as-db", "rules", _cmd("rules"), db="folder_db"),
        Case("units-unknown-rules", "units", _cmd("units", "--rules", "nq999-2099"), expect=refused),
        Case("provinces-unknown-scenario", "provinces", _cmd("provinces", "--scenario", "PA-99"), expect=refused),
        Case("check-unknown-scenario", "check", _cmd("check", "PA-99"), expect=refused),
        Case("check-empty-name", "check", _cmd("check", ""), expect=refused),
        Case("check-unknown-rules", "check", _cmd("check", SEED, "--rules", "nq999-2099"), expect=refused),
        Case("compare-one-scenario", "compare", _cmd("compare", SEED), expect=refused),
        Case("compare-unknown", "compare", _cmd("compare", SEED, "PA-99"), expect=refused),
        Case("export-unsupported-extension", "export", _cmd("export", SEED, "--to", lambda c: str(c.folder / "pa.docx")),
             expect=refused),
        Case("export-to-a-folder", "export", _cmd("export", SEED, "--to", lambda c: str(c.folder)), expect=refused),
        Case("export-into-proc", "export", _cmd("export", SEED, "--to", "/proc/pa.pdf"), expect=refused),
        Case("export-scenario-to-a-folder", "export-scenario",
             _cmd("export-scenario", SEED, "--to", lambda c: str(c.folder) + "/"), expect=refused),
        Case("export-scenario-into-proc", "export-scenario", _cmd("export-scenario", SEED, "--to", "/proc/pa.json"),
             expect=refused),
        Case("export-scenario-as-csv", "export-scenario",
             _cmd("export-scenario", SEED, "--to", lambda c: str(c.folder / "pa.csv")), expect=refused),
        Case("import-scenario-missing-file", "import-scenario", _cmd("import-scenario", "/khong/co/tep.json"),
             expect=refused),
        Case("import-boundaries-unknown-code-field", "import-boundaries",
             _cmd("import-boundaries", _f("good-layer"), "--code-field", "khong_co"), expect=refused),
        Case("resolve-match-without-an-import", "resolve-match", _cmd("resolve-match", "28801", "line 2"),
             expect=refused),
        Case("resolve-match-unknown-polygon", "resolve-match", _cmd("resolve-match", "123", "S1"), db="national",
             expect=refused),
        Case("unmatched-after-a-full-match", "unmatched", _cmd("unmatched"), db="national"),
        Case("new-project-over-an-existing-project", "new-project",
             _cmd("new-project", "--boundaries", _f("synthetic-layer"), "--stats", _f("synthetic-stats")),
             expect=refused, untouched=True),
        Case("new-project-vietnamese-number-format", "new-project",
             _cmd("new-project", "--boundaries", _f("synthetic-layer"), "--stats", _f("vietnamese-numbers")),
             db="new", expect=table_read_right),
        Case("new-project-semicolon-table", "new-project",
             _cmd("new-project", "--boundaries", _f("synthetic-layer"), "--stats", _f("semicolon-table")),
             db="new", expect=lambda r, c: table_read_right(r, c) if r.returncode == 0
             else refused_naming("delimiter", "separator", "semicolon", "dấu phân cách", "dấu chấm phẩy")(r, c)),
    ]
    for name, args in PROPOSE.items():
        cases.append(Case(f"propose-{name}", "propose", _cmd("propose", *args),
                          expect=names_stay_unique if name == "name-taken" else refused))
    for name in GENERIC_FILES + GESTURE_FILES:
        cases.append(Case(f"replay-{name}", "replay", _cmd("replay", SEED, _f(name)),
                          expect=GESTURE_EXPECT.get(name, refused), timeout=120 if "100000" in name else 60))
    cases.append(Case("replay-unknown-scenario", "replay", _cmd("replay", "PA-99", _f("good-gestures")), expect=refused))
    cases.append(Case("replay-dry-run-unknown-unit", "replay", _cmd("replay", SEED, _f("gestures-unknown-unit"), "--dry-run"),
                      expect=refused))
    cases += [
        Case("apply-unknown-scenario", "apply", _cmd("apply", "PA-99", "--as", "2020"), expect=refused),
        Case("apply-empty-state-name", "apply", _cmd("apply", SEED, "--as", ""), expect=refused),
        Case("apply-state-name-base", "apply", _cmd("apply", SEED, "--as", "base"), expect=refused),
        Case("apply-unknown-rules", "apply", _cmd("apply", SEED, "--as", "2020", "--rules", "nq999-2099"),
             expect=refused),
        Case("states-unknown-state", "states", _cmd("units", "--state", "PA-99"), expect=refused),
        Case("check-unknown-figure-set", "check", _cmd("check", SEED, "--figures", "PA-99"), expect=refused),
        Case("import-stats-bad-date", "import-stats",
             _cmd("import-stats", _f("synthetic-stats"), "--as", "x", "--date", "2024-13-45"), expect=refused),
        Case("import-stats-matching-nothing", "import-stats",
             _cmd("import-stats", _f("synthetic-stats"), "--as", "x", "--date", "2024-12-31"), expect=refused),
        Case("import-stats-layer-as-table", "import-stats",
             _cmd("import-stats", _f("good-layer"), "--as", "x", "--date", "2024-12-31"), expect=refused),
    ]
    for name in GENERIC_FILES:
        cases.append(Case(f"import-stats-{name}", "import-stats",
                          _cmd("import-stats", _f(name), "--as", "x", "--date", "2024-12-31"), expect=refused))
    for name in GENERIC_FILES + SCENARIO_FILES:
        cases.append(Case(f"import-scenario-{name}", "import-scenario", _cmd("import-scenario", _f(name)),
                          expect=SCENARIO_EXPECT.get(name, refused), timeout=120 if "100000" in name else 60))
    for name in LAYERS:
        cases.append(Case(f"import-boundaries-{name}", "import-boundaries", _cmd("import-boundaries", _f(name)),
                          expect=LAYER_EXPECT.get(name)))
    for name in ("empty-geojson", "binary-geojson", "csv-as-layer", "several-layers", "nan-coordinates"):
        cases.append(Case(f"new-project-boundaries-{name}", "new-project",
                          _cmd("new-project", "--boundaries", _f(name), "--stats", _f("synthetic-stats")), db="new",
                          expect=no_project_left if name != "nan-coordinates" else None))
    for name in ("empty-csv", "binary-csv", "huge-csv", "dev-zero", "folder-json"):
        cases.append(Case(f"new-project-stats-{name}", "new-project",
                          _cmd("new-project", "--boundaries", _f("synthetic-layer"), "--stats", _f(name)), db="new",
                          expect=no_project_left))
    for tol in BAD_TOLERANCES:
        cases.append(Case(f"import-boundaries-tolerance-{tol}", "import-boundaries",
                          _cmd("import-boundaries", _f("good-layer"), "--tolerance", tol), expect=refused))
        cases.append(Case(f"new-project-tolerance-{tol}", "new-project",
                          _cmd("new-project", "--boundaries", _f("synthetic-layer"), "--stats", _f("synthetic-stats"),
                               "--tolerance", tol), db="new", expect=no_project_left))
    for db in BAD_DBS:
        if db.startswith("readonly") and not root:
            continue                        # root ignores permission bits: read-only needs a bind mount
        every = db in ("folder_db", "garbage-sqlite")       # the others reach every command the same way
        for command, args in DB_COMMANDS.items():
            if not every and command not in ("units", "import-scenario", "import-boundaries"):
                continue
            writes = command in ("import-scenario", "import-boundaries", "resolve-match", "replay", "propose", "apply",
                                     "import-stats")
            expect = reads_or_says_read_only if db.startswith("readonly") and not writes \
                else refused_naming(*BAD_DB_WORDS[db])
            cases.append(Case(f"{command}-db-{db}", command, args, db=db, both_languages=command == "units",
                              expect=expect, untouched=db != "folder_db"))
    return cases


def _can_mount() -> bool:
    from tools.faults.kinds import can_mount
    return can_mount()


CASES = _catalogue(_can_mount())
assert len({c.id for c in CASES}) == len(CASES), "two hostile cases share an id"
