"""The TrueType fonts embedded in PDF exports (DejaVu Sans: full Vietnamese coverage).

Shipped in ``resources/fonts`` with their licence, so the export looks the same on
Windows and Linux; reportlab embeds the glyphs it uses.
"""
from __future__ import annotations

from core.common.paths import ROOT

FONT_DIR = ROOT / "resources" / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the fonts once; returns (regular, bold) font names for reportlab."""
    global _registered
    if not _registered:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from .files import ExportError
        for name, file in ((REGULAR, "DejaVuSans.ttf"), (BOLD, "DejaVuSans-Bold.ttf")):
            path = FONT_DIR / file
            if not path.exists():
                raise ExportError("export.font_missing", file=str(path))
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(REGULAR, bold, italic, BOLD if bold else REGULAR)
        _registered = True
    return REGULAR, BOLD
