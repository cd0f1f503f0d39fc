"""What the checks panel shows, page by page: the scenario, a unit, a group, a would-be merger.

A group reads as a compact table (members, the new unit, what it must meet: area and % of the
standard, population and %), its verdict with the exception beside it, the findings that are
not in the table, and the full wording of every finding one click away ("Căn cứ đầy đủ").
The scenario lists its merged units and the units left unresolved in sortable tables.
Everything is read from ``core`` results; nothing is judged here.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from core.analysis.suggest import fixing_units, preview_group
from core.common.numbers import fmt_area, fmt_int, fmt_number, fmt_pct
from core.domain.scenario import ScenarioError
from core.law.evaluation import GroupResult, UnitResult
from core.law.wording import criterion_text, finding_text, kind_label, pick, severity_label, verdict_label

from .checks_tables import GroupsModel, ResultTable, UnresolvedModel, figure_ok, pct_mark
from .figure_table import FigureTable, Row
from .palette import VERDICT_COLOUR
from .text import fill, rich
from .threshold_bar import ThresholdBar

SYMBOL = {"ok": "✔", "fail": "✖", "warning": "⚠", "info": "ℹ"}
MAX_PROPOSALS = 4
IN_TABLE = {"area", "population", "contiguous", "requirement_exempt"}   # findings the table already says
GREY = "#555"


def full_findings(g: GroupResult, lang: str) -> list[str]:
    """Every finding of ``g`` in full, with its article: what "Căn cứ đầy đủ" shows and the
    copy for a dossier holds."""
    lines = []
    for f in g.findings:
        text = finding_text(f, lang)
        if f.article and f.article not in text:
            text += f" ({f.article})"
        lines.append(f"{SYMBOL.get(f.severity, '•')} {severity_label(f.severity, lang)}: {text}")
    return lines


class PageBuilder(QObject):
    """Fills one page of ``panel`` (a ``gui.checks_panel.ChecksPanel``) for one subject."""

    def __init__(self, panel, body: QWidget, layout: QVBoxLayout) -> None:
        super().__init__(body)
        self.panel, self.session, self.body, self.layout = panel, panel.session, body, layout
        self.lang = self.session.lang
        self.details: GroupResult | None = None       # the group whose full wording is one click away
        self.tables: list = []                       # FigureTables and ResultTables, for copying

    # ----- building blocks ------------------------------------------------------------
    def text(self, text: str, *, bold: bool = False, size: float = 0, colour: str = "",
             name: str = "", parent: QWidget | None = None) -> QLabel:
        label = QLabel(text, parent or self.body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if name:
            label.setObjectName(name)
        if bold or size:
            font = label.font()
            font.setBold(bold)
            if size:
                font.setPointSizeF(font.pointSizeF() * size)
            label.setFont(font)
        if colour:              # a palette, not a style sheet: no style to build for each label
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            label.setPalette(palette)
        if parent is None:
            self.layout.addWidget(label)
        return label

    def heading(self, text: str) -> None:
        self.layout.addSpacing(4)
        self.text(text, bold=True)

    def bar(self, title: str, value: str, pct: float, ok: bool | None, marks: list[float]) -> None:
        bar = ThresholdBar(self.body)
        bar.set_figures(title, value, pct, ok, marks)
        self.layout.addWidget(bar)

    def row(self) -> tuple[QWidget, QHBoxLayout]:
        row = QWidget(self.body)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.layout.addWidget(row)
        return row, line

    # ----- the scenario -------------------------------------------------------------
    def scenario(self) -> None:
        s, lang = self.session, self.lang
        r = s.result
        assert r is not None and s.scenario is not None
        self.panel.title = s.scenario.name
        self.text(self.panel.title, bold=True, size=1.2, name="checks-title")
        self.text(pick(r.rules.title, lang))
        self.text(r.rules.citation, colour=GREY)
        self.text(verdict_label(r.verdict, lang), bold=True,
                  colour=VERDICT_COLOUR["meets" if r.verdict == "pass" else "fails"].name(), name="checks-verdict")
        self.text(fill(self.tr("Số đơn vị: %1 → %2 (giảm %3)"), fmt_int(r.units_before, lang),
                       fmt_int(r.units_after, lang), fmt_int(r.reduction, lang)))
        names = {c: u.name for c, u in s.dataset.units.items()} if r.groups else {}
        if r.groups:
            self.heading(fill(self.tr("Đơn vị mới sau sắp xếp (%1)"), fmt_int(len(r.groups), lang)))
            table = ResultTable(GroupsModel(r, names, lang), self.body)
            table.setObjectName("checks-groups")
            table.chosen.connect(self.panel.show_group)
            self.layout.addWidget(table)
            self.tables.append(table)
        if r.unresolved:
            self.heading(fill(self.tr("Phải sắp xếp nhưng chưa có trong nhóm nào và chưa được miễn (%1)"),
                              fmt_int(len(r.unresolved), lang)))
            model = UnresolvedModel(r, lang)
            table = ResultTable(model, self.body, hidden=() if model.wide else (2,))
            table.setObjectName("checks-unresolved")
            table.chosen.connect(self.panel.show_unit)
            self.layout.addWidget(table)
            self.tables.append(table)
        self.layout.addSpacing(6)
        self.text(self.tr("Bấm vào một dòng, hoặc chọn đơn vị trên bảng hay bản đồ, để xem chi tiết; "
                          "chọn nhiều đơn vị để xem trước kết quả nếu nhập."), colour=GREY)

    # ----- a unit -------------------------------------------------------------------
    def unit(self, r: UnitResult) -> None:
        lang = self.lang
        self.panel.title = r.unit.name
        self.text(self.panel.title, bold=True, size=1.2, name="checks-title")
        self.text(f"{kind_label(r.unit.kind, lang)} · {r.code} · {r.standard.label}")
        rules = self.session.rules
        area_marks = [c.area_below_pct for c in rules.criteria if c.area_below_pct and r.unit.kind in c.kinds]
        pop_marks = [c.population_below_pct for c in rules.criteria
                     if c.population_below_pct and r.unit.kind in c.kinds]
        self.bar(self.tr("Diện tích tự nhiên"), f"{fmt_area(r.area_km2, lang)} · {fmt_pct(r.area_pct, lang)}",
                 r.area_pct, None, area_marks + [100])
        self.bar(self.tr("Quy mô dân số"), f"{fmt_int(r.population, lang)} · {fmt_pct(r.population_pct, lang)}",
                 r.population_pct, None, pop_marks + [100])
        if r.must_merge:
            verdict = (self.tr("Thuộc diện phải sắp xếp – đã được miễn") if r.exemption is not None
                       else self.tr("Thuộc diện phải sắp xếp"))
            self.text(verdict, bold=True, colour=VERDICT_COLOUR["exception" if r.exemption else "fails"].name(),
                      name="checks-verdict")
            for c in r.criteria:
                self.text("• " + criterion_text(c, lang))
        else:
            self.text(self.tr("Không thuộc diện phải sắp xếp theo bộ quy tắc này"), bold=True,
                      colour=VERDICT_COLOUR["meets"].name(), name="checks-verdict")
        if r.exemption is not None:
            self.text(fill(self.tr("Lý do miễn: %1"), r.exemption))
        if r.area_overridden or r.population_overridden:
            self.text(fill(self.tr("Dùng số liệu điều chỉnh, nguồn: %1"), r.override_source))
        if r.unit.area.approximate and not r.area_overridden:
            self.text(self.tr("Diện tích là số liệu xấp xỉ tính từ bản đồ, không phải diện tích tự nhiên chính thức."),
                      colour="#8a5a00")

    # ----- a would-be merger, a group -------------------------------------------------
    def preview(self, codes: list[str]) -> None:
        s = self.session
        assert s.scenario is not None
        try:
            result = preview_group(s.dataset, s.rules, s.scenario, codes, s.result)
        except ScenarioError as exc:
            self.text(str(exc))
            return
        self.text(self.tr("Xem trước: nếu nhập các đơn vị đã chọn (Ctrl+M để nhập)"), colour=GREY)
        self.group(result, proposals=False)

    def figures(self, g: GroupResult) -> FigureTable:
        """Members, the new unit and what it must meet, as one small table."""
        lang, units = self.lang, self.session.result.units        # type: ignore[union-attr]
        rows = []
        for code in g.members:
            m = units.get(code)
            if m is None:
                continue
            rows.append(Row([m.unit.name, fmt_number(m.area_km2, 2, lang), fmt_pct(m.area_pct, lang),
                             fmt_int(m.population, lang), fmt_pct(m.population_pct, lang)],
                            tooltip=f"{m.unit.name} ({kind_label(m.unit.kind, lang)}, {code}): {m.standard.label}"))
        area_ok, pop_ok = figure_ok(g, "area"), figure_ok(g, "population")
        colour = {True: VERDICT_COLOUR["meets"], False: VERDICT_COLOUR["fails"], None: None}
        rows.append(Row([fill(self.tr("Sau khi nhập (%1)"), kind_label(g.kind, lang)),
                         fmt_number(g.area_km2, 2, lang), pct_mark(g.area_pct, area_ok, lang),
                         fmt_int(g.population, lang), pct_mark(g.population_pct, pop_ok, lang)],
                        bold=True, colours={2: colour[area_ok], 4: colour[pop_ok]},
                        tooltip=fill(self.tr("%1 so với tiêu chuẩn %2 (%3)"), g.group.name, g.standard.label,
                                     g.standard.article)))
        req = g.requirement
        if req.exempt:
            rows.append(Row([self.tr("Yêu cầu"), "–", "–", "–", "–"], grey=True,
                            tooltip=self.tr("Đơn vị loại này không phải đáp ứng mức tiêu chuẩn sau sắp xếp.")))
        else:
            rows.append(Row([self.tr("Yêu cầu"), "≥ " + fmt_number(req.area_km2, 2, lang),
                             "≥ " + fmt_pct(req.area_pct, lang), "≥ " + fmt_int(req.population, lang),
                             "≥ " + fmt_pct(req.population_pct, lang)], grey=True,
                            tooltip=self.session.rules.merged_article))
        table = FigureTable(self.body)
        table.setObjectName("checks-figures")
        table.set_rows([self.tr("Đơn vị"), self.tr("DT km²"), self.tr("% chuẩn"), self.tr("Dân số"),
                        self.tr("% chuẩn")], rows)
        self.layout.addWidget(table)
        self.tables.append(table)
        return table

    def group(self, g: GroupResult, proposals: bool) -> None:
        s, lang = self.session, self.lang
        self.panel.title = g.group.name
        self.text(self.panel.title, bold=True, size=1.2, name="checks-title")
        self.text(fill(self.tr("%1 · %2 đơn vị · xét theo %3"), kind_label(g.kind, lang), len(g.members),
                       s.rules.short), colour=GREY)
        self.figures(g)
        row, line = self.row()
        verdict = self.text(verdict_label(g.verdict, lang), bold=True, size=1.1,
                            colour=VERDICT_COLOUR[g.verdict].name(), name="checks-verdict", parent=row)
        line.addWidget(verdict, 1)
        is_group = proposals           # a preview is not a group yet: nothing to record on it
        recorded = g.group.exception_reason or g.group.exception_ground
        if is_group and (not g.meets_standard or recorded):
            button = QPushButton(self.tr("Sửa ngoại lệ…") if recorded else self.tr("Ghi ngoại lệ…"), row)
            button.setObjectName("checks-exception")
            button.setToolTip(fill(self.tr("Ghi căn cứ và lý do để %1 được xét là ngoại lệ (Ctrl+Shift+G)"),
                                   g.group.name))
            button.clicked.connect(lambda _=False, gid=g.group.id: self.panel.exception_requested.emit(gid))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        shown_reason = bool(g.exception and g.exception.get("reason"))
        for f in g.findings:
            if f.code in IN_TABLE:
                continue
            text = finding_text(f, lang)
            if f.article and f.article not in text:
                text += f" ({f.article})"
            self.text(f"{SYMBOL.get(f.severity, '•')} {text}")
        said = any(f.code == "exception_not_applicable" for f in g.findings)     # core says why not
        if recorded and not shown_reason and not said:
            self.text(fill(self.tr("Lý do ngoại lệ đã ghi: %1 – %2 không có trường hợp ngoại lệ tương ứng, "
                                   "kết luận không đổi."), recorded, s.rules.short), colour="#8a5a00")
        if g.neighbours:
            self.text(fill(self.tr("Giáp: %1"), ", ".join(g.neighbours)), colour=GREY)
        self.details = g
        toggle = QToolButton(self.body)
        toggle.setObjectName("checks-details")
        toggle.setCheckable(True)
        toggle.setChecked(self.panel.details_open)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.DownArrow if self.panel.details_open else Qt.ArrowType.RightArrow)
        toggle.setAutoRaise(True)
        toggle.setText(self.tr("Căn cứ đầy đủ (số liệu, tiêu chuẩn, điều khoản)"))
        toggle.toggled.connect(self.panel.set_details_open)
        self.layout.addWidget(toggle)
        if self.panel.details_open:
            for text in full_findings(g, lang):
                self.text(text)
        if proposals and not g.meets_standard:
            self.proposals(g)

    def proposals(self, g: GroupResult) -> None:
        s, lang = self.session, self.lang
        assert s.scenario is not None
        found = fixing_units(s.dataset, s.rules, s.scenario, g.group.id, s.result)
        self.heading(self.tr("Cách khắc phục"))
        if not found:
            self.text(self.tr("Không còn đơn vị liền kề nào chưa thuộc nhóm khác."))
            return
        enough = [p for p in found if p.meets_standard]
        if enough:
            self.text(self.tr("Thêm một trong các đơn vị liền kề sau thì nhóm đạt tiêu chuẩn:"))
            shown = enough[:MAX_PROPOSALS]
        else:
            self.text(self.tr("Thêm riêng một đơn vị liền kề chưa đủ đạt tiêu chuẩn; gần nhất là:"))
            shown = found[:3]
        for p in shown:
            row, line = self.row()
            text = self.text(fill(self.tr("+ %1 → %2 (%3), %4 người (%5): %6"), p.name,
                                  fmt_area(p.area_km2, lang), fmt_pct(p.area_pct, lang),
                                  fmt_int(p.population, lang), fmt_pct(p.population_pct, lang),
                                  verdict_label(p.verdict, lang)), parent=row)
            button = QPushButton(self.tr("Thêm"), row)
            button.setToolTip(rich(fill(self.tr("Thêm %1 vào nhóm %2"), p.name, g.group.name)))   # names as text
            button.clicked.connect(lambda _=False, code=p.code: self.panel.add_requested.emit(g.group.id, code))
            line.addWidget(text, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
