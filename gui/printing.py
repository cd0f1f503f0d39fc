"""Printing through Qt's print dialog: the map as it is on screen, and the scenario's summary.

``print_map`` draws the part of the map the view shows (scene coordinates, so the print is
as sharp as the printer allows) under a title; ``summary_html`` words the evaluated
scenario (counts, verdict, each new unit with its figures and verdict, the unresolved
must-merge units, the exemptions) in the window's language, and ``print_summary`` lays it
out on pages. Both take a ``QPrinter``: the print dialog's, or a PDF file's in tests.
"""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from core.common.numbers import fmt_int, fmt_number
from core.law.wording import kind_label, pick, verdict_label

from .i18n import current_language
from .map_view import MapView
from .session import Session
from .text import fill

translate = QCoreApplication.translate


def a4_printer(landscape: bool = False) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    return printer


def ask(parent: QWidget, printer: QPrinter, title: str) -> bool:
    """Qt's print dialog on ``printer``; True when the planner chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def _title(session: Session) -> tuple[str, str]:
    s, lang = session.scenario, current_language()
    rules = session.rules
    made = date.today().strftime("%d/%m/%Y")
    return (s.name if s else "", fill(translate("Printing", "%1 – %2 – in ngày %3"), session.dataset.name,
                                         f"{rules.short} ({pick(rules.title, lang)})", made))


def print_map(view: MapView, printer: QPrinter, session: Session) -> None:
    """The map's visible part on one page, its title above and what it is below."""
    painter = QPainter(printer)
    try:
        page = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        page.moveTo(0, 0)
        title, subtitle = _title(session)
        font = QFont(painter.font())
        font.setPointSizeF(14)
        font.setBold(True)
        painter.setFont(font)
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(0, 0, page.width(), line * 1.3), Qt.AlignmentFlag.AlignLeft, title)
        font.setPointSizeF(9)
        font.setBold(False)
        painter.setFont(font)
        small = painter.fontMetrics().height()
        painter.drawText(QRectF(0, line * 1.3, page.width(), small * 1.5), Qt.AlignmentFlag.AlignLeft, subtitle)
        top = line * 1.3 + small * 2
        note = (translate("Printing", "Sơ đồ minh họa, không phải bản đồ ranh giới: các ô vẽ từ điểm nhãn của mỗi đơn vị.")
                if view.map_scene.schematic else
                translate("Printing", "Viền đậm: ranh giới đơn vị mới sau khi nhập; viền đỏ nét đứt: đơn vị phải sắp xếp "
                               "nhưng chưa sắp xếp."))
        bottom = page.height() - small * 2
        target = QRectF(0, top, page.width(), bottom - top)
        image = _view_image(view)
        size = image.deviceIndependentSize().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(target.topLeft(), size), image)
        below = top + size.height() + small * 0.5
        painter.drawText(QRectF(0, below, page.width(), small * 1.5), Qt.AlignmentFlag.AlignLeft, note)
    finally:
        painter.end()


def _view_image(view: MapView, ratio: float = 3.0) -> QImage:
    """What the view shows, drawn at ``ratio`` times its size: names and outlines keep their
    size against the map, as on screen, and the print is sharp."""
    rect = view.viewport().rect()
    image = QImage((rect.size().toSizeF() * ratio).toSize(), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        view.render(painter, QRectF(rect), rect)
    finally:
        painter.end()
    return image


def summary_html(session: Session) -> str:
    """The evaluated scenario as a short document in the window's language."""
    r, s, lang = session.result, session.scenario, current_language()
    assert r is not None and s is not None
    title, subtitle = _title(session)
    e = html.escape
    num = lambda v, d=2: fmt_number(v, d, lang)
    parts = [f"<h2>{e(title)}</h2><p>{e(subtitle)}</p>",
             "<p>" + e(fill(translate("Printing", "Trước sắp xếp: %1 đơn vị; sau sắp xếp: %2 (giảm %3, %4 %). "
                                                  "Phải sắp xếp nhưng chưa xử lý: %5. Kết luận: %6."),
                            fmt_int(r.units_before, lang), fmt_int(r.units_after, lang), fmt_int(r.reduction, lang),
                            num(r.reduction_pct), fmt_int(len(r.unresolved), lang),
                            verdict_label(r.verdict, lang))) + "</p>"]
    share = translate("Printing", "% tiêu chuẩn")
    heads = [translate("Printing", "STT"), translate("Printing", "Đơn vị mới"),
             translate("Printing", "Các đơn vị nhập"), translate("Printing", "Diện tích (km²)"), share,
             translate("Printing", "Dân số (người)"), share, translate("Printing", "Đánh giá")]
    rows = ["<tr>" + "".join(f"<th>{e(h)}</th>" for h in heads) + "</tr>"]
    units = session.dataset.units
    for i, g in enumerate(r.groups, 1):
        members = ", ".join(units[c].name for c in g.group.members if c in units)
        cells = [str(i), f"{kind_label(g.kind, lang)} {g.group.name}", members, num(g.area_km2), num(g.area_pct),
                 fmt_int(g.population, lang), num(g.population_pct), verdict_label(g.verdict, lang)]
        aligns = ["center", "left", "left", "right", "right", "right", "right", "left"]
        rows.append("<tr>" + "".join(f"<td align='{a}'>{e(c)}</td>" for a, c in zip(aligns, cells)) + "</tr>")
    new_units = translate("Printing", "Các đơn vị mới")
    no_group = translate("Printing", "Phương án chưa nhập đơn vị nào.")
    unresolved_head = translate("Printing", "Đơn vị phải sắp xếp nhưng chưa sắp xếp")
    none = translate("Printing", "Không có.")
    exempt_head = translate("Printing", "Đơn vị được miễn sắp xếp")
    parts.append(f"<h3>{e(new_units)}</h3>")
    if r.groups:
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>" + "".join(rows) + "</table>")
    else:
        parts.append(f"<p>{e(no_group)}</p>")
    parts.append(f"<h3>{e(unresolved_head)}</h3>")
    unresolved = [f"{units[c].name} ({units[c].district}, {units[c].province})" if units[c].province
                  else units[c].name for c in r.unresolved]
    parts.append(f"<p>{e(', '.join(unresolved) or none)}</p>")
    if s.exemptions:
        parts.append(f"<h3>{e(exempt_head)}</h3><ul>"
                     + "".join(f"<li>{e(units[c].name)}: {e(reason)}</li>" for c, reason in s.exemptions.items()
                               if c in units) + "</ul>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def print_summary(session: Session, printer: QPrinter) -> None:
    doc = QTextDocument()
    font = QFont(doc.defaultFont())
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setPageSize(printer.pageRect(QPrinter.Unit.Inch).size() * 96)      # laid out as on a 96-dpi screen
    doc.setHtml(summary_html(session))
    doc.print_(printer)
