"""The command line's grammar: global options, then one sub-command, each with its handler.

``build_parser(lang)`` words every help text from the catalogue (``cli.help.*``) in ``lang``;
each sub-command names its handler with ``set_defaults(func=…, project=…)`` (``project``:
whether the handler needs the project opened). Build and parse it inside
``argparse_words.in_language(lang)`` so that argparse's own words are in ``lang`` too.
"""
from __future__ import annotations

import argparse

from core.cli import commands as c
from core.cli import history as hist
from core.cli import national as n
from core.cli import propose as proposer
from core.cli import shared
from core.common.messages import say

LANGS = ("vi", "en")


def build_parser(lang: str) -> argparse.ArgumentParser:
    def h(code: str, **params: object) -> str:
        # argparse %-formats help texts: a literal % must be doubled.
        return say(f"cli.help.{code}", lang, **params).replace("%", "%%")

    def m(code: str) -> str:
        return say(f"cli.metavar.{code}", lang)

    def number(text: str) -> float:
        try:
            return float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(say("cli.not_a_number", lang, value=text)) from None

    p = argparse.ArgumentParser(prog="main.py", description=h("description"))
    p.add_argument("--db", metavar=m("file"), help=h("db"))
    p.add_argument("--lang", choices=LANGS, default="vi", help=h("lang"))
    p.add_argument("--state", metavar=m("name"), help=h("state"))
    p.add_argument("--figures", metavar=m("name"), help=h("figures"))
    p.add_argument("--author", metavar=m("name"), help=h("author"))
    # The same two options are taken after the command too ("check X --lang en").
    late = argparse.ArgumentParser(add_help=False)
    late.add_argument("--db", metavar=m("file"), default=argparse.SUPPRESS, help=h("db"))
    late.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=h("lang"))
    late.add_argument("--state", metavar=m("name"), default=argparse.SUPPRESS, help=h("state"))
    late.add_argument("--figures", metavar=m("name"), default=argparse.SUPPRESS, help=h("figures"))
    late.add_argument("--author", metavar=m("name"), default=argparse.SUPPRESS, help=h("author"))
    sub = p.add_subparsers(dest="command", required=True, title=h("commands"), metavar=m("command"))
    p.command_names = []

    def command(name: str, func, help_code: str, project: bool = True, json: bool = False):
        s = sub.add_parser(name, help=h(help_code), description=h(help_code), parents=[late])
        s.set_defaults(func=func, project=project)
        p.command_names.append(name)
        if json:
            s.add_argument("--json", action="store_true", help=h("json"))
        return s

    s = command("units", c.cmd_units, "units", json=True)
    s.add_argument("--rules", metavar=m("rules"), default="nq653-2019", help=h("rules", default="nq653-2019"))
    command("rules", c.cmd_rules, "rules_cmd", project=False, json=True)
    command("scenarios", c.cmd_scenarios, "scenarios", json=True)

    s = command("check", c.cmd_check, "check", json=True)
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--rules", metavar=m("rules"), help=h("rules_other"))

    s = command("compare", c.cmd_compare, "compare", json=True)
    s.add_argument("scenarios", nargs="+", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--rules", metavar=m("rules"), help=h("rules_all"))

    s = command("export", c.cmd_export, "export")
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--to", metavar=m("file"), required=True, help=h("to_export"))
    s.add_argument("--rules", metavar=m("rules"), help=h("rules_other"))
    s.add_argument("--province", metavar=m("province"), help=h("export_province"))
    s.add_argument("--district", metavar=m("district"), help=h("export_district"))

    s = command("replay", c.cmd_replay, "replay")
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("file", metavar=m("file"), help=h("gestures_file"))
    s.add_argument("--dry-run", action="store_true", help=h("dry_run"))

    s = command("apply", hist.cmd_apply, "apply_state")
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--as", dest="as_name", metavar=m("name"), required=True, help=h("as_state"))
    s.add_argument("--rules", metavar=m("rules"), help=h("rules_other"))
    s.add_argument("--dry-run", action="store_true", help=h("dry_run"))

    command("states", hist.cmd_states, "states", json=True)

    s = command("import-stats", hist.cmd_import_stats, "import_stats", json=True)
    s.add_argument("file", metavar=m("file"), help=h("stats"))
    s.add_argument("--as", dest="as_name", metavar=m("name"), required=True, help=h("as_figures"))
    s.add_argument("--date", metavar=m("date"), required=True, help=h("figures_date"))
    s.add_argument("--source", metavar=m("text"), help=h("figures_source"))

    s = command("import-scenario", shared.cmd_import_scenario, "import_scenario")
    s.add_argument("file", metavar=m("file"), help=h("scenario_file"))
    s.add_argument("--name", metavar=m("name"), help=h("name"))
    s.add_argument("--replace", action="store_true", help=h("replace"))

    s = command("history", shared.cmd_history, "history", json=True)
    s.add_argument("scenario", nargs="?", metavar=m("scenario"), help=h("history_scenario"))

    s = command("submit", shared.cmd_submit, "submit")
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--reopen", action="store_true", help=h("reopen"))

    s = command("team", shared.cmd_team, "team", json=True)
    s.add_argument("--grant", nargs=2, metavar=(m("login"), m("role")), help=h("grant"))

    s = command("export-scenario", c.cmd_export_scenario, "export_scenario")
    s.add_argument("scenario", metavar=m("scenario"), help=h("scenario"))
    s.add_argument("--to", metavar=m("file"), required=True, help=h("to_json"))

    s = command("import-boundaries", c.cmd_import_boundaries, "import_boundaries", json=True)
    s.add_argument("file", metavar=m("file"), help=h("layer_file"))
    g = s.add_mutually_exclusive_group()
    g.add_argument("--code-field", metavar=m("field"), help=h("code_field"))
    g.add_argument("--name-field", metavar=m("field"), help=h("name_field"))
    s.add_argument("--tolerance", metavar=m("metres"), type=number, default=0.0, help=h("tolerance", default=0))
    s.add_argument("--layer", metavar=m("name"), help=h("layer"))
    s.add_argument("--preview", action="store_true", help=h("preview"))

    from core.imports.national import DEFAULT_TOLERANCE_M
    s = command("new-project", n.cmd_new_project, "new_project", project=False, json=True)
    s.add_argument("--from", dest="from_file", metavar=m("file"), help=h("from_file"))
    s.add_argument("--boundaries", metavar=m("file"), help=h("boundaries"))
    s.add_argument("--stats", metavar=m("file"), help=h("stats"))
    s.add_argument("--tolerance", metavar=m("metres"), type=number, default=DEFAULT_TOLERANCE_M,
                   help=h("tolerance", default=f"{DEFAULT_TOLERANCE_M:g}"))
    s.add_argument("--name", metavar=m("name"), default="", help=h("dataset_name"))
    s.add_argument("--layer", metavar=m("name"), help=h("layer"))

    command("unmatched", n.cmd_unmatched, "unmatched", json=True)

    s = command("resolve-match", n.cmd_resolve_match, "resolve_match")
    s.add_argument("code", metavar=m("code"), help=h("code"))
    s.add_argument("row", metavar=m("row"), help=h("row"))

    s = command("provinces", n.cmd_provinces, "provinces", json=True)
    s.add_argument("--rules", metavar=m("rules"), default="nq653-2019", help=h("rules", default="nq653-2019"))
    s.add_argument("--scenario", metavar=m("scenario"), help=h("with_scenario"))
    s.add_argument("--district", action="store_true", help=h("by_district"))
    proposer.add_command(command, h, m)
    return p

