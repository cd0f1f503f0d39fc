"""Number formatting as Vietnamese documents write it: 1.234,56 (dot for
thousands, comma for decimals)."""
from __future__ import annotations


def fmt_number(value: float, decimals: int = 0, lang: str = "vi") -> str:
    """Format ``value`` with grouped thousands; Vietnamese by default."""
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_int(value: float, lang: str = "vi") -> str:
    return fmt_number(round(value), 0, lang)


def fmt_area(value: float, lang: str = "vi") -> str:
    return fmt_number(value, 2, lang) + " km²"


def fmt_pct(value: float, lang: str = "vi") -> str:
    return fmt_number(value, 2, lang) + " %"
