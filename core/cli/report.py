"""Plain-text and JSON views of evaluation results, for the command line."""
from __future__ import annotations

import unicodedata

from core.common.numbers import fmt_int, fmt_number
from core.law.evaluation import GroupResult, ScenarioResult, UnitResult
from core.law.rules import RuleSet
from core.law.wording import criterion_text, finding_text, kind_label, pick, verdict_label


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
    }


def units_text(results: list[UnitResult], rules: RuleSet, lang: str = "vi") -> str:
    rows = []
    for r in results:
        flag = ("Có" if r.must_merge else "") if lang == "vi" else ("yes" if r.must_merge else "")
        why = "; ".join(criterion_text(c, lang) for c in r.criteria)
        if r.exemption:
            why += (" – được miễn: " if lang == "vi" else " – exempted: ") + r.exemption
        rows.append([r.code, r.unit.name, kind_label(r.unit.kind, lang),
                     fmt_number(r.area_km2, 2, lang) + ("*" if r.unit.area.approximate else ""),
                     fmt_number(r.area_pct, 1, lang), fmt_int(r.population, lang),
                     fmt_number(r.population_pct, 1, lang), flag, why])
    if lang == "vi":
        headers = ["Mã", "Tên", "Loại", "DT (km²)", "% TC DT", "Dân số", "% TC DS", "Phải sắp xếp", "Căn cứ"]
        foot = (f"\nBộ quy tắc: {rules.id} – {rules.citation}\n* diện tích xấp xỉ (tính từ bản đồ), "
                f"không phải diện tích tự nhiên chính thức.\n"
                f"Số đơn vị thuộc diện phải sắp xếp: {sum(r.must_merge for r in results)}/{len(results)}")
    else:
        headers = ["Code", "Name", "Kind", "Area km²", "Area %", "Population", "Pop. %", "Must merge", "Why"]
        foot = (f"\nRule set: {rules.id} – {rules.citation}\n* approximate area (from polygons), not the "
                f"official natural area.\nUnits the law requires to merge: "
                f"{sum(r.must_merge for r in results)}/{len(results)}")
    return table(headers, rows, right={3, 4, 5, 6}) + "\n" + foot


def group_json(g: GroupResult, lang: str = "vi") -> dict:
    return {
        "id": g.group.id, "name": g.group.name, "members": list(g.group.members), "seat": g.group.seat,
        "kind": g.kind, "default_kind": g.default_kind,
        "area_km2": round(g.area_km2, 4), "population": g.population,
        "area_pct": round(g.area_pct, 2), "population_pct": round(g.population_pct, 2),
        "required": {"area_km2": g.requirement.area_km2, "population": g.requirement.population,
                     "area_pct": g.requirement.area_pct, "population_pct": g.requirement.population_pct},
        "contiguous": g.contiguous, "meets_standard": g.meets_standard,
        "exception": (pick(g.exception["text"], lang) + (f" – {g.exception['reason']}" if g.exception["reason"] else "")
                      if g.exception else None),
        "name_clashes": g.name_clashes, "neighbours": g.neighbours,
        "verdict": g.verdict, "verdict_text": verdict_label(g.verdict, lang),
        "findings": [{"check": f.code, "severity": f.severity, "article": f.article, "text": finding_text(f, lang)}
                     for f in g.findings],
    }


def scenario_json(res: ScenarioResult, lang: str = "vi") -> dict:
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
    }


def scenario_text(res: ScenarioResult, lang: str = "vi") -> str:
    vi = lang == "vi"
    s = res.scenario
    out = [f"{'Phương án' if vi else 'Scenario'}: {s.name}",
           f"{'Bộ quy tắc' if vi else 'Rule set'}: {res.rules.id} – {res.rules.citation}", ""]
    for i, g in enumerate(res.groups, 1):
        names = ", ".join(res.units[c].unit.name for c in g.group.members)
        out.append(f"{i}. {kind_label(g.kind, lang)} {g.group.name} ← {names}: "
                   f"{fmt_number(g.area_km2, 2, lang)} km² ({fmt_number(g.area_pct, 2, lang)} %), "
                   f"{fmt_int(g.population, lang)} {'người' if vi else 'people'} "
                   f"({fmt_number(g.population_pct, 2, lang)} %) – {verdict_label(g.verdict, lang)}")
        for f in g.findings:
            out.append(f"   [{f.severity}] {finding_text(f, lang)}")
    out.append("")
    if vi:
        out.append(f"Số đơn vị: {res.units_before} → {res.units_after} (giảm {res.reduction}, "
                   f"{fmt_number(res.reduction_pct, 2, lang)} %)")
        names = ", ".join(res.units[c].unit.name for c in res.unresolved) or "không có"
        out.append(f"Đơn vị phải sắp xếp nhưng chưa được sắp xếp: {names}")
    else:
        out.append(f"Units: {res.units_before} → {res.units_after} (−{res.reduction}, "
                   f"{fmt_number(res.reduction_pct, 2, lang)} %)")
        names = ", ".join(res.units[c].unit.name for c in res.unresolved) or "none"
        out.append(f"Must-merge units left unresolved: {names}")
    out.append(("Kết luận: " if vi else "Verdict: ") + verdict_label(res.verdict, lang))
    return "\n".join(out)
