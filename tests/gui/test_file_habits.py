"""Desktop habits around files: "Đã lưu" after Ctrl+S, recent projects, the settings file's name,
printing the map and the summary, and an override dialog that keeps what was typed when it refuses."""
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from core.domain.commands import Merge
from gui import printing, settings
from gui.dialogs.figures import OverrideChoice, OverrideDialog
from tests.gui.conftest import code, opened_window


def test_ctrl_s_says_saved_with_the_scenario_name_in_the_status_bar(window, session):
    session.push(Merge([code(session, "Tân Thạch"), code(session, "Quới Sơn")], name="Tân Quới"))
    window.actions_.save.trigger()
    assert session.undo_stack.isClean()
    message = window.statusBar().currentMessage()
    assert message.startswith("Đã lưu phương án “Phương án 2019” lúc ")


def test_a_failed_save_does_not_say_saved(window, session, monkeypatch):
    def refuse(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(session, "save", refuse)
    window.actions_.save.trigger()
    assert not window.statusBar().currentMessage().startswith("Đã lưu")


def test_recent_projects_list_the_projects_opened_newest_first_with_the_sample_to_return_to(qtbot, tmp_path):
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    with opened_window(qtbot, first):
        pass
    with opened_window(qtbot, second) as win:
        assert settings.recent_projects()[:2] == [str(second.resolve()), str(first.resolve())]
        menu = win.actions_.recent_menu
        menu.aboutToShow.emit()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts[0] == f"&1  a.sqlite – {tmp_path}"          # the open project is left out
        assert "Dự án mẫu: huyện Châu Thành, tỉnh Bến Tre (2019)" in texts
        opened = []
        win.open_other_project = lambda path=None: opened.append(path)
        menu.actions()[0].trigger()
        assert opened == [str(first.resolve())]
        next(a for a in menu.actions() if a.text() == "Xóa danh sách").trigger()
        assert settings.recent_projects() == []


def test_the_settings_file_is_named_after_the_app_not_after_main_py(monkeypatch):
    monkeypatch.setattr("sys.argv", ["main.py"])
    QCoreApplication.setApplicationName("main.py")
    settings.ensure_names()
    assert QCoreApplication.applicationName() == "SapXepDVHC"
    assert Path(QSettings().fileName()).stem == "SapXepDVHC"
    settings.set_names()
    assert (QCoreApplication.organizationName(), QCoreApplication.applicationName()) == ("SapXepDVHC", "SapXepDVHC")


A4 = printing.a4_printer


def print_to_pdf(path: Path, landscape: bool = False) -> QPrinter:
    """The window's own A4 printer, printing into a PDF file instead of on paper."""
    printer = A4(landscape)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_map_prints_on_one_page_under_the_scenario_name(window, session, tmp_path, dialogs, monkeypatch):
    target = tmp_path / "ban-do.pdf"
    asked = []
    monkeypatch.setattr(printing, "a4_printer", lambda landscape=False: print_to_pdf(target, landscape))
    monkeypatch.setattr(printing, "ask", lambda parent, printer, title: asked.append(title) or True)
    assert window.actions_.print_map.shortcut().toString() == "Ctrl+P"
    window.actions_.print_map.trigger()
    assert asked == ["In bản đồ"]
    pages = PdfReader(target).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert text.startswith("Phương án 2019 Huyện Châu Thành")
    assert "Sơ đồ minh họa, không phải bản đồ ranh giới" in text      # no boundaries imported: said so
    assert len(target.read_bytes()) > 20_000                 # the map itself is on the page, not only text


def test_the_summary_prints_each_new_unit_with_its_figures_and_verdict(window, session, tmp_path, monkeypatch):
    target = tmp_path / "tom-tat.pdf"
    monkeypatch.setattr(printing, "a4_printer", lambda landscape=False: print_to_pdf(target, landscape))
    monkeypatch.setattr(printing, "ask", lambda parent, printer, title: True)
    window.actions_.print_summary.trigger()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    r = session.result
    assert text.startswith("Phương án 2019")
    assert f"Trước sắp xếp: {r.units_before} đơn vị; sau sắp xếp: {r.units_after}" in text
    for g in r.groups:
        assert g.group.name in text
    assert printing.a4_printer().pageLayout().orientation() == QPageLayout.Orientation.Portrait


def test_printing_cancelled_in_the_dialog_prints_nothing(window, tmp_path, monkeypatch):
    target = tmp_path / "khong.pdf"
    monkeypatch.setattr(printing, "a4_printer", lambda landscape=False: print_to_pdf(target, landscape))
    monkeypatch.setattr(printing, "ask", lambda parent, printer, title: False)
    window.actions_.print_summary.trigger()
    window.actions_.print_map.trigger()
    assert not target.exists()


def test_a_refused_override_keeps_what_was_typed_and_says_why(qtbot):
    def check(choice):
        return None if choice.source else "Hãy ghi nguồn của số liệu điều chỉnh."
    dialog = OverrideDialog(None, "Giao Long", 8000, 20.5, None, check)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.population.setValue(12345)
    dialog.area.setValue(31.5)
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Hãy ghi nguồn của số liệu điều chỉnh."
    assert dialog.choice() == OverrideChoice(12345, 31.5, "")
    dialog.source.setText("Tờ trình ngày 12/09/2019")
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == OverrideDialog.DialogCode.Accepted


def test_the_override_dialog_is_told_what_core_refuses(window, session, dialogs):
    session.set_selection([code(session, "Giao Long")])
    window.editor.override_figures()
    kind, args = dialogs.asked[-1]
    check = args[-1]
    assert kind == "override"
    assert "nguồn" in check(OverrideChoice(12345, None, ""))
    assert check(OverrideChoice(12345, None, "Tờ trình ngày 12/09/2019")) is None


def test_preferences_kept_under_the_old_main_py_name_are_carried_over_once():
    org = QCoreApplication.organizationName()
    old = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, org, "main.py")
    old.setValue("last_project", "/home/pv/du-an-ben-tre.sqlite")
    old.setValue("language", "en")
    old.sync()
    assert settings.adopt_old_settings() is True
    assert settings.settings().value("last_project") == "/home/pv/du-an-ben-tre.sqlite"
    assert settings.settings().value("language") == "en"
    settings.settings().setValue("last_project", "/home/pv/moi.sqlite")
    assert settings.adopt_old_settings() is False                # the new file is not overwritten again
    assert settings.settings().value("last_project") == "/home/pv/moi.sqlite"
