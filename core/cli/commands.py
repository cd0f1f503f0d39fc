"""The commands on a project: units, rules, scenarios, check, compare, exports and imports.

Each ``cmd_*`` takes the parsed arguments (and the open project, for those that need one)
and prints through the catalogue, so every line follows ``--lang``.
"""
from __future__ import annotations

from pathlib import Path

from core.analysis.figures_used import context_json, figures_note
from core.cli.history import choose
from core.cli.output import CliError, line, print_json
from core.cli.report import scenario_json, scenario_text, unit_json, units_text
from core.domain.classification import count_defaulted
from core.law.rules import all_rule_sets, get_rule_set

REPORT_LIMIT = 20           # items per list of an import report (--json has them all)


def cmd_rules(args) -> None:
    from core.cli.rules_text import rules_json, rules_lines
    rules = all_rule_sets()
    if args.json:
        print_json([rules_json(r) for r in rules.values()])
        return
    for r in rules.values():
        for item in rules_lines(r):
            print(item.text() if hasattr(item, "text") else item)
        print()


def cmd_units(args, project) -> None:
    from core.law.evaluation import evaluate_unit
    rules = get_rule_set(args.rules)
    choose(project, args)
    results = [evaluate_unit(u, rules) for u in project.dataset.units.values()]
    if args.json:
        must = [r for r in results if r.must_merge]
        by_province: dict[str, dict] = {}
        for r in results:
            p = by_province.setdefault(r.unit.province or "", {"units": 0, "must_merge": 0})
            p["units"] += 1
            p["must_merge"] += int(r.must_merge)
        print_json({"rules": rules.id, "dataset": project.dataset.name, **context_json(project.dataset, rules),
                    "count": len(results),
                    "must_merge_count": len(must), "by_province": by_province, "in_force": rules.in_force,
                    "classification_defaulted": count_defaulted(r.unit for r in results),
                    "units": [unit_json(r) for r in results]})
    else:
        print(project.dataset.name)
        print(units_text(results, rules))
        for note in figures_note(project.dataset, rules):
            print(note.text())


def cmd_scenarios(args, project) -> None:
    import sys
    items = project.scenarios()
    for problem in getattr(project, "unreadable_scenarios", []):     # a damaged row: named, the others listed
        print(problem.text(), file=sys.stderr)
    if args.json:
        print_json([{"id": s.id, "name": s.name, "rules": s.rules, "groups": len(s.groups),
                     "description": s.description, "created": s.created, "modified": s.modified}
                    for s in items])
        return
    for s in items:
        line("cli.scenarios.line", id=s.id, name=s.name, rules=s.rules, groups=len(s.groups))
    if not items:
        line("cli.scenarios.none")


def cmd_check(args, project) -> None:
    from core.law.evaluation import evaluate
    scenario = project.get_scenario(args.scenario)
    choose(project, args, scenario)
    rules = get_rule_set(args.rules or scenario.rules)
    result = evaluate(project.dataset, rules, scenario)
    if args.json:
        print_json(scenario_json(result))
    else:
        print(scenario_text(result))


def cmd_export_scenario(args, project) -> None:
    from core.domain.scenario_io import write_scenario_file
    target = Path(args.to)
    if target.suffix.lower() != ".json":
        raise CliError("cli.export_scenario_needs_json", file=str(target))
    scenario = project.get_scenario(args.scenario)
    write_scenario_file(scenario, target)
    line("cli.wrote_scenario", name=scenario.name, file=str(target))


def cmd_export(args, project) -> None:
    import sys

    from core.cli.output import progress
    from core.export import Area, export_scenario, format_name, format_of
    suffix = format_of(args.to)              # an unsupported name fails before any work
    scenario = project.get_scenario(args.scenario)
    choose(project, args, scenario)
    rules = get_rule_set(args.rules) if args.rules else None
    area = Area(args.province, args.district)
    shown = []

    def report(frac, msg) -> None:
        shown.append(True)
        progress(frac, msg)

    try:
        dossier = export_scenario(project, scenario, args.to, rules, area=area, progress=report)
    finally:
        if shown:
            print(file=sys.stderr)
    if area.whole:
        line("cli.exported", format=format_name(suffix), name=scenario.name, rules=dossier.rules_id, file=args.to)
    else:
        line("cli.exported_area", format=format_name(suffix), name=scenario.name, area=dossier.area,
             units=len(dossier.before), rules=dossier.rules_id, file=args.to)


def cmd_compare(args, project) -> None:
    from core.analysis.compare import LABELS, compare
    from core.cli.compare_text import comparison_json, comparison_text
    if len(args.scenarios) < 2:
        raise CliError("cli.compare_too_few")
    if len(args.scenarios) > len(LABELS):
        raise CliError("cli.compare_too_many", max=len(LABELS))
    scenarios = [project.get_scenario(ref) for ref in args.scenarios]
    choose(project, args, scenarios[0])
    comp = compare(project.dataset, scenarios, get_rule_set(args.rules) if args.rules else None)
    if args.json:
        print_json(comparison_json(comp))
    else:
        print(comparison_text(comp))


def cmd_import_boundaries(args, project) -> None:
    from core.imports.boundaries import import_boundaries
    report = import_boundaries(project, args.file, code_field=args.code_field, name_field=args.name_field,
                               tolerance_m=args.tolerance, layer=args.layer, store=not args.preview)
    if args.json:
        print_json(report.as_dict())
        return
    print("\n".join(report.lines(limit=REPORT_LIMIT)))


def cmd_replay(args, project) -> None:
    """Replay the gestures of a file on a scenario through the session, then save it (one
    transaction). A refused gesture leaves the scenario as it was."""
    from core.law.wording import verdict_label
    from core.session import Session
    from core.session.replay import read_gestures_file, replay
    gestures = read_gestures_file(args.file)
    choose(project, args, project.get_scenario(args.scenario))
    # Classification edits wait for the save, so the whole file is one transaction (or none).
    session = Session(project, persist_at_once=False)
    session.open(args.scenario)
    for i, change in enumerate(replay(session, gestures), start=1):
        line("cli.replay.step", index=i, change=change)
    r = session.result
    assert r is not None and session.scenario is not None
    line("cli.replay.outcome", before=r.units_before, after=r.units_after, reduction=r.reduction,
         unresolved=len(r.unresolved), verdict=verdict_label(r.verdict))
    if args.dry_run:
        line("cli.replay.not_saved", name=session.scenario.name)
        return
    if session.dirty:
        from core.common.messages import Message
        session.save(action="apply", summary=[Message("change.applied_from", file=Path(args.file).name),
                                              *(session.changes_since_save() or [])])
    line("cli.replay.saved", name=session.scenario.name)
