"""The unit table view with its filter box; its selection is the session's selection."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from core.common.text import fold

from .session import Session
from .unit_model import CODE_ROLE, GROUP, NAME, UnitFilterProxy, UnitTableModel

LARGE_TABLE = 2000


class UnitTable(QWidget):
    found = Signal(str)          # Enter in the filter chose this unit (the map zooms to it)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = UnitTableModel(session)
        self.proxy = UnitFilterProxy(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter)
        self.filter_box.returnPressed.connect(self.choose_found)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        # Measuring every row of a national table takes seconds: fixed widths there.
        large = len(session.dataset.units) > LARGE_TABLE
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive if large
                                    else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(GROUP, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(NAME, 120)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view)
        self._syncing = False
        self.view.selectionModel().selectionChanged.connect(self._table_selected)
        session.selection_changed.connect(self._session_selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(self.tr("Lọc theo tên hoặc mã (gõ không dấu cũng được)…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filter(self, text: str) -> None:
        # Hiding rows must not drop units from the planner's selection.
        self._syncing = True
        try:
            self.proxy.set_filter_text(text)
        finally:
            self._syncing = False
        self._session_selected()

    def set_area(self, codes) -> None:
        """Only the units of the province/district chosen (None: all), the filter still applies."""
        self._syncing = True
        try:
            self.proxy.set_area(codes)
        finally:
            self._syncing = False
        self._session_selected()

    def choose_found(self) -> str | None:
        """Enter in the filter: select the unit it finds (the one named or coded exactly as typed,
        else the first row shown), scroll to it and say so (the map zooms to it)."""
        needle = fold(self.filter_box.text().strip())
        rows = self.proxy.rowCount()
        if not needle or rows == 0:
            return None
        codes = [self.proxy.data(self.proxy.index(r, 0), CODE_ROLE) for r in range(min(rows, 500))]
        units = self.session.dataset.units
        exact = [c for c in codes if c == needle or fold(units[c].name) == needle]
        code = (exact or codes)[0]
        self.session.set_selection([code])
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(code), 0))
        if index.isValid():
            self.view.scrollTo(index)
        self.found.emit(code)
        return code

    # ----- selection both ways ----------------------------------------------------
    def selected_codes(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows()
        rows.sort(key=lambda i: i.row())
        return [self.proxy.data(i, CODE_ROLE) for i in rows]

    def _table_selected(self, *_: object) -> None:
        if self._syncing:
            return
        # Keep the order of the session's selection for units still selected.
        now = self.selected_codes()
        kept = [c for c in self.session.selection if c in now]
        self.session.set_selection(kept + [c for c in now if c not in kept])

    def _session_selected(self) -> None:
        if self.selected_codes() and set(self.selected_codes()) == set(self.session.selection):
            return
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        first_index = None
        for code in self.session.selection:
            source = self.model.index(self.model.row_of(code), 0)
            index = self.proxy.mapFromSource(source)
            if not index.isValid():
                continue
            selection.select(index, index.siblingAtColumn(last))
            first_index = first_index or index
        self._syncing = True
        try:
            self.view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False
        if first_index is not None:
            self.view.scrollTo(first_index)
