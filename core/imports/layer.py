"""Read a boundary layer and bring it to longitude/latitude: the first steps of every import.

``read_layer`` refuses in words what is not a layer of polygons (no such file, empty,
far too large, a table given as a layer, several layers and none chosen, a file GDAL
cannot read) — never with GDAL's own text. ``check_coordinates`` finds the features
whose coordinates are not numbers, ``to_wgs84`` reprojects (or takes degrees as WGS84
when the file says nothing), and puts swapped latitude/longitude back.
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from core.common.messages import Message
from core.common.text import nfc
from core.imports.steps import BoundaryError

MAX_LAYER_BYTES = 512 * 1024 * 1024
TABLE_SUFFIXES = {".csv": "CSV", ".tsv": "CSV", ".txt": "CSV", ".xlsx": "Excel", ".xls": "Excel",
                  ".xlsm": "Excel", ".ods": "OpenDocument"}
LAYER_FORMATS = {".gpkg": "GeoPackage", ".shp": "Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON",
                 ".zip": "Shapefile (zip)", ".kml": "KML", ".gml": "GML", ".fgb": "FlatGeobuf"}
SINGLE_LAYER = {".geojson", ".json", ".shp", ".fgb"}
# Vietnam with its islands (Hoàng Sa, Trường Sa) and a margin, in degrees.
VIETNAM_LONLAT = (101.0, 6.0, 118.0, 24.0)


@dataclass
class Layer:
    """The features of one layer, read; ``notes`` say what was assumed or corrected."""

    path: Path
    name: str                                  # the layer's name within the file
    frame: object                              # a GeoDataFrame
    layers: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def columns(self) -> list[str]:
        return [c for c in self.frame.columns if c != self.frame.geometry.name]

    @property
    def geometries(self) -> np.ndarray:
        return np.asarray(self.frame.geometry.values, dtype=object)

    def values(self, column: str) -> list:
        return list(self.frame[column])


def cell_text(value: object) -> str:
    """A cell of the layer's attribute table as NFC text ("" when empty or NaN)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return nfc(str(value))


def where_file(path: Path | str) -> Message:
    return Message("imports.where.file", file=Path(path).name)


def list_layers(path: Path | str) -> list[str]:
    """The layers of ``path`` that hold geometries (a GeoPackage may have several)."""
    path = _check_file(Path(path))
    return [name for name, _ in _layers(path) if _ is not None]


def _check_file(path: Path) -> Path:
    where = where_file(path)
    if not path.exists():
        raise BoundaryError("imports.file.missing", where=where)
    if not os.access(path, os.R_OK):
        raise BoundaryError("imports.file.no_permission", where=where)
    if path.is_file():
        size = path.stat().st_size
        if size == 0:
            raise BoundaryError("imports.file.empty", where=where)
        if size > MAX_LAYER_BYTES:
            raise BoundaryError("imports.file.too_large", where=where, gb=size / 2**30,
                                limit_mb=MAX_LAYER_BYTES // 2**20)
    kind = TABLE_SUFFIXES.get(path.suffix.lower())
    if kind:
        raise BoundaryError("imports.file.table_not_layer", where=where, kind=kind)
    return path


def _unreadable(path: Path, exc: Exception) -> BoundaryError:
    """A GDAL failure in the planner's words (GDAL's own text stays out of it)."""
    where = where_file(path)
    if isinstance(exc, MemoryError):
        return BoundaryError("imports.file.too_large_memory", where=where)
    fmt = LAYER_FORMATS.get(path.suffix.lower())
    if fmt:
        return BoundaryError("imports.file.damaged", where=where, format=fmt)
    return BoundaryError("imports.file.not_a_layer", where=where)


def _layers(path: Path) -> list[tuple[str, str | None]]:
    import pyogrio
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [(str(n), t) for n, t in pyogrio.list_layers(path)]
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise _unreadable(path, exc) from None


def read_layer(path: Path | str, layer: str | None = None) -> Layer:
    """The features of the layer ``layer`` of ``path`` (the only one when None)."""
    import geopandas as gpd
    path = _check_file(Path(path))
    where = where_file(path)
    if path.suffix.lower() in SINGLE_LAYER and layer is None:
        found = None                       # listing would parse a GeoJSON twice
    else:
        found = _layers(path)
        spatial = [name for name, geom_type in found if geom_type is not None]
        if not spatial:
            raise BoundaryError("imports.file.no_geometry", where=where)
        if layer is None:
            if len(spatial) > 1:
                raise BoundaryError("imports.file.several_layers", where=where, layers=spatial)
            layer = spatial[0]
        elif layer not in spatial:
            raise BoundaryError("imports.file.no_such_layer", where=where, layer=layer, layers=spatial)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = gpd.read_file(path, layer=layer) if layer is not None else gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise _unreadable(path, exc) from None
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None:
        raise BoundaryError("imports.file.no_geometry", where=where)
    if len(frame) == 0:
        raise BoundaryError("imports.layer.no_features", where=where)
    spatial = [name for name, geom_type in found if geom_type is not None] if found else [layer or path.stem]
    return Layer(path, layer or path.stem, frame, spatial)


def bad_coordinates(geoms: np.ndarray) -> np.ndarray:
    """Indices of the features with a coordinate that is not a finite number (NaN, ∞)."""
    coords, index = shapely.get_coordinates(geoms, return_index=True)
    if coords.size == 0:
        return np.empty(0, dtype=int)
    bad = ~np.isfinite(coords).all(axis=1)
    return np.unique(index[bad]) if bad.any() else np.empty(0, dtype=int)


def _bounds(geoms: np.ndarray) -> tuple[float, float, float, float] | None:
    b = shapely.bounds(geoms)
    b = b[np.isfinite(b).all(axis=1)]
    if not len(b):
        return None
    return float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())


def to_wgs84(layer: Layer, skip: np.ndarray | None = None) -> None:
    """Bring ``layer`` to WGS84 longitude/latitude in place; ``skip``: features not to look at."""
    frame = layer.frame
    geoms = layer.geometries
    looked = geoms if skip is None or not len(skip) else np.delete(geoms, skip)
    bounds = _bounds(looked)
    where = where_file(layer.path)
    if frame.crs is None:
        if bounds is None or not (-180 <= bounds[0] and bounds[2] <= 180 and -90 <= bounds[1] and bounds[3] <= 90):
            raise BoundaryError("imports.crs.missing_not_degrees", where=where)
        frame = frame.set_crs("EPSG:4326")
        layer.notes.append(Message("imports.note.no_crs_wgs84"))
    elif not frame.crs.equals("EPSG:4326"):
        crs_name = frame.crs.to_string()
        try:
            frame = frame.to_crs("EPSG:4326")
        except Exception:  # pyproj: a CRS it cannot transform from
            raise BoundaryError("imports.crs.cannot_reproject", where=where, crs=crs_name) from None
        layer.notes.append(Message("imports.note.reprojected", crs=crs_name))
        geoms = np.asarray(frame.geometry.values, dtype=object)
        bounds = _bounds(geoms if skip is None or not len(skip) else np.delete(geoms, skip))
    if bounds is not None:
        minx, miny, maxx, maxy = bounds
        if 0 <= minx and maxx <= 30 and 95 <= miny and maxy <= 120:
            swapped = shapely.transform(np.asarray(frame.geometry.values, dtype=object), lambda xy: xy[:, ::-1])
            frame = frame.set_geometry(swapped, crs="EPSG:4326")
            layer.notes.append(Message("imports.note.swapped"))
    layer.frame = frame


def outside_vietnam(points: np.ndarray) -> np.ndarray:
    """Which of the lon/lat ``points`` (n × 2) lie outside Vietnam and its islands."""
    x0, y0, x1, y1 = VIETNAM_LONLAT
    if not len(points):
        return np.zeros(0, dtype=bool)
    return ~((points[:, 0] >= x0) & (points[:, 0] <= x1) & (points[:, 1] >= y0) & (points[:, 1] <= y1))
