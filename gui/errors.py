"""Core refuses an edit with a typed error in plain English; the planner reads it in their language."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.domain.model import Dataset
from core.domain.scenario import ScenarioError

# (pattern of the core message, the planner's sentence with %1, %2 for the captured parts)
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"a merged unit needs at least two members; dissolve the group instead$",
     QT_TRANSLATE_NOOP("Errors", "Nhóm chỉ còn hai đơn vị: không bớt được nữa, hãy giải tán nhóm.")),
    (r"a merged unit needs at least two members$",
     QT_TRANSLATE_NOOP("Errors", "Một đơn vị mới phải được nhập từ ít nhất hai đơn vị.")),
    (r"unit (\d+) is already in group (.+)$",
     QT_TRANSLATE_NOOP("Errors", "Đơn vị %1 đã thuộc nhóm %2; mỗi đơn vị chỉ thuộc một nhóm.")),
    (r"unit (\d+) is not in group (.+)$",
     QT_TRANSLATE_NOOP("Errors", "Đơn vị %1 không thuộc nhóm %2.")),
    (r"(?:.*: )?unknown unit code (\w+)$",
     QT_TRANSLATE_NOOP("Errors", "Không có đơn vị mã %1 trong dự án.")),
    (r"the seat (\d+) is not a member$",
     QT_TRANSLATE_NOOP("Errors", "Trụ sở %1 không phải là đơn vị của nhóm.")),
    (r"(?:.*: )?the name is empty$", QT_TRANSLATE_NOOP("Errors", "Tên không được để trống.")),
    (r"(?:.*: )?the name is longer than (\d+) characters$",
     QT_TRANSLATE_NOOP("Errors", "Tên dài quá %1 ký tự.")),
    (r"an exemption needs a reason$", QT_TRANSLATE_NOOP("Errors", "Miễn sắp xếp phải ghi rõ lý do.")),
    (r"override of (\d+): a source note is required$",
     QT_TRANSLATE_NOOP("Errors", "Điều chỉnh số liệu của đơn vị %1 phải ghi nguồn số liệu.")),
    (r"a scenario named '(.+)' already exists$",
     QT_TRANSLATE_NOOP("Errors", "Đã có phương án tên “%1”.")),
))


def _unit(dataset: Dataset | None, code: str) -> str:
    if dataset is not None and code in dataset.units:
        return f"{dataset.units[code].name} ({code})"
    return code


def reword(text: str, patterns, context: str, part=lambda g: g) -> str:
    """The planner's sentence for a core message: the first pattern that matches gives a
    template (translated in ``context``) whose %1, %2 … are filled with ``part(captured)``;
    an unknown message is returned as it is."""
    for pattern, template in patterns:
        match = pattern.match(text)
        if match:
            parts = [part(g) for g in match.groups()]
            words = QCoreApplication.translate(context, template)
            return re.sub(r"%(\d)", lambda m: parts[int(m.group(1)) - 1], words)  # noqa: B023 (returns at once)
    return text


def explain_one(problem: str, dataset: Dataset | None = None) -> str:
    return reword(problem, PATTERNS, "Errors", lambda g: _unit(dataset, g) if g.isdigit() else g)


def explain(exc: Exception, dataset: Dataset | None = None) -> str:
    """The planner's reading of a refusal from core (unknown messages are shown as they are)."""
    if isinstance(exc, ScenarioError):
        return "\n".join(explain_one(p, dataset) for p in exc.problems)
    return str(exc)
