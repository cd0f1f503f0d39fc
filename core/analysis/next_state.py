"""A scenario's result as the project's next state (hiện trạng): successive rounds.

Each group becomes one unit: its code is the group's ``code`` when the scenario gives one,
else the seat's (a part's seat: its unit's code); its name, kind and figures are the ones
the evaluation judged (the sums, overrides included); its geometry is its members' dissolved;
its former units are kept as its history. Units no group touched carry over as they are; a
split unit's remainder left out of every group carries on under the unit's code with the
remainder's figures; transferred units and parts leave the project. Every unit formed here
records the rule set it was arranged under (``Unit.arranged_in``), so that a later period's
"already arranged" exemption applies by itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from core.common.errors import CoreError
from core.common.messages import Message
from core.domain.model import Dataset, Figure, Unit, pair
from core.law.evaluation import GroupResult, ScenarioResult

SUM_SOURCE = "Tổng của các đơn vị hợp thành, phương án “{scenario}” ({rules})"
_HAS_ARRANGED_IN = "arranged_in" in {f.name for f in fields(Unit)}


class StateError(CoreError, ValueError):
    """The scenario cannot become the next state; the message says which group or unit and why."""


@dataclass
class NextState:
    dataset: Dataset
    history: dict[str, list[dict]]          # new unit's code → the units it was formed from
    geometries: dict[str, object] = field(default_factory=dict)   # code → shapely geometry (WGS84)
    transfers: list[dict] = field(default_factory=list)
    formed: list[str] = field(default_factory=list)               # codes of the units formed


def _latest(dates: list[str]) -> str:
    return max((d for d in dates if d), default="")


def _new_unit(g: GroupResult, working: Dataset, code: str, result: ScenarioResult) -> Unit:
    members = [working.units[c] for c in g.group.members]
    seat = working.units.get(g.group.seat) or members[0]
    approximate = any(m.area.approximate for m in members)
    source = SUM_SOURCE.format(scenario=result.scenario.name, rules=result.rules.id)
    changes: dict = dict(
        code=code, name=g.group.name, kind=g.kind,
        population=Figure(g.population, source, _latest([m.population.date for m in members]), "sum"),
        area=Figure(g.area_km2, source, _latest([m.area.date for m in members]),
                    "approximate (sum)" if approximate else "sum"))
    if _HAS_ARRANGED_IN:
        changes["arranged_in"] = result.rules.id
    return replace(seat, **changes)


def _former(working: Dataset, code: str, parts: dict[str, str]) -> dict:
    unit = working.units[code]
    return {"code": parts.get(code, code), "part": code if code in parts else "", "name": unit.name,
            "kind": unit.kind, "area_km2": unit.area.value, "population": unit.population.value}


def next_state(dataset: Dataset, result: ScenarioResult, geometries: dict | None = None) -> NextState:
    """The state after ``result``'s scenario (evaluated on ``dataset``) is carried out."""
    working = result.working or dataset
    parts: dict[str, str] = dict(working.meta.get("parts", {}))
    grouped = {c for g in result.groups for c in g.group.members}
    # Units that stay: untouched units, and an ungrouped part under its unit's code (the first one).
    stay: dict[str, str] = {}
    for code in working.units:
        if code not in grouped:
            target = parts.get(code, code)
            stay[code] = code if target in stay.values() else target
    new_code: dict[str, str] = dict(stay)
    units: dict[str, Unit] = {}
    for old, new in stay.items():
        unit = working.units[old]
        units[new] = unit if new == old else replace(unit, code=new)
    history: dict[str, list[dict]] = {}
    formed: list[str] = []
    for g in result.groups:
        seat = g.group.seat or g.group.members[0]
        code = g.group.code or parts.get(seat, seat)
        if code in units:
            raise StateError("state.code_taken", code=code, group=g.group.name,
                             other=units[code].name)
        units[code] = _new_unit(g, working, code, result)
        history[code] = [_former(working, c, parts) for c in g.group.members]
        formed.append(code)
        for member in g.group.members:
            new_code[member] = code
    adjacency = {pair(new_code[a], new_code[b]) for a, b in working.adjacency
                 if a in new_code and b in new_code and new_code[a] != new_code[b]}
    meta = {k: v for k, v in dataset.meta.items() if k not in ("parts", "rest_parts", "transfers", "units_before")}
    shapes = _dissolved(result, working, new_code, geometries) if geometries else {}
    return NextState(Dataset(dataset.name, units, adjacency, meta), history, shapes,
                     list(working.meta.get("transfers", [])), formed)


def _dissolved(result: ScenarioResult, working: Dataset, new_code: dict[str, str], geometries: dict) -> dict:
    """Each new unit's geometry: its members' dissolved; a part's is the one the planner drew,
    a remainder's its unit's less the drawn parts (a part without a drawing adds nothing)."""
    from shapely.geometry import shape

    from core.geo.geometry import union
    drawn: dict[str, object] = {}
    unit_of: dict[str, str] = dict(working.meta.get("parts", {}))
    for split in result.scenario.splits:
        for p in split.parts:
            if p.geometry is not None:
                drawn[p.id] = shape(p.geometry)
    for split in result.scenario.splits:
        whole = geometries.get(split.unit)
        for p in split.parts:
            if p.rest and whole is not None:
                others = [drawn[q.id] for q in split.parts if q.id in drawn and not q.rest]
                drawn[p.id] = whole.difference(union(others)) if others else whole
    pieces: dict[str, list] = {}
    for old, new in new_code.items():
        geom = drawn.get(old) if old in unit_of else geometries.get(old)
        if geom is not None:
            pieces.setdefault(new, []).append(geom)
    return {code: (geoms[0] if len(geoms) == 1 else union(geoms)) for code, geoms in pieces.items()}


def transfer_lines(transfers: list[dict]) -> list[Message]:
    """Each transfer out in words: what goes, where to, why."""
    out = []
    for t in transfers:
        what = t["name"] + f" ({t['unit']})"
        key = "transfer.line_part" if t.get("part_of") else "transfer.line"
        out.append(Message(key, unit=what, kind=t.get("kind", ""), to=t["to"], reason=t.get("reason") or "—",
                           area=t.get("area_km2", 0.0), population=t.get("population", 0.0)))
    return out
