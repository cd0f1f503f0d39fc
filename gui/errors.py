"""What a failure from core says to the planner, in the window's language."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from core.common.errors import CoreError
from core.domain.model import Dataset

from .i18n import current_language


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


def explain(exc: Exception, dataset: Dataset | None = None) -> str:
    """The planner's reading of a failure from core, in the window's language."""
    if isinstance(exc, CoreError):
        return exc.text(current_language())
    return str(exc)
