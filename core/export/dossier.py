"""The content of a scenario summary, once, for every export format.

``build_dossier(dataset, result)`` gathers what the đề án's tables hold: the units
before (with % of standard and whether the law requires them to merge), the
units after (members, sums, seat, neighbours after the merger), the old → new
table, exemptions, unresolved must-merge units, findings and the Standing
Committee's sentences. Values stay numbers here; each writer formats them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core.common.messages import Message, pick, say
from core.common.text import fold
from core.domain.classification import count_defaulted, defaulted_message
from core.domain.model import Dataset
from core.law.evaluation import GroupResult, ScenarioResult
from core.law.wording import criterion_text, finding_text, group_verdict_label, kind_label, severity_label, verdict_label

from .area import Scope, area_scope
from .narrative import DOC_LANG, history_notes, merger_paragraph, unit_with_kind
from .sources import dossier_sources, vn_date


@dataclass
class BeforeRow:
    stt: int
    code: str
    name: str
    kind: str
    area_km2: float
    area_approximate: bool
    area_pct: float
    population: float
    population_pct: float
    must_merge: bool
    criteria: str
    exemption: str | None
    new_name: str           # the unit it belongs to after the merger, with its kind
    merged: bool
    note: str


@dataclass
class AfterRow:
    stt: int
    name: str
    kind: str
    merged: bool
    member_codes: list[str]
    member_names: list[str]
    area_km2: float
    area_pct: float
    population: float
    population_pct: float
    seat: str
    neighbours: list[str]   # "xã An Phước", names after the merger
    verdict: str | None     # merged units only
    note: str
    group: GroupResult | None = None
    verdict_text: str = ""  # in the rule set's wording, with the article of an exception
    exception: str = ""     # the exception that applies: ground, text, article ("" when none)


@dataclass
class Dossier:
    title: str
    scenario_name: str
    description: str
    province: str
    district: str
    rules_id: str
    rules_title: str
    citation: str
    standards_source: str
    sources: list[tuple[str, str, str]]          # (what, source, date dd/mm/yyyy)
    reference_date: str
    made_on: str
    verdict: str
    verdict_text: str
    before: list[BeforeRow]
    after: list[AfterRow]
    units_before: int
    units_after: int
    reduction: int
    reduction_pct: float
    kinds_before: dict[str, int]
    kinds_after: dict[str, int]
    unresolved: list[BeforeRow]
    exemptions: list[tuple[str, str, str]]       # (code, name with kind, reason)
    findings: list[tuple[str, str, str]]         # (new unit, severity label, text)
    paragraphs: list[tuple[str, str]]            # (new unit, the Standing Committee's words)
    notes: list[str] = field(default_factory=list)
    area: str = ""                               # "Huyện Châu Thành – Tỉnh Bến Tre", "Tỉnh Bến Tre"
    area_in_sentence: str = ""                   # "huyện Châu Thành", "tỉnh Bến Tre"
    transfers: list[dict] = field(default_factory=list)     # units and parts going out of the project
    uncertain: list[str] = field(default_factory=list)       # the rule set's unverified points
    rules_short: str = ""                                     # "NQ 76/2025"
    classification_defaulted: int = 0                         # units whose classification is a default
    in_force: bool = True

    @property
    def total_area(self) -> float:
        return sum(r.area_km2 for r in self.before)

    @property
    def total_population(self) -> float:
        return sum(r.population for r in self.before)


def _after_units(dataset: Dataset, result: ScenarioResult) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """code → key of its unit after the merger; key → (name, kind)."""
    key_of: dict[str, str] = {}
    info: dict[str, tuple[str, str]] = {}
    for g in result.groups:
        key = "g:" + g.group.id
        info[key] = (g.group.name, g.kind)
        for code in g.group.members:
            key_of[code] = key
    for code, unit in dataset.units.items():
        if code not in key_of:
            key_of[code] = code
            info[code] = (unit.name, unit.kind)
    return key_of, info


def _neighbours_after(dataset: Dataset, members: list[str], key_of: dict[str, str],
                      info: dict[str, tuple[str, str]]) -> list[str]:
    own = {key_of[c] for c in members}
    keys = {key_of[n] for c in members for n in dataset.neighbours(c)} - own
    ordered = sorted(keys, key=lambda k: fold(info[k][0]))
    return [unit_with_kind(info[k][1], info[k][0]) for k in ordered]


def _before_rows(dataset: Dataset, result: ScenarioResult, key_of, info) -> list[BeforeRow]:
    rows = []
    shown = [(code, ur) for code, ur in result.units.items() if code in key_of]    # not the ones set aside
    for i, (code, ur) in enumerate(shown, 1):
        new_name, new_kind = info[key_of[code]]
        merged = key_of[code] != code
        notes = []
        if merged:
            notes.append(Message("dossier.note.merged_into", unit=unit_with_kind(new_kind, new_name)))
        if ur.exemption:
            notes.append(Message("dossier.note.exempted_because", reason=ur.exemption))
        elif ur.auto_exemption is not None and ur.must_merge:
            notes.append(Message("dossier.note.exempted_because", reason=Message(
                "dossier.note.auto_exemption", text=ur.auto_exemption.text, article=ur.auto_exemption.article)))
        if ur.unit.classification_defaulted:
            notes.append(Message("dossier.note.classification_defaulted"))
        if ur.unresolved:
            notes.append(Message("dossier.note.unresolved"))
        if ur.population_overridden or ur.area_overridden:
            notes.append(Message("dossier.note.override", source=ur.override_source))
        rows.append(BeforeRow(
            i, code, ur.unit.name, ur.unit.kind, ur.area_km2,
            ur.unit.area.approximate and not ur.area_overridden, ur.area_pct, ur.population,
            ur.population_pct, ur.must_merge, "; ".join(criterion_text(c, DOC_LANG) for c in ur.criteria),
            ur.exemption, unit_with_kind(new_kind, new_name), merged, _joined(notes)))
    return rows


def _joined(notes: list[Message]) -> str:
    return "; ".join(n.text(DOC_LANG) for n in notes)


def _shortfall(g: GroupResult) -> list[Message]:
    """Which post-merger requirement is not reached, with the figures."""
    req, out = g.requirement, []
    if req.exempt:
        return out
    if g.area_km2 < req.area_km2 - 1e-9:
        out.append(Message("dossier.note.area_short", pct=g.area_pct, required=req.area_pct))
    if g.population < req.population - 1e-9:
        out.append(Message("dossier.note.population_short", pct=g.population_pct, required=req.population_pct))
    return out


def _group_note(g: GroupResult) -> str:
    """'Không đạt: diện tích 37,36 % < 100 %' – the verdict and why, in one cell."""
    details = _shortfall(g)
    if g.exception:
        details.append(exception_message(g))
    if not g.contiguous:
        details.append(Message("dossier.note.not_contiguous"))
    if g.name_clashes:
        details.append(Message("dossier.note.name_clash", names=list(g.name_clashes)))
    verdict = verdict_label(g.verdict, DOC_LANG, g.wording)
    if not details:
        return verdict
    return say("dossier.note.verdict_why", DOC_LANG, verdict=verdict, details=_joined(details))


def exception_message(g: GroupResult) -> Message:
    """'ngoại lệ: Nhập 02 đơn vị … – lý do (Nghị quyết số 653/2019/UBTVQH14 …)'; automatic ones say so."""
    e = g.exception
    reason = e.get("reason")
    return Message("dossier.note.exception_automatic" if e.get("automatic") else "dossier.note.exception",
                   text=e["text"], article=e["article"],
                   reason=Message("dossier.note.reason", reason=reason) if reason else "")


def _after_rows(dataset: Dataset, result: ScenarioResult, key_of, info) -> list[AfterRow]:
    rows: list[AfterRow] = []
    names = {c: u.name for c, u in dataset.units.items()}
    groups = {"g:" + g.group.id: g for g in result.groups}
    seen: set[str] = set()
    # The đề án lists the new units in the order of the old list, each where its first member stood.
    for code in dataset.units:
        key = key_of[code]
        if key in seen:
            continue
        seen.add(key)
        name, kind = info[key]
        g = groups.get(key)
        if g is not None:
            members = list(g.group.members)
            seat = names.get(g.group.seat, "")
            rows.append(AfterRow(len(rows) + 1, name, kind, True, members, [names[c] for c in members],
                                 g.area_km2, g.area_pct, g.population, g.population_pct, seat,
                                 _neighbours_after(dataset, members, key_of, info), g.verdict,
                                 _group_note(g), g, group_verdict_label(g, DOC_LANG),
                                 exception_message(g).text(DOC_LANG) if g.exception else ""))
        else:
            ur = result.units[code]
            rows.append(AfterRow(len(rows) + 1, name, kind, False, [code], [name], ur.area_km2,
                                 ur.area_pct, ur.population, ur.population_pct, name,
                                 _neighbours_after(dataset, [code], key_of, info), None,
                                 _joined([Message(code) for code, when in (
                                     ("dossier.note.exempted", ur.exemption),
                                     ("dossier.note.unresolved_short", ur.unresolved)) if when])))
    return rows


def _kinds(kinds: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in kinds:
        out[k] = out.get(k, 0) + 1
    return out


def build_dossier(dataset: Dataset, result: ScenarioResult, today: date | None = None,
                  scope: Scope | None = None) -> Dossier:
    """The summary of ``result`` on ``dataset`` (both already cut to ``scope``, when one is given)."""
    dataset = result.working or dataset          # split units as their parts, transfers out
    scope = scope or area_scope(dataset, None)
    key_of, info = _after_units(dataset, result)
    before = _before_rows(dataset, result, key_of, info)
    after = _after_rows(dataset, result, key_of, info)
    meta = dataset.meta or {}
    sources = dossier_sources(dataset)
    by_code = {r.code: r for r in before}
    s = result.scenario
    findings = [(unit_with_kind(g.kind, g.group.name), severity_label(f.severity, DOC_LANG), finding_text(f, DOC_LANG))
                for g in result.groups for f in g.findings]
    paragraphs = [(unit_with_kind(r.kind, r.name), merger_paragraph(dataset, result, r.group, r.neighbours))
                  for r in after if r.group is not None]
    notes = []
    if scope.borrowed:
        notes.append(say("dossier.note.borrowed", DOC_LANG, area=scope.in_sentence,
                         units=[f"{unit_with_kind(dataset.units[c].kind, dataset.units[c].name)} "
                                f"({dataset.units[c].district}, {dataset.units[c].province})" for c in scope.borrowed]))
    if any(r.area_approximate for r in before):
        notes.append(say("dossier.note.approximate_areas", DOC_LANG))
    rules = result.rules
    if not rules.in_force:
        notes.append(say("dossier.note.not_in_force", DOC_LANG, note=rules.status_note, article=rules.repealed_by))
    counts = count_defaulted(u.unit for u in result.units.values())
    if counts["units"]:
        notes.append(defaulted_message(counts).text(DOC_LANG))
    uncertain = [pick(u["text"], DOC_LANG) for u in rules.uncertain]
    if uncertain:
        notes.append(say("dossier.note.uncertain_rules", DOC_LANG, rules=rules.short, count=len(uncertain)))
    notes += history_notes(dataset, result)
    return Dossier(
        title=say("dossier.title", DOC_LANG),
        scenario_name=s.name, description=s.description,
        province=scope.province or meta.get("province", ""), district=scope.district or meta.get("district", ""),
        rules_id=result.rules.id, rules_title=pick(result.rules.title, DOC_LANG), citation=result.rules.citation,
        standards_source=result.rules.standards_source, sources=sources,
        reference_date=vn_date(str(meta.get("reference_date", ""))),
        made_on=(today or date.today()).strftime("%d/%m/%Y"),
        verdict=result.verdict, verdict_text=verdict_label(result.verdict, DOC_LANG),
        before=before, after=after, units_before=result.units_before, units_after=result.units_after,
        reduction=result.reduction, reduction_pct=result.reduction_pct,
        kinds_before=_kinds([r.kind for r in before]), kinds_after=_kinds([r.kind for r in after]),
        unresolved=[by_code[c] for c in result.unresolved],
        exemptions=[(c, unit_with_kind(dataset.units[c].kind, dataset.units[c].name), reason)
                    for c, reason in s.exemptions.items() if c in dataset.units],
        findings=findings, paragraphs=paragraphs, notes=notes, area=scope.title, area_in_sentence=scope.in_sentence,
        transfers=result.transfers, uncertain=uncertain, rules_short=rules.short,
        classification_defaulted=counts["units"], in_force=rules.in_force)


def in_sentence(name: str) -> str:
    """'Huyện Châu Thành' → 'huyện Châu Thành' (only the first letter: names keep their capitals)."""
    return name[:1].lower() + name[1:]


def kinds_text(kinds: dict[str, int]) -> str:
    """{'thi_tran': 1, 'xa': 18} → '1 thị trấn, 18 xã' (in the order the law lists them)."""
    order = ("phuong", "thi_tran", "xa")
    return ", ".join(f"{kinds[k]} {kind_label(k, DOC_LANG)}" for k in order if kinds.get(k))
