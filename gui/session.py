"""The open project as the windows see it: one scenario, its evaluation, the selection.

Every edit arrives here as a core command and goes on the undo stack; after
each do/undo the scenario is evaluated again and ``evaluated`` tells the table,
the map and the checks panel to redraw. No verdict is computed here: the
session only asks ``core.law.evaluation``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from core.domain.commands import Command
from core.domain.model import Dataset
from core.domain.scenario import SCENARIO_NAME, Group, Scenario, ScenarioError, clean_name
from core.law.evaluation import ScenarioResult
from core.law.incremental import IncrementalEvaluator
from core.law.rules import RuleSet, UnknownRuleSet, get_rule_set
from core.storage.journal import Journal
from core.storage.store import Project

from .i18n import current_language
from .undo import CoreUndoCommand


class Session(QObject):
    evaluated = Signal()            # the scenario was evaluated again (after any edit)
    scenario_switched = Signal()    # another scenario is now the current one
    selection_changed = Signal()
    scenarios_changed = Signal()    # the list of scenarios in the project changed
    dataset_changed = Signal()      # units, adjacency or boundaries were reloaded
    saved = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.journal = Journal(project.path)
        self.undo_stack = QUndoStack(self)
        self.scenario: Scenario | None = None
        self.result: ScenarioResult | None = None
        self._incremental: IncrementalEvaluator | None = None
        self.selection: list[str] = []
        app = QCoreApplication.instance()
        if app is not None:       # at exit the stack is torn down after the widgets listening to it
            app.aboutToQuit.connect(lambda: self.undo_stack.blockSignals(True))

    # ----- what is open ------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self.project.dataset

    @property
    def rules(self) -> RuleSet:
        assert self.scenario is not None
        return get_rule_set(self.scenario.rules)

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

    def open_scenario(self, ref: str) -> None:
        """Make the stored scenario ``ref`` (id or name) the current one; unsaved edits are dropped."""
        self.set_scenario(self.project.get_scenario(ref))

    def set_scenario(self, scenario: Scenario) -> None:
        get_rule_set(scenario.rules)        # refuse a scenario under an unknown rule set
        self.undo_stack.clear()
        self.scenario = scenario
        self.selection = []
        self.refresh()
        self.scenario_switched.emit()
        self.selection_changed.emit()

    def refresh(self) -> None:
        """Evaluate again: in full for another scenario, rule set or dataset, else only
        what the last edit touched (core.law.incremental gives the same result as a full pass)."""
        assert self.scenario is not None
        inc = self._incremental
        if inc is None or inc.scenario is not self.scenario or inc.dataset is not self.dataset:
            inc = self._incremental = IncrementalEvaluator(self.dataset, self.rules, self.scenario)
        elif inc.rules is not self.rules:
            inc.set_rules(self.rules)
        else:
            inc.refresh()
        self.result = inc.result
        self.evaluated.emit()

    def reload_dataset(self) -> None:
        """Read units, adjacency and boundaries again (after a boundary import)."""
        path = self.project.path
        self.project.close()
        self.project = Project(path)
        self.selection = [c for c in self.selection if c in self.dataset.units]
        self.dataset_changed.emit()
        self.refresh()

    # ----- edits -------------------------------------------------------------
    def run(self, make: Callable[[Scenario], Command], text: str) -> None:
        """Push the command ``make(scenario)`` as one undoable step named ``text``.

        The command is first tried on a copy, so an invalid edit raises
        ``ScenarioError`` here and the undo stack is never given a step that fails.
        """
        assert self.scenario is not None
        make(self.scenario.snapshot()).do()
        self.undo_stack.push(CoreUndoCommand(make(self.scenario), text, self.refresh))

    def edit(self, text: str, apply: Callable[[Scenario], object]) -> None:
        """An undoable edit made of several core edits (``apply`` gets the scenario)."""
        self.run(lambda s: Command(s, text, apply), text)

    # ----- saving --------------------------------------------------------------
    def save(self, force: bool = False) -> None:
        """Save the current scenario in one transaction; raises ConflictError/ScenarioError."""
        assert self.scenario is not None
        self.project.save_scenario(self.scenario, force=force)
        self.undo_stack.setClean()
        self.journal.discard(self.scenario.id)
        self.scenarios_changed.emit()
        self.saved.emit()

    def autosave(self) -> bool:
        """Write unsaved edits to the journal beside the database; True when written."""
        if self.scenario is None or not self.dirty:
            return False
        self.journal.write(self.scenario)
        return True

    def discard_changes(self) -> None:
        if self.scenario is None:
            return
        self.journal.discard(self.scenario.id)
        self.undo_stack.setClean()

    def recover(self, scenario: Scenario, text: str) -> None:
        """Bring back edits from the journal as one undoable step on the stored scenario."""
        stored = self.project.stored_version(scenario.id)
        if stored is None:
            scenario.version = 0
            self.project.add_scenario(scenario)
            self.scenarios_changed.emit()
            self.set_scenario(self.project.get_scenario(scenario.id))
            self.journal.discard(scenario.id)
            return
        self.set_scenario(self.project.get_scenario(scenario.id))
        scenario.version = stored
        self.edit(text, lambda s: s.restore(scenario))

    # ----- scenarios in the project -------------------------------------------------
    def rename_scenario(self, scenario_id: str, name: str) -> None:
        name = clean_name(name, SCENARIO_NAME)
        others = [s.name for s in self.project.scenarios() if s.id != scenario_id]
        if name in others:
            raise ScenarioError("scenario.name_taken", name=name)
        stored = self.project.get_scenario(scenario_id)
        stored.name = name
        self.project.save_scenario(stored)
        if self.scenario is not None and self.scenario.id == scenario_id:
            self.scenario.name = name
            self.scenario.version = stored.version
            self.scenario_switched.emit()
        self.scenarios_changed.emit()

    def add_scenario(self, scenario: Scenario) -> None:
        get_rule_set(scenario.rules)
        scenario.validate(self.dataset)
        self.project.add_scenario(scenario)
        self.scenarios_changed.emit()

    def delete_scenario(self, scenario_id: str) -> None:
        self.project.delete_scenario(scenario_id)
        self.journal.discard(scenario_id)
        self.scenarios_changed.emit()

    # ----- selection ---------------------------------------------------------------
    def set_selection(self, codes: Iterable[str]) -> None:
        units = self.dataset.units
        chosen = [c for c in dict.fromkeys(codes) if c in units]
        if chosen != self.selection:
            self.selection = chosen
            self.selection_changed.emit()

    def selected_groups(self) -> list[Group]:
        assert self.scenario is not None
        found: dict[str, Group] = {}
        for code in self.selection:
            group = self.scenario.group_of(code)
            if group is not None:
                found.setdefault(group.id, group)
        return list(found.values())
