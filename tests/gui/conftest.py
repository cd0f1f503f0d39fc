"""GUI tests: offscreen Qt, a fresh project database and isolated settings per test,
and dialogs answered by the test instead of a person (nothing ever blocks)."""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"     # before any Qt import

from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp):
    """Settings go to a folder of this test only, never the planner's own."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("SapXepDVHC-test")
    QCoreApplication.setApplicationName(f"gui-test-{tmp_path.name}")
    yield folder
    from gui import i18n
    if i18n.current_language() != "vi":
        i18n.set_language("vi", remember=False)


class Dialogs:
    """Answers for every dialog a test may meet; what was asked is kept in ``asked``."""

    def __init__(self) -> None:
        self.answers: dict[str, list] = {}
        self.asked: list[tuple[str, tuple]] = []
        self.messages: list[str] = []
        self.opened: list[str] = []             # files and folders the window asked the system to open

    def answer(self, kind: str, *values) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _next(self, kind: str, default, args: tuple):
        self.asked.append((kind, args))
        queue = self.answers.get(kind)
        return queue.pop(0) if queue else default


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    from PySide6.QtGui import QDesktopServices

    from gui import printing
    from gui.dialogs import common, export_dialog, figures, files, group_exception, merge_dialog, preview
    d = Dialogs()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: d.opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(export_dialog.ExportDialog, "ask", classmethod(lambda cls, *a: d._next("export", None, a)))
    monkeypatch.setattr(printing, "ask", lambda *a: d._next("print", False, a))
    monkeypatch.setattr(common.Confirm, "ask", classmethod(lambda cls, *a: d._next("confirm", False, a)))
    monkeypatch.setattr(common.Choice, "ask", classmethod(lambda cls, *a: d._next("choice", "discard", a)))
    monkeypatch.setattr(common.TextInput, "ask", classmethod(lambda cls, *a: d._next("text", None, a)))
    monkeypatch.setattr(common.Message, "show",
                        classmethod(lambda cls, parent, title, text, error=True: d.messages.append(text)))
    monkeypatch.setattr(preview.ReportPreview, "ask", classmethod(lambda cls, *a: d._next("preview", False, a)))
    monkeypatch.setattr(merge_dialog.MergeDialog, "ask",
                        classmethod(lambda cls, *a: d._next("merge", None, a)))
    monkeypatch.setattr(figures.ExemptionDialog, "ask",
                        classmethod(lambda cls, *a: d._next("exemption", None, a)))
    monkeypatch.setattr(group_exception.GroupExceptionDialog, "ask",
                        classmethod(lambda cls, *a: d._next("group_exception", None, a)))
    monkeypatch.setattr(figures.OverrideDialog, "ask",
                        classmethod(lambda cls, *a: d._next("override", None, a)))
    for name in ("open_project", "open_scenario", "save_scenario", "open_boundaries"):
        monkeypatch.setattr(files.FileChooser, name, classmethod(lambda cls, *a, _n=name: d._next(_n, None, a)))
    return d


@contextmanager
def opened_window(qtbot, db_path):
    """The main window on ``db_path``, shown; left clean so closing it asks nothing."""
    from gui.app import create_main_window
    win = create_main_window(str(db_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.undo_stack.setClean()


@pytest.fixture
def window(qtbot, db_path):
    with opened_window(qtbot, db_path) as win:
        yield win


@pytest.fixture
def session(window):
    return window.session


def code(session, name: str) -> str:
    units = session.dataset.by_name(name)
    assert len(units) == 1, name
    return units[0].code
