"""Exporting the scenario summary from the window: written off the GUI thread, read back, errors in words."""
from PySide6.QtGui import QColor

from core.analysis.palette import assign_colours, group_key
from core.domain.commands import Merge
from tests.gui.conftest import code


def run_export(window, qtbot, path):
    job = window.export_summary(str(path))
    with qtbot.waitSignal(job.done, timeout=60_000) as blocker:
        pass
    return blocker.args[0]


def test_the_pdf_summary_is_written_and_reads_back_with_diacritics(window, session, qtbot, tmp_path, dialogs):
    from pypdf import PdfReader
    target = tmp_path / "pa2019.pdf"
    assert run_export(window, qtbot, target) == ""
    text = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Phương án 2019" in text and "Giao Long" in text
    kind, (_, _, said, options) = dialogs.asked[-1]
    assert kind == "choice" and said == f"Đã ghi {target}"
    assert [label for _, label in options] == ["Mở tệp", "Mở thư mục chứa tệp", "Đóng"]
    assert dialogs.opened == []                     # the planner chose to close


def test_unsaved_edits_are_in_the_export(window, session, qtbot, tmp_path):
    members = [code(session, "Tân Thạch"), code(session, "Quới Sơn")]
    session.push(Merge(members, name="Tân Quới Mới"))
    target = tmp_path / "old-new.csv"
    assert run_export(window, qtbot, target) == ""
    with open(target, encoding="utf-8-sig") as fh:
        assert "Tân Quới Mới" in fh.read()


def test_an_unsupported_file_type_or_missing_folder_is_said_and_nothing_is_written(window, qtbot, tmp_path,
                                                                                  dialogs):
    error = run_export(window, qtbot, tmp_path / "summary.docx")
    assert "“.docx”" in error and ".pdf" in error
    assert not (tmp_path / "summary.docx").exists()
    error = run_export(window, qtbot, tmp_path / "nowhere" / "summary.pdf")
    assert error.startswith("Thư mục") and "không tồn tại" in error
    assert "Không có tệp nào bị ghi dở." in dialogs.messages[-1]


def test_the_main_map_uses_the_export_palette_for_groups(window, session):
    colours = assign_colours(g.members for g in session.scenario.groups)
    assert len(set(colours.values())) == 3, "the three groups of the 2019 plan read apart"
    for g in session.scenario.groups:
        item = window.map.map_scene.units[g.members[0]]
        assert item.brush().color() == QColor(colours[group_key(g.members)])
