"""The PDF summary, read back as a planner's PDF reader would read it."""
from datetime import date

import pytest
from pypdf import PdfReader

from core.export import export_scenario
from core.imports.boundaries import import_boundaries


@pytest.fixture
def pdf_text(project, tmp_path):
    def make(scenario_name="Phương án 2019", **kw):
        target = tmp_path / "tom-tat.pdf"
        export_scenario(project, project.get_scenario(scenario_name), target, today=date(2019, 9, 12), **kw)
        reader = PdfReader(target)
        return reader, "\n".join(page.extract_text() for page in reader.pages)
    return make


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_names_the_place_the_rules_and_the_sources(pdf_text):
    _, text = pdf_text()
    t = flat(text)
    assert "PHƯƠNG ÁN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ" in t
    assert "HUYỆN CHÂU THÀNH – TỈNH BẾN TRE" in t
    assert "Nghị quyết số 653/2019/UBTVQH14" in t
    assert "Tổng điều tra dân số và nhà ở năm 2019" in t and "01/04/2019" in t
    assert "Bản tóm tắt lập ngày 12/09/2019" in t


def test_pdf_describes_each_merger_in_the_standing_committees_words(pdf_text):
    _, text = pdf_text()
    t = flat(text)
    assert ("Nhập toàn bộ diện tích tự nhiên là 5,97 km² và quy mô dân số là 3.933 người của xã Giao Hòa "
            "vào xã Giao Long. Sau khi nhập, xã Giao Long có diện tích tự nhiên là 11,21 km² "
            "(đạt 37,36 % tiêu chuẩn) và quy mô dân số là 8.699 người (đạt 108,74 % tiêu chuẩn).") in t
    # Neighbours by their names after the merger: An Phước is the unit An Hóa joined.
    assert "Xã Giao Long giáp xã An Phước và xã Quới Sơn." in t


def test_pdf_has_the_before_and_after_tables_with_totals(pdf_text):
    reader, text = pdf_text()
    t = flat(text)
    assert "BẢNG 1 – ĐƠN VỊ HÀNH CHÍNH CẤP XÃ TRƯỚC SẮP XẾP" in t and "Tổng cộng: 22 đơn vị" in t
    assert "175.893" in t
    assert "BẢNG 2 – ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SAU SẮP XẾP" in t and "Tổng cộng: 19 đơn vị" in t
    assert "Giảm 3 đơn vị (13,64 %)" in t
    assert "ĐỐI CHIẾU ĐƠN VỊ CŨ – ĐƠN VỊ MỚI" in t and "28816" in t
    widths = {round(float(p.mediabox.width)) for p in reader.pages}
    assert widths == {595, 842}          # A4 portrait and A4 landscape pages


def test_pdf_pages_are_numbered_and_fonts_embedded(pdf_text):
    reader, text = pdf_text()
    n = len(reader.pages)
    assert f"Trang 1/{n}" in text and f"Trang {n}/{n}" in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]


def test_pdf_without_boundaries_says_its_map_is_a_schematic(pdf_text):
    _, text = pdf_text()
    assert "SƠ ĐỒ MINH HỌA – không phải ranh giới hành chính" in flat(text)


def test_pdf_lists_unresolved_units_and_exemptions_with_reasons(project, pdf_text, dataset):
    s = project.get_scenario("Phương án 2019")
    s.rules = "nq35-2023"
    s.set_exemption(dataset, "28801", "Dự kiến nâng loại đô thị trong giai đoạn")
    s.name = "Theo NQ 35"
    project.add_scenario(s)
    _, text = pdf_text("Theo NQ 35")
    t = flat(text)
    assert "Thị trấn Châu Thành (28801): Dự kiến nâng loại đô thị trong giai đoạn" in t
    assert "Phú An Hòa (28825)" in t            # must merge under NQ 35/2023, left out


def test_pdf_judged_under_another_rule_set_says_so(pdf_text):
    _, text = pdf_text(rules="nq35-2023")
    assert "Nghị quyết số 35/2023/UBTVQH15" in flat(text)


def test_pdf_with_imported_boundaries_draws_the_map(project, pdf_text, chau_thanh_geojson):
    import_boundaries(project, chau_thanh_geojson)
    _, text = pdf_text()
    t = flat(text)
    assert "BẢN ĐỒ PHƯƠNG ÁN" in t and "SƠ ĐỒ MINH HỌA" not in t
