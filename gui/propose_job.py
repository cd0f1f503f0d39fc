"""Propose a plan off the GUI thread: ``core.propose`` in a worker thread, its progress and Cancel.

The worker reads the boundary lengths (for the compactness tie-break) through its own
connection to the project database (SQLite connections stay in their thread) and calls
``core.propose.propose`` on the session's dataset. It reports each piece solved and, while a
piece is being solved, the gap of its best plan. Cancel sets an event core asks often:
the proposal then comes back with the best plan found so far (``Proposal.stopped``). A
failure crosses to the GUI thread as words, never as a traceback.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core.domain.model import Dataset
from core.law.rules import get_rule_set
from core.propose import ProposalRequest, propose
from core.propose.perimeters import perimeters
from core.storage.store import Project

from .errors import explain


class ProposeWorker(QObject):
    piece_done = Signal(object, int, int)     # PieceReport, pieces done, pieces in all
    searching = Signal(str, object)           # the piece being solved, the gap of its best plan (None: no bound yet)
    finished = Signal(object)                 # Proposal
    failed = Signal(str)                      # what went wrong, in words

    def __init__(self, db_path: Path, dataset: Dataset, rules_id: str, request: ProposalRequest) -> None:
        super().__init__()
        self.db_path, self.dataset, self.rules_id, self.request = db_path, dataset, rules_id, request
        self.stop = threading.Event()

    @Slot()
    def run(self) -> None:
        project = None
        try:
            project = Project(self.db_path)
            shared = project.shared_lengths() or None
            perimeter = perimeters(project.geometries()) or None
            proposal = propose(self.dataset, get_rule_set(self.rules_id), self.request, shared, perimeter,
                               progress=lambda report, done, total: self.piece_done.emit(report, done, total),
                               cancel=self.stop.is_set,
                               searching=lambda label, gap: self.searching.emit(label, gap))
            self.finished.emit(proposal)
        except Exception as exc:     # core's refusals in words; anything else named, without its traceback
            self.failed.emit(explain(exc, self.dataset))
        finally:
            if project is not None:
                project.close()


class ProposeJob(QObject):
    """One run of the proposer; ``finished(proposal)`` or ``failed(text)`` when it ends."""

    piece_done = Signal(object, int, int)
    searching = Signal(str, object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, dataset: Dataset, rules_id: str, request: ProposalRequest,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = ProposeWorker(db_path, dataset, rules_id, request)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.piece_done.connect(self.piece_done)
        self.worker.searching.connect(self.searching)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.thread.start()

    def cancel(self) -> None:
        """Stop looking; the proposal comes back with the best plan found so far."""
        self.worker.stop.set()

    @property
    def cancelled(self) -> bool:
        return self.worker.stop.is_set()

    def _end(self) -> None:
        self.running = False
        self.thread.quit()
        self.thread.wait()

    def _finished(self, proposal) -> None:
        self._end()
        self.finished.emit(proposal)

    def _failed(self, text: str) -> None:
        self._end()
        self.failed.emit(text)

    def wait(self) -> None:
        """Block until the worker is done (closing the window while it runs)."""
        self.cancel()
        self.thread.quit()
        self.thread.wait()
