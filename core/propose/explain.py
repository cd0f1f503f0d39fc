"""Why each proposed group is as it is, why units are left alone, and what could not be met.

Everything is a ``Message`` (a code with its figures, worded from the catalogue
``resources/messages/propose.toml`` in Vietnamese or English when shown).
"""
from __future__ import annotations

from core.common.messages import Message
from core.law.verdict import GroupVerdict
from core.propose.columns import Judge
from core.propose.piece import Piece, bits


def verdict_message(v: GroupVerdict) -> Message:
    kind = v.kind
    if v.requirement.exempt:
        return Message("propose.why_exempt_requirement", kind=kind)
    figures = dict(area=v.area_km2, area_required=v.requirement.area_km2, population=v.population,
                   population_required=v.requirement.population, kind=kind)
    if v.meets_standard:
        return Message("propose.why_meets", **figures)
    return Message("propose.why_exception", exception=dict(v.exception["text"]),
                   article=v.exception["article"], **figures)


def group_reasons(piece: Piece, j: Judge, mask: int) -> list[Message]:
    v = j.verdict(mask)
    out = [verdict_message(v)]
    names = piece.units
    must = [names[i].name for i in bits(mask & piece.must)]
    if must:
        out.append(Message("propose.why_must", units=must))
    for t in piece.together:
        if mask & t == t:
            out.append(Message("propose.why_together", units=[names[i].name for i in bits(t)]))
    for i in bits(mask & ~piece.must):
        rest = mask & ~(1 << i)
        if not piece.is_connected(rest):
            out.append(Message("propose.why_connects", unit=names[i].name))
        elif rest & (rest - 1) == 0 or not j.accepted(rest):
            short = j.verdict(rest).short_of if rest & (rest - 1) else ("area", "population")
            out.append(Message("propose.why_needed", unit=names[i].name,
                               short=Message("propose.short." + ("_".join(short) or "none"))))
        else:
            out.append(Message("propose.why_chosen", unit=names[i].name))
    if mask in piece.preferred:
        out.append(Message("propose.why_preferred"))
    return out


def cannot_group(piece: Piece, j: Judge, i: int, max_size: int, budget: int = 5_000) -> Message:
    """Why a unit that must be grouped is not: no group with it passes, or its groups are taken
    (or, when the search for one is cut short, that none was found in time)."""
    from core.propose.columns import MOST, enumerate_columns
    single = Piece(piece.label, piece.codes, piece.units, piece.area, piece.pop, piece.nbr, 1 << i,
                   piece.together, piece.district, piece.shared, piece.outer)
    found = enumerate_columns(single, j, MOST, max_size, budget)
    u = piece.units[i]
    neighbours = [piece.units[k].name for k in bits(piece.nbr[i])]
    if not found.columns and found.complete:
        return Message("propose.infeasible_must_merge", unit=u.name, code=u.code, size=max_size,
                       neighbours=neighbours or ["—"])
    if not found.columns:
        return Message("propose.infeasible_unknown", unit=u.name, code=u.code, size=max_size)
    return Message("propose.infeasible_conflict", unit=u.name, code=u.code, size=max_size)
