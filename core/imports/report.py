"""What an import did (or, before it is applied, would do), as messages a planner reads.

Every item of a report is a ``Message`` (a code with its figures), so the command
line and the window word the same report in the reader's language:

* ``report.lines(lang, limit)`` — the report as text lines (items indented by two
  spaces; a list longer than ``limit`` shows its first items and how many more);
* ``report.as_dict()`` — the figures for ``--json``, each message with its code,
  parameters and both wordings.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.common.messages import Message

Pair = tuple[str, str]


class Lines:
    """Report lines as (indent, message), worded at the end."""

    def __init__(self, limit: int | None) -> None:
        self.items: list[tuple[int, Message]] = []
        self.limit = limit

    def add(self, code: str | Message, indent: int = 0, **params: object) -> None:
        self.items.append((indent, code if isinstance(code, Message) else Message(code, **params)))

    def section(self, head: Message | None, items: Iterable[Message], indent: int = 1) -> None:
        items = list(items)
        if not items:
            return
        if head is not None:
            self.add(head)
        shown = items if self.limit is None else items[:self.limit]
        for item in shown:
            self.add(item, indent)
        if len(shown) < len(items):
            self.add("imports.report.more", indent, count=len(items) - len(shown))

    def words(self, lang: str | None) -> list[str]:
        return ["  " * indent + m.text(lang) for indent, m in self.items]


def _gap(recorded: float, computed: float) -> float:
    return abs(computed - recorded) / recorded if recorded else float("inf")


def _json(value: object) -> object:
    if isinstance(value, Message):
        return value.as_json()
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


@dataclass
class ImportReport:
    """What both imports report: the file, and what was assumed, repaired, left out, warned."""

    path: str
    layer: str = ""                 # the layer's name when the file has several
    features: int = 0
    repaired: list[Message] = field(default_factory=list)
    rejected: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    applied: bool = False           # False: a preview, nothing was written

    def _common(self, out: Lines, warnings: bool = True) -> None:
        out.section(Message("imports.report.repaired", count=len(self.repaired)), self.repaired)
        out.section(Message("imports.report.rejected", count=len(self.rejected)), self.rejected)
        for note in self.notes:
            out.add("imports.report.note", note=note)
        for warning in self.warnings if warnings else ():
            out.add("imports.report.warning", warning=warning)

    def warning_lines(self, lang: str | None = None) -> list[str]:
        return [Message("imports.report.warning", warning=w).text(lang) for w in self.warnings]

    def lines(self, lang: str | None = None, limit: int | None = None) -> list[str]:
        out = Lines(limit)
        self._lines(out)
        return out.words(lang)

    def text(self, lang: str | None = None, limit: int | None = None) -> str:
        return "\n".join(self.lines(lang, limit))

    def _lines(self, out: Lines) -> None:
        self._common(out)


@dataclass
class BoundaryReport(ImportReport):
    """A boundary layer matched to the units of a project."""

    match_by: Message | None = None
    matched: dict[str, int] = field(default_factory=dict)               # code → feature index
    unmatched_features: list[Message] = field(default_factory=list)
    unmatched_units: list[str] = field(default_factory=list)            # codes
    areas: dict[str, tuple[float, float]] = field(default_factory=dict)  # code → (recorded, computed)
    adjacency: dict[Pair, float] = field(default_factory=dict)
    adjacency_before: int = 0
    adjacency_added: list[Pair] = field(default_factory=list)
    adjacency_removed: list[Pair] = field(default_factory=list)
    tolerance_m: float = 0.0
    far: list[str] = field(default_factory=list)          # units whose feature lies far from them
    unit_names: dict[str, str] = field(default_factory=dict)

    def _name(self, code: str) -> str:
        return self.unit_names.get(code, "")

    def _head(self) -> list[Message]:
        return [Message("imports.report.file", file=Path(self.path).name, features=self.features,
                        match_by=self.match_by or "",
                        layer=Message("imports.report.layer", layer=self.layer) if self.layer else ""),
                Message("imports.report.matched", matched=len(self.matched),
                        features=len(self.unmatched_features), units=len(self.unmatched_units))]

    def _pairs(self) -> Message:
        return Message("imports.report.adjacency", before=self.adjacency_before, after=len(self.adjacency),
                       added=len(self.adjacency_added), removed=len(self.adjacency_removed),
                       tolerance=self.tolerance_m)

    def summary(self, lang: str | None = None) -> list[str]:
        """What decides whether to apply: the file, what matched, neighbour pairs before → after."""
        return [m.text(lang) for m in self._head() + [self._pairs()]]

    def _lines(self, out: Lines) -> None:
        for line in self._head():
            out.add(line)
        for warning in self.warnings:
            out.add("imports.report.warning", warning=warning)
        for note in self.notes:
            out.add("imports.report.note", note=note)
        out.section(None, [Message("imports.report.unit_without_boundary", code=c, name=self._name(c))
                           for c in self.unmatched_units])
        out.add(self._pairs())
        out.section(None, [Message("imports.report.pair_added", a=a, b=b, name_a=self._name(a),
                                   name_b=self._name(b)) for a, b in self.adjacency_added])
        out.section(None, [Message("imports.report.pair_removed", a=a, b=b, name_a=self._name(a),
                                   name_b=self._name(b)) for a, b in self.adjacency_removed])
        rows = []
        # The largest differences first: a list cut short still shows what needs checking.
        for code, (recorded, computed) in sorted(self.areas.items(), key=lambda item: -_gap(*item[1])):
            diff = 100 * (computed - recorded) / recorded if recorded else None
            rows.append(Message("imports.report.area", code=code, name=self._name(code), recorded=recorded,
                                computed=computed, diff=Message("imports.report.diff", pct=diff,
                                                                sign="+" if round(diff, 2) > 0 else "")
                                if diff is not None else ""))
        out.section(Message("imports.report.areas"), rows)
        out.section(Message("imports.report.repaired", count=len(self.repaired)), self.repaired)
        out.section(Message("imports.report.rejected", count=len(self.rejected)), self.rejected)
        out.section(Message("imports.report.unmatched", count=len(self.unmatched_features)),
                    self.unmatched_features)
        out.add("imports.report.official_basis")
        out.add("imports.report.applied" if self.applied else "imports.report.preview")

    def as_dict(self) -> dict:
        return {
            "file": self.path, "layer": self.layer, "features": self.features, "matched": len(self.matched),
            "match_by": _json(self.match_by), "applied": self.applied,
            "unmatched_features": _json(self.unmatched_features), "unmatched_units": self.unmatched_units,
            "repaired": _json(self.repaired), "rejected": _json(self.rejected), "notes": _json(self.notes),
            "warnings": _json(self.warnings), "tolerance_m": self.tolerance_m,
            "adjacency_pairs_before": self.adjacency_before, "adjacency_pairs": len(self.adjacency),
            "adjacency_added": [list(p) for p in self.adjacency_added],
            "adjacency_removed": [list(p) for p in self.adjacency_removed],
            "far_from_recorded_position": self.far,
            "areas": {c: {"official_or_recorded_km2": a, "computed_km2": round(b, 4),
                          "difference_pct": round(100 * (b - a) / a, 2) if a else None}
                      for c, (a, b) in self.areas.items()},
        }


@dataclass
class NationalReport(ImportReport):
    """A new project from a boundary layer joined with a statistics table."""

    stats: str = ""
    rows: int = 0
    join_by: Message | None = None
    matched: int = 0
    stages: dict[str, int] = field(default_factory=dict)
    unmatched_features: list[dict] = field(default_factory=list)
    unmatched_rows: list[dict] = field(default_factory=list)
    fuzzy: list[dict] = field(default_factory=list)
    tolerance_m: float = 0.0
    pairs_exact: int | None = None
    pairs: int = 0
    pairs_added_by_tolerance: int | None = None
    classification_defaulted: bool = False                      # the table has no classification column
    defaulted: dict[str, int] = field(default_factory=dict)     # units with a defaulted classification, per field
    totals: dict[str, float] = field(default_factory=dict)     # population, area of the table/units
    project: str = ""                                          # the database made (once applied)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def boundaries(self) -> str:
        return self.path

    @property
    def match_rate(self) -> float:
        return self.matched / self.features if self.features else 0.0

    def _lines(self, out: Lines) -> None:
        if self.applied:
            out.add("imports.national.created", db=self.project, units=self.matched)
        else:
            out.add("imports.report.preview")
        out.add("imports.national.sources", features=self.features, rows=self.rows,
                join_by=self.join_by or "", layer=Message("imports.report.layer", layer=self.layer)
                if self.layer else "")
        out.add("imports.national.match_rate", matched=self.matched, features=self.features,
                rate=100 * self.match_rate,
                stages=[Message("imports.national.stage_count", stage=Message(f"imports.stage.{k}"), count=v)
                        for k, v in self.stages.items()])
        out.add("imports.national.unmatched", features=len(self.unmatched_features),
                rows=len(self.unmatched_rows))
        out.section(None, [Message("imports.national.unmatched_feature", code=f["code"],
                                   name=f.get("name") or Message("imports.national.no_name"),
                                   district=f.get("district", ""), province=f.get("province", ""))
                           for f in self.unmatched_features])
        out.section(Message("imports.national.fuzzy", count=len(self.fuzzy)),
                    [Message("imports.national.fuzzy_item", **f) for f in self.fuzzy])
        if self.totals:
            out.add("imports.national.totals", **self.totals)
        if self.pairs_exact is not None:
            out.add("imports.national.adjacency_exact", pairs=self.pairs, tolerance=self.tolerance_m,
                    exact=self.pairs_exact, added=self.pairs_added_by_tolerance or 0)
        else:
            out.add("imports.national.adjacency", pairs=self.pairs, tolerance=self.tolerance_m)
        self._common(out)

    def as_dict(self) -> dict:
        data = {k: _json(v) for k, v in self.__dict__.items()}
        data["boundaries"] = data.pop("path")
        data["match_rate"] = round(self.match_rate, 5)
        return data
