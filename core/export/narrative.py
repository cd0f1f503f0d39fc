"""Each merged unit described in the words the Standing Committee's resolutions use.

"Nhập toàn bộ diện tích tự nhiên là 5,97 km² và quy mô dân số là 3.933 người của
xã Giao Hòa vào xã Giao Long. Sau khi nhập, xã Giao Long có diện tích tự nhiên là
11,21 km² (đạt 37,36 % tiêu chuẩn) và quy mô dân số là 8.699 người (đạt 108,74 %
tiêu chuẩn). Xã Giao Long giáp …"

The sentences are the catalogue's (``resources/messages/export.toml``, ``dossier.*``);
the dossier is a Vietnamese document, so they are worded in ``DOC_LANG``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.common.messages import Message, say
from core.common.text import fold
from core.law.wording import kind_label

if TYPE_CHECKING:
    from core.domain.model import Dataset
    from core.law.evaluation import GroupResult, ScenarioResult

DOC_LANG = "vi"          # the language of the đề án dossier


def unit_with_kind(kind: str, name: str) -> str:
    """'xa', 'Giao Long' → 'xã Giao Long' (lower case, as inside a sentence)."""
    return f"{kind_label(kind, DOC_LANG)} {name}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_vi(items: list[str]) -> str:
    """'A, B và C': items as a Vietnamese sentence lists them."""
    return say("common.and", DOC_LANG).join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 \
        else "".join(items)


def history_notes(dataset: Dataset, result: ScenarioResult) -> list[str]:
    """The state and figure set the scenario was judged on, and each transfer out, for the dossier."""
    from core.analysis.next_state import transfer_lines
    state = (dataset.meta.get("state") or {}).get("name") or "base"
    figures = dataset.meta.get("figures") or {}
    out = [say("dossier.note.state", DOC_LANG, state=state, figures=figures.get("name") or "base",
               source=figures.get("source") or "—", date=figures.get("date") or "—")]
    from core.analysis.figures_used import figures_note
    out += [m.text(DOC_LANG) for m in figures_note(dataset, result.rules)[2:]]     # the warnings
    out += [m.text(DOC_LANG) for m in transfer_lines(result.transfers)]
    return out


def merger_paragraph(dataset: Dataset, result: ScenarioResult, g: GroupResult,
                     neighbours: list[str]) -> str:
    """The paragraph for one merged unit; ``neighbours`` are 'xã X' names after the merger."""
    members = [result.units[c] for c in g.group.members]
    new = unit_with_kind(g.kind, g.group.name)
    host = next((m for m in members if fold(m.unit.name) == fold(g.group.name)), None)
    split_parts = result.parts
    rests = set((result.working.meta.get("rest_parts") or []) if result.working is not None else [])
    parts = [Message("dossier.rest_figures_of" if m.code in rests else
                     "dossier.part_figures_of" if m.code in split_parts else "dossier.figures_of",
                     area=m.area_km2, population=m.population, unit=unit_with_kind(m.unit.kind, m.unit.name))
             for m in members if m is not host]
    if host is not None:
        first = Message("dossier.merge_into", parts=parts, host=unit_with_kind(host.unit.kind, host.unit.name))
        after = "dossier.after_merge"
    else:
        first = Message("dossier.establish", new=new, parts=parts)
        after = "dossier.after_establish"
    second = Message(after, new=new, area=g.area_km2, area_pct=g.area_pct, population=g.population,
                     population_pct=g.population_pct)
    sentences = [first, second]
    if neighbours:
        sentences.append(Message("dossier.borders", new=capitalised(new), neighbours=neighbours))
    return " ".join(m.text(DOC_LANG) for m in sentences)
