"""Commands of a team's project: ``history`` (the change log), ``import-scenario`` with
``--replace`` (version-checked), and ``new-project --from FILE.sqlite`` (a file into a shared store)."""
from __future__ import annotations

from pathlib import Path

from core.cli.output import CliError, line, print_json
from core.common.messages import Message, say
from core.storage.store import UnknownScenario


def cmd_history(args, project) -> None:
    from core.storage.changelog import when_text
    scenario_id = None
    if args.scenario:
        try:
            scenario_id = project.get_scenario(args.scenario).id
        except UnknownScenario:
            # a deleted scenario still has its log: found by id or by its last name there
            known = {c.scenario_id for c in project.history()} | {c.scenario_name for c in project.history()}
            if args.scenario not in known:
                raise
            scenario_id = next(c.scenario_id for c in project.history()
                               if args.scenario in (c.scenario_id, c.scenario_name))
    changes = project.history(scenario_id)
    if args.json:
        print_json([c.as_json() for c in changes])
        return
    for c in changes:
        summary = say("cli.history.summary", items=c.summary) if c.summary else ""
        line("cli.history.line", at=when_text(c.at), author=c.author, action=c.action, name=c.scenario_name,
             version=c.version, summary=summary)
    if not changes:
        line("cli.history.none")


def _free_name(name: str, taken: list[str]) -> str:
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def cmd_import_scenario(args, project) -> None:
    """Without ``--replace``, always a new scenario (a taken name gets a number); with it, the
    scenario with the file's id is replaced, only when the file's version is the stored one."""
    from core.cli.history import choose
    from core.domain.scenario_io import read_scenario_file
    from core.law.rules import get_rule_set
    from core.storage.history import latest_state, resolve_state
    scenario = read_scenario_file(args.file, keep_id=bool(args.replace))
    # Drafted on the state --state names, else the one the file names, else the latest.
    drafted_on = resolve_state(project, getattr(args, "state", None) or scenario.state or latest_state(project).name)
    scenario.state = drafted_on.name if drafted_on.position else ""
    choose(project, args, scenario)
    scenario.validate(project.dataset)
    get_rule_set(scenario.rules)
    if args.name:
        scenario.name = args.name
    file = Path(args.file).name
    if args.replace and project.stored_version(scenario.id) is not None:
        project.save_scenario(scenario, action="import", summary=[Message("change.replaced_from", file=file)])
        line("cli.replaced_scenario", name=scenario.name, version=scenario.version)
        return
    taken = project.scenario_names()
    if scenario.name in taken and not args.name:
        old, scenario.name = scenario.name, _free_name(scenario.name, taken)
        line("cli.import_renamed", old=old, name=scenario.name)
    project.add_scenario(scenario, action="import", summary=[Message("change.imported_from", file=file)])
    line("cli.imported_scenario", name=scenario.name, groups=len(scenario.groups), id=scenario.id)


def cmd_copy_project(args) -> None:
    """``new-project --from FILE.sqlite``: into the shared store ``--db`` names (which must be empty)."""
    from core.storage.connect import configured, is_shared
    from core.storage.pg.copy import copy_project
    source = Path(args.from_file)
    if not source.is_file():
        raise CliError("project.from_needs_file", file=str(source))
    target = args.db or configured()
    if not is_shared(target):
        raise CliError("project.from_needs_store")
    project, counts = copy_project(source, target, author=getattr(args, "author", None))
    where = project.location
    project.close()
    if args.json:
        print_json({"file": str(source), "store": where, **counts})
        return
    line("cli.copied_project", file=source.name, where=where, **counts)


def _shared(project) -> None:
    if not hasattr(project, "submit"):
        raise CliError("project.shared_only")


def cmd_submit(args, project) -> None:
    """``submit SCENARIO [--reopen]``: a lead marks a scenario submitted (read-only for the others)."""
    _shared(project)
    scenario = project.submit(project.get_scenario(args.scenario).id, submitted=not args.reopen)
    if args.reopen:
        line("cli.reopened", name=scenario.name)
    else:
        line("cli.submitted", name=scenario.name, version=scenario.version)


def cmd_team(args, project) -> None:
    """``team [--grant LOGIN ROLE] [--json]``: who has which role; the store's owner grants them."""
    _shared(project)
    if args.grant:
        login, role = args.grant
        project.grant_role(login, role)
        line("cli.team.granted", login=login, role=role, where=project.location)
        return
    team = project.team()
    if args.json:
        print_json([{"login": login, "role": role} for login, role in team])
        return
    for login, role in team:
        line("cli.team.line", login=login, role=role)
    if not team:
        line("cli.team.none")
