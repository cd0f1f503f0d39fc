"""Colours of the desk: one per unit status and one per merged group.

The status itself comes from ``core.law.evaluation`` (must merge, exempted, in a
group); this file only says how each looks.
"""
from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor

from core.analysis.palette import GROUP_COLOURS
from core.law.evaluation import EXCEPTION, FAILS, MEETS, UnitResult


class Status(Enum):
    UNRESOLVED = "unresolved"    # the law requires a merger and the scenario leaves it out
    EXEMPT = "exempt"            # required, but an exemption is recorded
    GROUPED = "grouped"          # member of a merged group
    FINE = "fine"                # not required to merge, stays as it is


def unit_status(result: UnitResult) -> Status:
    if result.group_id is not None:
        return Status.GROUPED
    if result.unresolved:
        return Status.UNRESOLVED
    if result.must_merge and result.exemption is not None:
        return Status.EXEMPT
    return Status.FINE


STATUS_FILL = {
    Status.UNRESOLVED: QColor("#f4a582"),
    Status.EXEMPT: QColor("#c9c3e6"),
    Status.FINE: QColor("#ecebe4"),
}
# At country zoom a commune is a few pixels: the units left to merge take a strong colour there.
STATUS_FILL_FAR = {**STATUS_FILL, Status.UNRESOLVED: QColor("#d6302a")}
AREA_OUTLINE = QColor("#1a1a1a")        # the province or district chosen in the national dock
STATUS_ROW = {
    Status.UNRESOLVED: QColor("#fde3d6"),
    Status.EXEMPT: QColor("#ebe8f6"),
    Status.GROUPED: QColor("#e3eff8"),
}

# The group colours are core's (core.analysis.palette), so the map and the exported PDF agree.
GROUP_FILLS = tuple(QColor(c) for c in GROUP_COLOURS)

VERDICT_COLOUR = {MEETS: QColor("#1b7837"), EXCEPTION: QColor("#b35806"), FAILS: QColor("#b2182b")}
OUTLINE = QColor("#555555")
SELECTED = QColor("#1d4ed8")
PASS_FILL = QColor("#4d9a5b")
FAIL_FILL = QColor("#d6604d")
NEUTRAL_FILL = QColor("#6b8fb5")


def group_fill(index: int) -> QColor:
    return GROUP_FILLS[index % len(GROUP_FILLS)]


def qcolour(hex_colour: str) -> QColor:
    return QColor(hex_colour)
