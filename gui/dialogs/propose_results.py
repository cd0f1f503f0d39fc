"""The proposal's answer, beside its request: the result in one line, then what could not be met,
the notes, each proposed group with why, each unit left alone with why, and the pieces solved.
Rich text, every piece of it escaped: names and reasons from data are never interpreted.

Every sentence is core's (``core.propose`` explanations, worded by the message catalogue in the
window's language). Choosing a group or a unit selects it in the window, so the map shows it
and the checks panel gives its figures against the rule set.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from core.common.messages import Message as Words
from core.common.numbers import fmt_pct
from core.law.evaluation import evaluate
from core.law.rules import get_rule_set
from core.law.wording import verdict_label

from ..i18n import current_language
from ..text import fill

WARN = "#9a1b1b"
MUTED = "#5f6b76"
STYLE = "h4 { margin: 8px 0 2px 0; } ul { margin: 0 0 0 -20px; } li { margin: 1px 0; } a { color: #1a4f8b; }"


class ProposalResults(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposal-results")
        self.session = session
        self.proposal = None
        self.scenario = None
        self.links: dict[str, list[str]] = {}      # link → the unit codes it selects
        self.title = QLabel(self)
        self.title.setStyleSheet("QLabel { font-weight: bold; font-size: 11pt; }")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.browser = QTextBrowser(self)            # reasons wrap at the pane's width, and can be copied
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(STYLE)
        self.browser.anchorClicked.connect(self.follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def show_proposal(self, proposal, scenario) -> None:
        """``scenario``: the proposal as stored (None when it was not)."""
        self.proposal, self.scenario = proposal, scenario
        self._fill()

    def _fill(self) -> None:
        p, lang = self.proposal, current_language()
        self.links = {}
        if p is None:
            self.summary.setText(self.tr("Chọn yêu cầu bên trái rồi bấm “Đề xuất”. Kết quả và lý do của từng nhóm "
                                         "sẽ hiện ở đây."))
            self.browser.clear()
            return
        rules = get_rule_set(p.rules_id)
        self.summary.setText("\n".join([
            Words("propose.cli.header", rules=rules.id, citation=rules.citation,
                  status=Words(f"propose.status.{p.status}"), seconds=p.seconds).text(lang),
            Words("propose.cli.units", before=p.units_before, after=p.units_after).text(lang)]))
        verdicts = self._verdicts()
        units = self.session.dataset.units
        out: list[str] = []

        def section(text: str, count: int) -> None:
            out.append(f"<h4>{html.escape(fill(text, count))}</h4>")

        def item(text: str, codes=None, colour: str = "", inner: list[str] | None = None, rest: str = "") -> None:
            body = html.escape(text)
            if codes:              # the link selects these units in the window
                key = f"select:{len(self.links)}"
                self.links[key] = list(codes)
                body = f'<a href="{key}">{body}</a>'
            body += html.escape(rest)
            if colour:
                body = f'<span style="color:{colour}">{body}</span>'
            if inner:
                body += "<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in inner) + "</ul>"
            out.append(f"<li>{body}</li>")

        if p.unsatisfied:
            section(self.tr("Chưa đáp ứng được (%1)"), len(p.unsatisfied))
            out.append("<ul>")
            for m in p.unsatisfied:
                item(m.text(lang), colour=WARN)
            out.append("</ul>")
        if p.notes:
            section(self.tr("Ghi chú (%1)"), len(p.notes))
            out.append("<ul>")
            for m in p.notes:
                item(m.text(lang), colour=MUTED)
            out.append("</ul>")
        section(self.tr("Nhóm đề xuất (%1)"), len(p.groups))
        out.append("<ul>")
        for g in p.groups:
            names = [units[c].name for c in g.members]
            verdict = verdicts.get(frozenset(g.members))
            head = fill(self.tr("%1 ← %2: %3"), g.name, ", ".join(names), verdict_label(verdict, lang) if verdict else "")
            item(head, g.members, inner=[m.text(lang) for m in g.why])
        out.append("</ul>")
        alone = sorted(p.left_alone.items(), key=lambda kv: (kv[1].code != "propose.alone_unresolved", units[kv[0]].name))
        section(self.tr("Đơn vị giữ nguyên (%1)"), len(alone))
        out.append("<ul>")
        for code, m in alone:
            item(units[code].name, [code], WARN if m.code == "propose.alone_unresolved" else "",
                 rest=fill(self.tr(" (%1): %2"), code, m.text(lang)))
        out.append("</ul>")
        section(self.tr("Các phần đã giải (%1)"), len(p.pieces))
        out.append("<ul>")
        for piece in p.pieces:
            gap = "—" if piece.gap is None else fmt_pct(100 * piece.gap, lang)
            item(Words("propose.cli.piece", label=piece.label, units=piece.units, after=piece.units_after,
                       status=Words(f"propose.status.{piece.status}"), gap=gap, seconds=piece.seconds).text(lang))
        out.append("</ul>")
        self.browser.setHtml("".join(out))

    def _verdicts(self) -> dict[frozenset, str]:
        """Each stored group's verdict, as the evaluation of the stored scenario gives it."""
        if self.scenario is None:
            return {}
        s = self.session
        result = s.result if s.scenario is not None and s.scenario.id == self.scenario.id else None
        if result is None:
            result = evaluate(s.dataset, get_rule_set(self.scenario.rules), self.scenario)
        return {frozenset(g.members): g.verdict for g in result.groups}

    def follow(self, url: QUrl) -> None:
        """A group or a unit chosen here is selected in the window (map, table, checks panel)."""
        codes = self.links.get(url.toString())
        opened = self.scenario is not None and self.session.scenario is not None \
            and self.session.scenario.id == self.scenario.id
        if codes and opened:
            self.session.set_selection(codes)

    def text(self) -> str:
        """Everything shown, as plain lines (for tests and copying)."""
        return self.summary.text() + "\n" + self.browser.toPlainText()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Kết quả đề xuất"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
