"""The units after the merger as GeoPackage or GeoJSON (WGS84), for QGIS.

One feature per unit after the merger: dissolved geometry, name, kind, members,
area and population (the figures the evaluation uses), % of standard, verdict,
and ``geometry_basis`` ("boundaries" or "schematic": cells from label points,
not real boundaries).
"""
from __future__ import annotations

from pathlib import Path

from core.law.wording import kind_label

from .dossier import Dossier
from .mapdata import ScenarioShapes
from .narrative import DOC_LANG

LAYER = "don_vi_sau_sap_xep"


def after_frame(d: Dossier, shapes: ScenarioShapes):
    import geopandas as gpd
    rows, geoms = [], []
    for r in d.after:
        geom = shapes.merged.get(r.group.group.id) if r.group is not None else shapes.units.get(r.member_codes[0])
        rows.append({
            "name": r.name, "kind": r.kind, "kind_label": kind_label(r.kind, DOC_LANG),
            "merged": r.merged, "members": ",".join(r.member_codes),
            "member_names": ", ".join(r.member_names), "n_members": len(r.member_codes),
            "area_km2": round(r.area_km2, 4), "population": round(r.population),
            "area_pct": round(r.area_pct, 2), "population_pct": round(r.population_pct, 2),
            "seat": r.seat, "neighbours": ", ".join(r.neighbours),
            "verdict": r.verdict or "unchanged", "verdict_text": r.verdict_text, "exception": r.exception,
            "note": r.note,
            "geometry_basis": shapes.basis, "scenario": d.scenario_name, "rules": d.rules_id,
        })
        geoms.append(geom)
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=shapes.crs)
    return frame.to_crs("EPSG:4326")


def write_geo(path: Path, d: Dossier, shapes: ScenarioShapes) -> None:
    frame = after_frame(d, shapes)
    if path.suffix.lower() == ".gpkg":
        frame.to_file(path, driver="GPKG", layer=LAYER, engine="pyogrio")
    else:
        frame.to_file(path, driver="GeoJSON", engine="pyogrio")
