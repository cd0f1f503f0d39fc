"""The embedded Châu Thành 2019 dataset, as a planner would check it against the sources."""
import unicodedata

from core.domain.datasets import load_dataset
from tests.conftest import code_of


def test_chau_thanh_has_one_thi_tran_and_21_xa():
    d = load_dataset()
    kinds = [u.kind for u in d.units.values()]
    assert len(d.units) == 22
    assert kinds.count("thi_tran") == 1 and kinds.count("xa") == 21


def test_codes_are_five_digit_text():
    d = load_dataset()
    assert all(isinstance(c, str) and len(c) == 5 and c.isdigit() for c in d.units)
    assert d.units["28801"].name == "Châu Thành"


def test_census_population_sums_to_the_published_district_total():
    d = load_dataset()
    assert sum(u.population.value for u in d.units.values()) == 175_893
    assert all(u.population.source and u.population.date == "2019-04-01" for u in d.units.values())


def test_official_areas_are_marked_official_and_the_rest_approximate():
    d = load_dataset()
    official = {u.name for u in d.units.values() if u.area.basis == "official"}
    assert official == {"Giao Long", "Giao Hòa", "Tiên Thủy"}
    assert d.units[code_of(d, "Giao Hòa")].area.value == 5.974
    assert all(u.area.source and u.area.date for u in d.units.values())


def test_names_are_nfc_with_diacritics():
    d = load_dataset()
    for u in d.units.values():
        assert unicodedata.is_normalized("NFC", u.name)
    assert "Quới Sơn" in {u.name for u in d.units.values()}


def test_every_unit_is_lowland_with_a_label_point():
    d = load_dataset()
    for u in d.units.values():
        assert u.terrain == "lowland"
        assert 10.2 < u.label_lat < 10.4 and 106.1 < u.label_lon < 106.5


def test_adjacency_has_45_pairs_and_tien_thuy_neighbours_match_nq_724():
    d = load_dataset()
    assert len(d.adjacency) == 45
    names = {d.units[c].name for c in d.neighbours(code_of(d, "Tiên Thủy"))}
    assert names == {"An Hiệp", "Quới Thành", "Tiên Long", "Thành Triệu"}
