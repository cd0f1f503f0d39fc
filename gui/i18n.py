"""Language of the interface: Vietnamese (the source texts) or English (a Qt translation).

Two translators at most are installed: the app's own English (``sapxep_en.qm``) when the
interface is English, and Qt's own texts in Vietnamese (``qtbase_vi.qm``: file dialogs,
standard buttons, message boxes, context menus …) when it is Vietnamese, since PySide6
ships no Vietnamese qtbase translation. Core's words follow through ``core.common.messages``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from core.common import messages

from .settings import settings

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("vi", "en")

# The translation each language needs: the app's texts are written in Vietnamese, Qt's in English.
TRANSLATION_FILES = {"vi": "qtbase_vi.qm", "en": "sapxep_en.qm"}

_installed: QTranslator | None = None
_current = "vi"


def current_language() -> str:
    return _current


def saved_language() -> str:
    value = settings().value("language", "vi")
    return value if value in LANGUAGES else "vi"


def set_language(lang: str, remember: bool = True) -> None:
    """Switch every window to ``lang``; widgets retranslate on QEvent.LanguageChange."""
    global _installed, _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == _current and _installed is not None:
        messages.set_language(lang)
        if remember:
            settings().setValue("language", lang)
        return
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = QTranslator(app)
    if not translator.load(str(TRANSLATIONS / TRANSLATION_FILES[lang])):
        raise FileNotFoundError(f"translation file for {lang!r} is missing in {TRANSLATIONS}")
    app.installTranslator(translator)
    _installed = translator
    _current = lang
    messages.set_language(lang)        # what core words (refusals, findings) follows the window
    if remember:
        settings().setValue("language", lang)
    # Qt posts LanguageChange to the windows; deliver it now so the switch is immediate.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
