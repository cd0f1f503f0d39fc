"""Boundary layers that are not what they claim: each is repaired and reported,
or refused with a message naming the feature; none crashes or changes data."""
import json
import time
import unicodedata

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from core.common.text import normalise_code
from core.imports.boundaries import BoundaryError, import_boundaries

pytestmark = pytest.mark.filterwarnings("ignore:.crs. was not provided")

GIAO_LONG = box(106.41, 10.29, 106.43, 10.31)


def write(tmp_path, name, codes, geoms, crs="EPSG:4326", **columns):
    gdf = gpd.GeoDataFrame({"gso_code": codes, **columns}, geometry=geoms, crs=crs)
    path = tmp_path / name
    gdf.to_file(path)
    return path


def unchanged(project):
    return not project.has_boundaries() and len(project.dataset.adjacency) == 45


def test_points_lines_and_empty_geometries_are_rejected_by_feature(project, tmp_path):
    path = write(tmp_path, "mixed.gpkg", ["28813", "28816", "28849", "28828"],
                 [GIAO_LONG, Point(106.43, 10.29), LineString([(106.4, 10.2), (106.5, 10.3)]), Polygon()])
    report = import_boundaries(project, path)
    assert list(report.matched) == ["28813"]
    text = " ".join(m.text("en") for m in report.rejected)
    assert "code 28816" in text and "a point" in text and "a line" in text and "code 28828" in text
    assert "hình là điểm" in " ".join(m.text("vi") for m in report.rejected)


def test_a_geometry_collection_keeps_its_polygon(project, tmp_path):
    gc = GeometryCollection([GIAO_LONG, Point(106.0, 10.0)])
    path = write(tmp_path, "gc.geojson", ["28813"], [gc])
    report = import_boundaries(project, path)
    assert "28813" in report.matched
    assert project.geometries()["28813"].geom_type == "Polygon"


def test_a_layer_without_crs_in_degrees_is_taken_as_wgs84_and_said_so(project, tmp_path):
    path = write(tmp_path, "nocrs.gpkg", ["28813"], [GIAO_LONG], crs=None)
    report = import_boundaries(project, path)
    assert "28813" in report.matched and [n.code for n in report.notes] == ["imports.note.no_crs_wgs84"]


def test_a_layer_without_crs_in_metres_is_refused(project, tmp_path):
    path = write(tmp_path, "nocrs_m.gpkg", ["28813"], [box(600000, 1130000, 602000, 1132000)], crs=None)
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert refused.value.code == "imports.crs.missing_not_degrees"
    assert unchanged(project)


def test_swapped_latitude_and_longitude_are_swapped_back(project, tmp_path):
    swapped = box(10.29, 106.41, 10.31, 106.43)
    path = write(tmp_path, "swapped.geojson", ["28813"], [swapped])
    report = import_boundaries(project, path)
    assert [n.code for n in report.notes] == ["imports.note.swapped"]
    assert 106.4 < project.geometries()["28813"].centroid.x < 106.44


def test_a_duplicate_code_is_reported_and_the_first_kept(project, tmp_path):
    path = write(tmp_path, "dup.geojson", ["28813", "28813"], [GIAO_LONG, box(106, 10, 106.1, 10.1)])
    report = import_boundaries(project, path)
    assert any("second feature for unit 28813" in f.text("en") for f in report.unmatched_features)
    assert project.geometries()["28813"].equals(GIAO_LONG)


def test_codes_that_lost_their_leading_zeros_or_became_numbers_still_match(project, tmp_path):
    assert normalise_code(4) == "00004" and normalise_code("4") == "00004" and normalise_code(28801.0) == "28801"
    path = write(tmp_path, "numeric.gpkg", [28813.0], [GIAO_LONG])
    assert "28813" in import_boundaries(project, path).matched


def test_decomposed_vietnamese_names_match(project, tmp_path):
    nfd = unicodedata.normalize("NFD", "Xã Giao Hòa")
    assert nfd != "Xã Giao Hòa"
    path = tmp_path / "nfd.geojson"
    gpd.GeoDataFrame({"ten": [nfd]}, geometry=[GIAO_LONG], crs="EPSG:4326").to_file(path)
    assert "28816" in import_boundaries(project, path, name_field="ten").matched


def test_text_that_is_not_utf8_does_not_crash_and_matching_by_code_still_works(project, tmp_path):
    feature = {"type": "Feature", "properties": {"gso_code": "28813", "name": "Giao Long"},
               "geometry": json.loads(gpd.GeoSeries([GIAO_LONG]).to_json())["features"][0]["geometry"]}
    feature["properties"]["name"] = "Giao Hòa"
    raw = json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False).encode("latin-1")
    assert b"\xf2" in raw                                 # not valid UTF-8
    path = tmp_path / "cp1258.geojson"
    path.write_bytes(raw)
    try:
        report = import_boundaries(project, path)
    except BoundaryError as exc:
        assert "cp1258.geojson" in exc.text("en")
        assert unchanged(project)
    else:
        assert "28813" in report.matched


def test_a_100000_vertex_polygon_is_imported(project, tmp_path):
    angles = np.linspace(0, 2 * np.pi, 100_000, endpoint=False)
    ring = np.column_stack([106.42 + 0.01 * np.cos(angles), 10.30 + 0.01 * np.sin(angles)])
    path = write(tmp_path, "dense.gpkg", ["28813"], [Polygon(ring)])
    report = import_boundaries(project, path)
    assert "28813" in report.matched
    assert report.areas["28813"][1] == pytest.approx(np.pi * 1.1 * 1.09, rel=0.1)


def test_a_huge_file_picked_by_mistake_is_refused_without_reading_it(project, tmp_path):
    path = tmp_path / "video.geojson"
    with open(path, "wb") as fh:
        fh.truncate(1024 ** 3)          # 1 GB, sparse: nothing to read in memory
    started = time.perf_counter()
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert "picked by mistake" in refused.value.text("en")
    assert time.perf_counter() - started < 5      # refused at once, not parsed
    assert unchanged(project)


def test_a_file_that_is_not_a_layer_is_refused(project, tmp_path):
    path = tmp_path / "notes.geojson"
    path.write_text("đây không phải GeoJSON", encoding="utf-8")
    with pytest.raises(BoundaryError) as refused:
        import_boundaries(project, path)
    assert refused.value.text("vi") == ("Tệp notes.geojson: không đọc được như tệp GeoJSON: tệp bị hỏng, "
                                        "bị cắt cụt hoặc không đúng định dạng.")
    assert unchanged(project)
