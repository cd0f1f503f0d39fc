"""``propose``: draft a compliant plan with the optimiser, store it as a new scenario, print it.

    python main.py propose [--rules ID] [--goal fewest-changes|most-units|target] [--target K|K1-K2]
        [--province P] [--district D] [--within province|district] [--max-size N] [--lock CODE …]
        [--together CODE,CODE …] [--from SCENARIO [--prefer]] [--exceptions yes|no]
        [--time-limit S] [--name NAME] [--json]
"""
from __future__ import annotations

import json
import sys


def add_command(command, h, m) -> None:
    """The ``propose`` sub-command, added by ``core.cli.parser`` with its own helpers."""
    s = command("propose", cmd_propose, "propose", json=True)
    s.add_argument("--rules", metavar=m("rules"), help=h("propose_rules"))
    s.add_argument("--goal", default="fewest-changes", choices=("fewest-changes", "most-units", "target"),
                   help=h("propose_goal"))
    s.add_argument("--target", metavar=m("target"), help=h("propose_target"))
    s.add_argument("--province", metavar=m("province"), help=h("propose_province"))
    s.add_argument("--district", metavar=m("district"), help=h("propose_district"))
    s.add_argument("--within", default="province", choices=("province", "district"), help=h("propose_within"))
    s.add_argument("--max-size", metavar=m("count"), type=int, default=8, help=h("propose_max_size"))
    s.add_argument("--lock", nargs="+", default=[], metavar=m("code"), help=h("propose_lock"))
    s.add_argument("--together", nargs="+", default=[], metavar=m("codes"), help=h("propose_together"))
    s.add_argument("--from", dest="base", metavar=m("scenario"), help=h("propose_from"))
    s.add_argument("--prefer", action="store_true", help=h("propose_prefer"))
    s.add_argument("--exceptions", choices=("yes", "no"), help=h("propose_exceptions"))
    s.add_argument("--time-limit", metavar=m("seconds"), type=float, default=60.0, help=h("propose_time_limit"))
    s.add_argument("--name", metavar=m("name"), help=h("propose_name"))


def _target(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    from core.propose import RequestError
    try:
        lo, _, hi = text.partition("-")
        return int(lo), int(hi or lo)
    except ValueError:
        raise RequestError("propose.bad_target", low=0, high=0) from None


def _perimeters(project) -> dict[str, float]:
    from core.propose.perimeters import perimeters
    return perimeters(project.geometries())


def _free_name(project, wanted: str) -> str:
    names = set(project.scenario_names())
    name, k = wanted, 2
    while name in names:
        name, k = f"{wanted} ({k})", k + 1
    return name


def cmd_propose(args, project) -> None:
    _propose(args, project)


def _propose(args, project) -> None:
    from core.cli.report import group_json
    from core.common.messages import Message, current_language
    from core.law.evaluation import evaluate
    from core.law.rules import get_rule_set
    from core.propose import ProposalRequest, propose
    lang = current_language()
    base = project.get_scenario(args.base) if args.base else None
    rules = get_rule_set(args.rules or (base.rules if base else "nq653-2019"))
    req = ProposalRequest(
        goal=args.goal, target=_target(args.target), max_size=args.max_size,
        locked=frozenset(args.lock), together=tuple(frozenset(t.split(",")) for t in args.together),
        province=args.province, district=args.district, within=args.within, base=base,
        keep_base=not args.prefer, time_limit=args.time_limit,
        allow_exceptions=None if args.exceptions is None else args.exceptions == "yes")
    dataset = project.dataset

    def progress(piece, done, total) -> None:
        status = Message(f"propose.status.{piece.status}").text(lang)
        print(f"\r[{done}/{total}] {piece.label}: {status}   ", end="", file=sys.stderr, flush=True)

    shared = project.shared_lengths()
    proposal = propose(dataset, rules, req, shared or None, _perimeters(project) or None,
                       progress=None if args.json else progress)
    if not args.json and proposal.pieces:
        print(file=sys.stderr)
    name = args.name or Message("propose.scenario_name", rules=rules.short,
                                goal=Message(f"propose.goal.{args.goal}")).text(lang)
    scenario = proposal.to_scenario(dataset, _free_name(project, name), base)
    project.add_scenario(scenario)
    result = evaluate(dataset, rules, scenario)
    by_members = {frozenset(g.members): g for g in proposal.groups}
    scope = set(proposal.left_alone) | {c for g in proposal.groups for c in g.members}
    unresolved = [c for c in result.unresolved if c in scope]
    pieces = [{"label": p.label, "units": p.units, "must_merge": p.must, "status": p.status,
               "gap": None if p.gap is None else round(p.gap, 6), "seconds": round(p.seconds, 3),
               "columns": p.columns, "method": p.method, "units_after": p.units_after,
               "greedy_units_after": p.greedy_units_after} for p in proposal.pieces]
    if args.json:
        groups = []
        for g in result.groups:
            item = group_json(g, lang)
            item["why"] = [m.as_json() for m in by_members[frozenset(g.members)].why]
            groups.append(item)
        print(json.dumps({
            "scenario": scenario.name, "id": scenario.id, "rules": rules.id, "goal": args.goal,
            "status": proposal.status, "units_before": proposal.units_before,
            "units_after": proposal.units_after, "unresolved": unresolved,
            "verdict": "pass" if not unresolved and all(g.verdict != "fails" for g in result.groups) else "fail",
            "seconds": round(proposal.seconds, 3), "groups": groups, "pieces": pieces,
            "unsatisfied": [m.as_json() for m in proposal.unsatisfied],
            "notes": [m.as_json() for m in proposal.notes],
            "left_alone": {c: m.as_json() for c, m in proposal.left_alone.items()},
        }, ensure_ascii=False, indent=2))
        return
    from core.cli.propose_text import proposal_text
    print(proposal_text(proposal, result, scenario, pieces, unresolved, lang, Message))

