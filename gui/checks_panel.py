"""The checks panel: the selected group, unit or would-be merger against the rule set.

Everything shown is read from ``core`` results: figures, % of the standard,
verdicts, findings with their articles, and the adjacent units that would fix
a failing group (``core.analysis.suggest``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from core.analysis.suggest import fixing_units, preview_group
from core.common.numbers import fmt_area, fmt_int, fmt_pct
from core.domain.scenario import ScenarioError
from core.law.evaluation import GroupResult, UnitResult
from core.law.incremental import Delta
from core.law.wording import criterion_text, finding_text, kind_label, pick, severity_label, verdict_label

from .palette import VERDICT_COLOUR
from .session import Session
from .text import fill
from .threshold_bar import ThresholdBar

SYMBOL = {"ok": "✔", "fail": "✖", "warning": "⚠", "info": "ℹ"}
MAX_PROPOSALS = 4
MAX_LISTED_GROUPS = 60


class ChecksPanel(QScrollArea):
    add_requested = Signal(str, str)      # group id, unit code

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # A fixed viewport width lets wrapped texts measure their height once, correctly.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Plain labels (a selectable label carries a text document: three times the work on every
        # edit); the whole panel is copied at once instead, for a dossier.
        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.copy_text)
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._new_body()
        self.setWidget(self._body)
        self.copy_action.setText(self.tr("Sao chép nội dung kiểm tra"))
        self.title = ""
        self.shown: tuple = ()            # what the panel shows: ("group", id), ("unit", code), …
        self._stale = False               # hidden (a tab behind another dock): rebuilt when shown
        self._built_from = None           # the evaluation the shown page was built from
        session.evaluated.connect(self._evaluated)
        session.selection_changed.connect(self.refresh)
        self.refresh()

    def _evaluated(self, delta: Delta) -> None:
        """Rebuild only when the evaluation changed what the panel shows."""
        if self._touched(delta):
            self.refresh()
        elif self._built_from is not None and not self._stale:
            self._built_from = self.session.result      # what is shown still reads the same

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _touched(self, delta: Delta) -> bool:
        if delta.full or not self.shown:
            return True
        what = self.shown[0]
        if what == "group":
            return delta.touches_group(self.shown[1])
        if what == "unit":
            return delta.touches_unit(self.shown[1])
        if what == "preview":
            # A would-be merger reads its neighbours' names and the names in its province.
            units = self.session.dataset.units
            provinces = {units[c].province for c in self.shown[1]}
            return any(units[c].province in provinces for c in delta.units)
        return not delta.empty

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.copy_action.setText(self.tr("Sao chép nội dung kiểm tra"))
            self.refresh(force=True)
        super().changeEvent(event)

    def text(self) -> str:
        """What the panel shows, as lines of text (titles, verdicts, findings, proposals)."""
        return "\n".join(label.text() for label in self._body.findChildren(QLabel) if label.text())

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    # ----- building blocks ----------------------------------------------------------
    def _new_body(self) -> None:
        """A new, not yet shown page to fill (cheaper than changing the shown one label by label)."""
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)

    def _swap_in(self) -> None:
        """Show the page just filled; the old one goes (later: one of its buttons may be the
        sender of the signal that asked for this refresh)."""
        old = self.takeWidget()
        self.setWidget(self._body)
        if old is not None:
            old.hide()
            old.deleteLater()

    def _text(self, text: str, *, bold: bool = False, size: float = 0, colour: str = "",
              name: str = "") -> QLabel:
        label = QLabel(text, self._body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if name:
            label.setObjectName(name)
        font = label.font()
        font.setBold(bold)
        if size:
            font.setPointSizeF(font.pointSizeF() * size)
        label.setFont(font)
        if colour:              # a palette, not a style sheet: no style to build for each label
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            label.setPalette(palette)
        self._layout.addWidget(label)
        return label

    def _bar(self, title: str, value: str, pct: float, ok: bool | None, marks: list[float]) -> ThresholdBar:
        bar = ThresholdBar(self._body)
        bar.set_figures(title, value, pct, ok, marks)
        self._layout.addWidget(bar)
        return bar

    def _heading(self, text: str) -> None:
        self._layout.addSpacing(4)
        self._text(text, bold=True)

    # ----- content ------------------------------------------------------------------
    def _subject(self) -> tuple:
        """What the selection asks the panel to show: ("group", id), ("unit", code),
        ("preview", codes) or ("scenario",)."""
        s = self.session
        groups = s.selected_groups()
        free = [c for c in s.selection if s.group_of(c) is None]
        if len(groups) == 1 and not free:
            return ("group", groups[0].id)
        if len(s.selection) == 1:
            return ("unit", s.selection[0])
        if len(s.selection) > 1:
            return ("preview", tuple(s.selection))
        return ("scenario",)

    def refresh(self, force: bool = False) -> None:
        """Show what the selection asks for, from the current evaluation (nothing to do when
        that is what is shown already: a merge evaluates, then selects the new group)."""
        if not self.isVisible() and self.shown:
            self._stale = True
            return
        s = self.session
        if s.result is None or s.scenario is None:
            return
        subject = self._subject()
        if not force and not self._stale and subject == self.shown and self._built_from is s.result:
            return
        self._stale = False
        self.shown, self._built_from = subject, s.result
        self._new_body()
        what = subject[0]
        if what == "group":
            result = s.result.group_result(subject[1])
            assert result is not None
            self._show_group(result, proposals=True)
        elif what == "unit":
            self._show_unit(s.result.units[subject[1]])
        elif what == "preview":
            self._show_preview(list(subject[1]))
        else:
            self._show_scenario()
        self._layout.addStretch(1)
        self._swap_in()
        self._fit_texts()

    def _fit_texts(self) -> None:
        """Give each wrapped text the height it needs at the panel's width (Qt underestimates
        it for long paragraphs, which would clip the last lines)."""
        margins = self._layout.contentsMargins()
        width = self.viewport().width() - margins.left() - margins.right()
        for label in self._body.findChildren(QLabel):
            if label.wordWrap():
                # A proposal's text shares its row with the "Thêm" button.
                own = width if label.parent() is self._body else width - 80
                # QLabel.heightForWidth overestimates here (up to 3×); measure the wrapped text.
                flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
                rect = label.fontMetrics().boundingRect(0, 0, max(own, 80), 100_000, flags, label.text())
                label.setMinimumHeight(rect.height() + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_texts()

    def _show_scenario(self) -> None:
        s, lang = self.session, self.session.lang
        r = s.result
        assert r is not None and s.scenario is not None
        self.title = s.scenario.name
        self._text(self.title, bold=True, size=1.2, name="checks-title")
        self._text(pick(r.rules.title, lang))
        self._text(r.rules.citation, colour="#555")
        self._text(verdict_label(r.verdict, lang), bold=True,
                   colour=VERDICT_COLOUR["meets" if r.verdict == "pass" else "fails"].name())
        self._text(fill(self.tr("Số đơn vị: %1 → %2 (giảm %3)"), r.units_before, r.units_after, r.reduction))
        if r.unresolved:
            names = ", ".join(r.units[c].unit.name for c in r.unresolved)
            self._text(fill(self.tr("Đơn vị phải sắp xếp chưa có trong nhóm nào và chưa được miễn: %1"), names))
        # A national scenario has thousands of groups: the first ones here, each in full when chosen.
        for g in r.groups[:MAX_LISTED_GROUPS]:
            self._text(f"{SYMBOL['ok' if g.verdict == 'meets' else 'fail' if g.verdict == 'fails' else 'warning']} "
                       f"{g.group.name}: {verdict_label(g.verdict, lang)}")
        if len(r.groups) > MAX_LISTED_GROUPS:
            self._text(fill(self.tr("… và %1 nhóm khác."), fmt_int(len(r.groups) - MAX_LISTED_GROUPS, lang)))
        self._layout.addSpacing(6)
        self._text(self.tr("Chọn một đơn vị hoặc một nhóm trên bảng hay bản đồ để xem chi tiết; "
                           "chọn nhiều đơn vị để xem trước kết quả nếu nhập."), colour="#555")

    def _show_unit(self, r: UnitResult) -> None:
        lang = self.session.lang
        self.title = r.unit.name
        self._text(self.title, bold=True, size=1.2, name="checks-title")
        self._text(f"{kind_label(r.unit.kind, lang)} · {r.code} · {r.standard.label}")
        rules = self.session.rules
        area_marks = [c.area_below_pct for c in rules.criteria if c.area_below_pct and r.unit.kind in c.kinds]
        pop_marks = [c.population_below_pct for c in rules.criteria
                     if c.population_below_pct and r.unit.kind in c.kinds]
        self._bar(self.tr("Diện tích tự nhiên"),
                  f"{fmt_area(r.area_km2, lang)} · {fmt_pct(r.area_pct, lang)}",
                  r.area_pct, None, area_marks + [100])
        self._bar(self.tr("Quy mô dân số"),
                  f"{fmt_int(r.population, lang)} · {fmt_pct(r.population_pct, lang)}",
                  r.population_pct, None, pop_marks + [100])
        if r.must_merge:
            verdict = (self.tr("Thuộc diện phải sắp xếp – đã được miễn") if r.exemption is not None
                       else self.tr("Thuộc diện phải sắp xếp"))
            self._text(verdict, bold=True, colour=VERDICT_COLOUR["exception" if r.exemption else "fails"].name())
            for c in r.criteria:
                self._text("• " + criterion_text(c, lang))
        else:
            self._text(self.tr("Không thuộc diện phải sắp xếp theo bộ quy tắc này"), bold=True,
                       colour=VERDICT_COLOUR["meets"].name())
        if r.exemption is not None:
            self._text(fill(self.tr("Lý do miễn: %1"), r.exemption))
        if r.area_overridden or r.population_overridden:
            self._text(fill(self.tr("Dùng số liệu điều chỉnh, nguồn: %1"), r.override_source))
        if r.unit.area.approximate and not r.area_overridden:
            self._text(self.tr("Diện tích là số liệu xấp xỉ tính từ bản đồ, không phải diện tích tự nhiên chính thức."),
                       colour="#8a5a00")

    def _show_preview(self, codes: list[str]) -> None:
        s = self.session
        assert s.scenario is not None
        try:
            result = preview_group(s.dataset, s.rules, s.scenario, codes, s.result)
        except ScenarioError as exc:
            self._text(str(exc))
            return
        self._text(self.tr("Xem trước: nếu nhập các đơn vị đã chọn (Ctrl+M để nhập)"), colour="#555")
        self._show_group(result, proposals=False)

    def _show_group(self, g: GroupResult, proposals: bool) -> None:
        s, lang = self.session, self.session.lang
        units = s.dataset.units
        self.title = g.group.name
        self._text(self.title, bold=True, size=1.2, name="checks-title")
        self._text(fill(self.tr("%1 · nhập từ %2"), kind_label(g.kind, lang),
                        ", ".join(units[c].name for c in g.members)))
        severity = {f.code: f.severity for f in g.findings}
        area_ok = severity.get("area", "ok") == "ok"
        pop_ok = severity.get("population", "ok") == "ok"
        self._bar(self.tr("Diện tích tự nhiên"), f"{fmt_area(g.area_km2, lang)} · {fmt_pct(g.area_pct, lang)}",
                  g.area_pct, area_ok, [100, g.requirement.area_pct])
        self._bar(self.tr("Quy mô dân số"), f"{fmt_int(g.population, lang)} · {fmt_pct(g.population_pct, lang)}",
                  g.population_pct, pop_ok, [100, g.requirement.population_pct])
        self._text(verdict_label(g.verdict, lang), bold=True, size=1.1,
                   colour=VERDICT_COLOUR[g.verdict].name(), name="checks-verdict")
        for f in g.findings:
            text = finding_text(f, lang)
            if f.article and f.article not in text:
                text += f" ({f.article})"
            severity = severity_label(f.severity, lang)
            self._text(f"{SYMBOL.get(f.severity, '•')} {severity}: {text}")
        if g.neighbours:
            self._text(fill(self.tr("Giáp: %1"), ", ".join(g.neighbours)), colour="#555")
        if proposals and not g.meets_standard:
            self._show_proposals(g)

    def _show_proposals(self, g: GroupResult) -> None:
        s, lang = self.session, self.session.lang
        assert s.scenario is not None
        found = fixing_units(s.dataset, s.rules, s.scenario, g.group.id, s.result)
        self._heading(self.tr("Cách khắc phục"))
        if not found:
            self._text(self.tr("Không còn đơn vị liền kề nào chưa thuộc nhóm khác."))
            return
        enough = [p for p in found if p.meets_standard]
        if enough:
            self._text(self.tr("Thêm một trong các đơn vị liền kề sau thì nhóm đạt tiêu chuẩn:"))
            shown = enough[:MAX_PROPOSALS]
        else:
            self._text(self.tr("Thêm riêng một đơn vị liền kề chưa đủ đạt tiêu chuẩn; gần nhất là:"))
            shown = found[:3]
        for p in shown:
            row = QWidget(self._body)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel(fill(self.tr("+ %1 → %2 (%3), %4 người (%5): %6"), p.name,
                               fmt_area(p.area_km2, lang), fmt_pct(p.area_pct, lang),
                               fmt_int(p.population, lang), fmt_pct(p.population_pct, lang),
                               verdict_label(p.verdict, lang)), row)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            button = QPushButton(self.tr("Thêm"), row)
            button.setToolTip(fill(self.tr("Thêm %1 vào nhóm %2"), p.name, g.group.name))
            button.clicked.connect(lambda _=False, code=p.code: self.add_requested.emit(g.group.id, code))
            line.addWidget(text, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
