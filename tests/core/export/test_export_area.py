"""Exporting one province or one district of a large project, with progress and Cancel."""
import csv
import re

import pytest
from pypdf import PdfReader

from core.domain.scenario import Scenario
from core.export import Area, ExportCancelled, ExportError, export_scenario


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    """A synthetic project of 300 units in 4 provinces, and a scenario with a group in one
    province, a group in another and a group across their border."""
    from core.imports.national import import_national
    from core.imports.synthetic import write_synthetic_files
    folder = tmp_path_factory.mktemp("country")
    layer, table = write_synthetic_files(300, folder, seed=3)
    project, _ = import_national(folder / "p.sqlite", layer, table)
    d = project.dataset
    by_province: dict[str, list[str]] = {}
    for code, unit in d.units.items():
        by_province.setdefault(unit.province, []).append(code)
    small = "Tỉnh Bình An 1"
    big = next(p for p in by_province if p != small and len(by_province[p]) > 100)

    s = Scenario(name="Ba nhóm", rules="nq653-2019")
    taken: set[str] = set()

    def group(inside, outside):
        """Two free adjacent units, the first in ``inside``, the second in ``outside``."""
        for a in inside:
            for b in sorted(d.neighbours(a)):
                if b in outside and not {a, b} & taken:
                    s.add_group(d, [a, b])
                    taken.update((a, b))
                    return
        raise AssertionError("no adjacent pair")

    group(by_province[small], by_province[small])
    group(by_province[big], by_province[big])
    group(by_province[small], by_province[big])
    project.add_scenario(s)
    yield project, by_province, small, big
    project.close()


CODE = re.compile(r"\b9000\d{3}\b")


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_a_province_export_holds_only_that_provinces_units_and_names_it_in_the_title(country, tmp_path):
    project, by_province, small, _ = country
    target = tmp_path / "tinh.pdf"
    dossier = export_scenario(project, project.get_scenario("Ba nhóm"), target, area=Area(province="binh an 1"))
    text = pdf_text(target)
    assert text.startswith("TỈNH BÌNH AN 1 PHƯƠNG ÁN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ")
    assert "Địa bàn Tỉnh Bình An 1" in text
    borrowed = {c for g in project.get_scenario("Ba nhóm").groups for c in g.members
                if c not in by_province[small] and set(g.members) & set(by_province[small])}
    assert len(borrowed) == 1                   # the group across the border brings its other member
    assert set(CODE.findall(text)) == set(by_province[small]) | borrowed
    assert f"Tổng cộng: {len(by_province[small]) + 1} đơn vị" in text
    assert "Bản tóm tắt gồm cả các đơn vị ngoài tỉnh Bình An 1" in text
    assert dossier.area == small


def test_a_district_export_is_titled_with_district_and_province_and_holds_its_units(country, tmp_path):
    project, by_province, small, _ = country
    units = project.dataset.units
    district = units[by_province[small][0]].district
    target = tmp_path / "huyen.csv"
    export_scenario(project, project.get_scenario("Ba nhóm"), target,
                    area=Area(province="Bình An 1", district=district.removeprefix("Huyện ")))
    with open(target, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))[1:]
    codes = {c for c in by_province[small] if units[c].district == district}
    listed = {cell for row in rows for cell in row if CODE.fullmatch(cell)}
    assert codes <= listed and all(units[c].district == district or units[c].province != small
                                   for c in listed)
    pdf = tmp_path / "huyen.pdf"
    export_scenario(project, project.get_scenario("Ba nhóm"), pdf, area=Area(small, district))
    assert pdf_text(pdf).startswith(f"{district} – {small}".upper())


@pytest.mark.parametrize(("area", "said"), [
    (Area(province="Hà Nội"), "Dự án không có tỉnh “Hà Nội”"),
    (Area(province="Bình An 1", district="Không Có"), "Không có huyện “Không Có”"),
])
def test_an_area_not_in_the_project_is_refused_in_words_and_nothing_is_written(country, tmp_path, area, said):
    project, *_ = country
    target = tmp_path / "x.pdf"
    with pytest.raises(ExportError) as caught:
        export_scenario(project, project.get_scenario("Ba nhóm"), target, area=area)
    assert said in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_progress_rises_to_100_percent_naming_each_stage(country, tmp_path):
    project, _, small, _ = country
    seen = []
    export_scenario(project, project.get_scenario("Ba nhóm"), tmp_path / "tinh.pdf", area=Area(small),
                    progress=lambda frac, msg: seen.append((frac, msg.text("vi"))))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] < 0.1 and fractions[-1] == 1.0
    stages = {re.sub(r" \d+/\d+$", "", text) for _, text in seen}
    assert {"Đang tổng hợp số liệu", "Đang vẽ bản đồ", "Đang dàn trang", "Đang ghi trang"} <= stages
    assert len({round(f, 2) for f in fractions if 0.15 < f < 0.9}) >= 5     # the layout moves, not one jump


@pytest.mark.parametrize("stop_at", [0.05, 0.5, 0.95])
def test_cancelling_leaves_no_file_and_keeps_the_previous_one(country, tmp_path, stop_at):
    project, _, small, _ = country
    target = tmp_path / "tinh.pdf"
    target.write_bytes(b"%PDF- the previous summary")

    def report(frac, msg):
        if frac >= stop_at:
            raise ExportCancelled(str(target))

    with pytest.raises(ExportCancelled) as caught:
        export_scenario(project, project.get_scenario("Ba nhóm"), target, area=Area(small), progress=report)
    assert "Đã dừng xuất" in str(caught.value)
    assert target.read_bytes() == b"%PDF- the previous summary"
    assert [p.name for p in tmp_path.iterdir()] == ["tinh.pdf"]


def _units(*places):
    from core.domain.model import Dataset, Figure, Unit
    units = {str(i): Unit(str(i), f"Xã {i}", "xa", Figure(5000), Figure(20), province=p, district=d)
             for i, (p, d) in enumerate(places)}
    return Dataset("Ba tỉnh", units)


def test_a_name_that_fits_several_provinces_or_districts_is_refused_naming_them():
    from core.export.area import area_scope
    d = _units(("Tỉnh Bắc Giang", "Huyện Yên Dũng"), ("Tỉnh Hà Giang", "Huyện Yên Minh"),
               ("Tỉnh Tiền Giang", "Huyện Châu Thành"), ("Tỉnh Bến Tre", "Huyện Châu Thành"))
    with pytest.raises(ExportError, match="“Giang” chỉ nhiều tỉnh: Tỉnh Bắc Giang, Tỉnh Hà Giang, Tỉnh Tiền Giang"):
        area_scope(d, None, Area(province="Giang"))
    with pytest.raises(ExportError, match=r"Có Huyện Châu Thành ở nhiều tỉnh \(Tỉnh Bến Tre, Tỉnh Tiền Giang\)"):
        area_scope(d, None, Area(district="Châu Thành"))
    scope = area_scope(d, None, Area(province="ben tre", district="chau thanh"))
    assert scope.codes == ["3"] and scope.title == "Huyện Châu Thành – Tỉnh Bến Tre"
    assert area_scope(d, None, Area(district="Yên Minh")).title == "Huyện Yên Minh – Tỉnh Hà Giang"
    assert area_scope(d, None).title == "4 tỉnh, thành phố"
