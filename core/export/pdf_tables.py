"""Paragraph styles and the đề án's tables for the PDF export."""
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import LongTable, Paragraph, Table, TableStyle

from core.common.numbers import fmt_int, fmt_number
from core.law.wording import kind_label

from .dossier import AfterRow, BeforeRow, Dossier
from .fonts import BOLD, REGULAR, register_fonts
from .narrative import DOC_LANG

register_fonts()

HEAD_BG = colors.HexColor("#e4e8ee")
TOTAL_BG = colors.HexColor("#f3f3f3")
GRID = colors.HexColor("#9a9a9a")

STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, alignment=TA_CENTER,
                            spaceAfter=4),
    "subtitle": ParagraphStyle("subtitle", fontName=BOLD, fontSize=13, leading=17,
                               alignment=TA_CENTER, spaceAfter=2),
    "center": ParagraphStyle("center", fontName=REGULAR, fontSize=11, leading=14.5, alignment=TA_CENTER),
    "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=13, leading=17, spaceBefore=10, spaceAfter=5),
    "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=3),
    "body": ParagraphStyle("body", fontName=REGULAR, fontSize=11.5, leading=15.5, alignment=TA_JUSTIFY,
                           spaceAfter=4),
    "small": ParagraphStyle("small", fontName=REGULAR, fontSize=9.5, leading=12, spaceAfter=2),
    "bullet": ParagraphStyle("bullet", fontName=REGULAR, fontSize=11, leading=14.5, leftIndent=12,
                             bulletIndent=2, spaceAfter=2),
    "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.2),
    "cell_b": ParagraphStyle("cell_b", fontName=BOLD, fontSize=8.5, leading=10.2),
    "cell_r": ParagraphStyle("cell_r", fontName=REGULAR, fontSize=8.5, leading=10.2, alignment=TA_RIGHT),
    "cell_rb": ParagraphStyle("cell_rb", fontName=BOLD, fontSize=8.5, leading=10.2, alignment=TA_RIGHT),
    "cell_c": ParagraphStyle("cell_c", fontName=REGULAR, fontSize=8.5, leading=10.2, alignment=TA_CENTER),
    "head": ParagraphStyle("head", fontName=BOLD, fontSize=8.5, leading=10.2, alignment=TA_CENTER),
}


def p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph whose ``markup`` is already escaped except for <b> tags."""
    return Paragraph(markup, STYLES[style])


def esc(text: str) -> str:
    return escape(text)


def num(value: float, decimals: int = 0) -> str:
    return fmt_number(value, decimals) if decimals else fmt_int(value)


def grid_table(rows: list[list], widths: list[float], head_rows: int = 1,
               total_rows: int = 0) -> Table:
    # LongTable stops measuring rows once a page is full: a table of 10,000 units splits in
    # linear time instead of measuring every remaining row again on each page.
    t = LongTable(rows, colWidths=widths, repeatRows=head_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_rows:
        style.append(("BACKGROUND", (0, -total_rows), (-1, -1), TOTAL_BG))
    t.setStyle(TableStyle(style))
    return t


def scaled(widths: list[float], width: float) -> list[float]:
    """Column ``widths`` stretched or shrunk in proportion to fill ``width``."""
    factor = width / sum(widths)
    return [w * factor for w in widths]


def _heads(names: list[str]) -> list[Paragraph]:
    return [p(n, "head") for n in names]


BEFORE_HEADS = ["STT", "Mã ĐVHC", "Tên đơn vị", "Loại", "Diện tích tự nhiên (km²)", "% tiêu chuẩn",
                "Quy mô dân số (người)", "% tiêu chuẩn", "Thuộc diện sắp xếp", "Ghi chú"]
BEFORE_WIDTHS = [24, 40, 76, 44, 58, 48, 58, 48, 52, 322]


def before_table(d: Dossier, width: float) -> Table:
    rows: list[list] = [_heads(BEFORE_HEADS)]
    for r in d.before:
        rows.append([p(str(r.stt), "cell_c"), p(r.code, "cell_c"), p(r.name), p(kind_label(r.kind, DOC_LANG)),
                     p(num(r.area_km2, 2) + ("*" if r.area_approximate else ""), "cell_r"),
                     p(num(r.area_pct, 2), "cell_r"), p(num(r.population), "cell_r"),
                     p(num(r.population_pct, 2), "cell_r"), p("x" if r.must_merge else "", "cell_c"),
                     p(_before_note(r))])
    must = sum(r.must_merge for r in d.before)
    rows.append([p("", "cell"), p("", "cell"), p(f"Tổng cộng: {d.units_before} đơn vị", "cell_b"), p(""),
                 p(num(d.total_area, 2), "cell_rb"), p(""), p(num(d.total_population), "cell_rb"), p(""),
                 p(str(must), "cell_c"), p("Gồm " + _kinds(d.kinds_before), "cell_b")])
    return grid_table(rows, scaled(BEFORE_WIDTHS, width), total_rows=1)


def _before_note(r: BeforeRow) -> str:
    parts = [r.note] if r.note else []
    if r.criteria:
        parts.insert(0, f"Phải sắp xếp: {r.criteria}")
    return "; ".join(parts)


AFTER_HEADS = ["STT", "Đơn vị hành chính mới", "Các đơn vị nhập", "Diện tích tự nhiên (km²)", "%",
               "Quy mô dân số (người)", "%", "Trụ sở", "Giáp ranh (tên sau sắp xếp)", "Ghi chú"]
AFTER_WIDTHS = [26, 82, 88, 50, 38, 52, 38, 56, 232, 108]   # STT takes three digits and its heading on one line


def after_table(d: Dossier, width: float) -> Table:
    rows: list[list] = [_heads(AFTER_HEADS)]
    for r in d.after:
        bold = "cell_b" if r.merged else "cell"
        rows.append([p(str(r.stt), "cell_c"), p(f"{kind_label(r.kind, DOC_LANG)} {r.name}", bold),
                     p(", ".join(r.member_names) if r.merged else "–", "cell" if r.merged else "cell_c"),
                     p(num(r.area_km2, 2), "cell_r"), p(num(r.area_pct, 2), "cell_r"),
                     p(num(r.population), "cell_r"), p(num(r.population_pct, 2), "cell_r"),
                     p(r.seat if r.merged else ""), p(", ".join(r.neighbours)), p(r.note)])
    rows.append([p(""), p(f"Tổng cộng: {d.units_after} đơn vị", "cell_b"),
                 p(f"Giảm {d.reduction} đơn vị ({num(d.reduction_pct, 2)} %)", "cell_b"),
                 p(num(sum(r.area_km2 for r in d.after), 2), "cell_rb"), p(""),
                 p(num(sum(r.population for r in d.after)), "cell_rb"), p(""), p(""),
                 p(""), p("Gồm " + _kinds(d.kinds_after), "cell_b")])
    return grid_table(rows, scaled(AFTER_WIDTHS, width), total_rows=1)


def _kinds(kinds: dict[str, int]) -> str:
    from .dossier import kinds_text
    return kinds_text(kinds)


def old_new_table(d: Dossier, width: float) -> Table:
    rows: list[list] = [_heads(["STT", "Mã ĐVHC cũ", "Đơn vị hành chính cũ", "Đơn vị hành chính mới",
                                "Thay đổi"])]
    for r in d.before:
        rows.append([p(str(r.stt), "cell_c"), p(r.code, "cell_c"), p(f"{kind_label(r.kind, DOC_LANG)} {r.name}"),
                     p(r.new_name, "cell_b" if r.merged else "cell"),
                     p("Nhập" if r.merged else "Giữ nguyên")])
    widths = [26, 58, 0, 0, 62]
    rest = width - sum(widths)
    widths[2] = widths[3] = rest / 2
    return grid_table(rows, widths)


def groups_overview(d: Dossier, width: float) -> Table:
    """Short table of the merged units: members, sums, % of standard, verdict."""
    rows: list[list] = [_heads(["Đơn vị mới", "Các đơn vị nhập", "Diện tích (km²)", "% TC",
                                "Dân số (người)", "% TC", "Đánh giá"])]
    for r in d.after:
        if not r.merged:
            continue
        rows.append([p(f"{kind_label(r.kind, DOC_LANG)} {r.name}", "cell_b"), p(", ".join(r.member_names)),
                     p(num(r.area_km2, 2), "cell_r"), p(num(r.area_pct, 2), "cell_r"),
                     p(num(r.population), "cell_r"), p(num(r.population_pct, 2), "cell_r"), p(r.note)])
    widths = [72, 96, 48, 40, 48, 40, 0]
    widths[-1] = width - sum(widths)
    return grid_table(rows, widths)


def after_row_title(r: AfterRow) -> str:
    return f"{kind_label(r.kind, DOC_LANG)} {r.name}"
