"""The command line's successive rounds: ``apply SCENARIO --as NAME``, ``states``, ``import-stats``,
and the global ``--state`` / ``--figures`` every command reads through ``choose``.
"""
from __future__ import annotations

import re
from pathlib import Path

from core.analysis.figures_used import figures_note
from core.cli.output import line, print_json
from core.common.messages import Message, say
from core.common.text import nfc
from core.domain.scenario import clean_name
from core.law.rules import get_rule_set

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def valid_date(text: str | None) -> bool:
    import datetime
    if not DATE.match(text or ""):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def choose(project, args, scenario=None) -> None:
    """Read the state ``--state`` names (else the scenario's own, else the latest) with the
    figure set ``--figures`` names (else the units' own)."""
    from core.storage import history
    ref = getattr(args, "state", None)
    if ref is None:
        ref = scenario.state if scenario is not None else history.latest_state(project).name
    project.use_state(ref or None)
    project.use_figures(getattr(args, "figures", None))


def cmd_apply(args, project) -> None:
    """The scenario's result becomes the project's next state (one transaction)."""
    from core.analysis.next_state import next_state, transfer_lines
    from core.law.evaluation import evaluate
    from core.law.wording import verdict_label
    from core.storage import history
    scenario = project.get_scenario(args.scenario)
    history.check_new_state(project, args.as_name, scenario)        # refused before any work
    choose(project, args, scenario)
    rules = get_rule_set(args.rules or scenario.rules)
    dataset = project.dataset
    scenario.validate(dataset)
    result = evaluate(dataset, rules, scenario)
    nxt = next_state(dataset, result, project.geometries() if project.has_boundaries() else None)
    line("cli.history.apply_head", scenario=scenario.name, rules=rules.id,
         state=(dataset.meta.get("state") or {}).get("name") or "base", units=len(dataset.units))
    for m in figures_note(dataset, rules):
        print(m.text())
    for g in result.groups:
        code = g.group.code or result.parts.get(g.group.seat, g.group.seat)
        line("cli.history.new_unit", kind=g.kind, name=g.group.name, code=code,
             members=[f"{result.units[c].unit.name} ({c})" for c in g.group.members],
             area=g.area_km2, population=g.population, verdict=verdict_label(g.verdict))
    for m in transfer_lines(result.transfers):
        print("  " + m.text())
    line("cli.history.outcome", before=result.units_before, after=len(nxt.dataset.units),
         unresolved=len(result.unresolved), verdict=verdict_label(result.verdict))
    if args.dry_run:
        line("cli.history.not_applied", name=args.as_name)
        return
    info = history.add_state(project, args.as_name, scenario, rules.id, nxt, figures=project.figures_name)
    line("cli.history.applied", name=info.name, position=info.position, units=info.units)


def cmd_states(args, project) -> None:
    from core.storage import history
    items = history.states(project)
    if args.json:
        print_json([s.as_dict() for s in items])
        return
    for s in items:
        if s.position == 0:
            line("cli.history.state_base", position=0, name=s.name, units=s.units, what=say("state.base"))
        else:
            line("cli.history.state_line", position=s.position, name=s.name, units=s.units,
                 scenario=s.scenario, rules=s.rules, transfers=len(s.meta.get("transfers", [])))


def cmd_import_stats(args, project) -> None:
    """A statistics table as a new figure set (matched to the chosen state's units by code, else
    by name), with what it changes."""
    from core.imports.figure_set import match_figures
    from core.storage import history
    from core.storage.history import HistoryError
    if not valid_date(args.date):
        raise HistoryError("figures.bad_date", date=str(args.date))
    choose(project, args)
    dataset = project.dataset
    source = args.source or Path(args.file).name
    name = clean_name(args.as_name, Message("where.figures_name"))
    figures, report = match_figures(args.file, dataset, name, nfc(source), args.date)
    if not figures.values:
        raise HistoryError("figures.nothing_matched", file=Path(args.file).name,
                           state=(dataset.meta.get("state") or {}).get("name") or "base")
    if args.json:
        print_json(report)
    else:
        line("cli.history.stats_head", name=args.as_name, date=args.date, source=source,
             by_code=report["matched_by_code"], by_name=report["matched_by_name"], rows=report["rows"])
        for item in report["changes"][:20]:
            line("cli.history.stats_change", unit=f"{item['name']} ({item['code']})",
                 pop_old=item["population_old"], pop_new=item["population_new"],
                 area_old=item["area_old"], area_new=item["area_new"])
        if len(report["changes"]) > 20:
            line("cli.history.stats_more", count=len(report["changes"]) - 20)
        if report["unmatched_rows"]:
            line("cli.history.stats_unmatched", names=report["unmatched_rows"][:20], count=len(report["unmatched_rows"]))
        if report["units_without"]:
            line("cli.history.stats_without", names=report["units_without"][:20], count=len(report["units_without"]))
    history.add_figure_set(project, figures)
    if not args.json:
        line("cli.history.stats_saved", name=figures.name)
