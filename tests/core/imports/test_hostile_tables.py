"""Statistics tables that are not what they claim: refused naming the file and line,
or kept and reported; a refused table leaves no project behind."""
import csv
import time
import unicodedata

import pytest

from core.imports.national import import_national
from core.imports.stats_table import StatsError, read_stats_table
from core.imports.synthetic import write_synthetic_files

HEADER = "ward_id,city,district,ward,city_title,dist_title,ward_title,total\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_synthetic_files(40, tmp_path_factory.mktemp("syn"), seed=9)


def _rewrite(table, tmp_path, change):
    rows = list(csv.reader(open(table, encoding="utf-8")))
    change(rows)
    out = tmp_path / "changed.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return out


def test_a_table_that_is_not_utf8_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes((HEADER + "A1,HàNội,BaĐình,Phúc Xá,ThànhPhố,Quận,Phường,5\n").encode("utf-8")
                     .replace("à".encode(), "à".encode("latin-1")))
    with pytest.raises(StatsError) as refused:
        read_stats_table(path)
    assert refused.value.text("vi") == "Tệp t.csv: không phải văn bản UTF-8; hãy lưu bảng thành “CSV UTF-8”."


def test_an_empty_and_a_huge_table_are_refused_at_once(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(StatsError) as refused:
        read_stats_table(empty)
    assert refused.value.code == "stats.file.empty"
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as fh:
        fh.truncate(1024 ** 3)
    started = time.perf_counter()
    with pytest.raises(StatsError) as refused:
        read_stats_table(huge)
    assert "picked by mistake" in refused.value.text("en")
    assert time.perf_counter() - started < 5


def test_decomposed_names_join_like_composed_ones(files, tmp_path):
    layer, table = files
    nfd = _rewrite(table, tmp_path, lambda rows: [r.__setitem__(i, unicodedata.normalize("NFD", v))
                                                  for r in rows[1:] for i, v in enumerate(r)])
    project, report = import_national(tmp_path / "p.sqlite", layer, nfd, tolerance_m=0)
    assert report.matched == report.features
    assert all(unicodedata.is_normalized("NFC", u.name) for u in project.dataset.units.values())
    project.close()


def test_a_zero_population_is_kept_and_reported_with_its_line(files, tmp_path):
    layer, table = files
    col = None

    def zero_first(rows):
        nonlocal col
        col = next(i for i, h in enumerate(rows[0]) if h in ("total", "population"))
        rows[1][col] = "0"
    zeroed = _rewrite(table, tmp_path, zero_first)
    project, report = import_national(tmp_path / "p.sqlite", layer, zeroed, tolerance_m=0)
    assert any("population of 0" in w.text("en") and "line 2" in w.text("en") for w in report.warnings)
    assert any("dân số 0" in w.text("vi") and "dòng 2" in w.text("vi") for w in report.warnings)
    project.close()


def test_a_negative_population_creates_no_project(files, tmp_path):
    layer, table = files
    col_rows = _rewrite(table, tmp_path, lambda rows: rows[3].__setitem__(
        next(i for i, h in enumerate(rows[0]) if h in ("total", "population")), "-12"))
    target = tmp_path / "p.sqlite"
    with pytest.raises(StatsError) as refused:
        import_national(target, layer, col_rows, tolerance_m=0)
    assert "dòng 4" in refused.value.text("vi") and "số âm" in refused.value.text("vi")
    assert not target.exists()
