"""Splits and transfers in a scenario file (``splits``, ``transfers``): read and written."""
from __future__ import annotations

from core.common.messages import Message
from core.common.text import nfc
from core.domain.model import DataError, check_figure
from core.domain.scenario import ScenarioError
from core.domain.splits import Part, Split, Transfer


def split_from_data(item: object, where: Message, code_of) -> Split:
    """A split from its JSON (``{"unit": …, "parts": [{"id", "area_km2", "population", "source",
    "rest", "neighbours", "geometry"}]}``); ``code_of(value, where)`` reads a code."""
    if not isinstance(item, dict) or not isinstance(item.get("parts"), list):
        raise ScenarioError("split.file_incomplete", where=where)
    unit = code_of(item.get("unit"), where)
    parts = []
    for j, raw in enumerate(item["parts"]):
        here = Message("where.split_part", split=where, index=j + 1)
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"].strip():
            raise ScenarioError("split.part_needs_id", where=here)
        figures = {}
        for key in ("area_km2", "population"):
            value = raw.get(key)
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise ScenarioError("scenario_file.not_a_number", value=repr(value)[:40], where=here)
                try:
                    figures[key] = check_figure(value, key, here)
                except DataError as exc:
                    raise ScenarioError(exc.messages) from None
        neighbours = raw.get("neighbours")
        if neighbours is not None:
            if not isinstance(neighbours, list):
                raise ScenarioError("scenario_file.expected_code_list", where=here)
            neighbours = tuple(code_of(n, here) for n in neighbours)
        geometry = raw.get("geometry")
        if geometry is not None and not isinstance(geometry, dict):
            raise ScenarioError("scenario_file.expected_object", where=here)
        parts.append(Part(id=raw["id"].strip()[:40], source=nfc(str(raw.get("source") or "").strip()),
                          rest=bool(raw.get("rest")), neighbours=neighbours, geometry=geometry, **figures))
    return Split(unit, tuple(parts))


def split_to_data(split: Split) -> dict:
    parts = []
    for p in split.parts:
        item: dict = {"id": p.id}
        if p.rest:
            item["rest"] = True
        if p.area_km2 is not None:
            item["area_km2"] = p.area_km2
        if p.population is not None:
            item["population"] = p.population
        if p.source:
            item["source"] = p.source
        if p.neighbours is not None:
            item["neighbours"] = list(p.neighbours)
        if p.geometry is not None:
            item["geometry"] = p.geometry
        parts.append(item)
    return {"unit": split.unit, "parts": parts}


def transfer_from_data(item: object, where: Message, code_of) -> Transfer:
    if not isinstance(item, dict):
        raise ScenarioError("scenario_file.expected_object", where=where)
    unit = code_of(item.get("unit"), where)
    to = item.get("to")
    if not isinstance(to, str) or not to.strip():
        raise ScenarioError("transfer.needs_destination", where=where)
    return Transfer(unit, nfc(to.strip()), nfc(str(item.get("reason") or "").strip()))


def transfer_to_data(t: Transfer) -> dict:
    return {"unit": t.unit, "to": t.to, "reason": t.reason}
