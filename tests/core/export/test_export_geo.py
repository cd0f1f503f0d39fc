"""GeoPackage and GeoJSON of the units after the merger, read back with geopandas."""
import geopandas as gpd
import pytest

from core.export import export_scenario
from core.export.geo import LAYER
from core.imports.boundaries import import_boundaries


@pytest.fixture
def exported(project, tmp_path):
    def run(suffix):
        target = tmp_path / f"don-vi{suffix}"
        export_scenario(project, project.get_scenario("Phương án 2019"), target)
        return gpd.read_file(target, layer=LAYER) if suffix == ".gpkg" else gpd.read_file(target)
    return run


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_one_feature_per_unit_after_the_merger(exported, suffix):
    frame = exported(suffix)
    assert len(frame) == 19
    assert frame.crs.to_epsg() == 4326
    giao_long = frame[frame["name"] == "Giao Long"].iloc[0]
    assert giao_long["members"] == "28813,28816" and giao_long["member_names"] == "Giao Long, Giao Hòa"
    assert giao_long["population"] == 8699 and giao_long["area_km2"] == pytest.approx(11.209)
    assert giao_long["kind"] == "xa" and giao_long["verdict"] == "fails"
    assert set(frame["geometry_basis"]) == {"schematic"}
    assert frame.geometry.is_valid.all() and not frame.geometry.is_empty.any()


def test_merged_geometry_is_the_dissolved_members(project, exported, chau_thanh_geojson):
    import_boundaries(project, chau_thanh_geojson)
    frame = exported(".gpkg")
    assert set(frame["geometry_basis"]) == {"boundaries"}
    metric = frame.to_crs("EPSG:32648")
    giao_long = metric[metric["name"] == "Giao Long"].geometry.iloc[0]
    units = gpd.read_file(chau_thanh_geojson).to_crs("EPSG:32648")
    code_field = "gso_code"
    members = units[units[code_field].astype(str).isin(["28813", "28816"])].geometry.union_all()
    assert giao_long.symmetric_difference(members).area / members.area < 0.01
    assert giao_long.geom_type == "Polygon"          # dissolved: one piece, no inner border
