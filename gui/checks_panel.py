"""The checks panel: the selected group, unit or would-be merger against the rule set.

Everything shown is read from ``core`` results (``gui.checks_pages`` builds each page):
figures, % of the standard, verdicts, findings with their articles, and the adjacent units
that would fix a failing group (``core.analysis.suggest``). The page is rebuilt only when
the evaluation changed what it shows.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.law.incremental import Delta

from .checks_pages import PageBuilder, full_findings
from .session import Session


class ChecksPanel(QScrollArea):
    add_requested = Signal(str, str)      # group id, unit code
    exception_requested = Signal(str)     # group id
    zoom_requested = Signal(list)         # unit codes the planner chose in a table of the panel

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
        self.details_open = False         # "Căn cứ đầy đủ": kept open from page to page once opened
        self._new_body()
        self.setWidget(self._body)
        self._page: PageBuilder | None = None
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

    # ----- what the planner chose in the panel ------------------------------------------
    def set_details_open(self, open_: bool) -> None:
        if open_ != self.details_open:
            self.details_open = open_
            self.refresh(force=True)

    def show_group(self, group_id: str) -> None:
        """A row of the scenario's table: select the group (the panel then shows it) and find it on the map."""
        s = self.session
        g = s.result.group_result(group_id) if s.result is not None else None
        if g is not None:
            group = g.group
            s.set_selection(group.members)
            self.zoom_requested.emit(list(group.members))

    def show_unit(self, code: str) -> None:
        self.session.set_selection([code])
        self.zoom_requested.emit([code])

    # ----- copying ------------------------------------------------------------------------
    def text(self) -> str:
        """What the panel shows, as lines of text (titles, verdicts, tables, findings,
        proposals); a group's findings in full even when they are folded away."""
        lines = [label.text() for label in self._body.findChildren(QLabel) if label.text()]
        page = self._page
        if page is not None:
            for table in page.tables:
                lines.append(table_text(table))
            if page.details is not None and not self.details_open:
                lines += full_findings(page.details, self.session.lang)
        return "\n".join(lines)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    # ----- building ------------------------------------------------------------------
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
        page = self._page = PageBuilder(self, self._body, self._layout)
        what = subject[0]
        if what == "group":
            result = s.result.group_result(subject[1])
            assert result is not None
            page.group(result, proposals=True)
        elif what == "unit":
            page.unit(s.result.units[subject[1]])
        elif what == "preview":
            page.preview(list(subject[1]))
        else:
            page.scenario()
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
                # A proposal's text, and the verdict, share their row with a button.
                own = width if label.parent() is self._body else width - 100
                # QLabel.heightForWidth overestimates here (up to 3×); measure the wrapped text.
                flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
                rect = label.fontMetrics().boundingRect(0, 0, max(own, 80), 100_000, flags, label.text())
                label.setMinimumHeight(rect.height() + 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_texts()


def table_text(table) -> str:
    """A table of the panel as tab-separated lines (a figure table, or a result table's rows)."""
    if hasattr(table, "text"):
        return table.text()
    model = table.model()
    columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
    for row in range(model.rowCount()):
        lines.append("\t".join(str(model.index(row, c).data() or "") for c in columns))
    return "\n".join(lines)
