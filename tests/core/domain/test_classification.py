"""Classifications of a unit: read from tables and files, kept in the project, defaulted ones named."""
import sqlite3

import pytest

from core.domain.classification import count_defaulted, merged, parse_value, with_values
from core.domain.model import DataError
from core.imports.stats_table import read_stats_table
from core.storage.store import SCHEMA_VERSION, Project
from tests.conftest import code_of

HEADER = "ward_id,city,district,ward,city_title,dist_title,ward_title,total"


def _table(tmp_path, header: str, *rows: str):
    path = tmp_path / "t.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return read_stats_table(path)


def test_every_classification_column_of_a_statistics_table_is_read(tmp_path):
    table = _table(tmp_path, HEADER + ",terrain,border,ethnic_minority_pct,bai_ngang,red_river_delta,island_district",
                   "A1,HàGiang,ĐồngVăn,LũngCú,Tỉnh,Huyện,Xã,3000,vùng cao,có,95,0,0,0",
                   "A2,NamĐịnh,GiaoThủy,GiaoXuân,Tỉnh,Huyện,Xã,9000,đồng bằng,0,,1,1,0")
    high, coast = table.rows
    assert (high.terrain, high.border) == ("highland", True)
    assert high.classification == {"ethnic_minority_pct": 95.0, "bai_ngang": False, "red_river_delta": False,
                                   "island_district": False}
    assert coast.classification == {"bai_ngang": True, "red_river_delta": True, "island_district": False}
    assert table.has_classification


def test_a_classification_cell_that_cannot_be_read_is_refused_naming_line_and_column(tmp_path):
    with pytest.raises(DataError) as refused:
        _table(tmp_path, HEADER + ",bai_ngang", "A1,NamĐịnh,GiaoThủy,GiaoXuân,Tỉnh,Huyện,Xã,9000,hơi hơi")
    assert "dòng 2, cột “bai_ngang”" in refused.value.text("vi")


def test_the_chau_thanh_units_carry_every_classification_that_can_change_a_verdict(dataset):
    assert count_defaulted(dataset.units.values()) == {"units": 0}
    unit = dataset.units[code_of(dataset, "Giao Hòa")]
    assert (unit.terrain, unit.border, unit.bai_ngang, unit.island_district, unit.province_type) == \
           ("lowland", False, False, False, "tinh")


def test_a_project_keeps_a_hand_set_classification_with_its_source(db_path):
    project = Project(db_path)
    code = code_of(project.dataset, "Giao Hòa")
    unit = with_values(project.dataset.units[code], {"terrain": "island", "ethnic_minority_pct": 12.5},
                       "Quyết định 123/QĐ-UBND")
    project.store_units([unit])
    project.close()
    again = Project(db_path).dataset.units[code]
    assert (again.terrain, again.ethnic_minority_pct) == ("island", 12.5)
    assert again.source_of("terrain") == "Quyết định 123/QĐ-UBND"


def test_a_schema_2_project_is_migrated_and_its_new_classifications_are_named_defaulted(db_path):
    Project(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("alter table units drop column classification")
    conn.execute("update meta set value = '2' where key = 'schema_version'")
    conn.commit()
    conn.close()
    project = Project(db_path)
    assert project.meta("schema_version") == str(SCHEMA_VERSION) and project.migrated_backup
    unit = project.dataset.units[code_of(project.dataset, "Giao Hòa")]
    assert unit.terrain == "lowland" and "terrain" not in unit.defaulted
    assert {"bai_ngang", "red_river_delta", "island_district"} <= unit.defaulted
    assert unit.province_type == "tinh" and "province_type" not in unit.defaulted   # from "Tỉnh Bến Tre"
    assert count_defaulted(project.dataset.units.values())["units"] == 22


@pytest.mark.parametrize("field, raw, value", [
    ("terrain", "Miền núi", "mountainous"), ("terrain", "vung cao", "highland"), ("border", "có", True),
    ("province_type", "thành phố trực thuộc trung ương", "tp_tw"), ("ethnic_minority_pct", "35,5 %", 35.5)])
def test_classification_values_are_read_as_a_planner_writes_them(field, raw, value):
    assert parse_value(field, raw) == value


def test_a_share_above_100_percent_is_refused():
    with pytest.raises(DataError):
        parse_value("ethnic_minority_pct", "120")


def test_a_merged_unit_is_on_the_border_when_any_member_is_and_mixed_terrain_is_flagged(dataset):
    a, b = (dataset.units[code_of(dataset, n)] for n in ("Giao Long", "Giao Hòa"))
    a = with_values(a, {"terrain": "mountainous", "border": True}, "test")
    m = merged([a, b], seat=b)
    assert m.border and m.terrain == "lowland"          # the seat's terrain, flagged as the tool's choice
    assert set(m.mixed) == {"terrain", "border"}
    # Giao Long, now mountainous, has no ethnic-minority share (the Điều 3a reduction needs it).
    assert m.unknown == ("ethnic_minority_pct",)


def test_a_merged_unit_s_ethnic_minority_share_is_weighted_by_population(dataset):
    a, b = (dataset.units[code_of(dataset, n)] for n in ("Giao Long", "Giao Hòa"))
    a, b = with_values(a, {"ethnic_minority_pct": 40.0}, "t"), with_values(b, {"ethnic_minority_pct": 10.0}, "t")
    m = merged([a, b], population=[3000, 1000])
    assert m.ethnic_minority_pct == pytest.approx(32.5) and "ethnic_minority_pct" not in m.mixed
