"""The main window: renders, switches rule sets and language, remembers layout and scenario."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gui.app import create_main_window
from tests.gui.conftest import code


def test_the_main_window_opens_on_the_2019_scenario_and_renders_a_readable_map(window, session):
    assert session.scenario.name == "Phương án 2019"
    assert "Phương án 2019" in window.windowTitle()
    image = window.grab().toImage()
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixelColor(x, y).rgb() for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 30, "the window is not blank"
    map_image = window.map.grab().toImage()
    group_colour = window.map.map_scene.units[code(session, "Giao Long")].brush().color()
    hits = sum(1 for x in range(0, map_image.width(), 3) for y in range(0, map_image.height(), 3)
               if map_image.pixelColor(x, y) == group_colour)
    assert hits > 50, "merged groups are drawn in their colour on the map"


def test_the_schematic_map_says_it_is_a_schematic(window):
    assert window.map_panel.banner.isVisible()
    assert "Sơ đồ minh họa, không phải bản đồ ranh giới" in window.map_panel.banner.text()


def test_the_status_bar_sums_the_scenario(window):
    text = window.summary.text()
    assert "22 → 19" in text and "chưa đạt" in text


def test_switching_the_rule_set_changes_verdicts_at_once_and_undo_switches_back(window, session):
    def verdicts():
        return {g.group.name: g.verdict for g in session.result.groups}
    under_653 = verdicts()
    assert set(under_653.values()) == {"fails"}
    box = window.actions_.rules_box
    box.setCurrentIndex(box.findData("nq35-2023"))
    box.activated.emit(box.currentIndex())
    assert session.scenario.rules == "nq35-2023"
    assert session.result.rules.id == "nq35-2023"
    must_merge_653 = {c for c, r in session.result.units.items() if r.must_merge}
    window.actions_.undo.trigger()
    assert session.scenario.rules == "nq653-2019"
    assert {c for c, r in session.result.units.items() if r.must_merge} != must_merge_653


def test_the_rule_set_decides_which_units_must_merge(window, session):
    giao_long = code(session, "Giao Long")
    assert not session.result.units[giao_long].must_merge          # NQ 653: 17 % area but 60 % population
    window.actions_.rules_actions["nq35-2023"].trigger()
    assert session.result.units[giao_long].must_merge              # NQ 35: both under 70 %
    assert window.actions_.rules_box.currentData() == "nq35-2023"


def test_switching_to_english_changes_the_visible_text_and_is_remembered(window, qtbot, db_path):
    assert window.actions_.file_menu.title() == "&Tệp"
    assert window.table.proxy.headerData(1, Qt.Orientation.Horizontal) == "Tên"
    window.actions_.lang_en.trigger()
    assert window.actions_.file_menu.title() == "&File"
    assert window.table.proxy.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert "Schematic" in window.map_panel.banner.text()
    assert "Units:" in window.summary.text()
    assert window.checks_dock.windowTitle() == "Checks against the standards"
    labels = [label.text() for label in window.checks.findChildren(QLabel)]
    assert any("Scenario does not meet" in t for t in labels), "core wording follows the language"
    window.close()
    again = create_main_window(str(db_path))
    qtbot.addWidget(again)
    assert again.actions_.file_menu.title() == "&File"
    again.actions_.lang_vi.trigger()
    assert again.actions_.file_menu.title() == "&Tệp"


def test_layout_and_last_scenario_are_remembered_between_runs(window, session, qtbot, db_path, dialogs):
    dialogs.answer("choice", "copy")
    dialogs.answer("text", "Phương án thử")
    window.actions_.new_scenario.trigger()
    assert session.scenario.name == "Phương án thử"
    window.checks_dock.hide()
    window.resize(1100, 700)
    size = window.size()
    window.close()
    again = create_main_window(str(db_path))
    qtbot.addWidget(again)
    again.show()
    assert again.session.scenario.name == "Phương án thử"
    assert again.checks_dock.isHidden()
    assert again.size() == size and size.height() == 700


def test_the_title_marks_unsaved_changes(window, session, dialogs):
    assert not window.isWindowModified()
    session.set_selection([code(session, "Giao Hòa")])
    window.actions_.dissolve.trigger()
    assert window.isWindowModified()
    window.actions_.save.trigger()
    assert not window.isWindowModified()


def test_an_upgraded_project_tells_the_planner_where_the_backup_is(tmp_path, qtbot):
    import sqlite3

    from core.storage.store import Project
    from gui.app import create_main_window
    db = tmp_path / "cu.sqlite"
    Project(db).close()
    conn = sqlite3.connect(db)
    conn.execute("alter table units drop column classification_defaulted")
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()
    window = create_main_window(str(db))
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert "nâng cấp" in message and "backup-schema1" in message
