"""Progress of a long export, and its cancellation.

A writer reports ``progress(fraction, Message)`` (the protocol of the importers). A caller
that wants to stop the export raises ``ExportCancelled`` from inside its callback: the
export unwinds, the temporary file is removed, and the target stays as it was.
"""
from __future__ import annotations

from collections.abc import Callable

from core.common.messages import Message

from .files import ExportError

Report = Callable[[float, Message], None]


class ExportCancelled(ExportError):
    """The planner stopped the export; nothing was written."""

    def __init__(self, file: str) -> None:
        super().__init__("export.cancelled", file=file)


class Stages:
    """Maps each stage's own 0…1 onto its share of the whole export (``span``)."""

    def __init__(self, report: Report | None) -> None:
        self.report = report
        self.start, self.end = 0.0, 0.0
        self.message = Message("export.progress.preparing")

    def stage(self, end: float, code: str, **params: object) -> Stages:
        """The next stage runs up to ``end`` (0…1 of the whole) and is named by ``code``."""
        self.start, self.end = self.end, end
        self.message = Message(code, **params)
        self(0.0)
        return self

    def rename(self, code: str, **params: object) -> None:
        """Name the running stage anew (e.g. with the page being written)."""
        self.message = Message(code, **params)

    def __call__(self, done: float = 1.0) -> None:
        if self.report is not None:
            self.report(self.start + (self.end - self.start) * min(max(done, 0.0), 1.0), self.message)
