"""A new project from a boundary layer joined with a statistics table; pairing the rest by hand."""
import csv
import json

import pytest

from core.analysis.summary import area_summary
from core.cli.run import main as cli_main
from core.imports.match_store import match_log, unmatched_features
from core.imports.national import import_national
from core.imports.synthetic import write_synthetic_files
from core.law.rules import get_rule_set
from core.storage.store import Project, ProjectError
from tests.conftest import SHARED_DATA

LAYER = SHARED_DATA / "vn_communes_2019_lowres.geojson"
CENSUS = SHARED_DATA / "vn_population_by_commune_2019_census.csv"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_synthetic_files(120, tmp_path_factory.mktemp("syn"), seed=4)


def _drop_line(table, tmp_path, index):
    rows = list(csv.reader(open(table, encoding="utf-8")))
    dropped = rows.pop(index)
    out = tmp_path / "partial.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return out, dropped


def test_every_synthetic_polygon_finds_its_census_row_and_neighbours(files, tmp_path):
    layer, table = files
    project, report = import_national(tmp_path / "p.sqlite", layer, table, tolerance_m=0)
    assert report.matched == report.features == 120 and report.match_rate == 1.0
    assert len(project.dataset.units) == 120 and project.dataset.is_connected(project.dataset.units)
    unit = project.dataset.units["9000005"]
    assert unit.population.basis == "census" and unit.area.approximate
    assert unit.classification_defaulted and report.warnings
    project.close()
    reopened = Project(tmp_path / "p.sqlite")
    assert len(reopened.geometries()) == 120 and reopened.has_boundaries()


def test_an_existing_file_is_never_overwritten(files, project):
    with pytest.raises(ProjectError) as refused:
        import_national(project.path, *files)
    assert "already exists; a new project needs a new file" in refused.value.text("en")


def test_a_polygon_without_a_row_is_listed_and_can_be_paired_by_hand(files, tmp_path, capsys):
    layer, table = files
    partial, dropped = _drop_line(table, tmp_path, 8)           # the row of unit 9000007
    db = tmp_path / "p.sqlite"
    project, report = import_national(db, layer, partial, tolerance_m=0)
    assert report.matched == 119
    assert [f["code"] for f in report.unmatched_features] == ["9000007"]
    assert "9000007" not in project.dataset.units
    project.close()
    assert cli_main(["--db", str(db), "unmatched", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in listed["features"]] == ["9000007"] and listed["rows"] == []
    assert cli_main(["--lang", "en", "--db", str(db), "resolve-match", "9000007", dropped[0]]) == 2
    assert "No unmatched statistics row" in capsys.readouterr().err
    assert "9000007" not in Project(db).dataset.units


def test_pairing_by_hand_adds_the_unit_with_its_adjacency_and_saves_the_choice(files, tmp_path):
    layer, table = files
    rows = list(csv.reader(open(table, encoding="utf-8")))
    rows[8][3] = "TênKhác"                                      # the census spells it differently
    renamed = tmp_path / "renamed.csv"
    with open(renamed, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    db = tmp_path / "p.sqlite"
    project, report = import_national(db, layer, renamed, tolerance_m=0)
    assert [f["code"] for f in report.unmatched_features] == ["9000007"]
    assert [r["row_id"] for r in report.unmatched_rows] == ["S7"]
    project.close()
    assert cli_main(["--db", str(db), "resolve-match", "9000007", "S7"]) == 0
    p = Project(db)
    assert p.dataset.units["9000007"].population.value == float(rows[8][7])
    assert p.dataset.neighbours("9000007") and "9000007" in p.geometries()
    assert {"code": "9000007", "row_id": "S7"}.items() <= next(
        m for m in match_log(p) if m["code"] == "9000007").items()
    assert unmatched_features(p) == []


def test_province_summary_counts_units_and_must_merge_units(files, tmp_path):
    project, _ = import_national(tmp_path / "p.sqlite", *files, tolerance_m=0)
    rows = area_summary(project.dataset, get_rule_set("nq653-2019"))
    assert sum(r.units for r in rows) == 120
    small = [c for c, u in project.dataset.units.items()
             if u.kind == "xa" and u.population.value < 4000 and u.area.value < 15]
    assert sum(r.must_merge for r in rows) >= len(small)


@pytest.mark.skipif(not (LAYER.exists() and CENSUS.exists()), reason="../shared/data is not present")
def test_the_2019_communes_of_vietnam_match_the_census_at_99_percent(tmp_path, capsys):
    db = tmp_path / "vn.sqlite"
    project, report = import_national(db, LAYER, CENSUS)
    assert report.match_rate >= 0.99
    assert report.pairs_added_by_tolerance > 0.5 * report.pairs_exact     # gaps between neighbours
    assert 5.0 < 2 * report.pairs / report.matched < 6.5
    project.close()
    assert cli_main(["--db", str(db), "units", "--rules", "nq653-2019", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["must_merge_count"] == sum(p["must_merge"] for p in out["by_province"].values()) > 0
    assert len(out["by_province"]) == 63
