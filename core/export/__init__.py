"""Export a scenario summary for the đề án dossier: PDF, XLSX, CSV, GeoPackage, GeoJSON.

``export_scenario(project, scenario, path, rules=None, area=None, progress=None)`` chooses
the format by the file extension, writes to a temporary file beside the target and moves
it into place, so a failure never leaves a half-written file. ``area`` (an ``Area``: a
province, and a district in it) cuts the summary to that part of the project;
``progress(fraction, Message)`` is told how far it is, and may raise ``ExportCancelled``
to stop it (nothing is written).
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from core.common.messages import Message
from core.domain.scenario import Scenario
from core.law.evaluation import ScenarioResult, evaluate
from core.law.rules import RuleSet, get_rule_set

from .area import Area, area_dataset, area_result, area_scope
from .dossier import Dossier, build_dossier
from .files import ExportError, atomic_path
from .mapdata import scenario_shapes
from .progress import ExportCancelled, Report, Stages

# The formats by extension; each is named by the message ``export.format.<name>``.
FORMATS = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv", ".gpkg": "gpkg", ".geojson": "geojson"}


class UnsupportedFormat(ExportError):
    def __init__(self, path: str | os.PathLike) -> None:
        suffix = Path(path).suffix
        supported = list(FORMATS)
        if suffix.lower() == ".json":
            super().__init__("export.unsupported_json", file=str(path), supported=supported)
        else:
            super().__init__("export.unsupported_format", file=str(path), supported=supported,
                             suffix=suffix or Message("export.no_extension"))


def format_name(suffix: str) -> Message:
    """'.csv' → the words for what is written ('bảng CSV (đơn vị cũ → mới)')."""
    return Message(f"export.format.{FORMATS[suffix]}")


def format_of(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(path)
    return suffix


def export_result(project, result: ScenarioResult, path: str | os.PathLike,
                  today: date | None = None, area: Area | None = None,
                  progress: Report | None = None) -> Dossier:
    """Write ``result`` (an evaluated scenario of ``project``) to ``path``; returns what was written."""
    suffix = format_of(path)
    stages = Stages(progress)
    stages.stage(0.05, "export.progress.dossier")
    scope = area_scope(project.dataset, result.scenario, area)
    dataset = area_dataset(project.dataset, scope)
    part = area_result(result, scope)
    dossier = build_dossier(dataset, part, today, scope)
    with atomic_path(path) as tmp:
        if suffix == ".pdf":
            from .pdf import write_pdf
            stages.stage(0.1, "export.progress.map")
            shapes = scenario_shapes(dataset, part, project.geometries())
            write_pdf(tmp, dossier, dataset, part, shapes, stages)
        else:
            stages.stage(0.95, "export.progress.writing")
            if suffix == ".xlsx":
                from .xlsx import write_xlsx
                write_xlsx(tmp, dossier)
            elif suffix == ".csv":
                from .csvfile import write_csv
                write_csv(tmp, dossier)
            else:
                from .geo import write_geo
                write_geo(tmp, dossier, scenario_shapes(dataset, part, project.geometries()))
        stages(1.0)
    return dossier


def export_scenario(project, scenario: Scenario, path: str | os.PathLike,
                    rules: str | RuleSet | None = None, today: date | None = None,
                    area: Area | None = None, progress: Report | None = None) -> Dossier:
    """Evaluate ``scenario`` (under its own rule set, or ``rules``) and export it (or the part of it
    in ``area``) to ``path``."""
    format_of(path)
    area_scope(project.dataset, scenario, area)          # an unknown area is refused before any work
    rule_set = get_rule_set(rules) if isinstance(rules, str) else rules or get_rule_set(scenario.rules)
    return export_result(project, evaluate(project.dataset, rule_set, scenario), path, today, area, progress)


__all__ = ["FORMATS", "Area", "ExportCancelled", "ExportError", "UnsupportedFormat", "export_result",
           "export_scenario", "format_name", "format_of"]
