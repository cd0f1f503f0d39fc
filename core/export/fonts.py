"""The TrueType fonts embedded in PDF exports: Liberation Serif (SIL Open Font Licence).

Vietnamese official documents are set in Times New Roman; Liberation Serif has its
metrics (a page set in one breaks where it would in the other) and every Vietnamese
letter. Shipped in ``resources/fonts`` with its licence, so the export looks the same on
Windows and Linux; reportlab embeds the glyphs it uses.
"""
from __future__ import annotations

from core.common.paths import ROOT

FONT_DIR = ROOT / "resources" / "fonts"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = ("LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                                      "LiberationSerif-BoldItalic")
FILES = {REGULAR: "LiberationSerif-Regular.ttf", BOLD: "LiberationSerif-Bold.ttf",
         ITALIC: "LiberationSerif-Italic.ttf", BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf"}
_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the fonts once; returns (regular, bold) font names for reportlab."""
    global _registered
    if not _registered:
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from .files import ExportError
        for name, file in FILES.items():
            path = FONT_DIR / file
            if not path.exists():
                raise ExportError("export.font_missing", file=str(path))
            pdfmetrics.registerFont(TTFont(name, str(path)))
        faces = {(0, 0): REGULAR, (1, 0): BOLD, (0, 1): ITALIC, (1, 1): BOLD_ITALIC}
        for (bold, italic), name in faces.items():
            addMapping(REGULAR, bold, italic, name)
        _registered = True
    return REGULAR, BOLD
