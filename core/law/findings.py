"""What an evaluation found, as findings with their figures and articles (worded by
``core.law.wording`` from ``resources/messages/law.toml``, ``finding.<code>``).

``group_findings`` explains one merged unit's verdict: each figure against its requirement, the
exception that applies (by itself, or on the ground the planner recorded) or could be recorded,
contiguity, names, the kind, the classification it was judged with (reduced standards, members
that differ or carry only defaults), and the unverified clauses the verdict rests on.
``scenario_notes`` says what holds for the whole evaluation: a rule set without legal force,
units whose classification was defaulted, the rule set's unverified points.

The results are read by duck typing (``GroupResult``, ``ScenarioResult`` of
``core.law.evaluation``), which imports this module.
"""
from __future__ import annotations

from dataclasses import dataclass

from core.common.messages import Message
from core.domain.classification import count_defaulted, defaulted_message, value_text
from core.law.rules import NOT_CONSIDERED, RuleSet
from core.law.verdict import DOES_NOT_FIT, EPS, NEEDS_TEXT, NOT_NEEDED, UNKNOWN_GROUND


@dataclass(frozen=True)
class Finding:
    code: str                 # what was checked, e.g. "area", "population", "contiguity"
    severity: str             # "ok", "info", "warning", "fail"
    params: dict
    article: str = ""


def _below(rules: RuleSet) -> Message:
    return Message("finding.below_targets" if rules.wording == "targets" else "finding.below_standard")


def group_findings(dataset, rules: RuleSet, r, members) -> list[Finding]:
    """The findings on one merged unit ``r`` (a ``GroupResult``) whose members are ``members``."""
    out: list[Finding] = []
    req, exc = r.requirement, r.exception
    if not req.exempt:
        for what, value, pct, need, need_pct, std_value in (
            ("area", r.area_km2, r.area_pct, req.area_km2, req.area_pct, r.standard.area_km2),
            ("population", r.population, r.population_pct, req.population, req.population_pct, r.standard.population),
        ):
            ok = value >= need - EPS
            out.append(Finding(what, "ok" if ok else "fail",
                               {"value": value, "pct": pct, "required": need, "required_pct": need_pct,
                                "standard": std_value, "kind": r.kind, "standard_label": r.standard.label,
                                "standard_article": r.standard.article}, req.article or rules.merged_article))
    if not r.meets_standard and exc and exc.get("verdict") == NOT_CONSIDERED:
        out.append(Finding("not_considered", "info", {"text": exc["text"], "count": len(members)}, exc["article"]))
    if r.contiguous:
        out.append(Finding("contiguous", "ok", {"members": [m.unit.name for m in members]}))
    else:
        isolated = [m.unit.name for m in members
                    if not (dataset.neighbours(m.code) & set(r.group.members))]
        # The principle (only adjacent units merge) is worded by the finding's message.
        out.append(Finding("not_contiguous", "fail",
                           {"members": [m.unit.name for m in members], "isolated": isolated}))
    out += _exception_findings(rules, r, len(members))
    for clash in r.name_clashes:
        out.append(Finding("name_clash", "fail", {"name": r.group.name, "other": clash,
                                                  "scope": Message(f"names.scope.{rules.names.scope}")},
                           rules.names.article))
    if r.kind != r.default_kind:
        out.append(Finding("kind_chosen", "info", {"kind": r.kind, "default": r.default_kind,
                                                   "rule": rules.resulting_kind_rule.get("text", {})}))
    if not r.kind_allowed:
        out.append(Finding("kind_not_allowed", "fail", {"kind": r.kind, "rule": rules.resulting_kind_rule.get("text", {})},
                           rules.resulting_kind_rule.get("article", "")))
    approx = [m.unit.name for m in members if m.unit.area.approximate and not m.area_overridden]
    if approx:
        out.append(Finding("approximate_area", "warning", {"units": approx}))
    for m in members:
        if m.population_overridden or m.area_overridden:
            out.append(Finding("override", "info", {
                "unit": m.unit.name, "source": m.override_source,
                "population": m.population if m.population_overridden else None,
                "area": m.area_km2 if m.area_overridden else None}))
    out += _classification_findings(rules, r, members)
    uncertain = _uncertain_clauses(rules, r, members)
    if uncertain:
        out.append(Finding("uncertain_clauses", "warning", {"clauses": uncertain}))
    return out


def _exception_findings(rules: RuleSet, r, count: int) -> list[Finding]:
    out: list[Finding] = []
    exc, g = r.exception, r.group
    if exc and exc.get("verdict") != NOT_CONSIDERED and not r.meets_standard:
        if exc["automatic"]:
            out.append(Finding("exception_automatic", "warning", {"below": _below(rules), "text": exc["text"],
                                                                  "count": count}, exc["article"]))
        else:
            how = "" if g.exception_ground else Message("finding.exception_as_ground")
            out.append(Finding("exception", "warning", {"below": _below(rules), "text": exc["text"],
                                                        "reason": exc["reason"], "how": how}, exc["article"]))
    problem = r.recorded_problem
    recorded = rules.exception(g.exception_ground) if g.exception_ground else None
    ground = recorded.text if recorded is not None else (g.exception_ground or g.exception_reason)
    if problem == NOT_NEEDED:
        out.append(Finding("exception_not_needed", "info", {"ground": ground}))
    elif problem in (UNKNOWN_GROUND, DOES_NOT_FIT, NEEDS_TEXT):
        out.append(Finding("exception_not_applicable", "warning",
                           {"ground": ground, "why": Message(f"finding.exception_problem.{problem}", count=count)},
                           recorded.article if recorded is not None else ""))
    if not r.meets_standard and exc is None and r.kind_allowed:
        for e in rules.grounds_for(count):
            out.append(Finding("exception_available", "info", {"text": e.text, "prompt": e.prompt}, e.article))
    return out


def _classification_findings(rules: RuleSet, r, members) -> list[Finding]:
    out: list[Finding] = []
    c = r.classification
    if c is None:
        return out
    if c.mixed:
        out.append(Finding("classification_mixed", "warning", {"values": [
            Message("finding.classification_value", field=Message(f"classification.field.{f}"),
                    value=value_text(f, c.get(f))) for f in c.mixed]}))
    if c.unknown:
        units = [m.unit.name for m in members if m.unit.relevant_defaulted() & set(c.unknown)]
        out.append(Finding("classification_unknown", "warning",
                           {"fields": [Message(f"classification.field.{f}") for f in c.unknown], "units": units}))
    std = r.standard
    if std.reductions:
        out.append(Finding("standard_reduced", "info", {
            "reductions": [x.text for x in std.reductions], "population": std.population,
            "base_population": std.base_population, "area": std.area_km2, "base_area": std.base_area_km2},
            std.reductions[0].article))
    return out


def _uncertain_clauses(rules: RuleSet, r, members) -> list[str]:
    """The articles of the unverified clauses this verdict rests on."""
    out: list[str] = []
    if r.standard.uncertain:
        out.append(r.standard.article)
    out += [x.article for x in r.standard.reductions if x.uncertain]
    if r.requirement.uncertain and (r.requirement.article not in out):
        out.append(r.requirement.article)
    exc = r.exception
    if exc and exc.get("uncertain") and exc["article"] not in out:
        out.append(exc["article"])
    kinds = {m.unit.kind for m in members}
    rule = rules.resulting_kind_rule
    if len(kinds) > 1 and rule.get("uncertain") and r.kind == r.default_kind:
        out.append(rule.get("article") or Message("finding.kind_rule_default"))
    unique: list = []
    for clause in out:
        if clause not in unique:
            unique.append(clause)
    return unique


def scenario_notes(res) -> list[Finding]:
    """What a reader of the whole evaluation ``res`` (a ``ScenarioResult``) must know."""
    rules: RuleSet = res.rules
    out: list[Finding] = []
    if not rules.in_force:
        out.append(Finding("rules_not_in_force", "warning", {"note": rules.status_note}, rules.repealed_by))
    elif rules.repealed_by:
        out.append(Finding("rules_repealed", "info", {"to": rules.period.get("to", "")}, rules.repealed_by))
    counts = count_defaulted(u.unit for u in res.units.values())
    if counts["units"]:
        out.append(Finding("classification_defaulted", "warning", {"counts": counts,
                                                                   "message": defaulted_message(counts)}))
    exempt = [u for u in res.units.values() if u.auto_exemption is not None and u.must_merge]
    if exempt:
        g = exempt[0].auto_exemption
        out.append(Finding("auto_exemption", "info", {"text": g.text, "units": [u.unit.name for u in exempt]},
                           g.article))
    if rules.uncertain:
        out.append(Finding("rules_uncertain", "info", {"count": len(rules.uncertain),
                                                       "items": [u.get("text", u.get("note", "")) for u in rules.uncertain]}))
    return out
