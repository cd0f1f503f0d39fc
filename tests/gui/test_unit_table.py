"""The unit table: a sound Qt model over the evaluation, sortable, filterable without diacritics."""
from PySide6.QtCore import Qt

from gui.unit_model import AREA, CODE_ROLE, MUST_MERGE, NAME, POPULATION, UnitFilterProxy, UnitTableModel
from tests.gui.conftest import code


def names_shown(proxy) -> list[str]:
    return [proxy.data(proxy.index(r, NAME)) for r in range(proxy.rowCount())]


def test_the_unit_model_passes_the_qt_model_tester(session, qtmodeltester):
    model = UnitTableModel(session)
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(UnitFilterProxy(model), force_py=True)


def test_the_table_lists_all_22_units_with_vietnamese_number_format(window, session):
    proxy = window.table.proxy
    assert proxy.rowCount() == 22
    row = names_shown(proxy).index("Tân Thạch")
    assert proxy.data(proxy.index(row, POPULATION)) == "11.202"
    assert proxy.data(proxy.index(row, AREA)) == "≈10,07"
    assert proxy.data(proxy.index(row, POPULATION), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_typing_giao_hoa_without_diacritics_finds_giao_hoa(window):
    window.table.filter_box.setText("giao hoa")
    assert names_shown(window.table.proxy) == ["Giao Hòa"]
    window.table.filter_box.setText("GIAO")
    assert sorted(names_shown(window.table.proxy)) == ["Giao Hòa", "Giao Long"]
    window.table.filter_box.setText("")
    assert window.table.proxy.rowCount() == 22


def test_sorting_by_population_uses_the_numbers_not_the_text(window):
    view, proxy = window.table.view, window.table.proxy
    view.sortByColumn(POPULATION, Qt.SortOrder.DescendingOrder)
    populations = [proxy.data(proxy.index(r, POPULATION), CODE_ROLE + 1) for r in range(proxy.rowCount())]
    assert populations == sorted(populations, reverse=True)
    assert names_shown(proxy)[0] == "Quới Sơn"


def test_must_merge_tooltip_names_the_criterion_and_its_article(window, session):
    proxy = window.table.proxy
    row = names_shown(proxy).index("Giao Hòa")
    assert proxy.data(proxy.index(row, MUST_MERGE)) == "Có"
    tip = proxy.data(proxy.index(row, MUST_MERGE), Qt.ItemDataRole.ToolTipRole)
    assert "653/2019" in tip


def test_names_from_data_are_never_read_as_html(window, session, dialogs):
    from gui.dialogs.merge_dialog import MergeChoice
    members = [code(session, "Tân Thạch"), code(session, "Quới Sơn")]
    session.set_selection(members)
    dialogs.answer("merge", MergeChoice("<b>Xã</b> & mới", members[0], None))
    window.actions_.merge.trigger()
    proxy = window.table.proxy
    row = names_shown(proxy).index("Tân Thạch")
    assert proxy.data(proxy.index(row, 8)) == "<b>Xã</b> & mới"
    tip = window.map.map_scene.units[members[0]].toolTip()
    assert "&lt;b&gt;Xã&lt;/b&gt; &amp; mới" in tip and "<b>Xã</b>" not in tip


def test_enter_in_the_filter_selects_the_unit_and_zooms_the_map_to_it(window, session, qtbot):
    view = window.map
    fitted = view.scale_factor()
    qtbot.keyClicks(window.table.filter_box, "giao hoa")
    qtbot.keyClick(window.table.filter_box, Qt.Key.Key_Return)
    giao_hoa = code(session, "Giao Hòa")
    assert session.selection == [giao_hoa]
    shown, unit = view.visible_rect(), view.map_scene.codes_rect([giao_hoa])
    assert shown.contains(unit)
    assert view.scale_factor() > 1.2 * fitted                 # zoomed in to it, its neighbours around
    assert shown.height() < 4 * unit.height()


def test_enter_prefers_the_unit_named_exactly_as_typed(window, session, qtbot):
    qtbot.keyClicks(window.table.filter_box, "an hoa")       # also finds Phú An Hòa
    assert window.table.proxy.rowCount() >= 2
    qtbot.keyClick(window.table.filter_box, Qt.Key.Key_Return)
    assert session.selection == [code(session, "An Hóa")]
