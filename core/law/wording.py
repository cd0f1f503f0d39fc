"""Sentences a planner reads about evaluation results, worded from the message catalogue.

Each ``Finding`` keeps its code and figures; ``finding_message`` names the catalogue text
(``resources/messages/law.toml``, ``finding.<code>``) and ``finding_text`` words it in the
reader's language. The command line, the exports and the GUI all go through here, so a
verdict reads the same on screen and in the dossier. ``lang=None`` is the chosen language.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.common.messages import Message, known, pick, say

if TYPE_CHECKING:
    from core.law.evaluation import Finding

__all__ = ["criterion_message", "criterion_text", "finding_message", "finding_text", "kind_label",
           "pick", "severity_label", "verdict_label"]


def _label(prefix: str, value: str, lang: str | None) -> str:
    code = f"{prefix}.{value}"
    return say(code, lang) if known(code) else value


def kind_label(kind: str, lang: str | None = None) -> str:
    """'xa' → 'xã' (in English 'xã (commune)'): the legal term as the law writes it."""
    return _label("kind", kind, lang)


def verdict_label(verdict: str, lang: str | None = None) -> str:
    return _label("verdict", verdict, lang)


def severity_label(severity: str, lang: str | None = None) -> str:
    return _label("severity", severity, lang)


def finding_message(f: Finding) -> Message:
    """The catalogue message of a finding, with the figures it needs."""
    p = dict(f.params)
    code = f.code
    if code in ("area", "population"):
        p["verdict"] = Message("finding.met" if f.severity == "ok" else "finding.not_met")
    elif code == "not_contiguous":
        p["who"] = p.get("isolated") or p.get("members", [])
    elif code == "exception":
        p["reason"] = Message("finding.reason", reason=p["reason"]) if p.get("reason") else ""
    elif code == "override":
        p["parts"] = [Message(f"finding.override_{what}", value=p[what])
                      for what in ("population", "area") if p.get(what) is not None]
    return Message(f"finding.{code}", article=f.article, **{k: v for k, v in p.items() if k != "article"})


def finding_text(f: Finding, lang: str | None = None) -> str:
    return finding_message(f).text(lang)


def criterion_message(crit) -> Message:
    return Message("criterion.line_uncertain" if crit.uncertain else "criterion.line",
                   text=crit.text, article=crit.article)


def criterion_text(crit, lang: str | None = None) -> str:
    return criterion_message(crit).text(lang)
