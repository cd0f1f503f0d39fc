"""The ``propose`` command's text output, worded from the message catalogue."""
from __future__ import annotations

from core.law.wording import verdict_label


def proposal_text(proposal, result, scenario, pieces, unresolved, lang, Message) -> str:
    out = [Message("propose.cli.stored", name=scenario.name, id=scenario.id).text(lang),
           Message("propose.cli.header", rules=result.rules.id, citation=result.rules.citation,
                   status=Message(f"propose.status.{proposal.status}"), seconds=proposal.seconds).text(lang), ""]
    by_members = {frozenset(g.members): g for g in proposal.groups}
    for i, g in enumerate(result.groups, 1):
        names = [result.units[c].unit.name for c in g.members]
        out.append(Message("propose.cli.group", index=i, name=g.group.name, members=names,
                           verdict=verdict_label(g.verdict, lang)).text(lang))
        for m in by_members[frozenset(g.members)].why:
            out.append("   – " + m.text(lang))
    out.append("")
    for p in pieces:
        gap = "—" if p["gap"] is None else f"{100 * p['gap']:.2f} %"
        out.append(Message("propose.cli.piece", label=p["label"], units=p["units"], after=p["units_after"],
                           status=Message(f"propose.status.{p['status']}"), gap=gap,
                           seconds=p["seconds"]).text(lang))
    out.append(Message("propose.cli.units", before=proposal.units_before, after=proposal.units_after).text(lang))
    for m in proposal.unsatisfied + proposal.notes:
        out.append("! " + m.text(lang))
    names = [result.units[c].unit.name for c in unresolved]
    out.append(Message("propose.cli.unresolved", units=names or ["—"]).text(lang))
    return "\n".join(out)
