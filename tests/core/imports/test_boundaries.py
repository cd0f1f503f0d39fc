"""Importing a boundary layer: matching, repair, adjacency from shared edges."""
import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from core.geo.geometry import adjacency_from_geometries
from core.imports.boundaries import BoundaryError, import_boundaries


def test_real_chau_thanh_boundaries_match_all_units_and_the_45_pairs(project, chau_thanh_geojson):
    before = set(project.dataset.adjacency)
    report = import_boundaries(project, chau_thanh_geojson)
    assert len(report.matched) == 22 and not report.unmatched_features and not report.unmatched_units
    assert set(report.adjacency) == before
    assert project.has_boundaries() and len(project.geometries()) == 22
    official, computed = report.areas["28816"]           # Giao Hòa, official 5.974 km²
    assert official == 5.974 and computed == pytest.approx(6.18, abs=0.05)


def test_matching_by_name_ignores_case_diacritics_and_prefix(project, chau_thanh_geojson, tmp_path):
    gdf = gpd.read_file(chau_thanh_geojson)
    gdf["ten"] = ["XÃ " + n.upper() if t == "Xã" else "thi tran chau thanh" for n, t in zip(gdf["name"], gdf["type"])]
    gdf = gdf[["ten", "geometry"]].to_crs("EPSG:32648")      # another CRS too
    path = tmp_path / "by_name.gpkg"
    gdf.to_file(path)
    report = import_boundaries(project, path, name_field="ten")
    assert len(report.matched) == 22
    assert [n.code for n in report.notes] == ["imports.note.reprojected"]
    assert "EPSG:32648" in report.notes[0].text("vi") and "reprojected" in report.notes[0].text("en")


def test_unmatched_features_and_units_are_reported(project, chau_thanh_geojson, tmp_path):
    gdf = gpd.read_file(chau_thanh_geojson)
    gdf.loc[0, "gso_code"] = 99999
    gdf = gdf.iloc[:-1]
    path = tmp_path / "partial.geojson"
    gdf.to_file(path)
    report = import_boundaries(project, path)
    assert len(report.matched) == 20
    assert any(f.code == "imports.unmatched.no_unit" and "mã 99999" in f.text("vi") for f in report.unmatched_features)
    assert len(report.unmatched_units) == 2


def test_a_self_intersecting_polygon_is_repaired_and_reported(project, tmp_path):
    bowtie = Polygon([(106.30, 10.30), (106.32, 10.32), (106.32, 10.30), (106.30, 10.32)])
    gdf = gpd.GeoDataFrame({"gso_code": ["28801"]}, geometry=[bowtie], crs="EPSG:4326")
    path = tmp_path / "bowtie.geojson"
    gdf.to_file(path)
    report = import_boundaries(project, path)
    assert report.repaired and "28801" in report.matched


def test_a_corner_touch_is_not_adjacency():
    squares = [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000), box(1000, 1000, 2000, 2000)]
    pairs = adjacency_from_geometries(["a", "b", "c"], squares)
    assert ("a", "b") in pairs and ("b", "c") in pairs
    assert ("a", "c") not in pairs          # a and c meet at one point only


def test_a_small_gap_counts_with_a_snapping_tolerance():
    squares = [box(0, 0, 1000, 1000), box(1040, 0, 2000, 1000)]
    assert adjacency_from_geometries(["a", "b"], squares) == {}
    assert ("a", "b") in adjacency_from_geometries(["a", "b"], squares, tolerance_m=50)


def test_an_empty_file_is_refused_and_nothing_changes(project, tmp_path):
    path = tmp_path / "empty.geojson"
    path.write_bytes(b"")
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert refused.value.text("vi") == "Tệp empty.geojson: tệp rỗng (0 byte)."
    assert refused.value.text("en") == "File empty.geojson: the file is empty (0 bytes)."
    assert not project.has_boundaries()


def test_a_file_with_no_matching_feature_changes_nothing(project, tmp_path):
    gdf = gpd.GeoDataFrame({"gso_code": ["00001"]}, geometry=[box(106, 10, 106.1, 10.1)], crs="EPSG:4326")
    path = tmp_path / "other.geojson"
    gdf.to_file(path)
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert "no feature matched a unit of the project" in refused.value.text("en")
    assert "không đối tượng nào khớp" in refused.value.text("vi")
    assert not project.has_boundaries() and len(project.dataset.adjacency) == 45


def test_simplified_shapes_stay_within_the_tolerance_and_never_vanish():
    from shapely.geometry import Point

    from core.geo.geometry import simplified
    circle, tiny = Point(0, 0).buffer(10_000, quad_segs=64), box(50_000, 0, 50_100, 100)
    far, kept = simplified([circle, tiny], 1000.0)
    assert len(far.exterior.coords) < len(circle.exterior.coords) / 4
    assert circle.hausdorff_distance(far) <= 1000.0
    assert kept.equals(tiny)                       # a shape smaller than the tolerance keeps its own
    assert simplified([], 10.0).size == 0
