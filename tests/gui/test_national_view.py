"""A national-size project in the window: zoom to a province, must-merge units coloured, counts as core's."""
import shutil
from pathlib import Path

import pytest

from core.analysis.summary import area_summary, units_in
from core.imports.national import import_national
from core.imports.synthetic import write_synthetic_files
from core.law.rules import get_rule_set
from gui.palette import STATUS_FILL, STATUS_FILL_FAR, Status
from gui.unit_model import CODE_ROLE
from tests.gui.conftest import opened_window

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
UNITS = 2500


@pytest.fixture(scope="module")
def national_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("national")
    layer, table = write_synthetic_files(UNITS, folder, seed=7)
    project, _ = import_national(folder / "made.sqlite", layer, table, tolerance_m=0)
    project.close()
    return folder / "made.sqlite"


@pytest.fixture
def national(qtbot, national_db, tmp_path):
    db = tmp_path / "national.sqlite"
    shutil.copy(national_db, db)
    with opened_window(qtbot, db) as win:
        yield win


def test_a_project_without_scenarios_opens_on_an_empty_one_with_the_summary_dock(national):
    assert national.session.scenario.groups == []
    assert national.national_dock.isVisible()
    assert national.national_dock.windowTitle() == "Tổng hợp theo tỉnh"


def test_the_summary_per_province_counts_what_core_counts(national):
    s = national.session
    expected = area_summary(s.dataset, get_rule_set(s.scenario.rules), s.scenario)
    rows = national.national_dock.panel.model.rows
    assert [(r.name, r.units, r.must_merge, r.unresolved) for r in rows] == \
           [(r.name, r.units, r.must_merge, r.unresolved) for r in expected]
    assert sum(r.units for r in rows) == UNITS
    model = national.national_dock.panel.model
    assert model.data(model.index(0, 1)) == str(expected[0].units)


def test_choosing_a_province_zooms_the_map_to_it_and_names_appear_for_a_district(national, qtbot):
    panel, view = national.national_dock.panel, national.map
    full = view.visible_rect()
    assert not view.map_scene.labels_shown
    province = panel.provinces()[3]
    codes = panel.choose(province)
    assert codes == units_in(national.session.dataset, province)
    shown, wanted = view.visible_rect(), view.map_scene.codes_rect(codes)
    assert shown.contains(wanted.adjusted(1, 1, -1, -1))
    assert shown.width() * shown.height() < full.width() * full.height() / 4
    district = panel.district_box.itemData(1)
    panel.choose(province, district)
    assert view.map_scene.labels_shown
    panel.choose(None)
    assert not view.map_scene.labels_shown


def test_must_merge_units_are_coloured_under_the_rule_set_chosen_in_the_dock(national):
    s, panel = national.session, national.national_dock.panel
    other = "nq35-2023" if s.scenario.rules != "nq35-2023" else "nq653-2019"
    panel.rules_box.setCurrentIndex(panel.rules_box.findData(other))
    panel.rules_box.activated.emit(panel.rules_box.currentIndex())
    assert s.scenario.rules == other
    must = [c for c, r in s.result.units.items() if r.unresolved]
    assert must, "the synthetic country has units below the standards"
    strong = STATUS_FILL_FAR[Status.UNRESOLVED]             # the whole country: a few pixels a unit
    while national.map.map_scene.borders_shown:
        national.map.zoom(0.5)
    assert all(national.map.map_scene.units[c].brush().color() == strong for c in must)
    assert strong != STATUS_FILL[Status.UNRESOLVED]
    assert sum(r.must_merge for r in panel.model.rows) == sum(r.must_merge for r in s.result.units.values())


def test_the_national_window_reads_at_1366x768(national, qtbot, tmp_path):
    national.resize(1366, 768)
    qtbot.wait(50)
    image = national.grab()
    image.save(str(tmp_path / "national.png"))
    colours = {image.toImage().pixelColor(x, y).rgb() for x in range(0, 900, 7) for y in range(80, 400, 7)}
    assert len(colours) > 5


def test_the_counts_per_province_follow_each_edit_and_its_undo_as_core_counts_them(national):
    from core.domain.commands import AddToGroup, Merge, SetExemption, SetRules
    s, panel = national.session, national.national_dock.panel
    s.push(SetRules("nq35-2026"))
    must = [c for c, r in s.result.units.items() if r.unresolved]
    assert len(must) > 1, "the synthetic country has units below the 2026 standards"
    a = must[0]
    b = sorted(s.dataset.neighbours(a))[0]
    c = next(n for n in sorted(s.dataset.neighbours(b)) if n not in (a, b))

    def counted():
        return [(r.name, r.units, r.must_merge, r.unresolved, r.in_groups) for r in panel.model.rows]

    def expected():
        return [(r.name, r.units, r.must_merge, r.unresolved, r.in_groups)
                for r in area_summary(s.dataset, get_rule_set(s.scenario.rules), s.scenario)]
    merge = Merge([a, b])
    s.push(merge)
    assert counted() == expected()
    s.push(AddToGroup(merge.group_id, [c]))
    s.push(SetExemption(must[-1], "Vị trí biệt lập"))
    assert counted() == expected()
    while s.undo_stack.canUndo():
        s.undo_stack.undo()
        assert counted() == expected()


def test_must_merge_units_take_the_usual_colour_once_zoomed_in_to_a_district(national):
    s, panel, scene = national.session, national.national_dock.panel, national.map.map_scene
    panel.rules_box.setCurrentIndex(panel.rules_box.findData("nq35-2026"))
    panel.rules_box.activated.emit(panel.rules_box.currentIndex())
    unit = next(r.unit for r in s.result.units.values() if r.unresolved)
    codes = panel.choose(unit.province, unit.district)
    assert scene.borders_shown
    must = [c for c in codes if s.result.units[c].unresolved]
    assert unit.code in must
    usual = STATUS_FILL[Status.UNRESOLVED]
    assert all(scene.units[c].brush().color() == usual for c in must)


def test_choosing_a_province_filters_the_table_and_outlines_it_on_the_map(national):
    panel, table, scene = national.national_dock.panel, national.table, national.map.map_scene
    province = panel.provinces()[2]
    codes = panel.choose(province)
    shown = {table.proxy.data(table.proxy.index(r, 0), CODE_ROLE) for r in range(table.proxy.rowCount())}
    assert shown == set(codes)
    assert scene.area is not None and scene.area_key == frozenset(codes)
    assert scene.area.boundingRect().contains(scene.codes_rect(codes).adjusted(1, 1, -1, -1))
    narrower = panel.choose(province, panel.district_box.itemData(1))
    assert table.proxy.rowCount() == len(narrower) < len(codes)
    panel.choose(None)                                         # the whole country again
    assert table.proxy.rowCount() == UNITS and scene.area is None


def test_the_national_window_title_says_it_covers_the_country_not_the_two_file_names(national):
    provinces = len(national.national_dock.panel.provinces())
    assert f"Cả nước: {provinces} tỉnh, 2.500 đơn vị" in national.windowTitle()
    assert "+" not in national.windowTitle()


def test_the_layout_of_a_district_project_is_not_carried_to_the_national_one(qtbot, national_db, tmp_path):
    from gui.settings import settings
    with opened_window(qtbot, tmp_path / "huyen.sqlite") as district:
        assert district.layout_key() == "district"
        district.national_dock.hide()
        district.checks_dock.hide()                # the planner closed the checks on the district
        district.save_layout()
    assert settings().value("window/district/state") is not None
    assert settings().value("window/national/state") is None
    db = tmp_path / "national.sqlite"
    shutil.copy(national_db, db)
    with opened_window(qtbot, db) as win:
        assert win.layout_key() == "national"
        assert win.national_dock.isVisible()       # the national project keeps its own docks
