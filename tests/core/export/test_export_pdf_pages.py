"""The PDF's pages as a dossier needs them: set in a Times-metric serif that is embedded,
a header and a footer whose texts never run into each other, and notes free of the
tool's internals."""
import itertools
import re
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.export import export_scenario
from core.export.fonts import BOLD, ITALIC, REGULAR
from core.export.pdf_page import GAP, MARGIN, band

LONG_NAME = ("Phương án sắp xếp các xã cù lao và ven sông Tiền của huyện Châu Thành theo Nghị quyết "
             "số 653/2019/UBTVQH14, bản trình Hội đồng nhân dân tỉnh lần thứ hai sau góp ý của các sở")


@pytest.fixture
def long_named_pdf(project, tmp_path):
    s = project.get_scenario("Phương án 2019")
    s.name = LONG_NAME
    project.add_scenario(s)
    target = tmp_path / "tom-tat.pdf"
    export_scenario(project, project.get_scenario(LONG_NAME), target, today=date(2019, 9, 12))
    return PdfReader(target)


def runs(page):
    """Every text run drawn on ``page``: (text, font, size, x, y)."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip("\n"), name, size * (tm[0] or 1), x, y))

    page.extract_text(visitor_text=visit)
    return found


def bands(reader):
    """Per page: (width, height, header runs, footer runs)."""
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        rs = runs(page)
        yield w, h, [r for r in rs if r[4] > h - MARGIN], [r for r in rs if r[4] < MARGIN]


def extent(run) -> tuple[float, float]:
    text, font, size, x, _ = run
    return x, x + stringWidth(text, font, size)


def test_the_pdf_is_set_in_liberation_serif_and_every_font_is_embedded(long_named_pdf):
    used = set()
    for page in long_named_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]
            used.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert used <= {REGULAR, BOLD, ITALIC, "LiberationSerif-BoldItalic"} and REGULAR in used and BOLD in used


def test_footer_and_header_texts_never_overlap_on_portrait_or_landscape_pages(long_named_pdf):
    orientations = set()
    for w, h, header, footer in bands(long_named_pdf):
        orientations.add(w > h)
        for texts in (header, footer):
            spans = sorted(extent(r) for r in texts)
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end + GAP - 0.5 <= start, (texts, w)
            assert all(MARGIN <= x0 and x1 <= w - MARGIN + 0.5 for x0, x1 in spans), (texts, w)
    assert orientations == {True, False}


def test_every_page_says_when_it_was_made_and_its_number_and_later_pages_name_scenario_and_area(long_named_pdf):
    pages = list(bands(long_named_pdf))
    n = len(pages)
    for number, (_, _, header, footer) in enumerate(pages, 1):
        footer_text = " ".join(r[0] for r in footer)
        assert "lập ngày 12/09/2019" in footer_text and f"Trang {number}/{n}" in footer_text
        header_text = " ".join(r[0] for r in header)
        if number == 1:
            assert header_text == ""                       # the title page has the title instead
        else:
            assert "Huyện Châu Thành – Tỉnh Bến Tre" in header_text
            assert header_text.startswith("Phương án sắp xếp các xã cù lao") and "…" in header_text


def test_a_band_shortens_its_left_text_to_keep_the_gap_whatever_the_lengths():
    for left, right in [("A" * 300, "Trang 1/1"), (LONG_NAME, LONG_NAME), ("Ngắn", "Trang 999/999"), ("", "x")]:
        shown, page = band(left, right, 500)
        width = stringWidth(shown, REGULAR, 9) + stringWidth(page, REGULAR, 9)
        assert width + GAP <= 500 and (shown == left or shown.endswith("…"))


def test_the_notes_name_no_internal_id_and_no_command(project, tmp_path):
    target = tmp_path / "tom-tat.pdf"
    export_scenario(project, project.get_scenario("Phương án 2019"), target)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert re.search(r"NQ 653/2019 có \d+ điểm chưa đối chiếu được với toàn văn", text)
    assert "Điểm chưa xác minh của NQ 653/2019" in text
    assert not re.search(r"\bnq\d+-\d{4}\b", text)              # rule set ids
    assert "lệnh" not in text and "“rules”" not in text         # no reference to the command line


def test_every_table_heading_stt_stays_on_one_line(long_named_pdf):
    """The STT column holds three digits (a province has more than 100 units) and its heading whole."""
    heads = [t for page in long_named_pdf.pages for t, *_ in runs(page) if t.startswith("ST")]
    assert heads and set(heads) == {"STT"}
