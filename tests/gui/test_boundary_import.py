"""Importing a boundary layer from the window: off the GUI thread, cancellable, and the map follows."""
import pytest

from tests.conftest import CHAU_THANH_GEOJSON


def run_import(window, qtbot, path, cancel: bool = False):
    job = window.import_boundaries(str(path)) if not cancel else None
    if cancel:
        from gui.boundary_import import BoundaryImport
        job = BoundaryImport(window.session, window, str(path))
        job.worker.cancel_flag.set()          # the planner pressed Hủy before the first step ended
        job.start()
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    return job, blocker.args[0]


@pytest.mark.shared_data
def test_importing_real_boundaries_replaces_the_schematic_with_the_map(window, qtbot, dialogs):
    if not CHAU_THANH_GEOJSON.exists():
        pytest.skip("../shared/data is not present")
    assert window.map.map_scene.schematic
    dialogs.answer("preview", True)                  # the planner applies the preview
    job, report = run_import(window, qtbot, CHAU_THANH_GEOJSON)
    assert report is not None and len(report.matched) == 22
    assert window.session.project.has_boundaries()
    assert not window.map.map_scene.schematic
    assert not window.map_panel.banner.isVisible()
    assert len(window.map.map_scene.units) == 22
    assert "Khớp 22 đơn vị" in dialogs.messages[-1]
    assert not job.thread.isRunning()


def test_cancelling_an_import_leaves_the_project_unchanged(window, qtbot, dialogs, tmp_path):
    layer = tmp_path / "layer.geojson"
    layer.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    _, report = run_import(window, qtbot, layer, cancel=True)
    assert report is None
    assert not window.session.project.has_boundaries()
    assert "Đã hủy" in dialogs.messages[-1]


def test_a_file_that_is_not_a_layer_is_refused_with_a_message(window, qtbot, dialogs, tmp_path):
    junk = tmp_path / "ranh-gioi.geojson"
    junk.write_text("đây không phải GeoJSON", encoding="utf-8")
    _, report = run_import(window, qtbot, junk)
    assert report is None
    assert not window.session.project.has_boundaries()
    assert "Dự án không thay đổi" in dialogs.messages[-1]
    assert window.map.map_scene.schematic


def test_the_preview_shows_what_would_change_and_cancelling_it_changes_nothing(window, qtbot, dialogs, tmp_path):
    import geopandas as gpd
    from shapely.geometry import box
    layer = tmp_path / "giao_long.geojson"
    gpd.GeoDataFrame({"gso_code": ["28813"]}, geometry=[box(106.41, 10.29, 106.43, 10.31)],
                     crs="EPSG:4326").to_file(layer)
    dialogs.answer("preview", False)                 # the planner reads the preview and cancels
    _, report = run_import(window, qtbot, layer)
    kind, (_parent, title, summary, warnings, text, yes, choices) = dialogs.asked[-1]
    assert kind == "preview" and title == "Xem trước lần nhập ranh giới" and yes == "Áp dụng"
    assert summary[1].startswith("Khớp 1 đơn vị; 0 đối tượng không khớp; 21 đơn vị không có ranh giới")
    assert summary[2].startswith("Cặp đơn vị liền kề theo ranh giới: 45 → 45") and warnings == []
    assert text.splitlines()[-1] == "Xem trước: dự án chưa thay đổi."
    assert choices.key == ("code", "gso_code") and choices.tolerance_m == 0.0   # offered to change
    assert report is None and not window.session.project.has_boundaries()
    assert "Đã hủy" in dialogs.messages[-1]


def test_a_file_with_several_layers_asks_which_one_to_import(window, qtbot, dialogs, tmp_path):
    import geopandas as gpd
    from shapely.geometry import box
    layer = tmp_path / "two.gpkg"
    for name in ("xa", "huyen"):
        gpd.GeoDataFrame({"gso_code": ["28813"]}, geometry=[box(106.41, 10.29, 106.43, 10.31)],
                         crs="EPSG:4326").to_file(layer, layer=name)
    dialogs.answer("choice", "xa")
    dialogs.answer("preview", True)
    _, report = run_import(window, qtbot, layer)
    choice = next(args for kind, args in dialogs.asked if kind == "choice")
    assert [key for key, _ in choice[3]] == ["xa", "huyen", "cancel"]
    assert report is not None and report.layer == "xa" and window.session.project.has_boundaries()


def test_the_import_reads_in_english_when_the_window_is_in_english(window, qtbot, dialogs, tmp_path):
    from gui import i18n
    i18n.set_language("en", remember=False)
    junk = tmp_path / "dan_so.csv"
    junk.write_text("a,b\n1,2\n", encoding="utf-8")
    _, report = run_import(window, qtbot, junk)
    assert report is None
    assert dialogs.messages[-1].startswith("File dan_so.csv: this is a CSV table, not a boundary layer.")


def one_unit_layer(tmp_path):
    import geopandas as gpd
    from shapely.geometry import box
    layer = tmp_path / "giao_long.geojson"
    gpd.GeoDataFrame({"gso_code": ["28813"], "ten": ["Giao Long"]}, geometry=[box(106.41, 10.29, 106.43, 10.31)],
                     crs="EPSG:4326").to_file(layer)
    return layer


def test_the_preview_plans_again_with_another_key_field_and_tolerance_before_anything_is_written(
        window, qtbot, dialogs, tmp_path):
    from gui.dialogs.preview import Replan
    dialogs.answer("preview", Replan(None, "ten", 25.0), False)   # match by the names, then cancel
    _, report = run_import(window, qtbot, one_unit_layer(tmp_path))
    previews = [args for kind, args in dialogs.asked if kind == "preview"]
    assert len(previews) == 2
    first, second = previews[0][6], previews[1][6]
    assert set(first.fields) >= {"gso_code", "ten"} and first.key == ("code", "gso_code")
    assert second.key == ("name", "ten") and second.tolerance_m == 25.0
    assert "theo tên" in previews[1][2][0] or "ten" in previews[1][2][0]
    assert report is None and not window.session.project.has_boundaries()


def test_a_key_field_that_matches_nothing_says_so_and_shows_the_last_preview_again(window, qtbot, dialogs, tmp_path):
    from gui.dialogs.preview import Replan
    dialogs.answer("preview", Replan("ten", None, 0.0), False)    # the names as codes: nothing matches
    _, report = run_import(window, qtbot, one_unit_layer(tmp_path))
    previews = [args for kind, args in dialogs.asked if kind == "preview"]
    assert len(previews) == 2 and previews[1][6].key == ("code", "gso_code")
    assert any("bản xem trước trước đó được giữ" in m for m in dialogs.messages)
    assert report is None and not window.session.project.has_boundaries()


def test_undoing_the_last_import_puts_back_the_previous_boundaries_and_doing_it_again_restores_the_import(
        window, qtbot, dialogs, tmp_path):
    session, actions = window.session, window.actions_
    pairs_before = set(session.dataset.adjacency)
    assert not actions.undo_import.isEnabled()                     # nothing imported yet
    dialogs.answer("preview", True)
    _, report = run_import(window, qtbot, one_unit_layer(tmp_path))
    assert report is not None and session.project.has_boundaries()
    assert actions.undo_import.isEnabled()
    assert actions.undo_import.text() == "Hoàn tác lần nhập ranh giới gần nhất"
    assert actions.undo_import in actions.file_menu.actions()
    actions.undo_import.trigger()
    assert not session.project.has_boundaries()                    # back to the schematic
    assert window.map.map_scene.schematic
    assert set(session.dataset.adjacency) == pairs_before
    assert dialogs.messages[-1].startswith("Đã khôi phục ranh giới")
    actions.undo_import.trigger()                                  # and back to the import
    assert session.project.has_boundaries()
    assert not window.map.map_scene.schematic


def test_the_preview_dialog_starts_on_the_field_the_plan_matched_by(qtbot):
    from gui.dialogs.preview import Choices, Replan, ReportPreview
    dialog = ReportPreview(None, "Xem trước", ["Khớp 22 đơn vị"], [], "", "Áp dụng",
                           Choices(("object_id", "commune_vn"), ("name", "commune_vn"), 0.0, 500.0))
    qtbot.addWidget(dialog)
    assert dialog.key.currentText() == "commune_vn (tên đơn vị)"
    dialog.tolerance.setValue(12.5)
    dialog.findChild(type(dialog.apply_button), "import-replan").click()
    assert dialog.replan == Replan(None, "commune_vn", 12.5)
