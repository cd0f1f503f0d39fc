"""A national project built from a statistics table with a ``terrain`` column judges its
mountainous units by their own standard (điểm a khoản 1 Điều 3 NQ 1211/2016/UBTVQH13), and
``units`` and ``check`` say how many units still carry a defaulted classification."""
import csv
import json

import pytest

from core.cli.run import main as cli_main
from core.domain.scenario import Scenario
from core.imports.national import import_national
from core.imports.synthetic import write_synthetic_files
from core.law.evaluation import evaluate
from core.law.rules import get_rule_set


@pytest.fixture(scope="module")
def project_with_terrain(tmp_path_factory):
    folder = tmp_path_factory.mktemp("terrain")
    layer, table = write_synthetic_files(40, folder, seed=4)
    rows = list(csv.reader(open(table, encoding="utf-8")))
    rows[0].append("terrain")
    for i, row in enumerate(rows[1:]):
        row.append("miền núi" if i % 2 else "đồng bằng")
    with_terrain = folder / "with-terrain.csv"
    with open(with_terrain, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    project, _ = import_national(folder / "p.sqlite", layer, with_terrain, tolerance_m=0)
    yield project
    project.close()


def _xa(project, terrain):
    return next(u for u in project.dataset.units.values() if u.kind == "xa" and u.terrain == terrain)


def test_a_mountainous_xa_from_the_table_is_judged_by_the_mountainous_standard(project_with_terrain):
    p = project_with_terrain
    mountain, plain = _xa(p, "mountainous"), _xa(p, "lowland")
    assert "terrain" not in mountain.relevant_defaulted()
    result = evaluate(p.dataset, get_rule_set("nq653-2019"), Scenario("trống", "nq653-2019"))
    high, low = result.units[mountain.code], result.units[plain.code]
    assert (high.standard.population, high.standard.area_km2) == (5000, 50)
    assert "điểm a khoản 1" in high.standard.article and "Điều 3" in high.standard.article
    assert (low.standard.population, low.standard.area_km2) == (8000, 30)


def test_units_and_check_say_how_many_units_remain_defaulted_and_that_terrain_is_not(project_with_terrain, capsys):
    db = str(project_with_terrain.path)
    n = len(project_with_terrain.dataset.units)
    assert cli_main(["--db", db, "units", "--rules", "nq76-2025", "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["classification_defaulted"]
    assert counts["units"] == n and "terrain" not in counts and counts["border"] == n
    assert cli_main(["--lang", "en", "--db", db, "units", "--rules", "nq76-2025"]) == 0
    out = capsys.readouterr().out
    assert f"{n} units have a classification taken by default" in out
    assert "border" in out and "terrain (" not in out
