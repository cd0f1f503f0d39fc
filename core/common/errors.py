"""Typed errors that carry messages (codes with parameters), never English sentences.

Every refusal or failure core reports to a person is a ``CoreError``: one or more
``Message``s, worded in the reader's language when shown (``exc.text(lang)``;
``str(exc)`` uses the chosen language). Subclasses say which part refused
(``ScenarioError``, ``DataError``, ``ProjectError`` …) so callers can catch them;
the wording lives in the catalogue only.
"""
from __future__ import annotations

from collections.abc import Iterable

from core.common.messages import Message, words


class CoreError(Exception):
    """A refusal or failure, as messages: ``CoreError("code", param=…)`` or a list of Messages."""

    def __init__(self, code: str | Message | Iterable[Message], /, **params: object) -> None:
        if isinstance(code, str):
            self.messages = [Message(code, **params)]
        elif isinstance(code, Message):
            self.messages = [code]
        else:
            self.messages = list(code)
            if not self.messages:
                raise ValueError("a CoreError needs at least one message")
        super().__init__(self.messages[0].code)

    @property
    def code(self) -> str:
        return self.messages[0].code

    @property
    def params(self):
        return self.messages[0].params

    def text(self, lang: str | None = None, limit: int | None = 20) -> str:
        """The messages as lines in ``lang``; past ``limit``, the first ones and how many more."""
        return words(self.messages, lang, limit)

    def __str__(self) -> str:
        return self.text()

    def as_json(self) -> list[dict]:
        return [m.as_json() for m in self.messages]
