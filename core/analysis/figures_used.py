"""Which state and figure set an evaluation read, and whether the rule set expects figures of
that reference date (its rule file's ``figures.reference_date``): for ``check``, ``units``,
``apply`` and the dossier alike."""
from __future__ import annotations

from core.common.messages import Message


def expected_figures(rules) -> tuple[str, str]:
    """The reference date a rule set expects its figures as of, and the article that says so
    (the rule file's ``figures``: ``reference_date``, ``article``); ("", "") when it names none."""
    spec = (getattr(rules, "spec", {}) or {}).get("figures") or {}
    return str(spec.get("reference_date") or ""), str(spec.get("article") or "")


def figures_note(dataset, rules) -> list[Message]:
    """Which state and figure set the evaluation read, and a warning when the rule set expects
    figures of another reference date."""
    state = dataset.meta.get("state") or {}
    figures = dataset.meta.get("figures") or {}
    out = [Message("cli.history.state_used", name=state.get("name") or "base"),
           Message("cli.history.figures_used", name=figures.get("name") or "base",
                   source=figures.get("source") or "—", date=figures.get("date") or "—")]
    expected, article = expected_figures(rules)
    if expected and figures.get("date", "") != expected:
        out.append(Message("cli.history.figures_not_expected", rules=rules.id, expected=expected,
                           date=figures.get("date") or "—", article=article or "—"))
    if figures.get("units_without"):
        out.append(Message("cli.history.figures_missing", count=figures["units_without"]))
    return out


def context_json(dataset, rules) -> dict:
    state = dataset.meta.get("state") or {}
    figures = dataset.meta.get("figures") or {}
    expected, _article = expected_figures(rules)
    return {"state": state.get("name") or "base",
            "figures": {"name": figures.get("name") or "base", "source": figures.get("source", ""),
                        "date": figures.get("date", ""), "expected_date": expected,
                        "expected": not expected or figures.get("date", "") == expected,
                        "units_without": figures.get("units_without", 0)}}
