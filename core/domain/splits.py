"""Split units and transfers out: a scenario's edits of the units themselves.

A unit may be split into parts (``Split``) that go to different groups; one part may be
the remainder ("phần còn lại", ``rest``), whose figures are the unit's less the others'.
A unit or a part may go to a unit outside the project (``Transfer``): it is not left
unresolved, it leaves the project.

``working_dataset`` gives the dataset a scenario is judged on: each split unit replaced
by its parts (each part a unit of its own, with the unit's name, kind and
classifications and its own figures), and every transferred unit or part taken out.
Parts of one unit border each other; a part borders the codes it lists in
``neighbours``, else every neighbour of its unit.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from core.common.messages import Message
from core.domain.model import Dataset, Figure, Unit, pair

EPS = 1e-6


@dataclass(frozen=True)
class Part:
    id: str
    area_km2: float | None = None
    population: float | None = None
    source: str = ""
    rest: bool = False
    neighbours: tuple[str, ...] | None = None
    geometry: dict | None = None          # GeoJSON geometry (WGS84), when the planner drew one


@dataclass(frozen=True)
class Split:
    unit: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Transfer:
    unit: str                              # a unit's code or a part's id
    to: str                                # the unit outside the project it goes to
    reason: str = ""


def _label(dataset: Dataset, code: str) -> str:
    unit = dataset.units.get(code)
    return f"{unit.name} ({code})" if unit is not None else code


def problems(dataset: Dataset, splits: list[Split], transfers: list[Transfer]) -> list[Message]:
    """What is wrong with the splits and transfers against ``dataset`` (empty when valid)."""
    found: list[Message] = []
    part_ids: set[str] = set()
    split_units: set[str] = set()
    for i, split in enumerate(splits):
        where = Message("where.split", index=i + 1, unit=_label(dataset, split.unit))
        unit = dataset.units.get(split.unit)
        if unit is None:
            found.append(Message("split.unknown_unit", code=split.unit, where=where))
            continue
        if split.unit in split_units:
            found.append(Message("split.unit_twice", unit=_label(dataset, split.unit), where=where))
        split_units.add(split.unit)
        if len(split.parts) < 2:
            found.append(Message("split.too_few_parts", where=where))
        rests = [p for p in split.parts if p.rest]
        if len(rests) > 1:
            found.append(Message("split.two_rests", where=where))
        for part in split.parts:
            if part.id in part_ids or part.id in dataset.units:
                found.append(Message("split.part_id_taken", part=part.id, where=where))
            part_ids.add(part.id)
            if not part.rest and (part.area_km2 is None or part.population is None):
                found.append(Message("split.part_needs_figures", part=part.id, where=where))
            if not part.rest and not part.source:
                found.append(Message("split.part_needs_source", part=part.id, where=where))
            for code in part.neighbours or ():
                if code not in dataset.units:
                    found.append(Message("split.unknown_neighbour", part=part.id, code=code, where=where))
        for field_name, total in (("area_km2", unit.area.value), ("population", unit.population.value)):
            given = sum(getattr(p, field_name) or 0.0 for p in split.parts if not p.rest)
            what = Message(f"field.{field_name}", name=field_name)
            if given > total + EPS:
                found.append(Message("split.parts_exceed_unit", field=what, parts=given, unit_value=total,
                                     unit=_label(dataset, split.unit), where=where))
            elif not rests and abs(given - total) > max(EPS, 1e-9 * total):
                found.append(Message("split.parts_short_of_unit", field=what, parts=given, unit_value=total,
                                     unit=_label(dataset, split.unit), where=where))
    seen: set[str] = set()
    for i, transfer in enumerate(transfers):
        where = Message("where.transfer", index=i + 1, unit=_label(dataset, transfer.unit))
        if transfer.unit not in dataset.units and transfer.unit not in part_ids:
            found.append(Message("transfer.unknown_unit", code=transfer.unit, where=where))
        elif transfer.unit in split_units:
            found.append(Message("transfer.split_unit", unit=_label(dataset, transfer.unit), where=where))
        if transfer.unit in seen:
            found.append(Message("transfer.twice", unit=transfer.unit, where=where))
        seen.add(transfer.unit)
        if not transfer.to:
            found.append(Message("transfer.needs_destination", where=where))
    return found


def part_figures(unit: Unit, split: Split) -> dict[str, tuple[float, float]]:
    """Part id → (area km², population); the rest gets what the other parts leave."""
    out: dict[str, tuple[float, float]] = {}
    given_area = sum(p.area_km2 or 0.0 for p in split.parts if not p.rest)
    given_pop = sum(p.population or 0.0 for p in split.parts if not p.rest)
    for p in split.parts:
        if p.rest:
            out[p.id] = (max(0.0, unit.area.value - given_area), max(0.0, unit.population.value - given_pop))
        else:
            out[p.id] = (float(p.area_km2 or 0.0), float(p.population or 0.0))
    return out


def working_dataset(dataset: Dataset, splits: list[Split], transfers: list[Transfer]) -> Dataset:
    """The dataset with split units replaced by their parts and transferred ones taken out.

    Returns ``dataset`` itself when there is neither (no copy). ``meta["parts"]`` maps a part
    id to its unit's code; ``meta["rest_parts"]`` lists the remainders; ``meta["transfers"]``
    the transfers with the name of what goes; ``meta["units_before"]`` the count before."""
    if not splits and not transfers:
        return dataset
    units = dict(dataset.units)
    adjacency = set(dataset.adjacency)
    parts_of: dict[str, list[str]] = {}
    unit_of_part: dict[str, str] = {}
    rests: list[str] = []
    for split in splits:
        unit = dataset.units[split.unit]
        figures = part_figures(unit, split)
        del units[split.unit]
        ids = [p.id for p in split.parts]
        parts_of[split.unit] = ids
        for p in split.parts:
            area, pop = figures[p.id]
            source = p.source or Message("split.rest_source").text()
            units[p.id] = replace(unit, code=p.id,
                                  population=Figure(pop, source, unit.population.date, "split"),
                                  area=Figure(area, source, unit.area.date, "split"))
            unit_of_part[p.id] = split.unit
            if p.rest:
                rests.append(p.id)
    for split in splits:
        adjacency = {(a, b) for a, b in adjacency if split.unit not in (a, b)}
        ids = parts_of[split.unit]
        adjacency |= {pair(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]}
        for p in split.parts:
            given = p.neighbours
            near = set(given) if given is not None else dataset.neighbours(split.unit)
            for code in near:
                for other in parts_of.get(code, [code]):
                    if other != p.id and other in units:
                        adjacency.add(pair(p.id, other))
    moved = []
    for t in transfers:
        what = units.pop(t.unit, None)
        moved.append({"unit": t.unit, "name": what.name if what else t.unit,
                      "kind": what.kind if what else "", "part_of": unit_of_part.get(t.unit, ""),
                      "to": t.to, "reason": t.reason,
                      "area_km2": what.area.value if what else 0.0,
                      "population": what.population.value if what else 0.0})
        adjacency = {(a, b) for a, b in adjacency if t.unit not in (a, b)}
    meta = dict(dataset.meta)
    meta.update(parts=unit_of_part, rest_parts=rests, transfers=moved, units_before=len(dataset.units))
    return Dataset(dataset.name, units, adjacency, meta)
