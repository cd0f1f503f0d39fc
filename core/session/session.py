"""The open project as a planner works on it, in plain Python: one scenario, its evaluation,
the undo history, saving and the autosave journal.

Every edit is a named command (``core.domain.commands``) given to ``do``: it is checked
before anything changes, applied, put on the history, and the scenario is evaluated again,
only where the command says it touched. ``do``, ``undo`` and ``redo`` return the ``Delta``
of that evaluation, so whoever shows the result redraws only what is new. The GUI wraps this
session (``gui.session``); the command line and the tests drive it directly::

    session = Session(Project("du-an.sqlite"))
    session.open("Phương án 2019")
    session.do(Merge([giao_long, giao_hoa], name="Giao Long"))
    session.undo()
    session.save()
"""
from __future__ import annotations

from core.common.errors import CoreError
from core.common.messages import Message
from core.domain.commands import Command, ReplaceContent, SetGroupException, SetRules
from core.domain.model import Dataset
from core.domain.scenario import SCENARIO_NAME, Scenario, ScenarioError, clean_name
from core.law.evaluation import ScenarioResult
from core.law.incremental import FULL, NOTHING, Delta, IncrementalEvaluator
from core.law.rules import RuleSet, get_rule_set
from core.session.history import DEFAULT_LIMIT, History
from core.storage.connect import reopen
from core.storage.journal import NEW, ON_STORED, Journal, Offer, Recovery
from core.storage.store import Project


class NoScenario(ScenarioError):
    """An edit was asked for while no scenario is open."""


def check_ground(rules: RuleSet, ground: str, text: object) -> None:
    """Refuse a group exception whose ground is not one the rule set lets a planner record, or
    that needs its text (the decision, the reason) and has none."""
    ground = (ground or "").strip()
    if not ground:
        return
    exc = rules.exception(ground)
    if exc is None or exc.automatic:
        raise ScenarioError("exception.unknown_ground", ground=ground, rules=rules.id,
                            known=[Message("exception.ground_item", id=e.id, text=e.text)
                                   for e in rules.exception_grounds])
    if exc.needs_text and not str(text or "").strip():
        raise ScenarioError("exception.needs_text", text=exc.text, prompt=exc.prompt or exc.text)


class Session:
    """``persist_at_once``: a project-level edit (a unit's classification, ``SetClassification``)
    is written to the project as soon as it is done, undone or redone, and leaves the scenario
    clean; with False (``apply --dry-run``, a replay saved as a whole) it waits for ``save``,
    which writes it in the scenario's transaction."""

    def __init__(self, project: Project, limit: int = DEFAULT_LIMIT, persist_at_once: bool = True) -> None:
        self.project = project
        self.persist_at_once = persist_at_once
        self.journal = Journal(project.path)
        self.history = History(limit)
        self.scenario: Scenario | None = None
        self.result: ScenarioResult | None = None
        self._evaluator: IncrementalEvaluator | None = None
        self._journaled = False         # an autosave entry of the open scenario was written
        self._journaled_at = -1         # history.changes when it was written

    # ----- what is open ------------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self.project.dataset

    @property
    def rules(self) -> RuleSet:
        return get_rule_set(self._open().rules)

    def _open(self) -> Scenario:
        if self.scenario is None:
            raise NoScenario("session.no_scenario")
        return self.scenario

    def open(self, ref: str) -> Delta:
        """Make the stored scenario ``ref`` (id or name) the current one; unsaved edits are dropped."""
        return self.switch(self.project.get_scenario(ref))

    def switch(self, scenario: Scenario) -> Delta:
        """Work on ``scenario`` from now on (its history starts empty, as saved)."""
        rules = get_rule_set(scenario.rules)          # refuse a scenario under an unknown rule set
        self.project.use_state(scenario.state or None)    # the units it is drafted on
        self.scenario = scenario
        self.history.clear()
        self._journaled = False
        self._evaluator = IncrementalEvaluator(self.dataset, rules, scenario)
        self.result = self._evaluator.result
        return FULL

    def evaluate_again(self) -> Delta:
        """Evaluate the whole scenario again (after the dataset was reloaded)."""
        scenario = self._open()
        self._evaluator = IncrementalEvaluator(self.dataset, get_rule_set(scenario.rules), scenario)
        self.result = self._evaluator.result
        return FULL

    def reload_dataset(self) -> Delta:
        """Read units, adjacency and boundaries again (after a boundary import)."""
        self.project = reopen(self.project)
        return self.evaluate_again() if self.scenario is not None else FULL

    # ----- edits -------------------------------------------------------------------------
    def check(self, command: Command) -> None:
        """Raise ScenarioError (or UnknownRuleSet) when ``command`` cannot be done now."""
        scenario = self._open()
        if isinstance(command, SetRules):
            get_rule_set(command.rule_id)
        if isinstance(command, SetGroupException):
            check_ground(self.rules, command.ground, command.value)
        command.check(scenario, self.dataset)

    def do(self, command: Command) -> Delta:
        """Check, apply and evaluate ``command``; it becomes the step to undo."""
        self.check(command)
        scenario = self._open()
        changed = command.do(scenario, self.dataset)
        self._write(command, lambda: command.undo(scenario))
        self.history.pushed(command)
        return self._evaluate(changed)

    def undo(self) -> Delta:
        command = self.history.undo_command
        if command is None:
            return NOTHING
        scenario = self._open()
        changed = command.undo(scenario)
        self._write(command, lambda: command.do(scenario, self.dataset))
        self.history.undone()
        return self._evaluate(changed)

    def redo(self) -> Delta:
        command = self.history.redo_command
        if command is None:
            return NOTHING
        scenario = self._open()
        changed = command.do(scenario, self.dataset)
        self._write(command, lambda: command.undo(scenario))
        self.history.redone()
        return self._evaluate(changed)

    def _write(self, command: Command, take_back) -> None:
        """Write a project-level edit now (one transaction); if the write fails, the edit is
        taken back in memory too, so the project is in its old state and says why."""
        if not getattr(command, "project_level", False) or not self.persist_at_once:
            return
        try:
            self.project.store_units(command.units())
        except CoreError:
            take_back()
            raise

    def _pending_units(self) -> list:
        """Units changed by project-level edits not yet written (``persist_at_once`` False)."""
        if self.persist_at_once:
            return []
        steps = self.history.since_clean()
        commands = (steps[0] + steps[1]) if steps is not None else self.history.done_commands()
        return list({u.code: u for c in commands if getattr(c, "project_level", False) for u in c.units()}.values())

    def _evaluate(self, changed) -> Delta:
        evaluator = self._evaluator
        assert evaluator is not None and self.scenario is not None
        if changed.rules:
            delta = evaluator.set_rules(get_rule_set(self.scenario.rules))
        else:
            delta = evaluator.update(changed)
        self.result = evaluator.result
        return delta

    @property
    def can_undo(self) -> bool:
        return self.history.undo_command is not None

    @property
    def can_redo(self) -> bool:
        return self.history.redo_command is not None

    def undo_label(self) -> Message | None:
        command = self.history.undo_command
        return command.label() if command is not None else None

    def redo_label(self) -> Message | None:
        command = self.history.redo_command
        return command.label() if command is not None else None

    # ----- saving ------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether the scenario (or, with ``persist_at_once`` False, the project) has edits not
        yet saved; project-level edits written at once do not count."""
        if not self.persist_at_once:
            return self.history.dirty
        return self.history.dirty_by(lambda c: not getattr(c, "project_level", False))

    def mark_clean(self) -> None:
        self.history.mark_clean()

    def changes_since_save(self) -> list[Message] | None:
        """What the unsaved edits did, in words, oldest first (a save's summary for a change log);
        None when the history no longer reaches back to the save."""
        steps = self.history.since_clean()
        if steps is None:
            return None
        done, undone = steps
        if self.persist_at_once:            # written already: not among the unsaved edits
            done = [c for c in done if not getattr(c, "project_level", False)]
            undone = [c for c in undone if not getattr(c, "project_level", False)]
        return [c.describe(self.dataset) for c in done] + \
            [Message("change.undone", change=c.describe(self.dataset)) for c in undone]

    def save(self, force: bool = False, action: str = "save", summary: list[Message] | None = None) -> None:
        """Save the open scenario in one transaction; raises ConflictError/ScenarioError.
        The change log records ``summary`` (default: the unsaved edits in words)."""
        scenario = self._open()
        if summary is None:
            summary = self.changes_since_save() or []
        pending = self._pending_units()          # classification edits of a replay, saved with it
        self.project.save_scenario(scenario, force=force, action=action, summary=summary,
                                   **({"units": pending} if pending else {}))
        self.history.mark_clean()
        self.journal.discard(scenario.id)
        self._journaled = False

    def autosave(self) -> bool:
        """Write unsaved edits to the journal beside the database; True when written.

        Nothing is written when nothing changed since the last entry (at national size an
        entry is a fifth of a megabyte). Once the scenario is back as saved (saved, or undone
        to the saved step), the entry this session wrote is removed, so the next start does
        not offer to recover it.
        """
        if self.scenario is None:
            return False
        if not self.dirty:
            if self._journaled:
                self.journal.discard(self.scenario.id)
                self._journaled = False
            return False
        if self._journaled and self._journaled_at == self.history.changes:
            return False
        self.journal.write(self.scenario)
        self._journaled, self._journaled_at = True, self.history.changes
        return True

    def closing(self) -> None:
        """A clean quit: with the scenario as saved (saved, or undone back to the save), the
        journal entry this session wrote goes, so the next start offers nothing."""
        if self.scenario is not None and not self.dirty:
            self.journal.discard(self.scenario.id)
            self._journaled = False

    def discard_changes(self) -> None:
        """Forget that there are unsaved edits (the planner chose not to save them)."""
        if self.scenario is None:
            return
        self.journal.discard(self.scenario.id)
        self._journaled = False
        self.history.mark_clean()

    def recovery_offer(self) -> Offer:
        """What the journal holds, each entry checked against the database's version now."""
        return self.journal.offer(self.project.stored_version)

    def recover(self, entry: Recovery | Scenario, open_it: bool = True) -> Delta:
        """Bring back edits from the journal, through the version check (``Recovery.kind``):

        * on the stored scenario, as one undoable step, when it is still the version the edits
          started from;
        * as a new stored scenario when it was never saved (or was deleted since);
        * as a new scenario named "… (recovered)" when it was saved elsewhere since: the
          newer work is never written over.

        ``open_it=False`` (the other entries of a crash) keeps the open scenario: an entry on
        the stored scenario is then stored as a new scenario too.
        """
        if isinstance(entry, Scenario):
            entry = next((e for e in self.recovery_offer().entries if e.entry_id == entry.id),
                         Recovery(entry, NEW, None, entry.id))
        scenario = entry.scenario
        if entry.kind == ON_STORED and open_it:
            self.open(scenario.id)
            delta = self.do(ReplaceContent(scenario)) | FULL
            self.adopted(entry)
            return delta
        if entry.kind != NEW:
            scenario.name = self._free_name(Message("journal.recovered_name", name=scenario.name).text())
        self.project.add_scenario(scenario)          # under a new id
        self._drop(entry)
        return self.open(scenario.id) if open_it else NOTHING

    def adopted(self, entry: Recovery) -> None:
        """The entry's edits are this session's unsaved edits now: journal them as ours, then
        remove the entry the earlier run left (never the other way round)."""
        self._journaled = False
        self.autosave()
        self._drop(entry)

    def _drop(self, entry: Recovery) -> None:
        if entry.file:
            self.journal.discard_file(entry.file)
        else:
            self.journal.discard(entry.entry_id)

    def _free_name(self, base: str) -> str:
        names = set(self.project.scenario_names())
        name, n = base, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        return name

    # ----- scenarios in the project --------------------------------------------------------
    def rename_scenario(self, scenario_id: str, name: str) -> None:
        """Rename a stored scenario at once (not an undoable edit: it is saved as it is done)."""
        name = clean_name(name, SCENARIO_NAME)
        others = [s.name for s in self.project.scenarios() if s.id != scenario_id]
        if name in others:
            raise ScenarioError("scenario.name_taken", name=name)
        stored = self.project.get_scenario(scenario_id)
        old, stored.name = stored.name, name
        self.project.save_scenario(stored, action="rename",
                                   summary=[Message("change.renamed_scenario", old=old, new=name)])
        if self.scenario is not None and self.scenario.id == scenario_id:
            self.scenario.name = name
            self.scenario.version = stored.version

    def add_scenario(self, scenario: Scenario) -> None:
        get_rule_set(scenario.rules)
        scenario.validate(self.dataset)
        self.project.add_scenario(scenario)

    def delete_scenario(self, scenario_id: str) -> None:
        self.project.delete_scenario(scenario_id)
        self.journal.discard(scenario_id)
