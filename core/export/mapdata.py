"""Shapes of a scenario's units for maps and geodata exports, in the metric CRS.

Imported boundaries when the project has them; otherwise schematic cells drawn
from the label points, and ``basis`` says "schematic" so every map and file
made from them can say so.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.domain.model import Dataset
from core.geo.geometry import METRIC_CRS, lonlat_to_metric, schematic_cells, to_metric, union
from core.law.evaluation import ScenarioResult

BOUNDARIES, SCHEMATIC = "boundaries", "schematic"


@dataclass
class ScenarioShapes:
    basis: str                          # BOUNDARIES or SCHEMATIC
    crs: str                            # the CRS of every geometry here
    units: dict[str, object]            # code → metric geometry of each old unit
    merged: dict[str, object]           # group id → dissolved geometry
    missing: list[str]                  # codes with no geometry


def unit_shapes(dataset: Dataset, geometries: dict | None) -> tuple[str, dict[str, object]]:
    """(basis, code → metric geometry) for every unit that has one."""
    if geometries:
        codes = [c for c in dataset.units if c in geometries]
        metric = to_metric(geometries[c] for c in codes)
        return BOUNDARIES, dict(zip(codes, metric))
    points = {c: lonlat_to_metric(u.label_lon, u.label_lat) for c, u in dataset.units.items()
              if u.label_lat is not None and u.label_lon is not None}
    return SCHEMATIC, schematic_cells(points)


def scenario_shapes(dataset: Dataset, result: ScenarioResult, geometries: dict | None) -> ScenarioShapes:
    basis, units = unit_shapes(dataset, geometries)
    merged = {}
    for g in result.groups:
        parts = [units[c] for c in g.group.members if c in units]
        if parts:
            merged[g.group.id] = union(parts)
    missing = [c for c in dataset.units if c not in units]
    return ScenarioShapes(basis, METRIC_CRS, units, merged, missing)
