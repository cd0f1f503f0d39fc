"""Colours for merged groups on maps (PDF export, GUI maps, side-by-side comparison).

Plain hex strings, no Qt. A merger's colour follows from its member set alone, so the same
merger has the same colour on every map of a comparison and in every export, and an edit of one
group never recolours another (the desk's map repaints only the groups an edit touched).
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable

# Soft fills that stay distinct next to each other and keep black labels readable. No
# salmon/orange or pale lavender: on the map those mean "must merge, not yet in a group" and
# "must merge, exempted", and a group must never read as either.
GROUP_COLOURS = (
    "#8dd3c7", "#80b1d3", "#b3de69", "#ffed6f", "#fccde5", "#d9b38c",
    "#bc80bd", "#9ecae1", "#ccebc5", "#e5c494",
)
UNMERGED_COLOUR = "#f2f2f2"     # a unit that stays as it is
UNRESOLVED_COLOUR = "#ffffff"   # drawn with a red outline: must merge, left out
OUTLINE_COLOUR = "#555555"
UNRESOLVED_OUTLINE = "#c0392b"


def group_key(members: Iterable[str]) -> frozenset[str]:
    return frozenset(members)


def group_colour(members: Iterable[str]) -> str:
    """The colour of the merger of ``members`` (a checksum of its sorted codes picks it)."""
    key = ",".join(sorted(members)).encode("utf-8")
    return GROUP_COLOURS[zlib.crc32(key) % len(GROUP_COLOURS)]


def assign_colours(member_sets: Iterable[Iterable[str]]) -> dict[frozenset[str], str]:
    """Member set → colour (identical sets share a colour)."""
    out: dict[frozenset[str], str] = {}
    for members in member_sets:
        key = group_key(members)
        if key not in out:
            out[key] = group_colour(key)
    return out


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    """'#rrggbb' → (r, g, b) in 0..1."""
    c = colour.lstrip("#")
    return tuple(int(c[i:i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


def unit_colours(groups: Iterable[tuple[str, Iterable[str]]], all_codes: Iterable[str],
                 colours: dict[frozenset[str], str] | None = None) -> tuple[dict[str, str], list[tuple[str, str, list[str]]]]:
    """Colour every unit by its group.

    ``groups`` is (group name, member codes) per merged group. Returns code → colour
    (unmerged units get ``UNMERGED_COLOUR``) and the legend: (group name, colour, members).
    Pass ``colours`` from ``assign_colours`` to keep colours equal across several maps.
    """
    groups = [(name, list(members)) for name, members in groups]
    if colours is None:
        colours = assign_colours(m for _, m in groups)
    by_code = {code: UNMERGED_COLOUR for code in all_codes}
    legend = []
    for name, members in groups:
        colour = colours.get(group_key(members)) or group_colour(members)
        for code in members:
            by_code[code] = colour
        legend.append((name, colour, members))
    return by_code, legend
