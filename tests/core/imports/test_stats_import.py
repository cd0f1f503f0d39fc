"""Reading a statistics table: census spelling, and bad input refused naming the row."""
import pytest

from core.imports.name_match import loose_key, tone_key
from core.imports.national import import_national
from core.imports.stats_table import StatsError, read_stats_table

HEADER = "ward_id,city,district,ward,city_title,dist_title,ward_title,total\n"


def _table(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "t.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_census_rows_give_kind_parent_and_population(tmp_path):
    table = read_stats_table(_table(tmp_path, "A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,23000\n"
                                              "A2,BếnTre,ChâuThành,GiaoHòa,Tỉnh,Huyện,Xã,3093\n"))
    ward, xa = table.rows
    assert (ward.kind, ward.parent, ward.population) == ("phuong", "quan", 23000)
    assert (xa.kind, xa.parent) == ("xa", "")
    assert not table.has_classification


@pytest.mark.parametrize("body, words", [
    ("A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,-5\n", ["dòng 2, cột “total”", "số âm"]),
    ("A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,nhiều\n", ["dòng 2", "không phải là số"]),
    ("A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,nan\n", ["dòng 2", "hữu hạn"]),
    ("A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,\n", ["dòng 2", "thiếu dân số"]),
    ("A1,HàNội,BaĐình,PhúcXá,ThànhPhố,Quận,Phường,5\nA1,HàNội,BaĐình,X,ThànhPhố,Quận,Phường,5\n",
     ["dòng 3", "mã dòng A1 trùng với dòng 2"]),
])
def test_bad_rows_are_refused_naming_the_line(tmp_path, body, words):
    with pytest.raises(StatsError) as exc:
        read_stats_table(_table(tmp_path, body))
    for word in words:
        assert word in exc.value.text("vi")
    assert "line" in exc.value.text("en")


def test_a_missing_column_is_named_with_the_accepted_names(tmp_path):
    with pytest.raises(StatsError) as refused:
        read_stats_table(_table(tmp_path, "A1,HàNội,BaĐình,PhúcXá\n", "ward_id,city,district,ward\n"))
    text = refused.value.text("en")
    assert "missing column(s) population" in text and "population: total, population, dan_so" in text


def test_a_bad_table_creates_no_project(tmp_path, chau_thanh_geojson):
    db = tmp_path / "new.sqlite"
    with pytest.raises(StatsError):
        import_national(db, chau_thanh_geojson, _table(tmp_path, "A1,BếnTre,ChâuThành,X,Tỉnh,Huyện,Xã,-1\n"))
    assert not db.exists()


@pytest.mark.parametrize("a, b", [("Phường 1", "01"), ("Xã Hòa Bình", "HoàBình"),
                                  ("Thị trấn Nông trường Phong Hải", "N.TPhongHải"),
                                  ("Phường Phường Đúc", "Đúc"), ("Xã Quý Lộc", "QuíLộc")])
def test_names_written_differently_give_the_same_key(a, b):
    assert loose_key(a) == loose_key(b)


def test_the_tone_key_keeps_diacritics_but_not_tone_placement():
    assert tone_key("Hòa Bình") == tone_key("HoàBình")
    assert tone_key("Hòa") != tone_key("Hóa")
