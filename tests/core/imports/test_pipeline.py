"""The import pipeline: a plan (the preview) that writes nothing, an apply that writes it all at
once, the previous boundaries kept, progress and cancel at every step, the report in both languages."""
import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Polygon, box

from core.imports.boundaries import BoundaryError, Cancelled, apply_boundaries, import_boundaries, plan_boundaries
from core.imports.national import import_national
from core.imports.synthetic import write_synthetic_files
from tests.conftest import SHARED_DATA

GIAO_LONG = box(106.41, 10.29, 106.43, 10.31)


def stored(project):
    return len(project.geometries()), len(project.dataset.adjacency)


def test_a_plan_shows_what_would_change_and_writes_nothing(project, chau_thanh_geojson):
    plan = plan_boundaries(project.dataset, chau_thanh_geojson)
    assert stored(project) == (0, 45) and not project.has_boundaries()
    report = plan.report
    assert len(report.matched) == 22 and report.adjacency_before == 45 and len(report.adjacency) == 45
    assert not report.applied and report.lines("vi")[-1] == "Xem trước: dự án chưa thay đổi."
    assert "Giao Hòa (28816): 5,97 km² / 6,18 km²" in report.text("vi")
    assert "Giao Hòa (28816): 5.97 km² / 6.18 km²" in report.text("en")
    apply_boundaries(project, plan)
    assert stored(project) == (22, 45) and report.applied
    assert report.lines("en")[-1] == "Saved into the project; the previous boundaries are kept."


def test_the_report_reads_in_english_only_when_english_is_chosen(project, chau_thanh_geojson):
    text = import_boundaries(project, chau_thanh_geojson).text("en")
    for vietnamese_word in ("Tệp", "đơn vị", "Diện tích", "Khớp", "dự án"):
        assert vietnamese_word not in text
    assert text.startswith("File chau_thanh_communes_2019.geojson: 22 features, matched by code field “gso_code”.")


def test_a_plan_made_before_the_project_changed_is_refused_and_changes_nothing(project, chau_thanh_geojson, tmp_path):
    plan = plan_boundaries(project.dataset, chau_thanh_geojson)
    other = tmp_path / "other.geojson"
    gpd.GeoDataFrame({"gso_code": ["28813"]}, geometry=[GIAO_LONG], crs="EPSG:4326").to_file(other)
    import_boundaries(project, other)                    # someone imported meanwhile
    before = stored(project)
    with pytest.raises(BoundaryError) as refused:
        apply_boundaries(project, plan)
    assert "preview again" in refused.value.text("en")
    assert stored(project) == before


def test_the_last_import_can_be_undone_and_redone(project, chau_thanh_geojson):
    import_boundaries(project, chau_thanh_geojson)
    assert project.has_boundaries() and project.dataset.meta["adjacency_source"] == "boundaries"
    assert project.restore_previous_boundaries()
    assert stored(project) == (0, 45) and project.dataset.meta["adjacency_source"] == "data"
    assert project.restore_previous_boundaries()        # and back again
    assert stored(project) == (22, 45) and project.dataset.meta["adjacency_source"] == "boundaries"


def test_a_fault_while_storing_leaves_the_old_boundaries_and_adjacency(project, chau_thanh_geojson):
    plan = plan_boundaries(project.dataset, chau_thanh_geojson)
    plan.adjacency[("28801", "zzz-unknown")] = float("inf")
    plan.wkb["28813"] = object()                          # cannot be stored: fails half-way
    with pytest.raises(Exception):                        # noqa: B017 – any fault will do
        apply_boundaries(project, plan)
    project._dataset = None
    assert stored(project) == (0, 45)


def test_progress_names_each_step_in_order_and_cancel_stops_at_any_of_them(project, chau_thanh_geojson):
    seen = []
    import_boundaries(project, chau_thanh_geojson, progress=lambda f, step: seen.append((f, step.code)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    steps = list(dict.fromkeys(code.removeprefix("imports.step.") for _, code in seen))
    assert steps == ["read", "coordinates", "crs", "match", "repair", "areas", "adjacency", "store", "done"]
    project.restore_previous_boundaries()
    for stop_at in steps[:-1]:                           # cancel once each step has begun
        calls: list[str] = []

        def stop(calls=calls, stop_at=stop_at) -> bool:
            return bool(calls) and calls[-1] == f"imports.step.{stop_at}"
        with pytest.raises(Cancelled):
            import_boundaries(project, chau_thanh_geojson, progress=lambda f, step, calls=calls: calls.append(step.code),
                              cancelled=stop)
        assert stored(project) == (0, 45), stop_at


def test_a_layer_with_several_layers_asks_which_one(project, tmp_path):
    path = tmp_path / "two.gpkg"
    gpd.GeoDataFrame({"gso_code": ["28813"]}, geometry=[GIAO_LONG], crs="EPSG:4326").to_file(path, layer="xa_2019")
    gpd.GeoDataFrame({"gso_code": ["28813"]}, geometry=[box(106, 10, 106.1, 10.1)],
                     crs="EPSG:4326").to_file(path, layer="huyen")
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert refused.value.text("vi") == ("Tệp two.gpkg: tệp có nhiều lớp (xa_2019, huyen); hãy chọn một lớp "
                                        "(dòng lệnh: --layer TÊN).")
    assert refused.value.params["layers"] == ["xa_2019", "huyen"]
    assert not project.has_boundaries()
    report = import_boundaries(project, path, layer="xa_2019")
    assert report.layer == "xa_2019" and project.geometries()["28813"].equals(GIAO_LONG)
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path, layer="tinh")
    assert "there is no layer “tinh”; layers: xa_2019, huyen" in refused.value.text("en")


@pytest.mark.parametrize("name, content, words", [
    ("dan_so.csv", "ward,total\nGiao Long,5000\n", "this is a CSV table, not a boundary layer"),
    ("dan_so.xlsx", None, "this is a Excel table, not a boundary layer"),
])
def test_a_table_given_as_a_layer_is_refused_in_words(project, tmp_path, name, content, words):
    path = tmp_path / name
    if content is None:
        import openpyxl
        book = openpyxl.Workbook()
        book.active.append(["ward", "total"])
        book.save(path)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert words in refused.value.text("en") and "GeoPackage" in refused.value.text("vi")
    assert not project.has_boundaries()


@pytest.mark.parametrize("tolerance", [-1, 1e9, float("nan"), "nhiều"])
def test_a_snapping_tolerance_outside_a_sane_range_is_refused(project, chau_thanh_geojson, tolerance):
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, chau_thanh_geojson, tolerance_m=tolerance)
    assert refused.value.code.startswith("imports.tolerance.")
    assert not project.has_boundaries()


def test_the_national_import_refuses_a_tolerance_that_joins_everything(tmp_path):
    layer, table = write_synthetic_files(20, tmp_path, seed=2)
    with pytest.raises(BoundaryError) as refused:
        import_national(tmp_path / "p.sqlite", layer, table, tolerance_m=1e9)
    assert "0–500 m" in refused.value.text("en")
    assert not (tmp_path / "p.sqlite").exists()


@pytest.mark.filterwarnings("ignore:invalid value encountered")
def test_a_feature_with_coordinates_that_are_not_numbers_is_left_out_by_name(project, tmp_path):
    broken = Polygon([(106.30, 10.30), (float("nan"), 10.32), (106.32, 10.30)])
    path = tmp_path / "nan.gpkg"
    gpd.GeoDataFrame({"gso_code": ["28813", "28816"]}, geometry=[GIAO_LONG, broken],
                     crs="EPSG:4326").to_file(path)
    report = import_boundaries(project, path)
    assert list(report.matched) == ["28813"]
    assert [m.text("en") for m in report.rejected] == [
        "Feature 2 (code 28816): has coordinates that are not numbers (NaN or infinite), left out."]
    assert report.rejected[0].text("vi").startswith("Đối tượng thứ 2 (mã 28816): có tọa độ không phải là số")


def test_a_feature_far_from_its_unit_is_reported(project, tmp_path):
    hanoi = box(105.80, 21.00, 105.82, 21.02)
    path = tmp_path / "far.geojson"
    gpd.GeoDataFrame({"gso_code": ["28813", "28816"]}, geometry=[GIAO_LONG, hanoi], crs="EPSG:4326").to_file(path)
    report = plan_boundaries(project.dataset, path).report
    assert report.far == ["28816"]
    far = next(w for w in report.warnings if w.code == "imports.warning.far")
    assert "Giao Hòa (28816)" in far.text("vi") and "more than 10 km" in far.text("en")


@pytest.mark.skipif(not (SHARED_DATA / "vn_communes_2019_lowres.geojson").exists(), reason="../shared/data is not present")
def test_the_national_layer_given_to_a_district_matches_the_namesakes_nearest_to_its_units(project):
    report = plan_boundaries(project.dataset, SHARED_DATA / "vn_communes_2019_lowres.geojson", tolerance_m=60).report
    assert len(report.matched) == 22 and not report.far
    assert len(report.adjacency) >= 45 and not report.adjacency_removed
    assert report.features == 11163 and len(report.unmatched_features) == 11163 - 22


def test_a_drop_in_neighbour_pairs_is_a_warning_in_the_preview(project, tmp_path):
    apart = [box(106.2 + 0.05 * i, 10.2, 106.22 + 0.05 * i, 10.22) for i in range(22)]
    codes = sorted(project.dataset.units)
    path = tmp_path / "apart.geojson"
    gpd.GeoDataFrame({"gso_code": codes}, geometry=apart, crs="EPSG:4326").to_file(path)
    report = plan_boundaries(project.dataset, path).report
    assert len(report.adjacency) == 0
    assert report.text("vi").splitlines()[3] == (
        "CẢNH BÁO: số cặp đơn vị liền kề giảm từ 45 xuống 0: lớp ranh giới có thể không phải của địa bàn này, "
        "hoặc các đa giác không chạm nhau (thử dung sai bắt dính).")


def test_a_new_project_left_unfinished_leaves_no_file(tmp_path):
    layer, table = write_synthetic_files(30, tmp_path, seed=5)
    target = tmp_path / "p.sqlite"
    with pytest.raises(Cancelled):
        import_national(target, layer, table, tolerance_m=0,
                        progress=lambda f, step: None, cancelled=lambda: True)
    steps = []

    def cancel_while_storing(fraction, step):
        steps.append(step.code)
    with pytest.raises(Cancelled):
        import_national(target, layer, table, tolerance_m=0, progress=cancel_while_storing,
                        cancelled=lambda: steps.count("imports.step.store") >= 2)
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == sorted([layer.name, table.name])
    project, report = import_national(target, layer, table, tolerance_m=0)
    assert report.applied and len(project.dataset.units) == 30
    project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([layer.name, table.name, target.name])


def test_the_new_project_report_shows_the_totals_a_planner_can_check(tmp_path):
    layer, table = write_synthetic_files(30, tmp_path, seed=5)
    project, report = import_national(tmp_path / "p.sqlite", layer, table, tolerance_m=0)
    total = sum(u.population.value for u in project.dataset.units.values())
    assert report.totals["population"] == total
    line = next(line for line in report.lines("vi") if line.startswith("Tổng dân số"))
    assert f"{int(total):,}".replace(",", ".") in line
    project.close()


def test_geometry_steps_repair_by_feature_and_say_where():
    from core.imports.shapes import ShapeReport, feature_where, repair
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    out = ShapeReport()
    fixed = repair(np.array([bowtie, None], dtype=object), lambda i: feature_where(i, code=f"c{i}"), out)
    assert fixed[0].is_valid and fixed[1] is None
    assert out.repaired[0].text("en") == "Feature 1 (code c0): the boundary crosses itself (at 0.50000, 0.50000) – repaired."
    assert out.rejected[0].text("vi") == "Đối tượng thứ 2 (mã c1): hình là rỗng, không phải vùng (đa giác), bỏ qua."


def test_the_layer_a_project_was_made_from_imports_again_by_its_own_codes(tmp_path):
    layer, table = write_synthetic_files(40, tmp_path, seed=8)
    project, _ = import_national(tmp_path / "p.sqlite", layer, table, tolerance_m=0)
    plan = plan_boundaries(project.dataset, layer)
    assert plan.report.match_by.params["field"] == "commune_id" and len(plan.report.matched) == 40
    assert set(plan.report.adjacency) == set(project.dataset.adjacency) and not plan.report.warnings
    project.close()


def test_codes_of_another_numbering_fall_back_to_the_names_and_say_so(project, chau_thanh_geojson, tmp_path):
    gdf = gpd.read_file(chau_thanh_geojson)
    gdf["gso_code"] = [f"9{i:06d}" for i in range(len(gdf))]          # the layer numbers its units its own way
    path = tmp_path / "own_codes.geojson"
    gdf.to_file(path)
    report = plan_boundaries(project.dataset, path).report
    assert len(report.matched) == 22 and report.match_by.params["field"] == "name"
    assert [n.code for n in report.notes] == ["imports.note.codes_not_ours"]
