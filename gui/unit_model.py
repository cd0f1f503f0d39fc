"""The unit table: a Qt model over the session's evaluation (no copies of core data)."""
from __future__ import annotations

import html

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from core.common.numbers import fmt_number, fmt_pct
from core.common.text import fold
from core.law.incremental import Delta
from core.law.wording import criterion_text, kind_label

from .palette import STATUS_ROW, unit_status
from .session import Session
from .text import fill

CODE, NAME, KIND, AREA, POPULATION, AREA_PCT, POP_PCT, MUST_MERGE, GROUP = range(9)
NUMERIC = {AREA, POPULATION, AREA_PCT, POP_PCT}
CODE_ROLE = Qt.ItemDataRole.UserRole + 1     # the unit's GSO code
SORT_ROLE = Qt.ItemDataRole.UserRole + 2     # raw value for sorting
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3   # folded text the filter searches

Index = QModelIndex | QPersistentModelIndex
FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, CODE_ROLE, FILTER_ROLE,
                                   Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
                                   Qt.ItemDataRole.ToolTipRole))


class UnitTableModel(QAbstractTableModel):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self._codes = list(session.dataset.units)
        self._rows = {c: i for i, c in enumerate(self._codes)}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._keys: dict[str, object] = {}           # each row's sort key when last sorted
        session.evaluated.connect(self._evaluated)
        session.dataset_changed.connect(self._reset)

    # ----- shape ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._codes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def code_at(self, row: int) -> str:
        return self._codes[row]

    def row_of(self, code: str) -> int:
        return self._rows[code]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return FLAGS

    # ----- content -------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 9:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Mã"), self.tr("Tên"), self.tr("Loại"), self.tr("Diện tích (km²)"),
                    self.tr("Dân số"), self.tr("% DT chuẩn"), self.tr("% DS chuẩn"),
                    self.tr("Phải sắp xếp"), self.tr("Nhóm"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("Mã đơn vị hành chính (Tổng cục Thống kê)"), self.tr("Tên đơn vị"),
                    self.tr("Loại đơn vị hành chính"), self.tr("Diện tích tự nhiên"),
                    self.tr("Quy mô dân số"),
                    self.tr("Diện tích tự nhiên so với tiêu chuẩn của loại đơn vị"),
                    self.tr("Quy mô dân số so với tiêu chuẩn của loại đơn vị"),
                    self.tr("Thuộc diện phải sắp xếp theo bộ quy tắc đang dùng"),
                    self.tr("Nhóm nhập trong phương án"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # A view asks a dozen roles of each cell it paints; most are answered at once.
        if role not in ROLES or not index.isValid() or self.session.result is None:
            return None
        code = self._codes[index.row()]
        r = self.session.result.units[code]
        col = index.column()
        lang = self.session.lang
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col, lang)
        if role == SORT_ROLE:
            return self._sort_value(r, col)
        if role == CODE_ROLE:
            return code
        if role == FILTER_ROLE:
            return fold(f"{code} {r.unit.name} {self._group_name(r)}")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_ROW.get(unit_status(r))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col, lang)
        return None

    def _group_name(self, r) -> str:
        if r.group_id is None or self.session.result is None:
            return ""
        group = self.session.result.owner.get(r.code)
        return group.name if group is not None else ""

    def _display(self, r, col: int, lang: str) -> str:
        if col == CODE:
            return r.code
        if col == NAME:
            return r.unit.name
        if col == KIND:
            return kind_label(r.unit.kind, lang)
        if col == AREA:
            mark = "*" if r.area_overridden else ("≈" if r.unit.area.approximate else "")
            return mark + fmt_number(r.area_km2, 2, lang)
        if col == POPULATION:
            return ("*" if r.population_overridden else "") + fmt_number(r.population, 0, lang)
        if col == AREA_PCT:
            return fmt_pct(r.area_pct, lang)          # as the checks panel and the reports round
        if col == POP_PCT:
            return fmt_pct(r.population_pct, lang)
        if col == MUST_MERGE:
            if not r.must_merge:
                return ""
            return self.tr("Có – miễn") if r.exemption is not None else self.tr("Có")
        return self._group_name(r)

    def _sort_value(self, r, col: int):
        return (r.code, fold(r.unit.name), r.unit.kind, r.area_km2, r.population, r.area_pct,
                r.population_pct, (2 if r.unresolved else 1) if r.must_merge else 0,
                fold(self._group_name(r)))[col]

    def _tooltip(self, r, col: int, lang: str) -> str | None:
        lines: list[str] = []
        if col == MUST_MERGE and r.must_merge:
            lines += [criterion_text(c, lang) for c in r.criteria]
            if r.exemption is not None:
                lines.append(fill(self.tr("Miễn sắp xếp: %1"), r.exemption))
        elif col == AREA:
            if r.area_overridden:
                lines.append(fill(self.tr("Số liệu điều chỉnh, nguồn: %1"), r.override_source))
            lines.append(r.unit.area.source)
        elif col == POPULATION:
            if r.population_overridden:
                lines.append(fill(self.tr("Số liệu điều chỉnh, nguồn: %1"), r.override_source))
            lines.append(r.unit.population.source)
        elif col in (AREA_PCT, POP_PCT):
            lines.append(f"{r.standard.label} – {r.standard.article}")
        if not lines:
            return None
        return "<p>" + "<br>".join(html.escape(line) for line in lines if line) + "</p>"

    # ----- sorting (in Python: one key per row, not a Qt call per comparison) ----------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < 9 else None
        self._apply_sort()

    def _apply_sort(self) -> None:
        result = self.session.result
        if self._sort is None or result is None:
            return
        column, order = self._sort
        units = result.units
        self._keys = keys = {c: (self._sort_value(units[c], column), c) for c in self._codes}
        new = sorted(self._codes, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        if new == self._codes:
            return
        self.layoutAboutToBeChanged.emit()
        old = self._codes
        self._codes = new
        self._rows = {c: i for i, c in enumerate(new)}
        before = self.persistentIndexList()
        after = [self.index(self._rows[old[i.row()]], i.column()) for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _moves(self, codes) -> bool:
        """Whether the sorted order may change because ``codes`` changed."""
        if self._sort is None or self.session.result is None:
            return False
        column = self._sort[0]
        units = self.session.result.units
        return any(self._keys.get(c) != (self._sort_value(units[c], column), c) for c in codes)

    # ----- change ------------------------------------------------------------------
    def _evaluated(self, delta: Delta) -> None:
        """Tell the view which rows changed: all of them only for a new scenario or rule set."""
        if delta.full:
            self._refresh()
            return
        codes = [c for c in delta.units if c in self._rows]
        if self._moves(codes):
            self._apply_sort()
        for first, last in _runs(sorted(self._rows[c] for c in codes)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, 8))

    def _refresh(self) -> None:
        if self._codes:
            self._apply_sort()
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._codes) - 1, 8))

    def _reset(self) -> None:
        self.beginResetModel()
        self._codes = list(self.session.dataset.units)
        self._rows = {c: i for i, c in enumerate(self._codes)}
        self.endResetModel()
        self._apply_sort()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 8)
        self._refresh()


def _runs(rows: list[int]):
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    start = prev = None
    for row in rows:
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            yield start, prev
            start = prev = row
    if start is not None:
        yield start, prev


class UnitFilterProxy(QSortFilterProxyModel):
    """Sorts by raw values and filters by text without regard to case or diacritics."""

    def __init__(self, model: UnitTableModel) -> None:
        super().__init__(model)
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._needle = ""
        self._area: frozenset[str] | None = None      # the province/district chosen (None: all)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself (fast at national size); the proxy keeps its order."""
        self.sourceModel().sort(column, order)

    def set_filter_text(self, text: str) -> None:
        needle = fold(text)
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_area(self, codes) -> None:
        """Show only the units ``codes`` (a province or district chosen); None: every unit."""
        area = frozenset(codes) if codes is not None else None
        if area == self._area:
            return
        self.beginFilterChange()
        self._area = area
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle and self._area is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._area is not None and self.sourceModel().data(index, CODE_ROLE) not in self._area:
            return False
        return not self._needle or self._needle in (self.sourceModel().data(index, FILTER_ROLE) or "")
