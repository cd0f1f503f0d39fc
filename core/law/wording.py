"""Sentences a planner reads, built from evaluation results (Vietnamese first, English).

Used by the command line and the exports; the GUI uses the same words so that a
verdict reads the same on screen and in the dossier.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.common.numbers import fmt_area, fmt_int, fmt_pct

if TYPE_CHECKING:
    from core.law.evaluation import Finding

KIND = {
    "vi": {"xa": "xã", "thi_tran": "thị trấn", "phuong": "phường"},
    "en": {"xa": "xã (commune)", "thi_tran": "thị trấn (town)", "phuong": "phường (ward)"},
}
VERDICT = {
    "vi": {"meets": "Đạt tiêu chuẩn", "exception": "Chưa đạt – thuộc trường hợp ngoại lệ",
           "fails": "Không đạt", "pass": "Phương án đạt yêu cầu", "fail": "Phương án chưa đạt yêu cầu"},
    "en": {"meets": "Meets the standard", "exception": "Below standard – exception applies",
           "fails": "Fails", "pass": "Scenario meets the requirements",
           "fail": "Scenario does not meet the requirements"},
}
SEVERITY = {"vi": {"ok": "Đạt", "info": "Ghi chú", "warning": "Lưu ý", "fail": "Không đạt"},
            "en": {"ok": "OK", "info": "Note", "warning": "Warning", "fail": "Fails"}}


def kind_label(kind: str, lang: str = "vi") -> str:
    return KIND.get(lang, KIND["vi"]).get(kind, kind)


def verdict_label(verdict: str, lang: str = "vi") -> str:
    return VERDICT.get(lang, VERDICT["vi"]).get(verdict, verdict)


def pick(text: dict | str, lang: str = "vi") -> str:
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("vi") or next(iter(text.values()), "")


def _names(items: list[str]) -> str:
    return ", ".join(items)


def finding_text(f: Finding, lang: str = "vi") -> str:
    p = f.params
    vi = lang == "vi"
    c = f.code
    if c in ("area", "population"):
        if c == "area":
            value, need, std = fmt_area(p["value"], lang), fmt_area(p["required"], lang), fmt_area(p["standard"], lang)
            what = "Diện tích tự nhiên" if vi else "Natural area"
        else:
            unit = " người" if vi else " people"
            value, need, std = (fmt_int(p["value"], lang) + unit, fmt_int(p["required"], lang) + unit,
                                fmt_int(p["standard"], lang) + unit)
            what = "Quy mô dân số" if vi else "Population"
        pct, need_pct = fmt_pct(p["pct"], lang), fmt_pct(p["required_pct"], lang)
        if vi:
            verdict = "đạt" if f.severity == "ok" else "không đạt"
            return (f"{what} {value}, bằng {pct} tiêu chuẩn {p['standard_label']} ({std}, "
                    f"{p['standard_article']}); yêu cầu ≥ {need_pct} ({need}) theo {f.article}: {verdict}.")
        verdict = "met" if f.severity == "ok" else "not met"
        return (f"{what} {value} is {pct} of the standard for {p['standard_label']} ({std}, "
                f"{p['standard_article']}); required ≥ {need_pct} ({need}) under {f.article}: {verdict}.")
    if c == "requirement_exempt":
        return ("Đơn vị loại này không phải đáp ứng mức tiêu chuẩn sau sắp xếp." if vi
                else "Units of this kind have no post-arrangement size requirement.")
    if c == "contiguous":
        return (f"Các đơn vị {_names(p['members'])} liền kề nhau." if vi
                else f"The units {_names(p['members'])} are contiguous.")
    if c == "not_contiguous":
        who = _names(p["isolated"]) or _names(p["members"])
        return (f"Các đơn vị không liền kề: {who} không giáp đơn vị nào khác trong nhóm ({f.article})." if vi
                else f"Not contiguous: {who} borders no other member of the group (only adjacent units may merge).")
    if c == "exception":
        reason = f" – lý do: {p['reason']}" if p.get("reason") else ""
        return (f"Chưa đạt tiêu chuẩn nhưng thuộc trường hợp ngoại lệ: {pick(p['text'], 'vi')}{reason} ({f.article})." if vi
                else f"Below the standard but an exception applies: {pick(p['text'], 'en')}{reason} ({f.article}).")
    if c == "exception_available":
        return (f"Có thể xét ngoại lệ nếu ghi rõ lý do: {pick(p['text'], 'vi')} ({f.article})." if vi
                else f"An exception may apply if a reason is recorded: {pick(p['text'], 'en')} ({f.article}).")
    if c == "name_clash":
        return (f"Tên “{p['name']}” trùng với đơn vị {p['other']} trong cùng địa bàn ({f.article})." if vi
                else f"The name “{p['name']}” clashes with the unit {p['other']} in the same area.")
    if c == "kind_chosen":
        return (f"Loại đơn vị do người lập phương án chọn: {kind_label(p['kind'])} (mặc định theo quy tắc: {kind_label(p['default'])})." if vi
                else f"Kind chosen by the planner: {kind_label(p['kind'], 'en')} (rule set default: {kind_label(p['default'], 'en')}).")
    if c == "approximate_area":
        return (f"Diện tích của {_names(p['units'])} là số liệu xấp xỉ tính từ bản đồ ranh giới, không phải diện tích tự nhiên chính thức." if vi
                else f"The area of {_names(p['units'])} is approximate (computed from boundary polygons), not the official natural area.")
    if c == "override":
        parts = []
        if p.get("population") is not None:
            parts.append((f"dân số {fmt_int(p['population'], lang)} người") if vi else f"population {fmt_int(p['population'], lang)}")
        if p.get("area") is not None:
            parts.append((f"diện tích {fmt_area(p['area'], lang)}") if vi else f"area {fmt_area(p['area'], lang)}")
        return (f"{p['unit']}: dùng số liệu điều chỉnh {', '.join(parts)} (nguồn: {p['source']})." if vi
                else f"{p['unit']}: uses overridden {', '.join(parts)} (source: {p['source']}).")
    if c == "uncertain_standard":
        return (f"Tiêu chuẩn áp dụng cho {p['label']} chưa được xác minh đầy đủ ({f.article})." if vi
                else f"The standard applied to {p['label']} is not fully verified ({f.article}).")
    return f"{c}: {p}"


def criterion_text(crit, lang: str = "vi") -> str:
    mark = (" (chưa xác minh)" if lang == "vi" else " (uncertain)") if crit.uncertain else ""
    return f"{pick(crit.text, lang)} – {crit.article}{mark}"
