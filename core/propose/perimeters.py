"""Each unit's boundary length, in metres, for the compactness tie-break."""
from __future__ import annotations


def perimeters(geometries: dict) -> dict[str, float]:
    """Unit code → perimeter in metres of its boundary (WGS84 shapes, measured in a metric
    projection); empty when the project has no boundaries."""
    if not geometries:
        return {}
    import shapely

    from core.geo.geometry import to_metric
    codes = list(geometries)
    metric = to_metric([geometries[c] for c in codes])
    return dict(zip(codes, (float(x) for x in shapely.length(metric))))
