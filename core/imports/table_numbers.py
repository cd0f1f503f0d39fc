"""Numbers of a statistics table written the Vietnamese way or the English way.

A table saved from Excel in the Vietnamese locale writes ``12.345`` people and
``0,26`` km²; one saved in English writes ``12,345`` and ``0.26``. Read with one
fixed convention, either becomes a wrong figure without a word. So the convention
is decided for the whole table from the values that can only be read one way:

* ``1.234.567``, ``1.234,5``, ``0,26`` → Vietnamese (dot for thousands, comma for decimals);
* ``1,234,567``, ``1,234.5``, ``0.26`` → English;
* ``12.345`` or ``12,345`` in a column of counts (population) is a thousands separator,
  since a count has no decimals.

A table whose values say both is refused naming one value of each kind (line and
column); a value that fits both readings (``12,345`` km²) in a table that says neither
is refused naming it. Never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

VI, EN, AMBIGUOUS, BAD = "vi", "en", "ambiguous", "bad"
_GROUPED = {".": re.compile(r"^\d{1,3}(\.\d{3})+$"), ",": re.compile(r"^\d{1,3}(,\d{3})+$")}
_SPACED = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$")


def clean(text: str) -> str:
    """Surrounding blanks dropped; spaces that group thousands (``12 345``) removed."""
    text = text.strip()
    if _SPACED.match(text):
        text = re.sub(r"[ \u00a0\u202f]", "", text)
    return text


def style_of(text: str, count: bool) -> str | None:
    """Which convention ``text`` shows: VI, EN, AMBIGUOUS, BAD, or None (a plain number)."""
    body = text.lstrip("+-")
    dots, commas = body.count("."), body.count(",")
    if not dots and not commas:
        return None
    if dots and commas:
        at = max(body.rfind("."), body.rfind(","))
        sep, group = body[at], "," if body[at] == "." else "."
        whole, frac = body[:at], body[at + 1:]
        if not frac.isdigit() or not (whole.isdigit() or _GROUPED[group].match(whole)) or group in frac:
            return BAD
        return EN if sep == "." else VI
    sep = "." if dots else ","
    if dots + commas > 1:
        if not _GROUPED[sep].match(body):
            return BAD
        return VI if sep == "." else EN
    whole, frac = body.split(sep)
    if not frac.isdigit() or not (whole.isdigit() or whole == ""):
        return BAD
    if len(frac) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":     # 12.345: which one?
        if count:
            return VI if sep == "." else EN
        return AMBIGUOUS
    return EN if sep == "." else VI


def to_number_text(text: str, style: str | None) -> str:
    """``text`` written the way ``float()`` reads it, under the table's convention."""
    if style == VI:
        return text.replace(".", "").replace(",", ".")
    if style == EN:
        return text.replace(",", "")
    return text


@dataclass
class Evidence:
    """What the table's numbers say about their convention: the first value of each kind."""

    first: dict[str, tuple[int, str, str]] = field(default_factory=dict)     # style → (line, column, text)
    ambiguous: int = 0

    def see(self, text: str, count: bool, line: int, column: str) -> None:
        style = style_of(clean(text), count) if text else None
        if style in (VI, EN, AMBIGUOUS):
            self.first.setdefault(style, (line, column, text.strip()))
            self.ambiguous += style == AMBIGUOUS

    @property
    def style(self) -> str | None:
        return VI if VI in self.first else EN if EN in self.first else None
