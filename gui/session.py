"""The windows' view of the core session (``core.session``): Qt signals and an undo stack.

All the work is core's: a gesture is a core command given to ``push``; the core session
checks it, applies it, evaluates again and says what changed (a ``Delta``). This adapter only
mirrors the core history in a ``QUndoStack`` (for the Edit menu, the "modified" mark and
``cleanChanged``) and tells the views, once per gesture:

- ``evaluated(delta)``: the evaluation is new; the views redraw what ``delta`` names;
- ``scenario_switched``: another scenario (or the same one reloaded) is open;
- ``selection_changed``: the planner's selection, which is not core state;
- ``language_changed``: words only, nothing to evaluate;
- ``scenarios_changed``, ``dataset_changed``, ``saved``.
"""
from __future__ import annotations

import time
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.domain.commands import Command
from core.domain.model import Dataset
from core.domain.scenario import Group, Scenario
from core.law.evaluation import ScenarioResult
from core.law.incremental import FULL, Delta
from core.law.rules import RuleSet, UnknownRuleSet, get_rule_set
from core.session import Session as CoreSession
from core.storage.journal import Journal
from core.storage.store import Project

from .i18n import current_language
from .undo import CoreUndoCommand


class Session(QObject):
    evaluated = Signal(object)      # Delta: what the new evaluation changed
    scenario_switched = Signal()    # another scenario is now the current one
    selection_changed = Signal()
    language_changed = Signal()     # the planner chose another language
    scenarios_changed = Signal()    # the list of scenarios in the project changed
    dataset_changed = Signal()      # units, adjacency or boundaries were reloaded
    saved = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.core = CoreSession(project)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(self.core.history.limit)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.selection: list[str] = []
        self.delta: Delta = FULL         # what the last evaluation changed
        self.last_edit = 0.0             # time.monotonic() of the last evaluation
        app = QCoreApplication.instance()
        if app is not None:       # at exit the stack is torn down after the widgets listening to it
            app.aboutToQuit.connect(lambda: self.undo_stack.blockSignals(True))

    # ----- what is open (read from core) ---------------------------------------------
    @property
    def project(self) -> Project:
        return self.core.project

    @property
    def journal(self) -> Journal:
        return self.core.journal

    @property
    def dataset(self) -> Dataset:
        return self.core.dataset

    @property
    def scenario(self) -> Scenario | None:
        return self.core.scenario

    @property
    def result(self) -> ScenarioResult | None:
        return self.core.result

    @property
    def rules(self) -> RuleSet:
        return self.core.rules

    @staticmethod
    def rules_title(rule_id: str) -> str:
        try:
            return get_rule_set(rule_id).short
        except UnknownRuleSet:
            return rule_id

    @property
    def lang(self) -> str:
        return current_language()

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def undo_text(self) -> str:
        label = self.core.undo_label()
        return label.text() if label is not None else ""

    def redo_text(self) -> str:
        label = self.core.redo_label()
        return label.text() if label is not None else ""

    # ----- switching ---------------------------------------------------------------------
    def open_scenario(self, ref: str) -> None:
        """Make the stored scenario ``ref`` (id or name) the current one; unsaved edits are dropped."""
        self.set_scenario(self.project.get_scenario(ref))

    def set_scenario(self, scenario: Scenario) -> None:
        before = self.core.dataset
        delta = self.core.switch(scenario)        # refuses a scenario under an unknown rule set
        self._clear_stack()
        self.selection = []
        if self.core.dataset is not before:      # drafted on another state (hiện trạng): its units
            self.dataset_changed.emit()
        self._evaluated(delta)
        self.scenario_switched.emit()
        self.selection_changed.emit()

    def reload_dataset(self) -> None:
        """Read units, adjacency and boundaries again (after a boundary import)."""
        delta = self.core.reload_dataset()
        self.selection = [c for c in self.selection if c in self.dataset.units]
        self.dataset_changed.emit()
        self._evaluated(delta)

    def language_switched(self) -> None:
        """The planner chose another language: views reword what they show."""
        self.language_changed.emit()

    # ----- edits -------------------------------------------------------------------------
    def push(self, command: Command) -> None:
        """Do ``command`` as one undoable step. It is checked first: a refusal raises
        ``ScenarioError`` (or ``UnknownRuleSet``) and nothing reaches the undo stack."""
        self.core.check(command)
        self.undo_stack.push(CoreUndoCommand(self, command))

    def _evaluated(self, delta: Delta) -> None:
        self.delta = delta
        self.last_edit = time.monotonic()
        self.evaluated.emit(delta)

    def _clear_stack(self) -> None:
        self.undo_stack.clear()

    def _clean_changed(self, clean: bool) -> None:
        # The stack is the planner's "modified" mark; core's history follows it.
        if clean and self.core.dirty:
            self.core.mark_clean()

    def clear_history(self) -> None:
        """Forget the undo steps; the scenario stays as it is, saved or not."""
        dirty = self.dirty
        self.core.history.clear(saved=not dirty)
        self._clear_stack()
        if dirty:
            self.undo_stack.resetClean()

    # ----- saving --------------------------------------------------------------------------
    def save(self, force: bool = False) -> None:
        """Save the current scenario in one transaction; raises ConflictError/ScenarioError."""
        self.core.save(force=force)
        self.undo_stack.setClean()
        self.scenarios_changed.emit()
        self.saved.emit()

    def autosave(self) -> bool:
        """Write unsaved edits to the journal beside the database; True when written."""
        return self.core.autosave()

    def discard_changes(self) -> None:
        if self.scenario is None:
            return
        self.core.discard_changes()
        self.undo_stack.setClean()

    def recover(self, entry) -> None:
        """Bring back edits from the journal through the version check (``Session.recover`` in
        core): onto the stored scenario as one undoable step, or as a new scenario."""
        from core.domain.commands import ReplaceContent
        from core.storage.journal import ON_STORED
        if isinstance(entry, Scenario):
            entry = next((e for e in self.core.recovery_offer().entries if e.entry_id == entry.id), entry)
        if not isinstance(entry, Scenario) and entry.kind == ON_STORED:
            self.open_scenario(entry.scenario.id)
            entry.scenario.version = self.core.scenario.version    # type: ignore[union-attr]
            self.push(ReplaceContent(entry.scenario))
            self.core.adopted(entry)
            return
        self.core.recover(entry)
        self.scenarios_changed.emit()
        self.set_scenario(self.core.scenario)      # type: ignore[arg-type]

    # ----- scenarios in the project ---------------------------------------------------------
    def rename_scenario(self, scenario_id: str, name: str) -> None:
        self.core.rename_scenario(scenario_id, name)
        if self.scenario is not None and self.scenario.id == scenario_id:
            self.scenario_switched.emit()
        self.scenarios_changed.emit()

    def add_scenario(self, scenario: Scenario) -> None:
        self.core.add_scenario(scenario)
        self.scenarios_changed.emit()

    def delete_scenario(self, scenario_id: str) -> None:
        self.core.delete_scenario(scenario_id)
        self.scenarios_changed.emit()

    # ----- selection ---------------------------------------------------------------------------
    def set_selection(self, codes: Iterable[str]) -> None:
        units = self.dataset.units
        chosen = [c for c in dict.fromkeys(codes) if c in units]
        if chosen != self.selection:
            self.selection = chosen
            self.selection_changed.emit()

    def selected_groups(self) -> list[Group]:
        assert self.scenario is not None
        owner = self.result.owner if self.result is not None else self.scenario.grouped_codes()
        found: dict[str, Group] = {}
        for code in self.selection:
            group = owner.get(code)
            if group is not None:
                found.setdefault(group.id, group)
        return list(found.values())

    def group_of(self, code: str) -> Group | None:
        """The group ``code`` belongs to now (from the evaluation's index: no scan of the groups)."""
        if self.result is not None:
            return self.result.owner.get(code)
        return self.scenario.group_of(code) if self.scenario is not None else None
