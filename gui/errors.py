"""What a failure from core says to the planner, in the window's language.

Core's refusals are ``CoreError``s: message codes with their figures, worded by the
catalogue (``core.common.messages``) in the language of the window. Anything else is a
failure core did not foresee; it is named in words too, never shown as a traceback.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.common.errors import CoreError
from core.domain.model import Dataset

from .i18n import current_language


def explain(exc: BaseException, dataset: Dataset | None = None) -> str:
    """The planner's reading of a failure from core, in the window's language."""
    if isinstance(exc, CoreError):
        return exc.text(current_language())
    if isinstance(exc, OSError) and exc.filename:
        return QCoreApplication.translate("Errors", "Không đọc/ghi được %1: %2").replace(
            "%1", str(exc.filename)).replace("%2", exc.strerror or str(exc))
    return QCoreApplication.translate("Errors", "Lỗi ngoài dự kiến (%1: %2).").replace(
        "%1", type(exc).__name__).replace("%2", str(exc))
