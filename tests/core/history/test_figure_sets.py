"""Figure sets by reference date (issue 11 item 5): ``import-stats FILE --as NAME --date D`` adds one,
matched by code or by name, with a report of what changes; ``--figures NAME`` chooses it; the check
says which set it read and warns when the rule set expects figures of another date."""
from __future__ import annotations

import json

import pytest

from core.cli.run import main
from core.storage.store import Project

TABLE = """province,district,name,code,population,area_km2
Tỉnh Bến Tre,Huyện Châu Thành,Giao Long,28813,4500,5.3
Tỉnh Bến Tre,Huyện Châu Thành,Giao Hòa,,3200,6.0
Tỉnh Bến Tre,Huyện Châu Thành,Không Có,,100,1.0
"""


def cli(db, *args, lang="vi"):
    return main(["--db", str(db), "--lang", lang, *args])


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "du-an.sqlite"
    Project(path).close()
    return path


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "so-lieu-2024.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def test_a_table_matched_by_code_or_name_becomes_a_figure_set_with_what_changed(db, table, capsys):
    assert cli(db, "import-stats", str(table), "--as", "31-12-2024", "--date", "2024-12-31",
               "--source", "Công an tỉnh, Sở NN-MT", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["matched_by_code"], report["matched_by_name"]) == (1, 1)
    assert report["unmatched_rows"] == ["Không Có, Huyện Châu Thành, Tỉnh Bến Tre"]
    assert len(report["units_without"]) == 20
    changed = {c["code"]: c for c in report["changes"]}
    assert changed["28816"]["population_new"] == 3200


def test_the_figure_set_chosen_is_the_one_the_check_reads_and_names(db, table, capsys):
    assert cli(db, "import-stats", str(table), "--as", "31-12-2024", "--date", "2024-12-31") == 0
    capsys.readouterr()
    assert cli(db, "--figures", "31-12-2024", "check", "Phương án 2019", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    giao_long = next(g for g in out["groups"] if g["name"] == "Giao Long")
    assert giao_long["population"] == 4500 + 3200
    assert out["figures"]["name"] == "31-12-2024" and out["figures"]["date"] == "2024-12-31"
    assert out["figures"]["units_without"] == 20
    assert cli(db, "check", "Phương án 2019", "--figures", "31-12-2024", "--lang", "en") == 0
    text = capsys.readouterr().out
    assert "Figures: set “31-12-2024”" in text and "20 units have no figure in this set" in text


def test_the_project_keeps_its_own_figures_beside_the_set(db, table, capsys):
    assert cli(db, "import-stats", str(table), "--as", "2024", "--date", "2024-12-31") == 0
    project = Project(db)
    own = project.dataset.units["28813"].population.value
    project.use_figures("2024")
    assert project.dataset.units["28813"].population.value == 4500
    assert project.dataset.units["28813"].population.date == "2024-12-31"
    project.use_figures(None)
    assert project.dataset.units["28813"].population.value == own
    project.close()


def test_a_figure_set_needs_a_date_and_a_name_not_taken(db, table, capsys):
    assert cli(db, "import-stats", str(table), "--as", "x", "--date", "31/12/2024") == 2
    assert "NĂM-THÁNG-NGÀY" in capsys.readouterr().err
    assert cli(db, "import-stats", str(table), "--as", "x", "--date", "2024-12-31") == 0
    assert cli(db, "import-stats", str(table), "--as", "x", "--date", "2024-12-31", "--lang", "en") == 2
    assert "A figure set named “x” exists already" in capsys.readouterr().err


def test_an_unknown_figure_set_is_refused_with_the_ones_there_are(db, capsys):
    assert cli(db, "check", "Phương án 2019", "--figures", "2030", "--lang", "en") == 2
    assert "There is no figure set “2030”; the figure sets are: base" in capsys.readouterr().err


def test_the_check_warns_when_the_rule_set_expects_figures_of_another_date(db, table):
    """NQ 76/2025 khoản 3 Điều 6: the figures are those as of 31/12/2024."""
    from core.analysis.figures_used import context_json, figures_note
    from core.law.rules import RuleSet, get_rule_set
    rules = RuleSet({**get_rule_set("nq76-2025").spec,
                     "figures": {"reference_date": "2024-12-31", "article": "khoản 3 Điều 6 Nghị quyết số 76/2025/UBTVQH15"}})
    project = Project(db)
    census = [m.text("en") for m in figures_note(project.dataset, rules)]
    assert any(line.startswith("Warning: the rule set nq76-2025 takes figures as of 2024-12-31 (khoản 3 Điều 6")
               and "as of 2019-04-01" in line for line in census)
    assert context_json(project.dataset, rules)["figures"]["expected"] is False
    project.close()
    assert main(["--db", str(db), "import-stats", str(table), "--as", "2024", "--date", "2024-12-31"]) == 0
    project = Project(db)
    project.use_figures("2024")
    assert not any("Warning: the rule set" in m.text("en") for m in figures_note(project.dataset, rules))
    assert context_json(project.dataset, rules)["figures"]["expected"] is True
    project.close()
