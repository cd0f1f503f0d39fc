"""Command-line commands for national-scale projects:

* ``new-project --boundaries FILE --stats FILE.csv [--tolerance M] [--name TEXT] [--layer L]`` — create
  the project database given by ``--db`` (must not exist) and report the join;
* ``unmatched`` — polygons and rows the import could not pair, with suggestions;
* ``resolve-match CODE ROW`` — pair a polygon with a statistics row by hand (saved);
* ``provinces [--rules ID] [--scenario S] [--district]`` — units and must-merge units per province.
"""
from __future__ import annotations

import sys

from core.cli.commands import REPORT_LIMIT
from core.cli.output import line, print_json, progress
from core.common.messages import say


def cmd_new_project(args) -> None:
    from pathlib import Path

    from core.cli.output import CliError
    from core.cli.shared import cmd_copy_project
    from core.common.paths import default_db_path
    from core.imports.national import import_national
    from core.storage.connect import configured, is_shared
    if args.from_file:
        cmd_copy_project(args)
        return
    if not (args.boundaries and args.stats):
        raise CliError("project.from_or_boundaries")
    if is_shared(args.db or configured()):
        raise CliError("project.national_needs_file")
    db = Path(args.db) if args.db else default_db_path()
    try:
        project, report = import_national(db, args.boundaries, args.stats, tolerance_m=args.tolerance,
                                          name=args.name, layer=args.layer,
                                          progress=None if args.json else progress)
    finally:
        if not args.json:
            print(file=sys.stderr)
    if project is not None:
        project.close()
    if args.json:
        print_json(report.as_dict())
        return
    print("\n".join(report.lines(limit=REPORT_LIMIT)))


def _file_only(project) -> None:
    """Pairing an import by hand is done in the project file it was built in, before it is shared."""
    if not hasattr(project, "db"):
        from core.cli.output import CliError
        raise CliError("project.file_only")


def cmd_unmatched(args, project) -> None:
    from core.imports.match_store import unmatched_features, unmatched_rows
    _file_only(project)
    feats, rows = unmatched_features(project), unmatched_rows(project)
    if args.json:
        print_json({"features": feats, "rows": rows})
        return
    line("cli.unmatched.polygons", count=len(feats))
    for f in feats:
        line("cli.unmatched.polygon", code=f["code"], name=f["name"] or say("cli.national.no_name"),
             district=f["district"], province=f["province"])
        for s in f.get("suggestions", []):
            line("cli.unmatched.suggestion", row=s["row_id"], name=s["name"], district=s["district"],
                 population=s["population"])
    line("cli.unmatched.rows", count=len(rows))
    for r in rows:
        line("cli.unmatched.row", row=r["row_id"], name=r["name"], district=r["district"], province=r["province"],
             kind=r["kind"], population=r["population"])


def cmd_resolve_match(args, project) -> None:
    from core.imports.match_store import resolve_match
    _file_only(project)
    unit = resolve_match(project, args.code, args.row)
    line("cli.resolved", code=unit.code, row=args.row, name=unit.name, kind=unit.kind,
         population=unit.population.value, neighbours=len(project.dataset.neighbours(unit.code)))


def cmd_provinces(args, project) -> None:
    from core.analysis.summary import area_summary
    from core.law.rules import get_rule_set
    rules = get_rule_set(args.rules)
    scenario = project.get_scenario(args.scenario) if args.scenario else None
    rows = area_summary(project.dataset, rules, scenario, by="district" if args.district else "province")
    if args.json:
        print_json({"rules": rules.id, "dataset": project.dataset.name,
                    "units": sum(r.units for r in rows), "must_merge": sum(r.must_merge for r in rows),
                    "areas": [r.as_dict() for r in rows]})
        return
    print(f"{project.dataset.name} – {rules.short}")
    area = say("cli.provinces.district" if args.district else "cli.provinces.province")
    print(f"{area:40} {say('cli.provinces.units'):>7} {say('cli.provinces.must_merge'):>13}")
    for r in rows:
        print(f"{r.name[:40]:40} {r.units:>7} {r.must_merge:>13}")
    print(f"{say('cli.provinces.total'):40} {sum(r.units for r in rows):>7} {sum(r.must_merge for r in rows):>13}")
