"""Each merged unit described in the words the Standing Committee's resolutions use.

"Nhập toàn bộ diện tích tự nhiên là 5,97 km² và quy mô dân số là 3.933 người của
xã Giao Hòa vào xã Giao Long. Sau khi nhập, xã Giao Long có diện tích tự nhiên là
11,21 km² (đạt 37,36 % tiêu chuẩn) và quy mô dân số là 8.699 người (đạt 108,74 %
tiêu chuẩn). Xã Giao Long giáp …"
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.common.numbers import fmt_area, fmt_int, fmt_pct
from core.common.text import fold
from core.law.wording import kind_label

if TYPE_CHECKING:
    from core.domain.model import Dataset
    from core.law.evaluation import GroupResult, ScenarioResult


def unit_with_kind(kind: str, name: str) -> str:
    """'xa', 'Giao Long' → 'xã Giao Long' (lower case, as inside a sentence)."""
    return f"{kind_label(kind)} {name}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_vi(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def _figures(area: float, population: float) -> str:
    return (f"toàn bộ diện tích tự nhiên là {fmt_area(area)} và quy mô dân số là "
            f"{fmt_int(population)} người")


def merger_paragraph(dataset: Dataset, result: ScenarioResult, g: GroupResult,
                     neighbours: list[str]) -> str:
    """The paragraph for one merged unit; ``neighbours`` are 'xã X' names after the merger."""
    members = [result.units[c] for c in g.group.members]
    new = unit_with_kind(g.kind, g.group.name)
    host = next((m for m in members if fold(m.unit.name) == fold(g.group.name)), None)
    parts = [f"{_figures(m.area_km2, m.population)} của {unit_with_kind(m.unit.kind, m.unit.name)}"
             for m in members if m is not host]
    if host is not None:
        first = (f"Nhập {join_vi(parts)} vào {unit_with_kind(host.unit.kind, host.unit.name)}.")
        after = "Sau khi nhập"
    else:
        first = f"Thành lập {new} trên cơ sở nhập {join_vi(parts)}."
        after = "Sau khi thành lập"
    second = (f"{after}, {new} có diện tích tự nhiên là {fmt_area(g.area_km2)} "
              f"(đạt {fmt_pct(g.area_pct)} tiêu chuẩn) và quy mô dân số là {fmt_int(g.population)} người "
              f"(đạt {fmt_pct(g.population_pct)} tiêu chuẩn).")
    text = f"{first} {second}"
    if neighbours:
        text += f" {capitalised(new)} giáp {join_vi(neighbours)}."
    return text
