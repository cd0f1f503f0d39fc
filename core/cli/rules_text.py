"""The ``rules`` command's views of a rule set: every clause with its article, and its
unverified points (text and JSON)."""
from __future__ import annotations

from core.common.messages import Message, pick
from core.law.rules import MATCH_KEYS, RuleSet


def _requirement_rows(r: RuleSet) -> list[dict]:
    """Each entry of the merged-unit table with its thresholds worked out."""
    rows = []
    for entry in r.spec.get("merged_unit", {}).get("requirements", []):
        attrs = {k: (v[0] if isinstance(v, list) else v) for k, v in entry.items() if k in MATCH_KEYS}
        kind = attrs.pop("kind", "*")
        match = {k: v for k, v in entry.items() if k in MATCH_KEYS}
        row = {"id": entry.get("id", ""), "match": match, "article": entry.get("article", r.merged_article),
               "uncertain": bool(entry.get("uncertain")) or r.merged_uncertain, "exempt": bool(entry.get("exempt"))}
        if entry.get("exempt"):
            row["text"] = entry.get("text", {})
        elif kind != "*":
            terrain, parent, urban = attrs.pop("terrain", "lowland"), attrs.pop("parent", ""), attrs.pop("urban_class", "")
            req = r.requirement_for(kind, terrain, parent, urban, **attrs)
            row.update(area_km2=req.area_km2, population=req.population, area_pct=round(req.area_pct, 2),
                       population_pct=round(req.population_pct, 2))
        else:
            row.update(area_pct=entry.get("area_pct", 100), population_pct=entry.get("population_pct", 100))
        rows.append(row)
    return rows


def _case(match: dict) -> list[Message]:
    """What an entry of the merged-unit table applies to besides the kind (terrain, border, the
    kind of province), in words: "miền núi, vùng cao"."""
    case: list[Message] = []
    for terrain in (lambda t: t if isinstance(t, list) else [t])(match.get("terrain") or []):
        case.append(Message(f"terrain.{terrain}"))
    if match.get("border"):
        case.append(Message("cli.rules.case_border"))
    if match.get("province_type"):
        case.append(Message(f"cli.rules.case_province.{match['province_type']}"))
    return case


def rules_json(r: RuleSet, lang: str | None = None) -> dict:
    def exc(e):
        return {"id": e.id, "text": pick(e.text, lang), "article": e.article, "automatic": e.automatic,
                "verdict": e.verdict, "min_members": e.min_members, "members": e.members,
                "max_members": e.max_members, "needs_text": e.needs_text, "prompt": pick(e.prompt, lang) if e.prompt else "",
                "uncertain": e.uncertain}
    return {
        "id": r.id, "title": r.title, "citation": r.citation, "period": r.period, "in_force": r.in_force,
        "repealed_by": r.repealed_by, "status_note": pick(r.status_note, lang) if r.status_note else "",
        "figures": r.figures, "standards_source": r.standards_source,
        "standards": r.spec.get("standards", []),
        "reductions": r.spec.get("reductions", {}),
        "must_merge": [{"id": c.id, "text": pick(c.text, lang), "article": c.article, "uncertain": c.uncertain,
                        "kinds": list(c.kinds), "area_below_pct": c.area_below_pct,
                        "population_below_pct": c.population_below_pct} for c in r.criteria],
        "exemption_article": r.exemption_article,
        "exemption_grounds": [{"id": g.id, "text": pick(g.text, lang), "article": g.article, "uncertain": g.uncertain,
                               "automatic": g.automatic, "not_a_ground": g.not_a_ground} for g in r.grounds],
        "merged_unit": {"article": r.merged_article, "wording": r.wording, "uncertain": r.merged_uncertain,
                        "requirements": _requirement_rows(r)},
        "exceptions": [exc(e) for e in r.automatic_exceptions],
        "exception_grounds": [exc(e) for e in r.exception_grounds],
        "resulting_kind": {**r.resulting_kind_rule, "text": pick(r.resulting_kind_rule.get("text", {}), lang)},
        "names": {"scope": r.names.scope, "article": r.names.article, "text": pick(r.names.text, lang),
                  "uncertain": r.names.uncertain, "note": pick(r.names.note, lang) if r.names.note else ""},
        "not_applied": [{"article": n["article"], "text": pick(n["text"], lang)} for n in r.not_applied],
        "uncertain": [{"what": u["what"], "text": pick(u["text"], lang)} for u in r.uncertain],
    }


def rules_lines(r: RuleSet) -> list[Message | str]:
    """Every clause of ``r`` with its article, then its unverified points."""
    out: list[Message | str] = [
        Message("cli.rules.header", id=r.id, title=r.title,
                status=Message("cli.rules.status_not_in_force") if not r.in_force else ""),
        r.citation,
        Message("cli.rules.period", start=r.period.get("from", ""), end=r.period.get("to", ""),
                repealed=Message("cli.rules.repealed", article=r.repealed_by) if r.repealed_by else "")]
    if not r.in_force:
        out.append(Message("cli.rules.not_in_force", note=r.status_note, article=r.repealed_by))

    def section(title: str, items: list[Message]) -> None:
        if items:
            out.append(Message("cli.rules.section", title=Message(f"cli.rules.title.{title}")))
            out.extend(items)

    def item(text, article, uncertain=False) -> Message:
        if not article:
            return Message("cli.rules.uncertain_item", text=text)
        return Message("cli.rules.item_uncertain" if uncertain else "cli.rules.item", text=text, article=article)

    section("criteria", [item(c.text, c.article, c.uncertain) for c in r.criteria])
    section("exemptions", [item(g.text, "" if g.not_a_ground else g.article, g.uncertain) for g in r.grounds])
    reqs = []
    for row in _requirement_rows(r):
        kind = row["match"].get("kind", "*")
        if row["exempt"]:
            reqs.append(item(row["text"], row["article"], row["uncertain"]))
        elif "area_km2" in row:
            reqs.append(Message("cli.rules.requirement_case" if _case(row["match"]) else "cli.rules.requirement",
                                kind=kind, case=_case(row["match"]), area=row["area_km2"],
                                population=row["population"], article=row["article"]))
        else:
            reqs.append(Message("cli.rules.requirement_pct", area=row["area_pct"], population=row["population_pct"],
                                article=row["article"]))
    section("requirements", reqs)
    section("exceptions", [item(e.text, e.article, e.uncertain) for e in r.automatic_exceptions])
    section("grounds", [item(e.text, e.article, e.uncertain) for e in r.exception_grounds])
    rk = r.resulting_kind_rule
    section("kind", [item(rk.get("text", {}), rk.get("article", ""), bool(rk.get("uncertain")))])
    section("names", [item(r.names.text, r.names.article, r.names.uncertain)] if r.names.article else [])
    section("uncertain", [Message("cli.rules.uncertain_item", text=u["text"]) for u in r.uncertain])
    return out
