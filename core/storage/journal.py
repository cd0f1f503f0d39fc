"""The autosave journal: edits not yet saved, kept beside the project database.

Every few seconds the app writes the scenarios with unsaved changes here (one small
JSON file each, written to a temporary file and moved into place). A save to the
database removes the entry, and so does a clean quit or an undo back to the saved
state. After a crash, the next start finds the entries and offers them back.

* An entry is keyed by the scenario's exact id (a digest of it names the file), so two
  ids that differ only in punctuation never share an entry, and by the session that wrote
  it (``owner``): a save in another window removes that window's entry, never this one's.
* An entry carries the version of the stored scenario it was based on; ``Journal.offer``
  compares it with the database: the same version is recovered onto the stored scenario,
  an entry older than what is stored now (a colleague saved since) is only offered as a
  new scenario, never written over the newer work (``Recovery.kind``).
* An entry that cannot be read (damaged, deeply nested, not a scenario) is reported by
  name and skipped; the others are still offered.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from core.common.messages import Message
from core.domain.scenario import Scenario
from core.domain.scenario_io import atomic_write_bytes, from_dict, to_dict

MAX_ENTRY_BYTES = 50 * 1024 * 1024

# Recovery.kind
ON_STORED = "on_stored"        # the stored scenario is still the version the edits started from
NEW = "new"                    # never saved, or deleted since: stored again as it was
STALE = "stale"                # saved elsewhere since: offered as a new scenario only


@dataclass
class Recovery:
    """One journal entry and what recovering it means against the database now."""
    scenario: Scenario
    kind: str
    stored_version: int | None = None
    entry_id: str = ""          # the id the entry is filed under (the scenario may get a new one)
    file: str = ""              # the entry's file name in the journal folder


@dataclass
class Offer:
    """What the journal holds for a project: the entries that can be recovered, and the ones
    that could not be read (in words)."""
    entries: list[Recovery] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)      # file names of the entries not read


class Journal:
    def __init__(self, db_path: str | Path, owner: str | None = None) -> None:
        db_path = Path(db_path)
        self.directory = db_path.with_name(db_path.name + ".journal")
        self.owner = owner or uuid.uuid4().hex[:12]

    @staticmethod
    def _digest(scenario_id: str) -> str:
        return hashlib.sha256(scenario_id.encode("utf-8")).hexdigest()[:40]

    def _file(self, scenario_id: str) -> Path:
        return self.directory / f"{self._digest(scenario_id)}-{self.owner}.json"

    def _legacy_file(self, scenario_id: str) -> Path:
        """Where entries were filed before ids were digested (alphanumerics only)."""
        safe = "".join(ch for ch in scenario_id if ch.isalnum())[:64]
        return self.directory / f"{safe}.json"

    def write(self, scenario: Scenario) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(to_dict(scenario, with_ids=True), ensure_ascii=False)
        atomic_write_bytes(self._file(scenario.id), payload.encode("utf-8"))

    def discard(self, scenario_id: str) -> None:
        """Remove the entry this journal (session) wrote for the scenario."""
        self._file(scenario_id).unlink(missing_ok=True)
        legacy = self._legacy_file(scenario_id)
        if legacy.is_file():
            kept = self._read(legacy)[0]
            if kept is not None and kept.id == scenario_id:
                legacy.unlink(missing_ok=True)
        try:
            self.directory.rmdir()
        except OSError:
            pass

    def discard_file(self, name: str) -> None:
        """Remove an entry by its file name (one that could not be read)."""
        (self.directory / Path(name).name).unlink(missing_ok=True)
        try:
            self.directory.rmdir()
        except OSError:
            pass

    @staticmethod
    def _read(path: Path) -> tuple[Scenario | None, Message | None]:
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None, Message("journal.entry_too_big", file=path.name)
            return from_dict(json.loads(path.read_text(encoding="utf-8"))), None
        except (RecursionError, MemoryError):
            return None, Message("journal.entry_unreadable", file=path.name, reason="nested too deeply")
        except Exception as exc:            # one bad entry must not stop the others
            reason = exc.text() if hasattr(exc, "text") else f"{type(exc).__name__}: {str(exc)[:200]}"
            return None, Message("journal.entry_unreadable", file=path.name, reason=reason)

    def read_all(self) -> tuple[list[tuple[str, Scenario]], list[tuple[str, Message]]]:
        """(file name, scenario) of every readable entry, and (file name, why) of each unreadable one."""
        if not self.directory.is_dir():
            return [], []
        found, problems = [], []
        for path in sorted(self.directory.glob("*.json")):
            scenario, problem = self._read(path)
            if scenario is not None:
                found.append((path.name, scenario))
            elif problem is not None:
                problems.append((path.name, problem))
        return found, problems

    def set_aside(self, name: str) -> None:
        """Keep an unreadable entry as ``….json.unreadable`` (for whoever wants to look), so it is
        reported once, not at every start."""
        path = self.directory / Path(name).name
        try:
            path.replace(path.with_name(path.name + ".unreadable"))
        except OSError:
            pass

    def pending(self) -> list[Scenario]:
        """Unsaved scenarios left by an earlier run (unreadable entries are skipped: ``offer``
        says which)."""
        return [s for _, s in self.read_all()[0]]

    def offer(self, stored_version) -> Offer:
        """Every entry with what recovering it means: ``stored_version(id)`` is the database's
        version of that scenario now (None when it is not stored)."""
        entries, problems = self.read_all()
        offer = Offer(problems=[m for _, m in problems], unreadable=[n for n, _ in problems])
        for name, scenario in entries:
            stored = stored_version(scenario.id)
            if stored is None:
                kind = NEW
            elif stored == scenario.version:
                kind = ON_STORED
            else:
                kind = STALE
            offer.entries.append(Recovery(scenario, kind, stored, scenario.id, name))
        return offer
