"""Plain-text and JSON views of evaluation results, for the command line."""
from __future__ import annotations

import unicodedata

from core.common.messages import Message, pick, say
from core.common.numbers import fmt_int, fmt_number
from core.domain.classification import count_defaulted, defaulted_message, values
from core.law.evaluation import GroupResult, ScenarioResult, UnitResult
from core.law.rules import RuleSet
from core.law.wording import (
    criterion_text,
    finding_message,
    group_verdict_label,
    kind_label,
    verdict_label,
)


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def unit_json(r: UnitResult) -> dict:
    return {
        "code": r.code, "name": r.unit.name, "kind": r.unit.kind, "terrain": r.unit.terrain,
        "province": r.unit.province, "district": r.unit.district,
        "area_km2": r.area_km2, "area_basis": r.unit.area.basis, "population": r.population,
        "area_pct": round(r.area_pct, 2), "population_pct": round(r.population_pct, 2),
        "standard": {"area_km2": r.standard.area_km2, "population": r.standard.population,
                     "article": r.standard.article},
        "must_merge": r.must_merge,
        "criteria": [{"id": c.id, "text": pick(c.text), "article": c.article, "uncertain": c.uncertain}
                     for c in r.criteria],
        "exemption": r.exemption,
        "auto_exemption": {"ground": r.auto_exemption.id, "text": pick(r.auto_exemption.text),
                           "article": r.auto_exemption.article} if r.auto_exemption else None,
        "classification": values(r.unit), "classification_defaulted": sorted(r.unit.relevant_defaulted()),
        "classification_sources": dict(r.unit.sources),
    }


UNIT_COLUMNS = ("code", "name", "kind", "area", "area_pct", "population", "population_pct", "must_merge", "why")


def units_text(results: list[UnitResult], rules: RuleSet, lang: str | None = None) -> str:
    rows = []
    for r in results:
        why = "; ".join(criterion_text(c, lang) for c in r.criteria)
        if r.exemption:
            why = say("cli.units.exempted", lang, why=why, reason=r.exemption)
        if r.auto_exemption is not None and r.must_merge:
            why = say("cli.units.exempted", lang, why=why, reason=pick(r.auto_exemption.text, lang))
        if r.unit.classification_defaulted:
            why = say("cli.units.defaulted", lang, why=why)
        rows.append([r.code, r.unit.name, kind_label(r.unit.kind, lang),
                     fmt_number(r.area_km2, 2, lang) + ("*" if r.unit.area.approximate else ""),
                     fmt_number(r.area_pct, 1, lang), fmt_int(r.population, lang),
                     fmt_number(r.population_pct, 1, lang),
                     say("cli.units.yes", lang) if r.must_merge else "", why])
    headers = [say(f"cli.units.head.{c}", lang) for c in UNIT_COLUMNS]
    foot = ["", say("cli.rule_set", lang, id=rules.id, citation=rules.citation),
            say("cli.units.approximate_note", lang),
            say("cli.units.must_merge_count", lang, count=sum(r.must_merge for r in results), total=len(results))]
    counts = count_defaulted(r.unit for r in results)
    if counts["units"]:
        foot.append(defaulted_message(counts).text(lang))
    if not rules.in_force:
        foot.append(say("cli.rules.not_in_force", lang, note=rules.status_note, article=rules.repealed_by))
    return table(headers, rows, right={3, 4, 5, 6}) + "\n" + "\n".join(foot)


def _finding_json(f, lang: str | None) -> dict:
    message = finding_message(f)
    return {"check": f.code, "severity": f.severity, "article": f.article, "text": message.text(lang),
            "message": message.as_json()}


def exception_json(g: GroupResult, lang: str | None = None) -> dict | None:
    """The exception that applies to a group (by itself, or on the planner's ground), or None."""
    e = g.exception
    if not e:
        return None
    return {"id": e["id"], "ground": e.get("ground", ""), "automatic": e.get("automatic", False),
            "verdict": e.get("verdict", "exception"), "text": pick(e["text"], lang), "reason": e.get("reason", ""),
            "article": e["article"], "uncertain": e.get("uncertain", False)}


def recorded_json(g: GroupResult) -> dict | None:
    """What the planner recorded for the group (ground and text), whether it applies or not."""
    grp = g.group
    if not (grp.exception_ground or grp.exception_reason):
        return None
    return {"ground": grp.exception_ground, "text": grp.exception_reason, "problem": g.recorded_problem}


def group_json(g: GroupResult, lang: str | None = None) -> dict:
    c = g.classification
    return {
        "id": g.group.id, "name": g.group.name, "members": list(g.group.members), "seat": g.group.seat,
        "kind": g.kind, "default_kind": g.default_kind,
        "area_km2": round(g.area_km2, 4), "population": g.population,
        "area_pct": round(g.area_pct, 2), "population_pct": round(g.population_pct, 2),
        "required": {"area_km2": g.requirement.area_km2, "population": g.requirement.population,
                     "area_pct": g.requirement.area_pct, "population_pct": g.requirement.population_pct},
        "contiguous": g.contiguous, "meets_standard": g.meets_standard,
        "exception": exception_json(g, lang), "recorded_exception": recorded_json(g),
        "name_clashes": g.name_clashes, "neighbours": g.neighbours,
        "classification": {k: getattr(c, k) for k in ("terrain", "border", "ethnic_minority_pct", "bai_ngang",
                                                      "red_river_delta", "island_district", "province_type")}
        if c else None,
        "classification_mixed": list(c.mixed) if c else [], "classification_unknown": list(c.unknown) if c else [],
        "verdict": g.verdict, "verdict_text": verdict_label(g.verdict, lang, g.wording),
        "verdict_article": g.verdict_article,
        "findings": [_finding_json(f, lang) for f in g.findings],
    }


def history_lines(res: ScenarioResult) -> list[Message]:
    """The state and figure set judged (with a warning when the rule set expects another date),
    and every transfer out of the project."""
    from core.analysis.figures_used import figures_note
    from core.analysis.next_state import transfer_lines
    out: list[Message] = []
    if res.working is not None:
        out += figures_note(res.working, res.rules)
    if res.transfers:
        out.append(Message("transfer.heading", count=len(res.transfers)))
        out += transfer_lines(res.transfers)
    return out


def history_json(res: ScenarioResult, lang: str | None = None) -> dict:
    from core.analysis.figures_used import context_json
    from core.analysis.next_state import transfer_lines
    out = context_json(res.working, res.rules) if res.working is not None else {}
    out["transfers"] = [dict(t, text=m.text(lang)) for t, m in zip(res.transfers, transfer_lines(res.transfers))]
    out["parts"] = res.parts
    return out


def scenario_json(res: ScenarioResult, lang: str | None = None) -> dict:
    s = res.scenario
    return {
        "scenario": s.name, "id": s.id, "rules": res.rules.id, "citation": res.rules.citation,
        "units_before": res.units_before, "units_after": res.units_after,
        "reduction": res.reduction, "reduction_pct": round(res.reduction_pct, 2),
        "unresolved": list(res.unresolved),
        "unresolved_names": [res.units[c].unit.name for c in res.unresolved],
        "must_merge": [c for c, r in res.units.items() if r.must_merge],
        "exemptions": [{"unit": c, "reason": r} for c, r in s.exemptions.items()],
        "verdict": res.verdict, "verdict_text": verdict_label(res.verdict, lang),
        "groups": [group_json(g, lang) for g in res.groups],
        **history_json(res, lang),
        "in_force": res.rules.in_force,
        "classification_defaulted": count_defaulted(u.unit for u in res.units.values()),
        "uncertain": [{"what": u["what"], "text": pick(u["text"], lang)} for u in res.rules.uncertain],
        "notes": [_finding_json(f, lang) for f in res.notes],
    }


def scenario_text(res: ScenarioResult, lang: str | None = None) -> str:
    s = res.scenario
    out = [Message("cli.check.scenario", name=s.name),
           Message("cli.rule_set", id=res.rules.id, citation=res.rules.citation), ""]
    for i, g in enumerate(res.groups, 1):
        out.append(Message("cli.check.group", index=i, kind=g.kind, name=g.group.name,
                           members=[res.units[c].unit.name for c in g.group.members],
                           area=g.area_km2, area_pct=g.area_pct, population=g.population,
                           population_pct=g.population_pct, verdict=group_verdict_label(g, lang)))
        out += [Message("cli.check.finding", severity=f.severity, text=finding_message(f)) for f in g.findings]
    out.append("")
    out.append(Message("cli.check.units", before=res.units_before, after=res.units_after,
                       reduction=res.reduction, pct=res.reduction_pct))
    names = [res.units[c].unit.name for c in res.unresolved]
    out.append(Message("cli.check.unresolved", names=names) if names else Message("cli.check.unresolved_none"))
    out += history_lines(res)
    out.append(Message("cli.check.verdict", verdict=res.verdict))
    for note in res.notes:
        if note.code == "rules_uncertain":        # one line per point, below
            out.append(Message("cli.check.uncertain", count=note.params["count"]))
            out += [Message("cli.check.uncertain_item", text=t) for t in note.params["items"]]
        else:
            out.append(Message("cli.check.finding", severity=note.severity, text=finding_message(note)))
    return "\n".join(m.text(lang) if isinstance(m, Message) else m for m in out)
