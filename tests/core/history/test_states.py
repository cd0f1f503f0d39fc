"""Successive states (issue 11 item 6): ``apply SCENARIO --as NAME`` makes the scenario's result the
next state – each group one unit (the group's code, else the seat's), summed figures, former units
kept – untouched units carry over, and ``--state`` chooses the state the other commands read."""
from __future__ import annotations

import json

import pytest

from core.cli.run import main
from core.common.paths import DEFAULT_DATASET
from core.storage.store import Project

ROUNDS = DEFAULT_DATASET / "history"


def cli(db, *args, lang="vi"):
    return main(["--db", str(db), "--lang", lang, *args])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "du-an.sqlite"
    Project(path).close()
    return path


def round_2020(db, capsys):
    assert cli(db, "import-scenario", str(ROUNDS / "round_2020.json")) == 0
    assert cli(db, "apply", "Vòng 2020", "--as", "2020") == 0
    return capsys.readouterr().out


def test_a_group_becomes_one_unit_with_the_summed_figures_and_its_former_units(db, capsys):
    round_2020(db, capsys)
    project = Project(db)
    project.use_state("2020")
    units = project.dataset.units
    assert len(units) == 21
    assert "28816" not in units
    giao_long = units["28813"]
    assert (giao_long.name, giao_long.kind) == ("Giao Long", "xa")
    assert giao_long.population.value == pytest.approx(4158 + 3093)     # the overrides the check used
    assert giao_long.area.value == pytest.approx(5.235 + 5.974)
    history = project.dataset.meta["history"]["28813"]
    assert [(f["code"], f["name"]) for f in history] == [("28813", "Giao Long"), ("28816", "Giao Hòa")]
    project.close()


def test_units_left_alone_carry_over_unchanged(db, capsys):
    round_2020(db, capsys)
    project = Project(db)
    before = project.dataset.units
    members_neighbours = (project.dataset.neighbours("28813") | project.dataset.neighbours("28816")) - {"28813", "28816"}
    project.use_state("2020")
    after = project.dataset.units
    for code in set(before) - {"28813", "28816"}:
        assert after[code] == before[code]
    # …and so do their neighbours, a merged unit's being its members' together.
    assert project.dataset.neighbours("28813") == members_neighbours == {"28807", "28828", "28849"}
    project.close()


def test_the_code_is_the_groups_when_given_else_the_seats(db, capsys, tmp_path):
    round_2020(db, capsys)
    path = tmp_path / "pa.json"
    path.write_text(json.dumps({"name": "Thử", "rules": "nq35-2023", "groups": [
        {"name": "An Phước", "members": ["28828", "28825"], "seat": "28825"},
        {"name": "Tường Đa", "members": ["28837", "28855"], "seat": "28837", "code": "28855"}]},
        ensure_ascii=False), encoding="utf-8")
    assert cli(db, "import-scenario", str(path)) == 0
    assert cli(db, "apply", "Thử", "--as", "thử") == 0
    project = Project(db)
    project.use_state("thử")
    assert project.dataset.units["28825"].name == "An Phước"
    assert project.dataset.units["28855"].name == "Tường Đa"
    assert "28828" not in project.dataset.units and "28837" not in project.dataset.units
    project.close()


def test_a_scenario_is_drafted_on_the_latest_state_and_checked_on_its_own(db, capsys):
    round_2020(db, capsys)
    assert cli(db, "import-scenario", str(ROUNDS / "round_2024.json")) == 0
    stored = Project(db).get_scenario("Vòng 2024")
    assert stored.state == "2020"
    capsys.readouterr()
    # The district's 2019 plan is still judged on the units it was drafted on.
    assert cli(db, "check", "Phương án 2019") == 0
    assert "Hiện trạng: “base”" in capsys.readouterr().out
    assert cli(db, "check", "Vòng 2024", "--lang", "en") == 0
    assert "State: “2020”" in capsys.readouterr().out


def test_only_a_scenario_on_the_latest_state_becomes_the_next(db, capsys):
    round_2020(db, capsys)
    assert cli(db, "apply", "Phương án 2019", "--as", "khác") == 2
    assert "không phải hiện trạng mới nhất" in capsys.readouterr().err
    assert cli(db, "states", "--json") == 0
    assert [s["name"] for s in json.loads(capsys.readouterr().out)] == ["base", "2020"]


def test_a_state_name_is_used_once(db, capsys):
    round_2020(db, capsys)
    assert cli(db, "import-scenario", str(ROUNDS / "round_2024.json")) == 0
    assert cli(db, "apply", "Vòng 2024", "--as", "2020", "--lang", "en") == 2
    assert "A state named “2020” exists already" in capsys.readouterr().err


def test_dry_run_makes_no_state(db, capsys):
    assert cli(db, "import-scenario", str(ROUNDS / "round_2020.json")) == 0
    assert cli(db, "apply", "Vòng 2020", "--as", "2020", "--dry-run") == 0
    assert "Chưa lưu (--dry-run)" in capsys.readouterr().out
    assert cli(db, "states", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_units_reads_the_latest_state_unless_told(db, capsys):
    round_2020(db, capsys)
    assert cli(db, "units", "--json") == 0
    assert json.loads(capsys.readouterr().out)["count"] == 21
    assert cli(db, "--state", "base", "units", "--json") == 0
    assert json.loads(capsys.readouterr().out)["count"] == 22
    assert cli(db, "units", "--state", "khong-co") == 2
    assert "Không có hiện trạng “khong-co”" in capsys.readouterr().err


def test_the_units_formed_record_the_rule_set_they_were_arranged_under(db, capsys):
    from core.domain.model import Unit
    if not hasattr(Unit, "arranged_in") and "arranged_in" not in Unit.__dataclass_fields__:
        pytest.skip("Unit.arranged_in comes with the law branch")
    round_2020(db, capsys)
    project = Project(db)
    project.use_state("2020")
    assert project.dataset.units["28813"].arranged_in == "nq653-2019"
    assert project.dataset.units["28807"].arranged_in == ""
    project.close()
