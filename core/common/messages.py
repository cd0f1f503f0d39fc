"""Every sentence core makes for a person, from one catalogue, in Vietnamese or English.

Core never builds a sentence in code: it names a message by its code and gives the
figures (``Message("scenario.unit_in_two_groups", code="28816", group="Giao Long")``);
``Message.text(lang)`` words it from the catalogue, ``resources/messages/*.toml``,
where each code has its Vietnamese and its English text side by side::

    [scenario.unit_in_two_groups]
    vi = "Đơn vị {code} đã thuộc nhóm {group}; mỗi đơn vị chỉ thuộc một nhóm."
    en = "Unit {code} is already in group {group}; a unit belongs to one group only."

Placeholders are ``str.format`` fields with a few formats of our own, so that figures
read as each language writes them:

==================  ===========================================================
``{v:area}``        2 decimals and "km²" (``5,97 km²`` / ``5.97 km²``)
``{v:int}``         a whole number, thousands grouped (``3.933`` / ``3,933``)
``{v:num}``         a number with up to 2 decimals, trailing zeros dropped
``{v:pct}``         2 decimals and " %"
``{v:list}``        the items of a list, comma separated
``{v:clauses}``     the items of a list as clauses of one sentence (``A; B``)
``{v:and}``         the items of a list as a sentence lists them (``A, B và C`` / ``A, B and C``)
``{n:n|unit}``      a count and a noun (``3 nhóm``); English: ``{n:n|group|groups}``
``{v:msg}``         a message code (or a Message) worded in the same language
``{v:@prefix}``     the message ``prefix.<v>`` (``{kind:@kind}`` → ``kind.xa`` → ``xã``);
                    a value with no such message is shown as it is
==================  ===========================================================

A parameter that is data in both languages, ``{"vi": …, "en": …}`` (the texts of the
rule-set files), is shown in the reader's language.

A parameter that is itself a ``Message`` is worded too, so a refusal can say where
(``where=Message("where.group", index=2, name="Giao Long")``). A text may begin with
``{where}: ``; worded without a ``where``, that prefix is left out and the sentence starts
with a capital (the same refusal from a file names the place, from a gesture it does not).

The language is given per call, or else the one chosen for the process
(``set_language``: the command line's ``--lang``, the window's language menu).
"""
from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.common.numbers import fmt_area, fmt_int, fmt_number, fmt_pct
from core.common.paths import ROOT

CATALOGUE_DIR = ROOT / "resources" / "messages"
LANGUAGES = ("vi", "en")

_current = "vi"


def set_language(lang: str) -> None:
    """The language of every message worded without an explicit ``lang``."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """code → {"vi": text, "en": text}, read once from every ``*.toml`` of the catalogue."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted(CATALOGUE_DIR.glob("*.toml")):
        with open(path, "rb") as fh:
            _flatten(tomllib.load(fh), "", out, path.name)
    return out


def _flatten(table: Mapping, prefix: str, out: dict, source: str) -> None:
    for key, value in table.items():
        code = f"{prefix}{key}"
        if not isinstance(value, Mapping):
            raise ValueError(f"{source}: {code} is not a message table")
        if any(lang in value for lang in LANGUAGES):
            if code in out:
                raise ValueError(f"{source}: message {code} is defined twice")
            out[code] = {lang: value[lang] for lang in LANGUAGES if isinstance(value.get(lang), str)}
        else:
            _flatten(value, code + ".", out, source)


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value, spec: str) -> str:
        lang = self.lang
        if isinstance(value, Message):
            return value.text(lang)
        if isinstance(value, Mapping) and any(k in value for k in LANGUAGES):
            return pick(value, lang)
        if spec.startswith("@"):
            code = f"{spec[1:]}.{value}"
            return say(code, lang) if code in catalogue() else str(value)
        if spec == "area":
            return fmt_area(float(value), lang)
        if spec == "int":
            return fmt_int(float(value), lang)
        if spec == "num":
            return _plain_number(float(value), lang)
        if spec == "pct":
            return fmt_pct(float(value), lang)
        if spec == "list":
            return ", ".join(self.format_field(v, "") for v in value)
        if spec == "clauses":
            return "; ".join(self.format_field(v, "") for v in value)
        if spec == "and":
            items = [self.format_field(v, "") for v in value]
            if len(items) <= 1:
                return "".join(items)
            return ", ".join(items[:-1]) + say("common.and", lang) + items[-1]
        if spec == "msg":
            return value.text(lang) if isinstance(value, Message) else say(str(value), lang)
        if spec.startswith("n|"):
            words = spec[2:].split("|")
            noun = words[0] if (len(words) == 1 or value == 1) else words[1]
            return f"{fmt_int(float(value), lang)} {noun}"
        return super().format_field(value, spec)


def _plain_number(value: float, lang: str) -> str:
    if value == int(value):
        return fmt_int(value, lang)
    text = fmt_number(value, 2, lang)
    return text.rstrip("0").rstrip(",." if lang == "en" else ",")


WHERE = "{where}: "


def pick(text: Mapping | str, lang: str | None = None) -> str:
    """One language of a text given in both (``{"vi": …, "en": …}``); plain text as it is."""
    if isinstance(text, str):
        return text
    lang = lang or _current
    return text.get(lang) or text.get("vi") or next(iter(text.values()), "")


def say(code: str, lang: str | None = None, /, **params: object) -> str:
    """The text of message ``code`` in ``lang`` (default: the chosen language)."""
    lang = lang or _current
    entry = catalogue().get(code)
    if entry is None:
        # Never shown to a planner in practice (a test checks every code used exists);
        # still, a missing text must not hide the facts.
        return f"{code} {dict(params)}" if params else code
    template = entry.get(lang) or entry.get("vi") or code
    if template.startswith(WHERE) and params.get("where") in (None, ""):
        rest = template[len(WHERE):]
        template = rest[:1].upper() + rest[1:]
    return _Formatter(lang).vformat(template, (), params)


@dataclass(frozen=True)
class Message:
    """A sentence to be worded later, in whatever language the reader chose."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __init__(self, code: str, /, **params: object) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def text(self, lang: str | None = None) -> str:
        return say(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.text()

    def as_json(self) -> dict:
        """Code, parameters and both wordings: what ``--json`` outputs carry."""
        return {"code": self.code, "params": {k: _jsonable(v) for k, v in self.params.items()},
                "text": {lang: self.text(lang) for lang in LANGUAGES}}


def _jsonable(value: object) -> object:
    if isinstance(value, Message):
        return value.as_json()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    return value


def words(items: Iterable[Message], lang: str | None = None, limit: int | None = 20,
          sep: str = "\n") -> str:
    """Several messages as lines; past ``limit``, the first ones and how many more."""
    items = list(items)
    shown = items if limit is None or len(items) <= limit else items[:limit]
    lines = [m.text(lang) for m in shown]
    if len(shown) < len(items):
        lines.append(say("common.and_more", lang, count=len(items) - len(shown)))
    return sep.join(lines)


def known(code: str) -> bool:
    return code in catalogue()


def placeholders(template: str) -> set[str]:
    """The parameter names a catalogue text uses (for the completeness test)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}


__all__ = ["LANGUAGES", "Message", "catalogue", "current_language", "known", "pick", "placeholders", "say",
           "set_language", "words"]


def catalogue_paths() -> list[Path]:
    return sorted(CATALOGUE_DIR.glob("*.toml"))
