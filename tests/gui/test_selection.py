"""One selection, seen and changed from both the table and the map."""
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from gui.unit_model import CODE_ROLE
from tests.gui.conftest import code


def click_unit_on_map(qtbot, window, unit_code: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.map
    label = view.map_scene.labels[unit_code]
    point: QPoint = view.mapFromScene(label.pos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def select_rows(window, codes: list[str], flag=QItemSelectionModel.SelectionFlag.ClearAndSelect) -> None:
    proxy, view = window.table.proxy, window.table.view
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if proxy.data(index, CODE_ROLE) in codes:
            view.selectionModel().select(index, flag | QItemSelectionModel.SelectionFlag.Rows)
            flag = QItemSelectionModel.SelectionFlag.Select


def test_selecting_rows_in_the_table_selects_the_units_on_the_map(window, session):
    wanted = [code(session, "An Hóa"), code(session, "Phú An Hòa")]
    select_rows(window, wanted)
    on_map = {c for c, item in window.map.map_scene.units.items() if item.selected}
    assert on_map == set(wanted)
    assert set(session.selection) == set(wanted)


def test_clicking_on_the_map_selects_the_row_and_ctrl_or_shift_adds_to_it(window, session, qtbot):
    an_hoa, an_phuoc, phu_an_hoa = (code(session, n) for n in ("An Hóa", "An Phước", "Phú An Hòa"))
    click_unit_on_map(qtbot, window, an_hoa)
    assert window.table.selected_codes() == [an_hoa]
    click_unit_on_map(qtbot, window, an_phuoc, Qt.KeyboardModifier.ControlModifier)
    click_unit_on_map(qtbot, window, phu_an_hoa, Qt.KeyboardModifier.ShiftModifier)
    assert set(window.table.selected_codes()) == {an_hoa, an_phuoc, phu_an_hoa}
    click_unit_on_map(qtbot, window, an_phuoc, Qt.KeyboardModifier.ControlModifier)   # toggles off
    assert set(window.table.selected_codes()) == {an_hoa, phu_an_hoa}
    click_unit_on_map(qtbot, window, an_phuoc)          # a plain click starts again
    assert window.table.selected_codes() == [an_phuoc]


def test_dragging_on_the_map_pans_instead_of_selecting(window, session, qtbot):
    view = window.map
    view.zoom(4)
    before = view.horizontalScrollBar().value()
    start = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + QPoint(step * 20, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    assert view.horizontalScrollBar().value() != before
    assert session.selection == []


def test_wheel_zooms_and_fit_shows_the_whole_district(window):
    view = window.map
    view.fit()
    scale = view.transform().m11()
    view.zoom(1.2 ** 3)
    assert view.transform().m11() > scale
    window.actions_.fit.trigger()
    assert abs(view.transform().m11() - scale) < scale * 0.01
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.map_scene.itemsBoundingRect().center())


def test_a_filter_keeps_the_selection_on_the_map(window, session):
    giao_hoa = code(session, "Giao Hòa")
    session.set_selection([giao_hoa])
    window.table.filter_box.setText("tan")
    assert session.selection == [giao_hoa]
    assert window.map.map_scene.units[giao_hoa].selected
