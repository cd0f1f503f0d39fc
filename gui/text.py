"""Small helpers for words on screen."""
from __future__ import annotations

import html
import re

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Put ``values`` into ``%1``, ``%2``… of a translated template, in one pass
    (so a name that itself contains "%2" is left as it is)."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1])
                            if 0 < int(m.group(1)) <= len(values) else m.group(0), template)


def rich(*lines: str) -> str:
    """Plain lines as a tooltip: every line escaped, nothing from data is interpreted."""
    return "<p>" + "<br>".join(html.escape(line) for line in lines if line) + "</p>"
