"""Plain-text and JSON views of a scenario comparison, for the command line."""
from __future__ import annotations

from core.analysis.compare import Comparison
from core.cli.report import table
from core.common.messages import pick, say


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def comparison_json(comp: Comparison, lang: str | None = None) -> dict:
    return {
        "scenarios": [{"label": lb, "name": s.name, "id": s.id, "rules": r.rules.id,
                       "own_rules": s.rules}
                      for lb, s, r in zip(comp.labels, comp.scenarios, comp.results)],
        "rules": comp.rules_given,
        "mixed_rules": comp.mixed_rules,
        "measures": [{"key": m.key, "label": m.label(lang), "values": [_number(v) for v in m.values],
                      "text": [m.text(i, lang) for i in range(len(m.values))],
                      "better": m.better, "best": [comp.labels[i] for i in m.best]}
                     for m in comp.measures],
        "differences": [{"units": list(d.codes), "same": d.same, "text": d.text(lang),
                         "message": d.message.as_json(),
                         "placements": [{"label": lb, "group": p.group, "partners": list(p.partners),
                                         "exemption": p.exemption, "unresolved": p.unresolved}
                                        for lb, p in zip(comp.labels, d.placements)]}
                        for d in comp.differences],
        "maps": [{"label": m.label, "unit_colour": m.unit_colour,
                  "legend": [{"name": n, "colour": c, "members": mem} for n, c, mem in m.legend],
                  "unresolved": m.unresolved} for m in comp.maps],
    }


def comparison_text(comp: Comparison, lang: str | None = None) -> str:
    out = []
    for lb, s, r in zip(comp.labels, comp.scenarios, comp.results):
        if r.rules.id != s.rules:
            out.append(say("cli.compare.judged_other", lang, label=lb, name=s.name, rules=r.rules.id, own=s.rules))
        else:
            out.append(say("cli.compare.judged", lang, label=lb, name=s.name, rules=r.rules.id))
    if comp.mixed_rules:
        out.append(say("cli.compare.mixed_rules", lang))
    for r in {r.rules.id: r for r in comp.results}.values():
        out.append(f"  {r.rules.id}: {pick(r.rules.title, lang)} – {r.rules.citation}")
    out.append("")
    headers = [say("cli.compare.measure", lang)] + comp.labels
    rows = []
    for m in comp.measures:
        rows.append([m.label(lang)] + [m.text(i, lang) + (" ✓" if m.is_best(i) else "")
                                       for i in range(len(comp.labels))])
    out.append(table(headers, rows))
    out.append(say("cli.compare.better", lang))
    out.append("")
    out.append(say("cli.compare.differences", lang))
    out.extend(f"- {d.text(lang)}" for d in comp.differences)
    if not comp.differences:
        out.append(say("cli.compare.no_differences", lang))
    return "\n".join(out)
