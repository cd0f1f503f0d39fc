"""Tệp → Xuất bản tóm tắt phương án… in the window: a province or a district of the project, the file
starting in the documents folder or the last one used, a percentage and Cancel, then open what was written."""
import csv
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressBar, QPushButton

from core.export import Area
from core.imports.national import import_national
from core.imports.synthetic import write_synthetic_files
from gui import export_job, settings
from gui.dialogs.export_dialog import ExportDialog
from tests.gui.conftest import opened_window


@pytest.fixture(scope="module")
def country_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("country")
    layer, table = write_synthetic_files(300, folder, seed=3)
    project, _ = import_national(folder / "made.sqlite", layer, table, tolerance_m=0)
    project.close()
    return folder / "made.sqlite"


@pytest.fixture
def country(qtbot, country_db, tmp_path):
    db = tmp_path / "country.sqlite"
    shutil.copy(country_db, db)
    with opened_window(qtbot, db) as win:
        yield win


def finish(job, qtbot) -> str:
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    return blocker.args[0]


def test_the_dialog_offers_every_province_then_its_districts_and_counts_the_units(country, qtbot):
    d = country.session.dataset
    dialog = ExportDialog(country, d, "/tmp/x.pdf")
    qtbot.addWidget(dialog)
    provinces = [dialog.province_box.itemData(i) for i in range(dialog.province_box.count())]
    assert provinces[0] is None and sorted(provinces[1:]) == sorted({u.province for u in d.units.values()})
    assert dialog.district_box.isEnabled() is False
    assert "300 đơn vị" in dialog.count.text()
    province = provinces[1]
    dialog.province_box.setCurrentIndex(1)
    districts = {dialog.district_box.itemData(i) for i in range(1, dialog.district_box.count())}
    assert districts == {u.district for u in d.units.values() if u.province == province}
    in_province = sum(1 for u in d.units.values() if u.province == province)
    assert f"{in_province} đơn vị" in dialog.count.text()
    dialog.district_box.setCurrentIndex(1)
    district = dialog.district_box.currentData()
    assert dialog.area() == Area(province, district)
    in_district = sum(1 for u in d.units.values() if u.province == province and u.district == district)
    assert f"{in_district} đơn vị" in dialog.count.text()


def test_a_file_name_without_a_known_extension_is_refused_and_the_dialog_keeps_it(country, qtbot):
    dialog = ExportDialog(country, country.session.dataset, "/tmp/tom-tat.docx")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert ".pdf" in dialog.error.text() and dialog.path.text() == "/tmp/tom-tat.docx"


def test_the_district_project_preselects_its_one_province(window, qtbot):
    dialog = ExportDialog(window, window.session.dataset, "/tmp/x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.province_box.currentData() == "Tỉnh Bến Tre"
    assert "22 đơn vị" in dialog.count.text()


def test_a_province_export_from_the_window_holds_only_that_provinces_units(country, qtbot, tmp_path, dialogs):
    d = country.session.dataset
    province = sorted({u.province for u in d.units.values()})[0]
    target = tmp_path / "tinh.csv"
    assert finish(country.export_summary(str(target), Area(province)), qtbot) == ""
    with open(target, encoding="utf-8-sig") as fh:
        listed = {cell for row in csv.reader(fh) for cell in row if cell in d.units}
    assert listed == {c for c, u in d.units.items() if u.province == province}


def test_the_progress_dialog_shows_a_percentage_and_cancel_writes_nothing(country, qtbot, tmp_path, monkeypatch):
    gate = threading.Event()
    report = export_job.ExportWorker._report

    def held(worker, frac, msg):            # the export waits after each step until the test has looked
        report(worker, frac, msg)
        gate.wait(30)
    monkeypatch.setattr(export_job.ExportWorker, "_report", held)
    target = tmp_path / "ca-nuoc.pdf"
    job = country.export_summary(str(target))
    assert job.dialog.maximum() == 1000 and job.dialog.findChild(QPushButton).text() == "Hủy"
    qtbot.waitUntil(lambda: "%)" in job.dialog.labelText(), timeout=60_000)
    assert job.dialog.labelText().startswith("Đang xuất ca-nuoc.pdf: Đang tổng hợp số liệu")
    bar = job.dialog.findChild(QProgressBar)
    assert job.dialog.labelText().endswith(f"({bar.value() * 100 // bar.maximum()} %)")   # as the bar says it
    job.dialog.findChild(QPushButton).click()           # the planner presses Hủy
    gate.set()
    assert finish(job, qtbot) == export_job.CANCELLED
    assert list(tmp_path.glob("ca-nuoc*")) == []
    assert country.statusBar().currentMessage() == "Đã dừng xuất ca-nuoc.pdf; không có tệp nào được ghi."


def test_after_an_export_the_file_or_its_folder_opens_and_the_menu_reopens_it(window, qtbot, tmp_path, dialogs):
    assert not window.actions_.open_export.isEnabled()
    target = tmp_path / "pa.csv"
    dialogs.answer("choice", "folder")
    assert finish(window.export_summary(str(target)), qtbot) == ""
    kind, args = dialogs.asked[-1]
    assert kind == "choice" and f"Đã ghi {target}" in args[2]
    assert dialogs.opened == [str(tmp_path)]
    assert window.actions_.open_export.isEnabled()
    window.actions_.open_export.trigger()
    assert dialogs.opened[-1] == str(target)


def test_exports_start_in_the_documents_folder_then_in_the_last_one_used(window, qtbot, tmp_path, dialogs,
                                                                         monkeypatch):
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(settings, "documents_folder", lambda: str(documents))
    starts = []

    def ask(cls, parent, dataset, start, province=None, district=None):
        starts.append(start)
        return None
    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    window.export_summary()
    assert Path(starts[-1]).parent == documents and starts[-1].endswith("Phương án 2019.pdf")
    elsewhere = tmp_path / "ho-so"
    elsewhere.mkdir()
    assert finish(window.export_summary(str(elsewhere / "pa.xlsx")), qtbot) == ""
    window.export_summary()
    assert Path(starts[-1]).parent == elsewhere
