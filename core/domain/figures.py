"""Figure sets: the population and area of units as of a reference date, laid over a dataset.

A project holds several (the 2019 census, the figures as of 31/12/2024 …); the evaluation
reads the one chosen, says which it read, and warns when the rule set expects figures of
another date. ``with_figures`` gives the dataset with the set's figures in place of the
units' own: a unit the set has no figure for keeps its own, and is counted.
"""
from __future__ import annotations

from dataclasses import replace

from core.domain.model import Dataset, Figure


def with_figures(dataset: Dataset, name: str, source: str, date: str, values: dict[str, dict]) -> Dataset:
    """``dataset`` with the figures of the set ``name`` (code → {"population", "area_km2"})."""
    units = dict(dataset.units)
    kept = 0
    for code, unit in dataset.units.items():
        given = values.get(code)
        if not given:
            kept += 1
            continue
        changes = {}
        if given.get("population") is not None:
            changes["population"] = Figure(float(given["population"]), source, date, "figure_set")
        if given.get("area_km2") is not None:
            changes["area"] = Figure(float(given["area_km2"]), source, date,
                                     unit.area.basis if unit.area.basis.startswith("official") else "figure_set")
        units[code] = replace(unit, **changes)
    meta = dict(dataset.meta)
    meta["figures"] = {"name": name, "source": source, "date": date, "units_without": kept}
    return Dataset(dataset.name, units, set(dataset.adjacency), meta)


def own_figures(dataset: Dataset) -> dict:
    """What the dataset's own figures are: their source and the reference date most units carry."""
    dates: dict[str, int] = {}
    sources: dict[str, int] = {}
    for unit in dataset.units.values():
        dates[unit.population.date] = dates.get(unit.population.date, 0) + 1
        sources[unit.population.source] = sources.get(unit.population.source, 0) + 1
    date = max(dates, key=dates.get) if dates else ""
    source: object = max(sources, key=sources.get) if sources else ""
    for item in dataset.meta.get("sources", []):
        if item.get("what") == "population" and item.get("source"):
            # The dataset's own words, in both languages ({"vi", "en"}: shown in the reader's).
            source = {"vi": item.get("source_vi") or item["source"], "en": item["source"]}
            date = str(item.get("date") or date)
    return {"name": "", "source": source, "date": date, "units_without": 0}
