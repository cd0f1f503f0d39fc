"""Geometry: metric projection, areas, adjacency from shared boundaries, unions,
and the schematic map drawn from label points when no boundaries are imported."""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon

# Albers equal-area fitted to Vietnam: areas in m², lengths in m, shapes true enough to draw.
METRIC_CRS = ("+proj=aea +lat_0=16 +lon_0=106 +lat_1=10 +lat_2=21 +x_0=0 +y_0=0 "
              "+datum=WGS84 +units=m +no_defs")
MIN_SHARED_M = 20.0          # a boundary shared over less than this is a corner touch

_TRANSFORMER = None


def _transformer():
    global _TRANSFORMER
    if _TRANSFORMER is None:
        from pyproj import Transformer
        _TRANSFORMER = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    return _TRANSFORMER


def to_metric(geoms: Iterable) -> np.ndarray:
    """Project WGS84 (lon/lat) geometries to the metric CRS."""
    arr = np.asarray(list(geoms), dtype=object)
    if arr.size == 0:
        return arr
    t = _transformer()
    return shapely.transform(arr, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def lonlat_to_metric(lon: float, lat: float) -> tuple[float, float]:
    return _transformer().transform(lon, lat)


def to_metric_xy(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Many lon/lat points to the metric CRS at once."""
    return _transformer().transform(lon, lat)


def simplified(metric_geoms, tolerance_m: float) -> np.ndarray:
    """Each geometry simplified within ``tolerance_m`` (Douglas–Peucker), all at once.

    For drawing a far view, where a vertex closer than a fraction of a pixel to the line
    through its neighbours cannot be seen. A geometry that would vanish keeps its full shape.
    """
    geoms = np.asarray(metric_geoms, dtype=object)
    if geoms.size == 0:
        return geoms
    out = shapely.simplify(geoms, tolerance_m, preserve_topology=False)
    lost = shapely.is_empty(out) & ~shapely.is_empty(geoms)
    out[lost] = geoms[lost]
    return out


def areas_km2(metric_geoms: np.ndarray) -> np.ndarray:
    return shapely.area(metric_geoms) / 1e6


def adjacency_from_geometries(codes: list[str], metric_geoms: np.ndarray,
                              tolerance_m: float = 0.0,
                              min_shared_m: float = MIN_SHARED_M,
                              tick: Callable[[float], None] | None = None) -> dict[tuple[str, str], float]:
    """Pairs of units sharing a boundary longer than ``min_shared_m`` → shared length (m).

    With ``tolerance_m`` > 0 (polygons simplified one by one, leaving gaps and
    overlaps), boundaries closer than the tolerance count as shared: the length
    is measured on one boundary inside the other polygon grown by the tolerance.
    ``tick(fraction)`` is called as the work goes (it may raise to stop it).
    """
    tick = tick or _no_tick
    geoms = np.asarray(metric_geoms, dtype=object)
    tick(0.0)
    tree = shapely.STRtree(geoms)
    # Each polygon is grown once (not once per candidate pair): same result, a few times faster.
    grown = shapely.buffer(geoms, tolerance_m) if tolerance_m > 0 else geoms
    tick(0.1)
    left, right = tree.query(grown, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    tick(0.2)
    if left.size == 0:
        return {}
    bounds = shapely.boundary(geoms)
    if tolerance_m > 0:
        # Count the overlap of both boundaries with each other's grown polygon; take the smaller.
        lengths = np.minimum(_shared_lengths(bounds[left], grown[right], _scaled(tick, 0.2, 0.6)),
                             _shared_lengths(bounds[right], grown[left], _scaled(tick, 0.6, 1.0)))
    else:
        lengths = _shared_lengths(bounds[left], bounds[right], _scaled(tick, 0.2, 1.0))
    out: dict[tuple[str, str], float] = {}
    for i, j, length in zip(left, right, lengths):
        if length >= min_shared_m:
            a, b = codes[i], codes[j]
            out[(a, b) if a < b else (b, a)] = float(length)
    return out


def _no_tick(fraction: float) -> None:
    pass


def _scaled(tick: Callable[[float], None], lo: float, hi: float) -> Callable[[float], None]:
    return lambda f: tick(lo + (hi - lo) * f)


def _shared_lengths(a: np.ndarray, b: np.ndarray, tick: Callable[[float], None] = _no_tick) -> np.ndarray:
    """``length(intersection(a[i], b[i]))`` for every i, split over the machine's cores
    (shapely releases the GIL inside its vectorised operations), in chunks so that
    ``tick`` can report (and stop) the work as it goes."""
    workers = min(os.cpu_count() or 1, 4)
    if a.size < 2000:
        out = shapely.length(shapely.intersection(a, b))
        tick(1.0)
        return out
    bounds = np.linspace(0, a.size, 4 * workers + 1).astype(int)
    parts = [slice(lo, hi) for lo, hi in itertools.pairwise(bounds)]
    done = []
    with ThreadPoolExecutor(workers) as pool:
        try:
            for k, part in enumerate(pool.map(lambda sl: shapely.length(shapely.intersection(a[sl], b[sl])), parts)):
                done.append(part)
                tick((k + 1) / len(parts))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return np.concatenate(done)


def union(geoms: Iterable) -> object:
    return shapely.union_all(np.asarray(list(geoms), dtype=object))


def schematic_cells(points: dict[str, tuple[float, float]], margin_m: float = 1500.0) -> dict[str, Polygon]:
    """Voronoi cells of metric label points, clipped to their buffered convex hull.

    A schematic only: it shows which unit lies where, not its true shape or area.
    """
    codes = list(points)
    if not codes:
        return {}
    pts = MultiPoint([points[c] for c in codes])
    hull = pts.convex_hull.buffer(margin_m, join_style="round")
    cells = shapely.voronoi_polygons(pts, extend_to=hull)
    out: dict[str, Polygon] = {}
    for cell in shapely.get_parts(cells):
        clipped = cell.intersection(hull)
        for code in codes:
            if code not in out and clipped.contains(shapely.Point(points[code])):
                out[code] = clipped
                break
    return out
