"""The scenario summary as a workbook: summary, merged units, every unit with its
new unit, findings. Figures are numbers (with a display format); text that a
spreadsheet would run as a formula is written as plain text."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from core.law.wording import kind_label

from .dossier import Dossier, kinds_text
from .files import FORMULA_START
from .narrative import DOC_LANG

HEAD_FILL = PatternFill("solid", fgColor="E4E8EE")
AREA, PCT, PEOPLE = "#,##0.00", "0.00", "#,##0"

SHEETS = ("Tóm tắt", "Đơn vị mới", "Đơn vị trước-sau", "Nhận xét")


def as_text(cell) -> None:
    """A cell whose text would start a formula is stored as a string with Excel's quote prefix
    (shown as typed, never calculated)."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def plain(value: object) -> object:
    """Text as a workbook can hold it: control characters (a vertical tab pasted into a reason,
    say), which the format forbids, become spaces; everything else is kept."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub(" ", value)
    return value


def _sheet(wb: Workbook, title: str, headers: list[str], rows: list[list], formats: dict[int, str],
           widths: list[int]):
    ws = wb.create_sheet(title)
    ws.append([plain(h) for h in headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        ws.append([plain(v) for v in row])
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            as_text(cell)
    for col, fmt in formats.items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = fmt
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    return ws


def write_xlsx(path: Path, d: Dossier) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    summary = [
        ["Phương án", d.scenario_name], ["Địa bàn", d.area],
        ["Bộ quy tắc", f"{d.rules_id} – {d.rules_title}"], ["Căn cứ pháp lý", d.citation],
        ["Tiêu chuẩn đơn vị hành chính", d.standards_source],
        ["Số đơn vị trước sắp xếp", d.units_before], ["Gồm (trước)", kinds_text(d.kinds_before)],
        ["Số đơn vị sau sắp xếp", d.units_after], ["Gồm (sau)", kinds_text(d.kinds_after)],
        ["Số đơn vị giảm", d.reduction], ["Tỷ lệ giảm (%)", round(d.reduction_pct, 2)],
        ["Đơn vị phải sắp xếp nhưng chưa sắp xếp", ", ".join(r.name for r in d.unresolved) or "Không có"],
        ["Kết luận", d.verdict_text], ["Ngày lập", d.made_on],
    ]
    summary += [["Ghi chú", note] for note in d.notes]
    summary += [["Đơn vị được miễn sắp xếp", f"{name}: {reason}"] for _, name, reason in d.exemptions]
    summary += [[f"Nguồn số liệu – {what}", f"{source} (ngày {when})" if when else source] for what, source, when in d.sources]
    summary += [["Điểm chưa xác minh của bộ quy tắc", item] for item in d.uncertain]
    ws = _sheet(wb, SHEETS[0], ["Mục", "Nội dung"], summary, {}, [38, 110])
    for key, value in ws.iter_rows(min_row=2):
        if key.value == "Tỷ lệ giảm (%)":
            value.number_format = PCT

    groups = [[r.stt, kind_label(r.kind, DOC_LANG), r.name, ", ".join(r.member_names), ", ".join(r.member_codes),
               r.area_km2, r.area_pct, r.population, r.population_pct, r.seat, ", ".join(r.neighbours),
               r.verdict_text, r.exception, r.note] for r in d.after if r.merged]
    _sheet(wb, SHEETS[1], ["STT", "Loại", "Đơn vị mới", "Các đơn vị nhập", "Mã các đơn vị nhập",
                           "Diện tích tự nhiên (km²)", "% tiêu chuẩn diện tích", "Quy mô dân số (người)",
                           "% tiêu chuẩn dân số", "Trụ sở", "Giáp ranh (tên sau sắp xếp)", "Kết luận",
                           "Ngoại lệ (căn cứ, điều khoản)", "Đánh giá"],
           groups, {6: AREA, 7: PCT, 8: PEOPLE, 9: PCT}, [6, 9, 18, 30, 18, 14, 12, 14, 12, 14, 50, 30, 50, 60])

    units = [[r.stt, r.code, kind_label(r.kind, DOC_LANG), r.name, r.area_km2,
              "xấp xỉ" if r.area_approximate else "chính thức", r.area_pct, r.population, r.population_pct,
              "Có" if r.must_merge else "Không", r.criteria, r.exemption or "", r.new_name,
              "Nhập" if r.merged else "Giữ nguyên", r.note] for r in d.before]
    _sheet(wb, SHEETS[2], ["STT", "Mã ĐVHC", "Loại", "Tên đơn vị", "Diện tích tự nhiên (km²)",
                           "Loại số liệu diện tích", "% tiêu chuẩn diện tích", "Quy mô dân số (người)",
                           "% tiêu chuẩn dân số", "Thuộc diện sắp xếp", "Căn cứ", "Lý do miễn",
                           "Đơn vị sau sắp xếp", "Thay đổi", "Ghi chú"],
           units, {5: AREA, 7: PCT, 8: PEOPLE, 9: PCT}, [6, 9, 9, 16, 12, 12, 12, 13, 12, 10, 40, 24, 22, 11, 50])

    _sheet(wb, SHEETS[3], ["Đơn vị mới", "Mức", "Nhận xét"], [list(f) for f in d.findings], {},
           [22, 11, 140])
    wb.save(path)
