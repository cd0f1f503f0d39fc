"""A statistics table as a figure set of the project: population and area by unit, as of a date.

Each row is matched to a unit of the chosen state by its code, else by its name (without
the type word, case and tone marks folded) within its district when one unit has it; the
report says how many matched which way, which rows matched nothing, which units got no
figure, and every figure that changes (old → new).
"""
from __future__ import annotations

from pathlib import Path

from core.common.text import fold, strip_type
from core.domain.model import Dataset
from core.imports.stats_table import read_stats_table
from core.storage.states import FigureSet


def match_figures(path: str | Path, dataset: Dataset, name: str, source: str, date: str) -> tuple[FigureSet, dict]:
    table = read_stats_table(path)
    by_name: dict[tuple[str, str], list[str]] = {}
    by_plain_name: dict[str, list[str]] = {}
    for code, unit in dataset.units.items():
        by_name.setdefault((fold(unit.district), fold(strip_type(unit.name))), []).append(code)
        by_plain_name.setdefault(fold(strip_type(unit.name)), []).append(code)
    values: dict[str, dict] = {}
    by_code = by_names = 0
    unmatched: list[str] = []
    for row in table.rows:
        code = row.code if row.code in dataset.units else None
        if code is not None:
            by_code += 1
        else:
            key = fold(strip_type(row.name))
            found = by_name.get((fold(row.district), key)) or by_plain_name.get(key) or []
            if len(found) == 1 and found[0] not in values:
                code = found[0]
                by_names += 1
        if code is None or (code in values and row.code != code):
            unmatched.append(row.label)
            continue
        area = row.area_km2 if row.area_km2 is not None else (row.area_sqm / 1e6 if row.area_sqm is not None else None)
        values[code] = {"population": row.population, "area_km2": area}
    changes = []
    for code, given in values.items():
        unit = dataset.units[code]
        pop_new = given["population"]
        area_new = given["area_km2"] if given["area_km2"] is not None else unit.area.value
        if pop_new != unit.population.value or area_new != unit.area.value:
            changes.append({"code": code, "name": unit.name, "population_old": unit.population.value,
                            "population_new": pop_new, "area_old": unit.area.value, "area_new": area_new})
    without = [f"{u.name} ({c})" for c, u in dataset.units.items() if c not in values]
    report = {"name": name, "source": source, "date": date, "file": str(path), "rows": len(table.rows),
              "matched_by_code": by_code, "matched_by_name": by_names, "unmatched_rows": unmatched,
              "units_without": without, "changes": changes}
    return FigureSet(name, source, date, values, report=report), report
