"""The sections of the PDF summary, in the order of a đề án: bases and sources, overall
result, map, each merger in words, the before/after tables, findings per new unit and the
old → new table."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from core.common.messages import say
from core.common.numbers import fmt_number

from .dossier import Dossier, kinds_text
from .fonts import REGULAR
from .mapdata import SCHEMATIC, ScenarioShapes
from .narrative import DOC_LANG, join_vi, unit_with_kind
from .pdf_map import SCHEMATIC_NOTE, scenario_drawing
from .pdf_tables import after_table, before_table, esc, grid_table, groups_overview, old_new_table, p, rich


def _key_values(rows: list[tuple[str, str]], width: float) -> Table:
    t = Table([[p(k, "cell_b"), p(v)] for k, v in rows], colWidths=[44 * mm, width - 44 * mm])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def front(d: Dossier, width: float) -> list:
    story: list = [rich(esc(d.area.upper()), "center"), Spacer(1, 8), rich(esc(d.title), "title"),
                   rich(esc(d.scenario_name), "subtitle"),
                   rich(f"Bản tóm tắt lập ngày {esc(d.made_on)}", "center"), Spacer(1, 10)]
    story.append(rich("I. CĂN CỨ VÀ SỐ LIỆU", "h1"))
    story.append(_key_values([
        ("Địa bàn", d.area),
        ("Bộ quy tắc áp dụng", d.rules_title),
        ("Căn cứ pháp lý", d.citation),
        ("Tiêu chuẩn đơn vị hành chính", d.standards_source),
        ("Ngày tham chiếu số liệu", f"{d.reference_date} (dân số); ngày của từng nguồn ghi ở bảng dưới"),
    ], width))
    story.append(rich("Nguồn số liệu", "h2"))
    rows = [[p("Nội dung", "head"), p("Nguồn", "head"), p("Ngày số liệu", "head")]]
    rows += [[p(what), p(source), p(when, "cell_c")] for what, source, when in d.sources]
    story.append(grid_table(rows, [48 * mm, width - 48 * mm - 24 * mm, 24 * mm]))
    if d.description:
        story += [rich("Mô tả phương án", "h2"), rich(esc(d.description))]
    story.append(rich("II. KẾT QUẢ CHUNG", "h1"))
    story.append(rich(
        f"Trước sắp xếp: <b>{d.units_before}</b> đơn vị hành chính cấp xã ({esc(kinds_text(d.kinds_before))}). "
        f"Sau sắp xếp: <b>{d.units_after}</b> đơn vị ({esc(kinds_text(d.kinds_after))}). "
        f"Giảm <b>{d.reduction}</b> đơn vị, tỷ lệ giảm <b>{fmt_number(d.reduction_pct, 2)} %</b>."))
    colour = "#1e7b34" if d.verdict == "pass" else "#b03a2e"
    story.append(rich(f"Kết luận: <font color='{colour}'><b>{esc(d.verdict_text)}</b></font>."))
    if any(r.merged for r in d.after):
        story += [rich("Các đơn vị hành chính mới hình thành do nhập", "h2"), groups_overview(d, width)]
    story.append(rich("Đơn vị thuộc diện phải sắp xếp nhưng chưa được sắp xếp", "h2"))
    if d.unresolved:
        for r in d.unresolved:
            story.append(rich(f"{esc(r.name)} ({r.code}): diện tích {fmt_number(r.area_pct, 2)} %, dân số "
                              f"{fmt_number(r.population_pct, 2)} % tiêu chuẩn – {esc(r.criteria)}",
                              "bullet"))
    else:
        story.append(rich("Không có.", "bullet"))
    story.append(rich("Đơn vị được miễn sắp xếp và lý do", "h2"))
    if d.exemptions:
        for code, name, reason in d.exemptions:
            story.append(rich(f"{esc(name[:1].upper() + name[1:])} ({code}): {esc(reason)}", "bullet"))
    else:
        story.append(rich("Không có.", "bullet"))
    return story


def map_section(d: Dossier, dataset, result, shapes: ScenarioShapes, width: float) -> list:
    title = "III. SƠ ĐỒ MINH HỌA PHƯƠNG ÁN" if shapes.basis == SCHEMATIC else "III. BẢN ĐỒ PHƯƠNG ÁN"
    story: list = [CondPageBreak(150 * mm), rich(title, "h1")]
    drawing = scenario_drawing(dataset, result, shapes, width, map_height(shapes, width))
    legend_rows = []
    for r in d.after:
        if r.merged and r.group is not None:
            colour = _legend_colour(result, r.group.group.members)
            members = join_vi([unit_with_kind(dataset.units[c].kind, dataset.units[c].name) for c in r.member_codes])
            legend_rows.append(["", p(f"{unit_with_kind(r.kind, r.name).capitalize()[:1]}"
                                      f"{unit_with_kind(r.kind, r.name)[1:]}: nhập {members}")])
            legend_rows[-1].append(colour)
    legend = Table([[a, b] for a, b, _ in legend_rows] or [["", p("Phương án không nhập đơn vị nào.")]],
                   colWidths=[8 * mm, width - 8 * mm])
    style = [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, -1), 1.5),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    for i, (_, _, colour) in enumerate(legend_rows):
        style += [("BACKGROUND", (0, i), (0, i), colors.HexColor(colour)),
                  ("BOX", (0, i), (0, i), 0.8, colors.HexColor("#555555"))]
    legend.setStyle(TableStyle(style))
    notes = [p("Viền đậm: ranh giới đơn vị mới sau khi nhập; ô nền xám nhạt: đơn vị giữ nguyên"
               + ("; viền đỏ nét đứt: đơn vị phải sắp xếp nhưng chưa sắp xếp" if d.unresolved else "") + ".",
               "small")]
    if shapes.basis == SCHEMATIC:
        notes.append(rich(f"<b>Sơ đồ minh họa.</b> {esc(SCHEMATIC_NOTE)}", "small"))
    if shapes.missing:
        notes.append(p("Không có ranh giới cho: " + ", ".join(dataset.units[c].name for c in shapes.missing),
                       "small"))
    story.append(KeepTogether([drawing, Spacer(1, 4), legend, Spacer(1, 3)] + notes))
    return story


def map_height(shapes: ScenarioShapes, width: float) -> float:
    """Tall enough for the district's shape at full width, between 80 and 170 mm."""
    if not shapes.units:
        return 80 * mm
    import shapely
    x0, y0, x1, y1 = shapely.union_all(list(shapes.units.values())).bounds
    ratio = (y1 - y0) / max(x1 - x0, 1)
    extra = 48 if shapes.basis == SCHEMATIC else 34
    return max(80 * mm, min(170 * mm, (width - 28) * ratio + extra))


def _legend_colour(result, members: list[str]) -> str:
    from core.analysis.palette import unit_colours
    fills, _ = unit_colours(((g.group.name, g.group.members) for g in result.groups), members)
    return fills[members[0]]


def tables(d: Dossier, width: float) -> list:
    return [NextPageTemplate("landscape"), PageBreak(),
            rich("V. BẢNG 1 – ĐƠN VỊ HÀNH CHÍNH CẤP XÃ TRƯỚC SẮP XẾP", "h1"),
            p("Diện tích tính bằng km², dân số bằng người; % là tỷ lệ so với tiêu chuẩn của loại đơn vị. "
              f"Tiêu chuẩn: {d.standards_source}. "
              "Dấu * : diện tích xấp xỉ tính từ bản đồ; x : thuộc diện phải sắp xếp.", "small"),
            Spacer(1, 3), before_table(d, width), CondPageBreak(70 * mm),
            rich("VI. BẢNG 2 – ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SAU SẮP XẾP", "h1"),
            p("Giáp ranh: các đơn vị trong " + d.area_in_sentence + " tiếp giáp, gọi theo tên sau sắp xếp. "
              "% là tỷ lệ so với tiêu chuẩn của loại đơn vị sau sắp xếp.", "small"),
            Spacer(1, 3), after_table(d, width),
            NextPageTemplate("portrait"), PageBreak()]


def paragraphs(d: Dossier) -> list:
    story: list = [rich("IV. PHƯƠNG ÁN SẮP XẾP CỤ THỂ", "h1")]
    if not d.paragraphs:
        story.append(rich("Phương án không nhập đơn vị nào."))
    for i, (name, text) in enumerate(d.paragraphs, 1):
        story += [rich(f"{i}. {esc(name[:1].upper() + name[1:])}", "h2"), rich(esc(text))]
    story.append(p(f"Các đơn vị giáp ranh chỉ gồm các đơn vị trong {d.area_in_sentence} theo dữ liệu giáp "
                   "ranh của dự án; đơn vị ngoài địa bàn chưa được liệt kê.", "small"))
    return story


def details(d: Dossier, width: float) -> list:
    story: list = [rich("VII. NHẬN XÉT, ĐÁNH GIÁ TỪNG ĐƠN VỊ MỚI", "h1")]
    current = None
    for name, severity, text in d.findings:
        if name != current:
            story.append(rich(esc(name[:1].upper() + name[1:]), "h2"))
            current = name
        story.append(_bullet(severity, text))
    story += [CondPageBreak(min(len(d.before) * 13 + 60, 200 * mm)), rich("VIII. ĐỐI CHIẾU ĐƠN VỊ CŨ – ĐƠN VỊ MỚI", "h1"),
              old_new_table(d, width)]
    if d.notes:
        story.append(rich("Ghi chú về số liệu và bộ quy tắc", "h2"))
        story += [p("– " + n, "small") for n in d.notes]
    if d.uncertain:
        story.append(rich(esc(say("dossier.heading.uncertain", DOC_LANG, rules=d.rules_short)), "h2"))
        story += [p("– " + n, "small") for n in d.uncertain]
    return story


def _bullet(severity: str, text: str):
    colour = {"Không đạt": "#b03a2e", "Lưu ý": "#9a6700", "Đạt": "#1e7b34"}.get(severity, "#333333")
    return rich(f"<font color='{colour}'><b>{esc(severity)}:</b></font> {esc(text)}", "bullet")
