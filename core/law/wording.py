"""Sentences a planner reads about evaluation results, worded from the message catalogue.

Each ``Finding`` keeps its code and figures; ``finding_message`` names the catalogue text
(``resources/messages/law.toml``, ``finding.<code>``) and ``finding_text`` words it in the
reader's language. The command line, the exports and the GUI all go through here, so a
verdict reads the same on screen and in the dossier. ``lang=None`` is the chosen language.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.common.messages import Message, known, pick, say

if TYPE_CHECKING:
    from core.law.evaluation import Finding
    from core.law.rules import GroupException, RuleSet

__all__ = ["GroundChoice", "criterion_message", "criterion_text", "finding_message", "finding_text",
           "ground_choices", "group_verdict_label", "kind_label", "pick", "severity_label", "verdict_label"]


def _label(prefix: str, value: str, lang: str | None) -> str:
    code = f"{prefix}.{value}"
    return say(code, lang) if known(code) else value


def kind_label(kind: str, lang: str | None = None) -> str:
    """'xa' → 'xã' (in English 'xã (commune)'): the legal term as the law writes it."""
    return _label("kind", kind, lang)


def verdict_label(verdict: str, lang: str | None = None, wording: str = "standard") -> str:
    """A verdict in words; ``wording="targets"`` (NQ 76/2025) speaks of "định hướng về tiêu
    chuẩn" (targets) where the other periods speak of the standard."""
    if wording == "targets" and known(f"verdict.targets.{verdict}"):
        return say(f"verdict.targets.{verdict}", lang)
    return _label("verdict", verdict, lang)


def group_verdict_label(g, lang: str | None = None) -> str:
    """A merged unit's verdict in words, in the rule set's wording, with the article it rests on
    ("Chưa đạt – thuộc trường hợp ngoại lệ (khoản 2 Điều 5 …)")."""
    label = verdict_label(g.verdict, lang, g.wording)
    if g.verdict not in ("exception", "not_considered"):
        return label               # the figures' findings cite the requirement's article
    article = g.verdict_article
    return say("verdict.with_article", lang, verdict=label, article=article) if article else label


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
        p.setdefault("how", "")
    elif code == "exception_available":
        p["prompt"] = Message("finding.prompt", prompt=p["prompt"]) if p.get("prompt") else ""
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


# ----- exception grounds a planner records for a group (checks panel, CLI, scenario files) ----
@dataclass(frozen=True)
class GroundChoice:
    """One ground a planner may pick for a group below its requirement.

    ``id`` goes into ``SetGroupException(group_id, text, ground=id)`` and the scenario file's
    ``"exception": {"ground": id, "text": ...}``; ``label`` is what the planner picks ("Nhập 02
    đơn vị … (khoản 2 Điều 1 …)"), ``prompt`` what the free text must say; ``needs_text``: the
    session refuses the ground without its text; ``fits``: the ground is a case for a group of
    this size (a ground that does not fit may still be recorded: the verdict then says why it
    does not apply)."""

    id: str
    label: Message
    prompt: Message
    article: str
    needs_text: bool
    fits: bool
    uncertain: bool


def ground_choices(rules: RuleSet, members: int | None = None) -> list[GroundChoice]:
    """The rule set's recordable exception grounds, in its file's order, worded through the
    message catalogue (``exception.ground_label`` / ``exception.ground_prompt``) in either
    language; with ``members``, each says whether it fits a group of that many units."""
    return [_choice(e, members) for e in rules.exception_grounds]


def _choice(e: GroupException, members: int | None) -> GroundChoice:
    return GroundChoice(
        id=e.id, label=Message("exception.ground_label", text=e.text, article=e.article),
        prompt=Message("exception.ground_prompt", prompt=e.prompt or e.text),
        article=e.article, needs_text=e.needs_text,
        fits=True if members is None else e.fits(members), uncertain=e.uncertain)
