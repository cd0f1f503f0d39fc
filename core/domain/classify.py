"""A planner's edit of units' classifications: a project-level, undoable command with its source.

``SetClassification(["28816"], {"terrain": "mountainous"}, "Quyết định 123/QĐ-UBND")`` sets
the fields on the units (``core.domain.classification``: the values a planner writes, in either
language, are read by ``parse_value``), records the source of each field, and takes the field out
of the defaulted ones. It changes the project's units, not the scenario: the session
(``core.session.Session``) writes the units it names (``units()``) to the project in one
transaction after ``do``, ``undo`` and ``redo`` (or, for ``apply --dry-run`` and the like, with
the scenario's save), and the evaluation judges again the units and the groups it touched.
"""
from __future__ import annotations

from collections.abc import Sequence

from core.common.messages import Message
from core.common.text import nfc
from core.domain.classification import parse_value, value_text, with_values
from core.domain.commands import Change, Command, change
from core.domain.model import DataError, Dataset, Unit
from core.domain.scenario import Scenario, ScenarioError, unit_label


class SetClassification(Command):
    code = "command.set_classification"
    project_level = True            # changes the project's units, not the scenario

    def __init__(self, codes: Sequence[str] | str, values: dict[str, object], source: str) -> None:
        super().__init__()
        self.codes = [codes] if isinstance(codes, str) else list(dict.fromkeys(codes))
        self.values = dict(values)
        self.source = source
        self._old: list[Unit] = []
        self._dataset: Dataset | None = None
        self._groups: list[str] = []

    def _parsed(self, dataset: Dataset) -> dict[str, object]:
        if not self.codes:
            raise ScenarioError("classification.no_unit")
        for code in self.codes:
            if code not in dataset.units:
                raise ScenarioError("scenario.unknown_unit", code=code)
        if not self.values:
            raise ScenarioError("classification.nothing_to_set")
        if not isinstance(self.source, str) or not nfc(self.source):
            raise ScenarioError("classification.needs_source", units=[unit_label(dataset, c) for c in self.codes])
        out = {}
        for name, raw in self.values.items():
            try:
                out[name] = None if raw is None and name == "ethnic_minority_pct" else parse_value(name, raw)
            except DataError as exc:
                raise ScenarioError(exc.messages) from None
        return out

    def check(self, scenario: Scenario, dataset: Dataset) -> None:
        self._parsed(dataset)

    def do(self, scenario: Scenario, dataset: Dataset) -> Change:
        values = self._parsed(dataset)
        self._dataset = dataset
        self._old = [dataset.units[c] for c in self.codes]
        for unit in self._old:
            dataset.units[unit.code] = with_values(unit, values, nfc(self.source))
        owners = scenario.grouped_codes()
        self._groups = list(dict.fromkeys(owners[c].id for c in self.codes if c in owners))
        self.done = True
        return change(self.codes, self._groups)

    def undo(self, scenario: Scenario) -> Change:
        assert self.done and self._dataset is not None, "undo before do"
        for unit in self._old:
            self._dataset.units[unit.code] = unit
        self.done = False
        owners = scenario.grouped_codes()
        return change(self.codes, list(dict.fromkeys(owners[c].id for c in self.codes if c in owners)))

    def units(self) -> list[Unit]:
        """The units as they are now (after ``do`` or ``undo``), to write to the project."""
        assert self._dataset is not None
        return [self._dataset.units[c] for c in self.codes]

    def describe(self, dataset: Dataset) -> Message:
        fields = [Message("change.classification_field", field=Message(f"classification.field.{k}"),
                          value=value_text(k, v)) for k, v in self.values.items()]
        return Message("change.set_classification", units=[unit_label(dataset, c) for c in self.codes],
                       fields=fields, source=nfc(str(self.source)))
