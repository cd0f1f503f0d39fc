"""Synthetic tessellations of any size, for benchmarks and tests without the national files.

``synthetic_layer(n)`` makes ``n`` commune-like polygons (Voronoi cells of jittered
grid points, clipped to a rectangle placed over Vietnam's latitude), grouped into
districts of ~12 and provinces of ~15 districts, with codes, names, kinds,
populations and a statistics table whose names are written as the census writes them
(no spaces). Deterministic for a given ``seed``.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from core.domain.model import CLASSIFICATIONS, Dataset, Figure, Unit
from core.geo.geometry import METRIC_CRS, adjacency_from_geometries, areas_km2

SYLLABLES = ("An", "Bình", "Châu", "Đông", "Giang", "Hòa", "Hưng", "Long", "Mỹ", "Phú", "Phước",
             "Quang", "Sơn", "Tân", "Thạnh", "Thành", "Tiên", "Trung", "Vĩnh", "Xuân", "Yên")
CELL_KM = 5.5                      # ~30 km² per commune, as in the lowlands


@dataclass
class SyntheticLayer:
    codes: list[str]
    names: list[str]                # with the type word: "Xã Tân Bình 12"
    kinds: list[str]
    provinces: list[str]
    districts: list[str]
    populations: np.ndarray
    lonlat: np.ndarray              # WGS84 polygons
    metric: np.ndarray              # same polygons in the project's metric CRS


def _name(i: int) -> str:
    a, b = SYLLABLES[i % len(SYLLABLES)], SYLLABLES[(i // len(SYLLABLES)) % len(SYLLABLES)]
    return f"{a} {b} {i}"


def synthetic_layer(n: int, seed: int = 1) -> SyntheticLayer:
    if n < 2:
        raise ValueError("a tessellation needs at least two units")
    rng = np.random.default_rng(seed)
    side = math.ceil(math.sqrt(n))
    rows = math.ceil(n / side)
    step = CELL_KM * 1000
    ij = np.array([(i % side, i // side) for i in range(n)], dtype=float)
    pts = (ij + 0.5 + rng.uniform(-0.35, 0.35, size=(n, 2))) * step
    frame = shapely.box(0, 0, side * step, rows * step)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=frame))
    cells = shapely.intersection(cells, frame)
    # Voronoi output order is not the input order: pair each cell with the point inside it.
    tree = shapely.STRtree(cells)
    pi, ci = tree.query(shapely.points(pts), predicate="within")
    order = np.empty(n, dtype=int)
    order[pi] = ci
    metric = cells[order]
    from pyproj import Transformer
    to_ll = Transformer.from_crs(METRIC_CRS, "EPSG:4326", always_xy=True)
    offset = np.array([-300_000.0, -600_000.0])          # south-west of the CRS origin
    metric = shapely.transform(metric, lambda xy: xy + offset)
    lonlat = shapely.transform(metric, lambda xy: np.column_stack(to_ll.transform(xy[:, 0], xy[:, 1])))
    district_of = (ij[:, 0] // 4) + (ij[:, 1] // 3) * math.ceil(side / 4)
    province_of = (ij[:, 0] // 16) + (ij[:, 1] // 15) * math.ceil(side / 16)
    kinds = ["thi_tran" if i % 12 == 0 else "phuong" if i % 23 == 0 else "xa" for i in range(n)]
    word = {"xa": "Xã", "thi_tran": "Thị trấn", "phuong": "Phường"}
    pops = np.round(rng.lognormal(mean=math.log(8000), sigma=0.6, size=n))
    return SyntheticLayer(
        codes=[f"{9000000 + i}" for i in range(n)],
        names=[f"{word[k]} {_name(i)}" for i, k in enumerate(kinds)],
        kinds=kinds,
        provinces=[f"Tỉnh {_name(int(p))}" for p in province_of],
        districts=[f"Huyện {_name(int(d))}" for d in district_of],
        populations=pops, lonlat=lonlat, metric=metric)


def synthetic_dataset(n: int, seed: int = 1, tolerance_m: float = 0.0):
    """(Dataset, {code: WGS84 geometry}) for ``n`` units; adjacency from the shared edges."""
    layer = synthetic_layer(n, seed)
    areas = areas_km2(layer.metric)
    units = {}
    for i, code in enumerate(layer.codes):
        units[code] = Unit(
            code=code, name=layer.names[i].split(" ", 1)[1] if layer.kinds[i] != "thi_tran"
            else layer.names[i][len("Thị trấn "):], kind=layer.kinds[i],
            population=Figure(float(layer.populations[i]), "synthetic", "2019", "synthetic"),
            area=Figure(round(float(areas[i]), 4), "synthetic polygons", "2019", "approximate (synthetic)"),
            parent="thanh_pho" if layer.kinds[i] == "phuong" else "",
            province=layer.provinces[i], district=layer.districts[i],
            defaulted=frozenset(CLASSIFICATIONS) - {"province_type"})
    adjacency = adjacency_from_geometries(layer.codes, layer.metric, tolerance_m=tolerance_m)
    dataset = Dataset(f"Synthetic tessellation, {n} units", units, set(adjacency), {"source": "synthetic"})
    return dataset, dict(zip(layer.codes, layer.lonlat)), adjacency


def write_synthetic_files(n: int, directory: Path, seed: int = 1,
                          columns: dict[str, list[str]] | None = None) -> tuple[Path, Path]:
    """A GeoJSON layer (names with type words) and a census-style CSV (names without spaces);
    ``columns`` adds columns to the table (name → one cell per unit, e.g. ``terrain``)."""
    columns = columns or {}
    import geopandas as gpd
    layer = synthetic_layer(n, seed)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    gdf = gpd.GeoDataFrame({"commune_id": layer.codes, "commune_vn": layer.names,
                            "district_vn": layer.districts,
                            "province_vn": [p.removeprefix("Tỉnh ") for p in layer.provinces]},
                           geometry=layer.lonlat, crs="EPSG:4326")
    geo = directory / f"synthetic_{n}.geojson"
    gdf.to_file(geo, driver="GeoJSON")
    title = {"xa": "Xã", "thi_tran": "ThịTrấn", "phuong": "Phường"}
    csv_path = directory / f"synthetic_{n}.csv"
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ward_id", "city", "district", "ward", "city_title", "dist_title", "ward_title", "total",
                    *columns])
        for i in range(n):
            bare = layer.names[i].split(" ", 2 if layer.kinds[i] == "thi_tran" else 1)[-1]
            w.writerow([f"S{i}", layer.provinces[i].removeprefix("Tỉnh ").replace(" ", ""),
                        layer.districts[i].removeprefix("Huyện ").replace(" ", ""),
                        bare.replace(" ", ""), "Tỉnh", "Huyện", title[layer.kinds[i]],
                        int(layer.populations[i]), *(cells[i] for cells in columns.values())])
    return geo, csv_path
