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
    job, report = run_import(window, qtbot, CHAU_THANH_GEOJSON)
    assert report is not None and len(report.matched) == 22
    assert window.session.project.has_boundaries()
    assert not window.map.map_scene.schematic
    assert not window.map_panel.banner.isVisible()
    assert len(window.map.map_scene.units) == 22
    assert "khớp 22 đơn vị" in dialogs.messages[-1]
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
