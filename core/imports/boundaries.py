"""Import a boundary layer (GeoPackage, Shapefile, GeoJSON) into a project.

Two stages. ``plan_boundaries(dataset, path, …)`` reads the layer, checks its
coordinates, brings it to WGS84, matches features to the project's units by a code
field or by name (diacritics- and case-insensitive), repairs invalid geometries,
computes areas and adjacency from shared boundary length, and returns a
``BoundaryPlan``: its ``report`` is the preview (matched and unmatched, areas against
the recorded ones, neighbour pairs before → after, warnings), and nothing is written.
``apply_boundaries(project, plan)`` stores it in one transaction, keeping the previous
boundaries so the import can be undone. ``import_boundaries`` does both.

The official figures stay the basis of eligibility: the computed area is reported beside them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from core.common.messages import Message
from core.common.text import name_key, normalise_code
from core.domain.model import Dataset
from core.geo.geometry import adjacency_from_geometries, to_metric_xy
from core.imports.layer import Layer, cell_text, read_layer, to_wgs84, where_file
from core.imports.report import BoundaryReport
from core.imports.shapes import ShapeReport, check_features, feature_where, measure, repair
from core.imports.steps import BoundaryError, Cancelled, Progress, Steps, as_steps, check_tolerance

__all__ = ["BoundaryError", "BoundaryPlan", "BoundaryReport", "Cancelled", "apply_boundaries",
           "check_tolerance", "import_boundaries", "plan_boundaries"]

CODE_FIELDS = ("gso_code", "ma_xa", "maxa", "ma_dvhc", "code", "ma", "commune_id")
NAME_FIELDS = ("name", "ten", "ten_xa", "tenxa", "commune_vn", "full_name", "commune")
FAR_KM = 10.0                 # a feature this far from its unit's recorded point is suspect
PAIRS_DROP = 0.5              # warn when fewer than this share of the neighbour pairs is left


@dataclass
class BoundaryPlan:
    """What importing the layer would change, computed without writing (the preview)."""

    report: BoundaryReport
    wkb: dict[str, bytes] = field(default_factory=dict)
    areas: dict[str, float] = field(default_factory=dict)
    adjacency: dict[tuple[str, str], float] = field(default_factory=dict)
    base_units: frozenset[str] = frozenset()          # the project the plan was made for
    base_adjacency: frozenset[tuple[str, str]] = frozenset()
    base_revision: str = "0"                          # its boundaries_revision
    fields: tuple[str, ...] = ()                      # the layer's fields (to match by another one)
    key: tuple[str, str] = ("", "")                   # ("code" | "name", the field matched by)


def _pick_field(layer: Layer, wanted: str | None, candidates: tuple[str, ...], what: str) -> str | None:
    columns = layer.columns
    lower = {c.lower(): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if wanted.lower() in lower:
            return lower[wanted.lower()]
        raise BoundaryError("imports.field.missing", where=where_file(layer.path), field=wanted,
                            role=Message(f"imports.role.{what}"), fields=columns)
    return next((lower[c] for c in candidates if c in lower), None)


def _any_code_matches(values: list, dataset: Dataset) -> bool:
    for value in values:
        try:
            if value is not None and normalise_code(value) in dataset.units:
                return True
        except ValueError:
            continue
    return False


def _match(layer: Layer, dataset: Dataset, codes: list | None, names: list[str] | None,
           usable: np.ndarray, report: BoundaryReport, where) -> dict[str, int]:
    """Unit code → index of its feature; what cannot be matched is reported by feature.

    Two features for one unit: by code, the first is kept; by name (a layer wider than
    the project has namesakes), the one nearest to where the project places the unit.
    """
    by_key: dict[str, list[str]] = {}
    for code, unit in dataset.units.items():
        by_key.setdefault(name_key(unit.name), []).append(code)
    candidates: dict[str, list[int]] = {}
    for idx in range(len(layer.frame)):
        if codes is not None:
            try:
                code = normalise_code(codes[idx]) if codes[idx] is not None else None
            except ValueError:
                code = None
        else:
            cands = by_key.get(name_key(names[idx]), [])
            if len(cands) > 1:
                report.unmatched_features.append(Message("imports.unmatched.several_units", where=where(idx),
                                                         units=[dataset.units[c].name for c in cands]))
                continue
            code = cands[0] if cands else None
        if code is None or code not in dataset.units:
            report.unmatched_features.append(Message("imports.unmatched.no_unit", where=where(idx)))
            continue
        if usable[idx]:                           # an unusable one was refused already, by name
            candidates.setdefault(code, []).append(idx)
    found: dict[str, int] = {}
    geoms = layer.geometries
    for code, idxs in candidates.items():
        chosen = idxs[0]
        unit = dataset.units[code]
        if len(idxs) > 1 and codes is None and unit.label_lon is not None:
            point = shapely.Point(unit.label_lon, unit.label_lat)
            chosen = min(idxs, key=lambda i: shapely.distance(geoms[i], point))
        found[code] = chosen
        for idx in idxs:
            if idx != chosen:
                report.unmatched_features.append(Message("imports.unmatched.second_feature", where=where(idx),
                                                         unit=code, first=chosen + 1))
    return found


def _keys(source: Layer, dataset: Dataset, code_field: str | None, name_field: str | None,
          report: BoundaryReport) -> tuple[list | None, list[str] | None]:
    """The codes (or None: match by name) and the names of the features, from the fields chosen
    or found; a code field whose codes are not the project's gives way to the names."""
    cfield = _pick_field(source, code_field, CODE_FIELDS, "code") if not name_field else None
    nfield = _pick_field(source, name_field, NAME_FIELDS, "name") if not code_field else None
    if cfield and nfield and not code_field and not _any_code_matches(source.values(cfield), dataset):
        report.notes.append(Message("imports.note.codes_not_ours", field=cfield, name_field=nfield))
        cfield = None
    if cfield is None and nfield is None:
        raise BoundaryError("imports.field.none_found", where=where_file(source.path), fields=source.columns)
    report.match_by = Message("imports.match_by.code" if cfield else "imports.match_by.name",
                              field=cfield or nfield)
    return (source.values(cfield) if cfield else None,
            [cell_text(n) for n in source.values(nfield)] if nfield else None)


def _compare_adjacency(dataset: Dataset, adjacency: dict[tuple[str, str], float], report: BoundaryReport) -> None:
    """Neighbour pairs before → after; units without a boundary keep their recorded pairs."""
    old = dataset.adjacency
    new = set(adjacency)
    missing = set(report.unmatched_units)
    kept = {p for p in old if p[0] in missing or p[1] in missing}
    for p in kept:
        adjacency.setdefault(p, float("nan"))
    report.adjacency = adjacency
    report.adjacency_before = len(old)
    report.adjacency_added = sorted(new - old)
    report.adjacency_removed = sorted(old - new - kept)
    if len(old) >= 4 and len(adjacency) < PAIRS_DROP * len(old):
        report.warnings.append(Message("imports.warning.pairs_drop", before=len(old), after=len(adjacency)))


def plan_boundaries(dataset: Dataset, path: str | Path, code_field: str | None = None,
                    name_field: str | None = None, tolerance_m: float = 0.0, layer: str | None = None,
                    progress: Progress | None = None, cancelled=None, steps: Steps | None = None) -> BoundaryPlan:
    """Read, check, repair, match and measure ``path`` against ``dataset``; writes nothing."""
    steps = as_steps(progress, cancelled, steps)
    tolerance_m = check_tolerance(tolerance_m)
    path = Path(path)
    steps(0.0, "read")
    source = read_layer(path, layer)
    report = BoundaryReport(str(path), layer=source.name if len(source.layers) > 1 else "",
                            features=len(source.frame), tolerance_m=tolerance_m)
    shapes = ShapeReport(report.repaired, report.rejected)
    raw_codes, raw_names = _keys(source, dataset, code_field, name_field, report)

    def where(i: int) -> Message:
        return feature_where(i, code=raw_codes[i] if raw_codes else None, name=raw_names[i] if raw_names else "")

    steps(0.3, "coordinates")
    usable = check_features(source.geometries, where, shapes)
    steps(0.35, "crs")
    to_wgs84(source, np.flatnonzero(~usable))
    report.notes.extend(source.notes)
    usable = check_features(source.geometries, where, shapes, lonlat=True, usable=usable)

    steps(0.4, "match")
    found = _match(source, dataset, raw_codes, raw_names, usable, report, where)
    steps(0.5, "repair")
    order = list(found)
    idx = np.array([found[c] for c in order], dtype=int)
    geoms = repair(source.geometries[idx], lambda k: where(int(idx[k])), shapes)
    keep = np.array([g is not None for g in geoms], dtype=bool)
    codes = [c for c, k in zip(order, keep) if k]
    geoms = geoms[keep] if len(geoms) else geoms
    report.matched = {c: found[c] for c in codes}
    report.unmatched_units = [c for c in dataset.units if c not in report.matched]
    report.unit_names = {c: u.name for c, u in dataset.units.items()}
    if not codes:
        raise BoundaryError("imports.nothing_matched", where=where_file(path), match_by=report.match_by)

    steps(0.6, "areas")
    measured = measure(geoms)
    for code, area in zip(codes, measured.areas):
        report.areas[code] = (dataset.units[code].area.value, float(area))
    _far_features(dataset, codes, measured, report)
    adjacency = adjacency_from_geometries(codes, measured.metric, tolerance_m=tolerance_m,
                                          tick=steps.part(0.7, 0.95, "adjacency").ticker())
    _compare_adjacency(dataset, adjacency, report)
    steps(1.0)
    wkb = shapely.to_wkb(geoms)
    return BoundaryPlan(report, dict(zip(codes, wkb)), dict(zip(codes, map(float, measured.areas))),
                        adjacency, frozenset(dataset.units), frozenset(dataset.adjacency),
                        str(dataset.meta.get("boundaries_revision", "0")), tuple(source.columns),
                        (report.match_by.code.rsplit(".", 1)[-1], str(report.match_by.params.get("field", ""))))


def _far_features(dataset: Dataset, codes: list[str], measured, report: BoundaryReport) -> None:
    """Warn about features lying far from where the project records their unit."""
    have = [(k, dataset.units[c]) for k, c in enumerate(codes) if dataset.units[c].label_lon is not None]
    if not have:
        return
    ks = np.array([k for k, _ in have])
    x, y = to_metric_xy(np.array([u.label_lon for _, u in have]), np.array([u.label_lat for _, u in have]))
    km = shapely.distance(measured.metric[ks], shapely.points(np.column_stack([x, y]))) / 1000.0
    far = [(float(d), codes[k]) for d, k in zip(km, ks) if d > FAR_KM]
    if far:
        far.sort(reverse=True)
        report.far = [c for _, c in far]
        report.warnings.append(Message(
            "imports.warning.far", count=len(far), km=FAR_KM,
            examples=[Message("imports.far_item", name=dataset.units[c].name, code=c, km=d)
                      for d, c in far[:5]]))


def apply_boundaries(project, plan: BoundaryPlan, progress: Progress | None = None, cancelled=None,
                     steps: Steps | None = None) -> BoundaryReport:
    """Store the plan in one transaction (the previous boundaries are kept for undo).

    Refused when the project changed since the plan was made (another import, a unit
    paired by hand): the plan would overwrite what it did not see.
    """
    steps = as_steps(progress, cancelled, steps)
    steps(0.0, "store")

    def unchanged(conn) -> None:
        units = {r[0] for r in conn.execute("select code from units")}
        pairs = {(a, b) for a, b in conn.execute("select code_a, code_b from adjacency")}
        row = conn.execute("select value from meta where key = 'boundaries_revision'").fetchone()
        revision = row[0] if row else "0"
        if units != plan.base_units or pairs != plan.base_adjacency or revision != plan.base_revision:
            raise BoundaryError("imports.project_changed", where=where_file(plan.report.path))

    project.store_boundaries(plan.wkb, plan.areas, plan.adjacency, check=unchanged)
    plan.report.applied = True
    steps(1.0, "done", check=False)                 # written: too late to cancel
    return plan.report


def import_boundaries(project, path: str | Path, code_field: str | None = None,
                      name_field: str | None = None, tolerance_m: float = 0.0,
                      progress: Progress | None = None, cancelled=None, store: bool = True,
                      layer: str | None = None) -> BoundaryReport:
    """Plan and (unless ``store`` is False) apply a boundary layer; returns the report."""
    steps = as_steps(progress, cancelled)
    plan = plan_boundaries(project.dataset, path, code_field, name_field, tolerance_m, layer,
                           steps=steps.part(0.0, 0.9))
    if store:
        apply_boundaries(project, plan, steps=steps.part(0.9, 1.0))
    return plan.report
