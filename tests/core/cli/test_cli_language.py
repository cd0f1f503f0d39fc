"""Every line the command line prints is in the language asked for: `--lang en` English only,
`--lang vi` (the default) Vietnamese only — for every command and every refusal, on stdout and
stderr alike. Names are data, not words of either language, and are set aside first: units,
provinces, districts, scenarios, and the rule sets' citations, articles and standard labels
(legal texts as the law writes them, with the legal terms xã, phường, thị trấn, đặc khu).

How each language is recognised, so that the check cannot be fooled by a short output:
- English output must hold no Vietnamese letter (đ, ư, ơ, ă, â, ê, ô or any tone mark) once
  the names are set aside;
- Vietnamese output must hold none of a list of common English words (the, of, is, unit,
  scenario, rule, error, usage …), once the names, file paths, command and option names,
  rule and scenario ids are set aside;
and every run must print something in the expected language (a Vietnamese letter, or an
English word from the same list), so an empty or a numbers-only output does not pass.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from functools import cache

import pytest

from tests.conftest import ROOT

ENGLISH_WORDS = {
    "the", "of", "is", "are", "and", "not", "with", "for", "from", "this", "that", "there", "has", "have",
    "unit", "units", "group", "groups", "scenario", "scenarios", "rule", "rules", "set", "error", "file",
    "folder", "must", "merge", "merged", "people", "population", "area", "none", "cannot", "unknown",
    "exists", "verdict", "meets", "fails", "standard", "exception", "note", "warning", "usage", "options",
    "argument", "arguments", "required", "invalid", "choice", "show", "help", "message", "exit", "yes",
    "total", "kind", "name", "code", "written", "wrote", "imported", "commands", "command", "did", "mean",
    "judged", "under", "measure", "better", "value", "differences", "same", "both", "which", "was",
    "commune", "town", "ward", "row", "field", "metres",
}
COMMANDS = ("units", "rules", "scenarios", "check", "compare", "export", "replay", "import-scenario", "export-scenario",
            "import-boundaries", "new-project", "unmatched", "resolve-match", "provinces", "propose", "apply", "states",
            "import-stats")
LEGAL_TERMS = ("thị trấn", "phường", "đặc khu", "xã", "Thị trấn", "Phường", "Đặc khu", "Xã", "bãi ngang")


def vietnamese_letter(ch: str) -> bool:
    return ch in "đĐ" or (ch.isalpha() and unicodedata.normalize("NFD", ch) != ch and not ch.isascii())


@cache
def names() -> list[str]:
    """What is set aside before judging the language: data, not words."""
    from core.domain.datasets import load_dataset
    from core.law.rules import RULES_DIR
    scenarios = {"Phương án 2019", "Bản sao", "Không có", "Nhập vi", "Nhập en", "Đề xuất vi", "Đề xuất en"}
    found: set[str] = set(LEGAL_TERMS) | scenarios
    dataset = load_dataset(ROOT / "data" / "chau_thanh_2019")
    found.add(dataset.name)
    for u in dataset.units.values():
        found |= {u.name, u.province or "", u.district or ""}
    for key in ("province", "district"):
        found.add(str(dataset.meta.get(key, "")))

    def strings(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                if k not in ("vi", "en", "note", "what"):     # texts in one language are not names
                    yield from strings(v, k)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v, key)
        elif isinstance(value, str):
            yield value

    for path in RULES_DIR.glob("*.json"):
        found |= set(strings(json.loads(path.read_text(encoding="utf-8"))))
    return sorted((n for n in found if n), key=len, reverse=True)


def set_aside(text: str) -> str:
    for name in names():
        text = text.replace(name, " ")
    text = re.sub(r"(?:điểm [a-zđ] )?(?:khoản \d+ )?Điều \d+[a-z]?", " ", text)   # articles are cited as the law writes them
    text = re.sub(r"\bkhoản \d+|\bđiểm [a-zđ]\b|Nghị quyết số|Luật Tổ chức chính quyền địa phương", " ", text)
    text = re.sub(r"\S*/\S*", " ", text)                       # file paths
    text = re.sub(r"“[^”]*”|(?<!\w)'[^'\s][^']*'(?!\w)", " ", text)   # quoted: names, fields, values
    text = re.sub(r"\bnq\d+-\d+\b|\b[0-9a-f]{32}\b", " ", text)  # rule set and scenario ids
    return text


def english_words(text: str, aside: bool = True) -> set[str]:
    text = set_aside(text) if aside else text
    text = re.sub(r"--?[a-z][\w-]*|\{[^}]*\}", " ", text)   # option names, choices
    for command in COMMANDS:
        text = re.sub(rf"(?<![\w-]){re.escape(command)}(?![\w-])", " ", text)
    return {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in ENGLISH_WORDS}


def vietnamese_letters(text: str) -> str:
    return "".join(sorted({ch for ch in set_aside(text) if vietnamese_letter(ch)}))


def assert_in_language(lang: str, text: str, what: str) -> None:
    assert text.strip(), f"{what} printed nothing"
    from core.common.messages import catalogue
    prefixes = "|".join(sorted({re.escape(code.split(".")[0]) for code in catalogue()}))
    codes = re.findall(rf"\b(?:{prefixes})\.[a-z_]+(?:\.[a-z_]+)*\b", text)
    assert not codes, f"{what} printed message codes without their text: {codes[:3]}"
    if lang == "en":
        stray = [line for line in text.splitlines() if vietnamese_letters(line)]
        assert not stray, f"{what} --lang en printed Vietnamese: {stray[:3]}"
        assert english_words(text, aside=False), f"{what} --lang en printed no English: {text[:200]}"
    else:
        stray = [(line, sorted(english_words(line))) for line in text.splitlines() if english_words(line)]
        assert not stray, f"{what} in Vietnamese printed English: {stray[:3]}"
        assert any(vietnamese_letter(ch) for ch in set_aside(text)) or "Tỉnh" in text, \
            f"{what} in Vietnamese printed no Vietnamese: {text[:200]}"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A project with the 2019 plan and a copy of it, a scenario file, and bad files."""
    folder = tmp_path_factory.mktemp("lang")
    db = folder / "du-an.sqlite"
    plan = folder / "pa.json"
    run(db, "vi", "export-scenario", "Phương án 2019", "--to", str(plan), ok=True)
    run(db, "vi", "import-scenario", str(plan), "--name", "Bản sao", ok=True)
    bad = {"two-groups": '{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813", "28816"]},'
                         ' {"name": "B", "members": ["28816", "28849"]}]}',
           "unknown-unit": '{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813", "99"]}]}',
           "one-member": '{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813"]}]}',
           "broken-json": '{"name": "x", "rules": "nq653-2019",\n "groups": [',
           "negative": '{"name": "x", "rules": "nq653-2019", "overrides": [{"unit": "28813", "population": -1}]}',
           "not-a-number": '{"name": "x", "rules": "nq653-2019", "overrides": [{"unit": "28813", "population": "nhiều"}]}',
           "unknown-rules": '{"name": "x", "rules": "nq999", "groups": []}',
           "not-a-scenario": "[1, 2, 3]"}
    bad["gestures"] = ('{"gestures": [{"do": "merge", "units": ["28840", "28807"]}, {"do": "undo"}, {"do": "redo"},'
                       ' {"do": "exemption", "unit": "28801", "reason": "Nâng loại đô thị"}]}')
    bad["gestures-refused"] = '{"gestures": [{"do": "remove", "units": ["28813"]}]}'
    bad["gestures-unknown"] = '{"gestures": [{"do": "nhập"}]}'
    for key, payload in bad.items():
        (folder / f"{key}.json").write_text(payload, encoding="utf-8")
    return folder, db


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(db, lang: str, *args: str, ok: bool | None = None) -> Ran:
    """``python main.py --db DB --lang LANG ARGS``, in this process (the same entry point as
    main.py, without the start-up cost of a process per run; test_cli.py runs real processes)."""
    from core.cli.run import main
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--db", str(db), "--lang", lang, *args])
    proc = Ran(code, out.getvalue(), err.getvalue())
    if ok is True:
        assert proc.returncode == 0, proc.stderr
    if ok is False:
        assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    return proc


# Each: (label, arguments — "{dir}" is the workspace folder —, exit 0 or a refusal).
RESULTS = [
    ("units", ["units"]), ("units under NQ 35", ["units", "--rules", "nq35-2023"]),
    ("rules", ["rules"]), ("scenarios", ["scenarios"]),
    ("check", ["check", "Phương án 2019"]), ("check under NQ 76", ["check", "Phương án 2019", "--rules", "nq76-2025"]),
    ("compare", ["compare", "Phương án 2019", "Bản sao"]),
    ("compare under NQ 35", ["compare", "Phương án 2019", "Bản sao", "--rules", "nq35-2023"]),
    ("provinces", ["provinces", "--scenario", "Phương án 2019"]), ("districts", ["provinces", "--district"]),
    ("unmatched", ["unmatched"]),
    ("export csv", ["export", "Phương án 2019", "--to", "{dir}/{lang}.csv"]),
    ("export a district", ["export", "Phương án 2019", "--province", "Ben Tre", "--district", "Chau Thanh",
                           "--to", "{dir}/{lang}-huyen.csv"]),
    ("export-scenario", ["export-scenario", "Phương án 2019", "--to", "{dir}/{lang}.json"]),
    ("import-scenario", ["import-scenario", "{dir}/pa.json", "--name", "Nhập {lang}"]),
    ("replay", ["replay", "Bản sao", "{dir}/gestures.json", "--dry-run"]),
    ("apply", ["apply", "Phương án 2019", "--as", "Thử {lang}", "--dry-run"]), ("states", ["states"]),
    ("check on a state", ["check", "Phương án 2019", "--state", "base"]),
    ("help", ["--help"]), ("help of check", ["check", "--help"]), ("help of new-project", ["new-project", "--help"]),
    ("propose", ["propose", "--name", "Đề xuất {lang}"]), ("help of propose", ["propose", "--help"]),
]
REFUSALS = [
    ("unknown command", ["aplly"]), ("misspelt command", ["chek"]), ("no command", ["--json"]),
    ("missing argument", ["check"]), ("unknown option", ["units", "--rulez", "x"]),
    ("unknown rule set", ["units", "--rules", "nq1"]), ("unknown scenario", ["check", "Không có"]),
    ("compare one", ["compare", "Phương án 2019"]), ("compare unknown", ["compare", "Phương án 2019", "Không có"]),
    ("export unsupported", ["export", "Phương án 2019", "--to", "{dir}/x.docx"]),
    ("export scenario file as summary", ["export", "Phương án 2019", "--to", "{dir}/x.json"]),
    ("export to a missing folder", ["export", "Phương án 2019", "--to", "{dir}/no/x.pdf"]),
    ("export an unknown province", ["export", "Phương án 2019", "--province", "Hà Nội", "--to", "{dir}/x.pdf"]),
    ("export-scenario not json", ["export-scenario", "Phương án 2019", "--to", "{dir}/x.pdf"]),
    ("import a missing file", ["import-scenario", "{dir}/nowhere.json"]),
    ("import a name taken", ["import-scenario", "{dir}/pa.json", "--name", "Phương án 2019"]),
    ("replay a refused gesture", ["replay", "Bản sao", "{dir}/gestures-refused.json"]),
    ("replay an unknown gesture", ["replay", "Bản sao", "{dir}/gestures-unknown.json"]),
    ("unknown state", ["units", "--state", "Không có"]), ("unknown figure set", ["units", "--figures", "Không có"]),
    ("import-stats without a date", ["import-stats", "{dir}/nowhere.csv", "--as", "x", "--date", "31/12/2024"]),
    ("invalid tolerance", ["import-boundaries", "{dir}/x.gpkg", "--tolerance", "abc"]),
    ("two fields", ["import-boundaries", "{dir}/x.gpkg", "--code-field", "a", "--name-field", "b"]),
] + [(f"bad scenario file: {key}", ["import-scenario", f"{{dir}}/{key}.json"])
     for key in ("two-groups", "unknown-unit", "one-member", "broken-json", "negative", "not-a-number",
                 "unknown-rules", "not-a-scenario")]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("label", "args"), RESULTS, ids=[r[0] for r in RESULTS])
def test_every_command_prints_in_the_chosen_language_only(workspace, lang, label, args):
    folder, db = workspace
    proc = run(db, lang, *[a.format(dir=folder, lang=lang) for a in args], ok=True)
    assert_in_language(lang, proc.stdout + proc.stderr, label)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("label", "args"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_every_refusal_is_worded_in_the_chosen_language_only(workspace, lang, label, args):
    folder, db = workspace
    proc = run(db, lang, *[a.format(dir=folder, lang=lang) for a in args], ok=False)
    assert proc.stderr.strip(), "a refusal says why"
    assert_in_language(lang, proc.stdout + proc.stderr, label)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_new_project_from_a_boundary_layer_is_reported_in_the_chosen_language(tmp_path, lang):
    from core.imports.synthetic import write_synthetic_files
    layer, table = write_synthetic_files(30, tmp_path, seed=2)
    proc = run(tmp_path / "p.sqlite", lang, "new-project", "--boundaries", str(layer), "--stats", str(table), ok=True)
    assert_in_language(lang, proc.stdout + proc.stderr, "new-project")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_boundary_import_is_reported_in_the_chosen_language(tmp_path, chau_thanh_geojson, lang):
    proc = run(tmp_path / "p.sqlite", lang, "import-boundaries", str(chau_thanh_geojson), ok=True)
    assert_in_language(lang, proc.stdout + proc.stderr, "import-boundaries")


def test_the_language_check_itself_catches_the_other_language():
    with pytest.raises(AssertionError):
        assert_in_language("en", "63e0b7  Phương án 2019  [nq653-2019]  3 nhóm", "scenarios")
    with pytest.raises(AssertionError):
        assert_in_language("vi", "Error: There is no scenario “Không có”", "check")
    with pytest.raises(AssertionError):
        assert_in_language("vi", "22 → 19", "numbers only")
    assert_in_language("en", "1. xã (commune) Giao Long ← Giao Long, Giao Hòa: 11.21 km²", "check")
    assert_in_language("vi", "Lỗi: Không có lệnh “aplly”. Các lệnh: units, rules, check.", "unknown command")


def test_json_outputs_carry_the_message_codes_and_both_wordings(workspace):
    _, db = workspace
    data = json.loads(run(db, "en", "check", "Phương án 2019", "--json", ok=True).stdout)
    finding = data["groups"][0]["findings"][0]
    assert finding["message"]["code"] == "finding.area"
    assert finding["text"] == finding["message"]["text"]["en"] and "37,36 %" in finding["message"]["text"]["vi"]
    assert data["verdict_text"] == "Scenario does not meet the requirements"
