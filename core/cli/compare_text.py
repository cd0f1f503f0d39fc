"""Plain-text and JSON views of a scenario comparison, for the command line."""
from __future__ import annotations

from core.analysis.compare import Comparison
from core.cli.report import table
from core.law.wording import pick


def _number(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def comparison_json(comp: Comparison, lang: str = "vi") -> dict:
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
                         "placements": [{"label": lb, "group": p.group, "partners": list(p.partners),
                                         "exemption": p.exemption, "unresolved": p.unresolved}
                                        for lb, p in zip(comp.labels, d.placements)]}
                        for d in comp.differences],
        "maps": [{"label": m.label, "unit_colour": m.unit_colour,
                  "legend": [{"name": n, "colour": c, "members": mem} for n, c, mem in m.legend],
                  "unresolved": m.unresolved} for m in comp.maps],
    }


def comparison_text(comp: Comparison, lang: str = "vi") -> str:
    vi = lang == "vi"
    out = []
    for lb, s, r in zip(comp.labels, comp.scenarios, comp.results):
        judged = (f"xét theo {r.rules.id}" if vi else f"judged under {r.rules.id}")
        if r.rules.id != s.rules:
            judged += (f" (phương án lập theo {s.rules})" if vi else f" (drawn up under {s.rules})")
        out.append(f"{lb}: {s.name} – {judged}")
    if comp.mixed_rules:
        out.append("Lưu ý: các phương án được xét theo bộ quy tắc khác nhau; dùng --rules để xét cùng một bộ."
                   if vi else "Note: the scenarios are judged under different rule sets; use --rules to "
                   "judge them under one.")
    for r in {r.rules.id: r for r in comp.results}.values():
        out.append(f"  {r.rules.id}: {pick(r.rules.title, lang)} – {r.rules.citation}")
    out.append("")
    headers = ["Tiêu chí" if vi else "Measure"] + comp.labels
    rows = []
    for m in comp.measures:
        rows.append([m.label(lang)] + [m.text(i, lang) + (" ✓" if m.is_best(i) else "")
                                       for i in range(len(comp.labels))])
    out.append(table(headers, rows))
    out.append("✓ = giá trị tốt hơn" if vi else "✓ = the better value")
    out.append("")
    out.append("Khác biệt:" if vi else "Differences:")
    out.extend(f"- {d.text(lang)}" for d in comp.differences)
    if not comp.differences:
        out.append("- " + ("không có" if vi else "none"))
    return "\n".join(out)
