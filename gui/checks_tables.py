"""The scenario page's two tables: every merged unit with its figures and verdict, and the
units the law requires to be merged that the scenario leaves unresolved.

Qt models over the session's evaluation (no copies): a national scenario's thousands of
groups are listed, sorted and scrolled without a label each. A click on a row selects the
group (or unit), and the panel shows it in full.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from core.common.numbers import fmt_int, fmt_number, fmt_pct
from core.common.text import fold
from core.law.evaluation import GroupResult, ScenarioResult, UnitResult
from core.law.wording import verdict_label

from .palette import VERDICT_COLOUR

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
VISIBLE_ROWS = 12            # a longer list scrolls inside its table


def figure_ok(g: GroupResult, what: str) -> bool | None:
    """Whether the merged unit reaches what it must for ``what`` ("area", "population"), as its
    finding says; None when it has no requirement to meet."""
    for f in g.findings:
        if f.code == what:
            return f.severity == "ok"
    return None


def pct_mark(pct: float, ok: bool | None, lang: str) -> str:
    return fmt_pct(pct, lang) + ("" if ok is None else " ✔" if ok else " ✖")


class GroupsModel(QAbstractTableModel):
    """One row per merged unit: name, members, area and %, population and %, verdict."""

    def __init__(self, result: ScenarioResult, names: dict[str, str], lang: str, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[GroupResult] = list(result.groups)
        self.names, self.lang = names, lang

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Đơn vị mới"), self.tr("Nhập từ"), self.tr("DT km²"), self.tr("% chuẩn"),
                    self.tr("Dân số"), self.tr("% chuẩn"), self.tr("Kết luận"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (3, 5):
            return self.tr("So với tiêu chuẩn của loại đơn vị mới; ✔ / ✖: đạt / chưa đạt mức yêu cầu")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        g, col, lang = self.groups[index.row()], index.column(), self.lang
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 3:
                return pct_mark(g.area_pct, figure_ok(g, "area"), lang)
            if col == 5:
                return pct_mark(g.population_pct, figure_ok(g, "population"), lang)
            return (g.group.name, ", ".join(self.names.get(c, c) for c in g.members),
                    fmt_number(g.area_km2, 2, lang), "", fmt_int(g.population, lang), "",
                    verdict_label(g.verdict, lang))[col]
        if role == SORT_ROLE:
            return (fold(g.group.name), len(g.members), g.area_km2, g.area_pct, g.population,
                    g.population_pct, ("fails", "exception", "meets").index(g.verdict))[col]
        if role == KEY_ROLE:
            return g.group.id
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= col <= 5:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == 6:
            return VERDICT_COLOUR[g.verdict]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return ", ".join(self.names.get(c, c) for c in g.members)
        return None


class UnresolvedModel(QAbstractTableModel):
    """One row per unit the law requires to be merged that no group takes and no exemption covers."""

    def __init__(self, result: ScenarioResult, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.units: list[UnitResult] = [result.units[c] for c in result.unresolved]
        self.lang = lang
        self.wide = len({u.unit.province for u in self.units}) > 1 or len({u.unit.district for u in self.units}) > 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Mã"), self.tr("Tên"), self.tr("Huyện, tỉnh"), self.tr("% DT chuẩn"),
                self.tr("% DS chuẩn"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, col, lang = self.units[index.row()], index.column(), self.lang
        place = ", ".join(p for p in (r.unit.district, r.unit.province) if p)
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.code, r.unit.name, place, fmt_pct(r.area_pct, lang), fmt_pct(r.population_pct, lang))[col]
        if role == SORT_ROLE:
            return (r.code, fold(r.unit.name), fold(place), r.area_pct, r.population_pct)[col]
        if role == KEY_ROLE:
            return r.code
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 3:
            return RIGHT
        return None


class ResultTable(QTableView):
    """A sortable table of one of the models above, ``VISIBLE_ROWS`` high at most; a click
    on a row says which group or unit it is."""

    chosen = Signal(str)

    def __init__(self, model: QAbstractTableModel, parent: QWidget | None = None,
                 hidden: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)      # the scenario's own order at first
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        row = self.fontMetrics().height() + 6
        self.verticalHeader().setDefaultSectionSize(row)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column in hidden:
            self.setColumnHidden(column, True)
        rows = min(model.rowCount(), VISIBLE_ROWS)
        # Room for the horizontal scroll bar too: a narrow panel scrolls its wide columns.
        self.setFixedHeight(header.sizeHint().height() + rows * row + 2 * self.frameWidth() + 2
                            + self.horizontalScrollBar().sizeHint().height())
        self.clicked.connect(lambda index: self.chosen.emit(index.data(KEY_ROLE)))
        self.activated.connect(lambda index: self.chosen.emit(index.data(KEY_ROLE)))
        if model.rowCount() <= 500:        # measuring thousands of rows would take a while
            self.resizeColumnsToContents()
