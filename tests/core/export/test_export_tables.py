"""Spreadsheet and CSV exports, opened again as a planner's spreadsheet would open them."""
import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from core.export import export_scenario
from core.export.xlsx import SHEETS
from tests.conftest import code_of


@pytest.fixture
def export(project, tmp_path):
    def run(suffix, scenario=None):
        target = tmp_path / f"tom-tat{suffix}"
        export_scenario(project, scenario or project.get_scenario("Phương án 2019"), target,
                        today=date(2019, 9, 12))
        return target
    return run


def rows(ws):
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in line))) for line in ws.iter_rows(min_row=2)]


def test_workbook_has_summary_groups_units_and_findings_sheets(export):
    wb = load_workbook(export(".xlsx"))
    assert wb.sheetnames == list(SHEETS)
    summary = {r["Mục"]: r["Nội dung"] for r in rows(wb["Tóm tắt"])}
    assert summary["Số đơn vị trước sắp xếp"] == 22 and summary["Số đơn vị sau sắp xếp"] == 19
    assert summary["Tỷ lệ giảm (%)"] == pytest.approx(13.64)
    assert summary["Địa bàn"] == "Huyện Châu Thành – Tỉnh Bến Tre"


def test_workbook_figures_are_numbers_not_text(export):
    wb = load_workbook(export(".xlsx"))
    groups = rows(wb["Đơn vị mới"])
    giao_long = next(g for g in groups if g["Đơn vị mới"] == "Giao Long")
    assert giao_long["Các đơn vị nhập"] == "Giao Long, Giao Hòa"
    assert isinstance(giao_long["Quy mô dân số (người)"], (int, float))
    assert giao_long["Quy mô dân số (người)"] == 8699
    assert giao_long["Diện tích tự nhiên (km²)"] == pytest.approx(11.209)
    assert giao_long["% tiêu chuẩn diện tích"] == pytest.approx(37.36, abs=0.01)
    assert giao_long["Trụ sở"] == "Giao Long"


def test_workbook_gives_every_old_unit_its_new_unit(export, dataset):
    wb = load_workbook(export(".xlsx"))
    units = rows(wb["Đơn vị trước-sau"])
    assert len(units) == 22
    by_name = {u["Tên đơn vị"]: u for u in units}
    assert by_name["Giao Hòa"]["Đơn vị sau sắp xếp"] == "xã Giao Long"
    assert by_name["Giao Hòa"]["Thuộc diện sắp xếp"] == "Có"
    assert by_name["Giao Hòa"]["Mã ĐVHC"] == code_of(dataset, "Giao Hòa")    # text, leading digits kept
    assert by_name["Tân Phú"]["Thay đổi"] == "Giữ nguyên"
    findings = rows(wb["Nhận xét"])
    assert any("37,36 %" in f["Nhận xét"] and f["Mức"] == "Không đạt" for f in findings)


def test_a_group_named_like_a_formula_is_stored_as_text(project, dataset, export):
    s = project.get_scenario("Phương án 2019")
    s.update_group(s.groups[0].id, name="=1+1")
    wb = load_workbook(export(".xlsx", s))
    cells = [c for line in wb["Đơn vị mới"].iter_rows() for c in line if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)
    cells = [c for ws in wb for line in ws.iter_rows() for c in line
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    table = list(csv.reader(io.StringIO(export(".csv", s).read_bytes().decode("utf-8-sig"))))
    assert table[5][5] == "'=1+1"                 # Giao Long's new unit, neutralised
    assert not [cell for line in table for cell in line if cell.startswith(("=", "+", "-", "@"))]


def test_csv_is_the_old_to_new_table_in_utf8_with_bom(export):
    raw = export(".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("STT,Mã ĐVHC cũ,Loại cũ,Tên đơn vị cũ,Đơn vị sau sắp xếp")
    assert len(lines) == 23
    assert "28816,xã,Giao Hòa,xã Giao Long,Giao Long,Nhập,5.974,3933" in raw.decode("utf-8-sig")
    assert "Giao Ho\u0300a" not in raw.decode("utf-8")         # names stay NFC
