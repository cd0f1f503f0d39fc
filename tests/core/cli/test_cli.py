"""The command line, run as a planner would run it."""
import hashlib
import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run(db, *args, check=False):
    proc = subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_json_evaluates_the_2019_plan(db_path):
    data = json.loads(run(db_path, "check", "Phương án 2019", "--json", check=True).stdout)
    assert data["scenario"] == "Phương án 2019" and data["rules"] == "nq653-2019"
    assert (data["units_before"], data["units_after"]) == (22, 19)
    assert data["unresolved"] == [] and data["verdict"] == "fail"
    g = data["groups"][0]
    assert g["members"] == ["28813", "28816"] and g["population"] == 8699
    assert g["contiguous"] is True and g["meets_standard"] is False and g["exception"] is None
    assert any("37,36 %" in f["text"] for f in g["findings"])
    for key in ("name", "kind", "area_km2", "area_pct", "population_pct"):
        assert key in g


def test_check_under_another_rule_set(db_path):
    data = json.loads(run(db_path, "check", "Phương án 2019", "--rules", "nq35-2023", "--json", check=True).stdout)
    assert data["rules"] == "nq35-2023"
    assert data["unresolved"]   # NQ 35 flags more units than the plan merged


def test_units_text_shows_which_units_must_merge_and_why(db_path):
    out = run(db_path, "units", "--rules", "nq653-2019", check=True).stdout
    line = next(row for row in out.splitlines() if "Giao Hòa" in row)
    assert "Có" in line and "chưa đạt 50 %" in line and "Nghị quyết số 653/2019" in line


def test_units_json_fields(db_path):
    data = json.loads(run(db_path, "units", "--rules", "nq35-2026", "--json", check=True).stdout)
    u = {x["name"]: x for x in data["units"]}["An Hóa"]
    assert u["code"] == "28849" and u["kind"] == "xa" and u["must_merge"] is True
    assert {c["id"] for c in u["criteria"]} >= {"both-below-100"}
    assert set(u) >= {"area_km2", "population", "area_pct", "population_pct", "criteria"}


def test_rules_and_scenarios_lists(db_path):
    assert "nq76-2025" in run(db_path, "rules", check=True).stdout
    assert "Phương án 2019" in run(db_path, "scenarios", check=True).stdout


def test_unknown_rule_set_lists_the_known_ones(db_path):
    proc = run(db_path, "units", "--rules", "nq1")
    assert proc.returncode != 0 and "nq653-2019" in proc.stderr


def test_unknown_scenario_is_an_error(db_path):
    proc = run(db_path, "check", "Không có")
    assert proc.returncode != 0 and "Không có phương án “Không có”" in proc.stderr


def test_scenario_export_then_import_under_a_new_name(db_path, tmp_path):
    target = tmp_path / "pa.json"
    run(db_path, "export-scenario", "Phương án 2019", "--to", str(target), check=True)
    run(db_path, "import-scenario", str(target), "--name", "Bản sao", check=True)
    data = json.loads(run(db_path, "check", "Bản sao", "--json", check=True).stdout)
    assert len(data["groups"]) == 3


@pytest.mark.parametrize("payload, message", [
    ('{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813", "99999"]}]}',
     "không có đơn vị mã 99999"),
    ('{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813", "28816"]},'
     ' {"name": "B", "members": ["28816", "28849"]}]}', "đã thuộc nhóm"),
    ('{"name": "x", "rules": "nq653-2019", "groups": [{"name": "A", "members": ["28813"]}]}', "ít nhất hai đơn vị"),
    ('{"name": "x", "rules": "nq653-2019",\n "groups": [', "dòng 2"),
    ('{"name": "x", "rules": "nq653-2019", "overrides": [{"unit": "28813", "population": -1}]}', "số không âm"),
    ('{"name": "x", "rules": "nq653-2019", "overrides": [{"unit": "28813", "population": "nhiều"}]}', "không phải là số"),
    ('{"name": "x", "rules": "nq999", "groups": []}', "Không có bộ quy tắc “nq999”"),
])
def test_bad_scenario_files_are_refused_and_change_nothing(db_path, tmp_path, payload, message):
    run(db_path, "scenarios", check=True)
    before = digest(db_path)
    bad = tmp_path / "bad.json"
    bad.write_text(payload, encoding="utf-8")
    proc = run(db_path, "import-scenario", str(bad))
    assert proc.returncode != 0 and message in proc.stderr
    assert digest(db_path) == before


def test_help_lists_every_command(db_path):
    proc = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for command in ("units", "rules", "scenarios", "check", "import-scenario", "export-scenario",
                    "import-boundaries", "export", "compare"):
        assert command in proc.stdout


@pytest.mark.parametrize("word", ["aplly", "histroy", "chek"])
def test_an_unknown_command_is_refused_with_the_list_of_commands_instead_of_opening_the_window(db_path, word):
    proc = subprocess.run([sys.executable, "main.py", "--db", str(db_path), word], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 2
    assert f"Không có lệnh “{word}”" in proc.stderr
    for command in ("units", "rules", "scenarios", "check", "compare", "export", "new-project"):
        assert command in proc.stderr
    assert not db_path.exists(), "nothing was opened"


def test_a_misspelt_command_is_answered_with_the_closest_one(db_path):
    proc = run(db_path, "--lang", "en", "chek")
    assert proc.returncode == 2 and "did you mean “check”?" in proc.stderr


def test_only_a_line_without_a_command_opens_the_window():
    from core.cli.run import wants_window
    assert wants_window([]) and wants_window(["--db", "x.sqlite"]) and wants_window(["--lang", "en"])
    assert not wants_window(["aplly"]) and not wants_window(["--db", "x.sqlite", "history"])
    assert not wants_window(["--help"]) and not wants_window(["--json"])


def test_the_language_may_follow_the_command(db_path):
    out = run(db_path, "scenarios", "--lang", "en", check=True).stdout
    assert "3 groups" in out and "nhóm" not in out


def test_help_is_in_the_chosen_language(db_path):
    vi = run(db_path, "check", "--help", check=True).stdout
    en = run(db_path, "--lang", "en", "check", "--help", check=True).stdout
    assert "cách dùng:" in vi and "đánh giá một phương án" in vi and "usage:" not in vi
    assert "usage:" in en and "evaluate a scenario" in en
