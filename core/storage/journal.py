"""The autosave journal: edits not yet saved, kept beside the project database.

Every few seconds the app writes the scenarios with unsaved changes here (one
small JSON file each, written to a temporary file and moved into place). A
save to the database removes the entry. After a crash, the next start finds
the entries and offers to recover them exactly as they were.
"""
from __future__ import annotations

import json
from pathlib import Path

from core.domain.scenario import Scenario
from core.domain.scenario_io import atomic_write_bytes, from_dict, to_dict


class Journal:
    def __init__(self, db_path: str | Path) -> None:
        db_path = Path(db_path)
        self.directory = db_path.with_name(db_path.name + ".journal")

    def _file(self, scenario_id: str) -> Path:
        safe = "".join(ch for ch in scenario_id if ch.isalnum())[:64]
        return self.directory / f"{safe}.json"

    def write(self, scenario: Scenario) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(to_dict(scenario, with_ids=True), ensure_ascii=False)
        atomic_write_bytes(self._file(scenario.id), payload.encode("utf-8"))

    def discard(self, scenario_id: str) -> None:
        self._file(scenario_id).unlink(missing_ok=True)
        try:
            self.directory.rmdir()
        except OSError:
            pass

    def pending(self) -> list[Scenario]:
        """Unsaved scenarios left by an earlier run (unreadable entries are skipped)."""
        if not self.directory.is_dir():
            return []
        found = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                found.append(from_dict(json.loads(path.read_text(encoding="utf-8"))))
            except (ValueError, OSError):
                continue
        return found
