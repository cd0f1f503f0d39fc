"""Every export says which exception applies to a merged unit, with its ground and article,
that a figure-based one (≥ 3 units) applied by itself, how many units carry a defaulted
classification, and the rule set's unverified points."""
import csv
import io
from datetime import date

import geopandas as gpd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core.domain.scenario import Scenario
from core.export import export_scenario
from core.export.geo import LAYER
from tests.conftest import code_of

NQ653 = "Nghị quyết số 653/2019/UBTVQH14"


@pytest.fixture
def scenario(project, dataset):
    """Giao Long + Giao Hòa with the special-factors ground; An Hóa, An Phước and Sơn Hòa together."""
    s = Scenario("Ngoại lệ", "nq653-2019")
    g = s.add_group(dataset, [code_of(dataset, n) for n in ("Giao Long", "Giao Hòa")], name="Giao Long")
    s.update_group(g.id, exception_reason="Cù lao giữa sông", exception_ground="special-factors")
    s.add_group(dataset, [code_of(dataset, n) for n in ("An Hóa", "An Phước", "Sơn Hòa")], name="An Phước")
    project.save_scenario(s)
    return s


def _export(project, scenario, tmp_path, suffix):
    target = tmp_path / f"ra{suffix}"
    export_scenario(project, scenario, target, today=date(2019, 9, 12))
    return target


def test_the_workbook_names_the_exception_its_ground_and_article(project, scenario, tmp_path):
    wb = load_workbook(_export(project, scenario, tmp_path, ".xlsx"))
    ws = wb["Đơn vị mới"]
    header = [c.value for c in ws[1]]
    groups = {r[header.index("Đơn vị mới")]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    recorded, by_figures = groups["Giao Long"], groups["An Phước"]
    assert "ngoại lệ" in recorded["Kết luận"].lower() and NQ653 in recorded["Kết luận"]
    exception = next(v for k, v in recorded.items() if k and "Ngoại lệ" in k)
    assert "yếu tố đặc thù" in exception and "Cù lao giữa sông" in exception and NQ653 in exception
    automatic = next(v for k, v in by_figures.items() if k and "Ngoại lệ" in k)
    assert "tự áp dụng" in automatic or "theo số liệu" in automatic
    summary = [r for r in wb["Tóm tắt"].iter_rows(values_only=True)]
    assert any(r[0] == "Điểm chưa xác minh của bộ quy tắc" for r in summary)


def test_the_csv_gives_each_old_unit_the_verdict_and_exception_of_its_new_unit(project, scenario, tmp_path):
    text = _export(project, scenario, tmp_path, ".csv").read_bytes().decode("utf-8-sig")
    rows = {r["Tên đơn vị cũ"]: r for r in csv.DictReader(io.StringIO(text))}
    assert "Cù lao giữa sông" in rows["Giao Hòa"]["Ngoại lệ của đơn vị mới"]
    assert NQ653 in rows["Giao Hòa"]["Kết luận về đơn vị mới"]
    assert rows["Tân Phú"]["Ngoại lệ của đơn vị mới"] == ""


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_the_map_layers_carry_the_exception(project, scenario, tmp_path, suffix):
    path = _export(project, scenario, tmp_path, suffix)
    frame = gpd.read_file(path, layer=LAYER) if suffix == ".gpkg" else gpd.read_file(path)
    row = frame[frame["name"] == "Giao Long"].iloc[0]
    assert row["verdict"] == "exception" and "Cù lao giữa sông" in row["exception"]


def test_the_pdf_says_the_exception_and_the_unverified_points(project, scenario, tmp_path):
    reader = PdfReader(_export(project, scenario, tmp_path, ".pdf"))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Cù lao giữa sông" in text and "yếu tố đặc thù" in text
    assert "chưa xác minh" in text
