"""How the command line prints: every line is a catalogue message in the chosen language."""
from __future__ import annotations

import json
import sys

from core.common.errors import CoreError
from core.common.messages import Message, say


def line(code: str, /, **params: object) -> None:
    """Print the message ``code`` (in the language ``--lang`` chose)."""
    print(say(code, **params))


def words(item: object) -> str:
    """A report item as text: a Message is worded, anything else is shown as it is."""
    return item.text() if isinstance(item, Message) else str(item)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_jsonable))


def _jsonable(value: object) -> object:
    if isinstance(value, Message):
        return value.as_json()
    if isinstance(value, CoreError):
        return value.as_json()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def progress(frac: float, msg: object) -> None:
    """A progress line on stderr, redrawn in place (``msg``: a Message or a label)."""
    label = words(msg) if msg else say("cli.progress")
    print(f"\r[{frac * 100:5.1f} %] {label:<40}", end="", file=sys.stderr, flush=True)


class CliError(CoreError):
    """A refusal of the command line itself (``cli.*`` codes)."""
