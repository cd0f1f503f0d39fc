"""“Tổng hợp theo tỉnh”: a large project seen province by province.

Choose a province (and a district) to zoom the map to it; the table counts, per
province, the units and those the current rule set requires to merge — the map
colours the latter across the country. Counts come from ``core.analysis.summary`` over the
session's evaluation; nothing is judged here.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDockWidget, QGridLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from core.analysis.summary import AreaSummary, summarise, units_in
from core.common.numbers import fmt_int
from core.law.incremental import Delta
from core.law.rules import all_rule_sets

from .i18n import current_language
from .map_view import MapView
from .session import Session
from .text import fill

LARGE_PROJECT = 300           # units; above this the dock is shown at start

Index = QModelIndex | QPersistentModelIndex


class AreaSummaryModel(QAbstractTableModel):
    """Rows of ``core.analysis.summary.AreaSummary``: province, units, must merge, unresolved, in groups."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AreaSummary] = []

    def set_rows(self, rows: list[AreaSummary]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def replace_rows(self, rows: list[AreaSummary]) -> None:
        """New counts for some areas already listed (same names, so the same rows)."""
        where = {r.name: i for i, r in enumerate(self.rows)}
        for row in rows:
            i = where[row.name]
            self.rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Tỉnh"), self.tr("Đơn vị"), self.tr("Phải sắp xếp"), self.tr("Chưa xử lý"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        values = (row.name, row.units, row.must_merge, row.unresolved, row.in_groups)
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name if col == 0 else fmt_int(values[col], current_language())
        if role == Qt.ItemDataRole.UserRole:
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(self.tr("%1: %2 đơn vị, %3 phải sắp xếp, %4 chưa xử lý, %5 đã ở trong nhóm"),
                        *(fmt_int(v, current_language()) if i else v for i, v in enumerate(values)))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _count(row: AreaSummary, r, sign: int) -> None:
    """Add (``sign`` +1) or take out (-1) one unit's result from its area's counts, as
    ``core.analysis.summary.summarise`` counts them."""
    row.population += sign * r.population
    row.area_km2 += sign * r.area_km2
    row.in_groups += sign * int(r.group_id is not None)
    row.unresolved += sign * int(r.unresolved)
    if r.must_merge:
        row.must_merge += sign
        if sign > 0:
            row.codes_must_merge.append(r.code)
        else:
            row.codes_must_merge.remove(r.code)


class NationalPanel(QWidget):
    rules_requested = Signal(str)
    area_chosen = Signal(object)          # the codes of the province/district chosen; None: the country

    def __init__(self, session: Session, map_view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.map = session, map_view
        self._stale = True               # the counts must be made again when next shown
        self._counted = None             # the evaluation the rows count
        self.province_box, self.district_box, self.rules_box = QComboBox(self), QComboBox(self), QComboBox(self)
        self.labels = [QLabel(self) for _ in range(3)]
        for rule_id, rule in all_rule_sets().items():
            self.rules_box.addItem(f"{rule.short} ({rule_id})", rule_id)
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.model = AreaSummaryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        # Sized to the names once per listing: measuring every row on each edit re-read all 63.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        grid = QGridLayout()
        for row, (label, box) in enumerate(zip(self.labels, (self.province_box, self.district_box,
                                                              self.rules_box))):
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        self.province_box.activated.connect(lambda _: self._province_chosen())
        self.district_box.activated.connect(lambda _: self.zoom())
        self.rules_box.activated.connect(lambda i: self.rules_requested.emit(self.rules_box.itemData(i)))
        self.table.clicked.connect(self._row_clicked)
        session.evaluated.connect(self._evaluated)
        session.dataset_changed.connect(self._fill_provinces)
        self._fill_provinces()
        self.retranslate()

    # ----- areas -------------------------------------------------------------------------
    def provinces(self) -> list[str]:
        return sorted({u.province for u in self.session.dataset.units.values() if u.province})

    def _fill_provinces(self) -> None:
        self.province_box.clear()
        self.province_box.addItem("", None)
        for name in self.provinces():
            self.province_box.addItem(name, name)
        self._fill_districts()

    def _fill_districts(self) -> None:
        province = self.province_box.currentData()
        self.district_box.clear()
        self.district_box.addItem("", None)
        if province:
            for name in sorted({u.district for u in self.session.dataset.units.values()
                                if u.province == province and u.district}):
                self.district_box.addItem(name, name)
        self.district_box.setEnabled(bool(province))
        self.retranslate_boxes()

    def _province_chosen(self) -> None:
        self._fill_districts()
        self.zoom()

    def choose(self, province: str | None, district: str | None = None) -> list[str]:
        """Show ``province`` (and ``district``) on the map; returns the codes shown (all for none)."""
        self.province_box.setCurrentIndex(max(0, self.province_box.findData(province)) if province else 0)
        self._fill_districts()
        if district:
            self.district_box.setCurrentIndex(max(0, self.district_box.findData(district)))
        return self.zoom()

    def zoom(self) -> list[str]:
        province, district = self.province_box.currentData(), self.district_box.currentData()
        if not province:
            self.map.map_scene.outline_area(None)
            self.map.fit()
            self.area_chosen.emit(None)
            return list(self.session.dataset.units)
        codes = units_in(self.session.dataset, province, district)
        self.map.map_scene.outline_area(codes)
        self.map.show_rect(self.map.map_scene.codes_rect(codes))
        self.area_chosen.emit(codes)
        return codes

    def _row_clicked(self, index: QModelIndex) -> None:
        name = self.model.rows[index.row()].name
        self.choose(name)

    # ----- counts --------------------------------------------------------------------------
    def _evaluated(self, delta: Delta) -> None:
        """Count again only what the edit touched: each touched unit's old result out of its
        province's row, its new one in (a few units, not the country)."""
        result = self.session.result
        if delta.full or result is None or not self.model.rows or self._stale or self._counted is None:
            self.refresh()
            return
        if not self.isVisible():
            self._stale = True
            return
        rows = {r.name: r for r in self.model.rows}
        touched = []
        for code in delta.units:
            old, new = self._counted.units[code], result.units[code]
            if old is not new:
                row = rows[new.unit.province]
                _count(row, old, -1)
                _count(row, new, +1)
                touched.append(row)
        self._counted = result
        self.model.replace_rows(list({id(r): r for r in touched}.values()))
        self._show_totals()

    def refresh(self) -> None:
        result = self.session.result
        if result is None or (not self.isVisible() and self.model.rows):
            self._stale = True
            return
        self._stale = False
        self._counted = result
        rows = summarise(list(result.units.values()), by="province")
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.rules_box.setCurrentIndex(self.rules_box.findData(result.rules.id))
        self._show_totals()

    def _show_totals(self) -> None:
        result = self.session.result
        assert result is not None
        rows = self.model.rows
        lang = current_language()
        self.totals.setText(fill(self.tr("Theo %1: %2 trên %3 đơn vị thuộc diện phải sắp xếp (tô màu cam "
                                         "trên bản đồ khi chưa xử lý), ở %4 tỉnh."),
                                 result.rules.short, fmt_int(sum(r.must_merge for r in rows), lang),
                                 fmt_int(sum(r.units for r in rows), lang), len(rows)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def retranslate_boxes(self) -> None:
        self.province_box.setItemText(0, self.tr("Cả nước"))
        self.district_box.setItemText(0, self.tr("Cả tỉnh"))

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("Tỉnh:"), self.tr("Huyện:"), self.tr("Bộ quy tắc:"))):
            label.setText(text)
        self.retranslate_boxes()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NationalDock(QDockWidget):
    def __init__(self, session: Session, map_view: MapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("national-dock")
        self.panel = NationalPanel(session, map_view, self)
        self.setWidget(self.panel)
        self.retranslate()

    @staticmethod
    def wanted(session: Session) -> bool:
        """Shown at start for a large project (many units or several provinces)."""
        units = session.dataset.units.values()
        return len(session.dataset.units) > LARGE_PROJECT or len({u.province for u in units}) > 1

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tổng hợp theo tỉnh"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
