"""Statistics tables saved in the Vietnamese locale (12.345 people, 0,26 km², ';' between
columns) are read as they are meant, or refused naming the line and column: never guessed."""
import csv

import pytest

from core.imports.stats_table import StatsError, read_stats_table
from core.imports.table_numbers import AMBIGUOUS, BAD, EN, VI, style_of

HEADER = ["ward_id", "city", "district", "ward", "city_title", "dist_title", "ward_title", "total", "area_km2"]


def table(tmp_path, rows, sep=",", header=HEADER):
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=sep).writerows([header, *rows])
    return path


def row(i, total, area):
    return [f"A{i}", "BếnTre", "ChâuThành", f"Xã{i}", "Tỉnh", "Huyện", "Xã", total, area]


@pytest.mark.parametrize("text, count, style", [
    ("12345", True, None), ("12.345", True, VI), ("12,345", True, EN), ("1.234.567", False, VI),
    ("1,234,567", False, EN), ("0,26", False, VI), ("0.26", False, EN), ("1.234,5", False, VI),
    ("1,234.5", False, EN), ("12,345", False, AMBIGUOUS), ("5.974", False, AMBIGUOUS),
    ("53630.42658894646", False, EN), ("1.2.3", False, BAD), ("1,23,4", False, BAD),
])
def test_each_number_says_which_convention_it_can_be_read_in(text, count, style):
    assert style_of(text, count) == style


def test_a_table_saved_in_the_vietnamese_locale_is_read_as_it_is_meant(tmp_path):
    path = table(tmp_path, [row(1, "12.345", "0,26"), row(2, "3.093", "5,974")], sep=";")
    t = read_stats_table(path)
    assert [(r.population, r.area_km2) for r in t.rows] == [(12345, 0.26), (3093, 5.974)]
    notes = [n.text("vi") for n in t.notes]
    assert notes == ["các cột của bảng được phân cách bằng dấu chấm phẩy (;).",
                     "các số trong bảng được đọc theo kiểu Việt Nam (1.234,5: dấu chấm phân cách hàng nghìn, "
                     "dấu phẩy thập phân)."]


def test_a_table_in_english_format_keeps_its_reading(tmp_path):
    t = read_stats_table(table(tmp_path, [row(1, "12,345", "0.26"), row(2, "3093", "5.974")]))
    assert [(r.population, r.area_km2) for r in t.rows] == [(12345, 0.26), (3093, 5.974)]


def test_plain_numbers_need_no_convention(tmp_path):
    t = read_stats_table(table(tmp_path, [row(1, "12345", "26"), row(2, "3 093", "6")]))
    assert [r.population for r in t.rows] == [12345, 3093] and t.notes == []


def test_a_table_mixing_both_conventions_is_refused_naming_one_value_of_each(tmp_path):
    with pytest.raises(StatsError) as refused:
        read_stats_table(table(tmp_path, [row(1, "12.345", "0.26")]))
    assert refused.value.text("vi") == (
        "Tệp t.csv: số được viết theo hai kiểu khác nhau – Tệp t.csv, dòng 2, cột “total” “12.345” theo kiểu "
        "Việt Nam (1.234,5), Tệp t.csv, dòng 2, cột “area_km2” “0.26” theo kiểu Anh (1,234.5); "
        "hãy viết mọi số theo một kiểu.")


def test_a_number_that_reads_both_ways_in_a_table_that_does_not_say_is_refused_with_line_and_column(tmp_path):
    with pytest.raises(StatsError) as refused:
        read_stats_table(table(tmp_path, [row(1, "8000", "12"), row(2, "9000", "12,345")]))
    text = refused.value.text("en")
    assert text.startswith("File t.csv, line 3, column “area_km2”: “12,345” reads either as a decimal")


def test_a_malformed_number_is_refused_not_read_as_another(tmp_path):
    with pytest.raises(StatsError) as refused:
        read_stats_table(table(tmp_path, [row(1, "1.2.3", "1")]))
    assert "line 2" in refused.value.text("en") and "not a number" in refused.value.text("en")


def test_an_excel_workbook_is_refused_with_the_way_to_save_it_as_csv(tmp_path):
    import openpyxl
    path = tmp_path / "dan_so.csv"                        # an .xlsx renamed: the content tells
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.save(path)
    with pytest.raises(StatsError) as refused:
        read_stats_table(path)
    assert "CSV UTF-8" in refused.value.text("vi") and "Excel" in refused.value.text("en")


def test_a_table_saved_as_utf16_text_is_read(tmp_path):
    path = tmp_path / "t.csv"
    rows = [HEADER, row(1, "12.345", "0,26")]
    path.write_bytes("\n".join("\t".join(r) for r in rows).encode("utf-16"))
    t = read_stats_table(path)
    assert t.rows[0].population == 12345 and t.rows[0].area_km2 == 0.26
