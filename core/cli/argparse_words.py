"""argparse's own words (usage, options, its refusals) in the command line's language.

argparse words its messages through ``gettext`` (``argparse._`` and ``argparse.ngettext``,
looked up when a message is made). ``in_language(lang)`` lends it the catalogue's
``argparse.*`` texts for the time of a parse: each entry's ``en`` is argparse's own text,
its ``vi`` the translation. A text the catalogue does not know is left in English.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from core.common.messages import catalogue


@cache
def _by_english() -> dict[str, dict[str, str]]:
    return {entry["en"]: entry for code, entry in catalogue().items() if code.startswith("argparse.")}


def translate(msgid: str, lang: str) -> str:
    entry = _by_english().get(msgid)
    return entry.get(lang, msgid) if entry else msgid


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    saved = argparse._, argparse.ngettext
    argparse._ = lambda msgid: translate(msgid, lang)
    argparse.ngettext = lambda one, many, n: translate(one if n == 1 else many, lang)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
