"""Language of the interface: Vietnamese (the source texts) or English (a Qt translation)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

from core.common import messages

from .settings import settings

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("vi", "en")

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
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang != "vi":
        translator = QTranslator(app)
        if not translator.load(str(TRANSLATIONS / f"sapxep_{lang}.qm")):
            raise FileNotFoundError(f"translation file for {lang!r} is missing in {TRANSLATIONS}")
        app.installTranslator(translator)
        _installed = translator
    _current = lang
    messages.set_language(lang)        # what core words (refusals, findings) follows the window
    if remember:
        settings().setValue("language", lang)
    # Qt posts LanguageChange to the windows; deliver it now so the switch is immediate.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
