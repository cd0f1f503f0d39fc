"""What every page of the PDF carries: a header (the scenario and the area) from the second
page on, and a footer (the date the summary was made, "Trang x/y").

Each band is a left text and a right text; the left one is shortened with "…" until both
fit between the margins with a gap, so long names never run into each other.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas

from core.common.messages import say

from .fonts import ITALIC, REGULAR
from .narrative import DOC_LANG

MARGIN = 16 * mm
PAD = 6                     # pt, a frame's padding: the text column starts MARGIN + PAD in
BAND_SIZE = 9               # pt, header and footer text
GAP = 6 * mm                # at least this much between the two texts of a band
INK = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")


def shorten(text: str, font: str, size: float, width: float) -> str:
    """``text``, cut at a word (or letter) and ended with "…" if it is wider than ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" –,;:") + "…"
        if stringWidth(candidate, font, size) <= width:
            return candidate
    letters = text
    while letters and stringWidth(letters + "…", font, size) > width:
        letters = letters[:-1]
    return letters + "…" if letters else ""


def band(left: str, right: str, width: float, font: str = REGULAR, size: float = BAND_SIZE,
         gap: float = GAP) -> tuple[str, str]:
    """The two texts of a band ``width`` wide, the left one shortened so that they keep ``gap`` apart."""
    right = shorten(right, font, size, width * 0.6)
    room = width - stringWidth(right, font, size) - gap
    return shorten(left, font, size, room), right


@dataclass
class Furniture:
    header_left: str            # the scenario
    header_right: str           # the area ("Huyện Châu Thành – Tỉnh Bến Tre")
    footer_left: str            # "Bản tóm tắt phương án lập ngày 12/09/2019"


def numbered_canvas(furniture: Furniture, on_page: Callable[[int, int], None] | None = None,
                    before: Callable[[], None] | None = None):
    """A canvas class that holds every page until the end so each can say 'Trang x/y';
    ``before()`` is called once all pages are laid out, ``on_page(n, total)`` as each is written."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            if before is not None:
                before()
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furnish(number, total)
                super().showPage()
                if on_page is not None:
                    on_page(number, total)
            super().save()

        def _furnish(self, number: int, total: int) -> None:
            w, h = self._pagesize
            x0, x1 = MARGIN + PAD, w - MARGIN - PAD
            inner = x1 - x0
            self.saveState()
            self.setFillColor(INK)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            if number > 1:
                left, right = band(furniture.header_left, furniture.header_right, inner, ITALIC)
                y = h - MARGIN + 6
                self.setFont(ITALIC, BAND_SIZE)
                self.drawString(x0, y, left)
                self.drawRightString(x1, y, right)
                self.line(x0, y - 4, x1, y - 4)
            page = say("dossier.page.number", DOC_LANG, page=number, pages=total)
            left, right = band(furniture.footer_left, page, inner)
            self.setFont(REGULAR, BAND_SIZE)
            self.line(x0, MARGIN - 4, x1, MARGIN - 4)
            self.drawString(x0, MARGIN - 14, left)
            self.drawRightString(x1, MARGIN - 14, right)
            self.restoreState()

    return NumberedCanvas
