"""Builds the main window over an opened project (the entry point used by ``launch``)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from core.common.paths import default_db_path
from core.domain.scenario import Scenario, ScenarioError
from core.law.rules import UnknownRuleSet, all_rule_sets
from core.storage.connect import configured, is_shared, open_project
from core.storage.store import ProjectError, UnknownScenario

from .dialogs.common import Message
from .errors import explain
from .i18n import current_language, saved_language, set_language
from .main_window import MainWindow
from .session import Session
from .settings import ensure_names, remember_project, scenario_key, settings

SEED_SCENARIO = "Phương án 2019"
EMPTY_SCENARIO = "Phương án mới"
DEFAULT_SIZE = (1366, 768)


def project_path(db_path: str | None) -> Path | str:
    """The database to open: the one asked for, else the last one used, else the default
    (a shared store ``postgresql://…`` is given as it is written)."""
    if db_path:
        return db_path if is_shared(db_path) else Path(db_path)
    if is_shared(configured()):
        return configured()
    last = settings().value("last_project", "")
    if last and Path(last).exists():
        return Path(last)
    return default_db_path()


def _free_name(project, base: str) -> str:
    names, name, n = set(project.scenario_names()), base, 2
    while name in names:
        name, n = f"{base} ({n})", n + 1
    return name


def create_main_window(db_path: str | None = None, language: str | None = None) -> MainWindow:
    """``language``: the one asked for on the command line (``--lang``); else the first window
    takes the saved one and later windows (Tệp → Mở dự án…) the one on screen."""
    ensure_names()
    later = any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
    set_language(language or (current_language() if later else saved_language()), remember=False)
    project = open_project(project_path(db_path), author=str(settings().value("author", "") or "") or None)
    session = Session(project)
    remembered = settings().value(scenario_key(str(project.path)), "")
    problems: list[str] = []
    opened = False
    for ref in (remembered, SEED_SCENARIO):
        if not ref:
            continue
        try:
            session.open_scenario(ref)
            opened = True
            break
        except (UnknownScenario, ProjectError, UnknownRuleSet, ScenarioError, KeyError):
            continue
    if not opened:
        # The first scenario that opens; one whose row is damaged or whose rule set this
        # version does not know is named, and the others stay reachable.
        for scenario in project.scenarios():
            try:
                session.open_scenario(scenario.id)
                opened = True
                break
            except (ProjectError, UnknownRuleSet, ScenarioError) as exc:
                problems.append(f"{scenario.name}: {explain(exc)}")
    problems[:0] = [m.text(current_language()) for m in getattr(project, "unreadable_scenarios", [])]
    if not opened:
        # A project just made from national data has no scenario yet (or none that opens):
        # start an empty one.
        first = Scenario(name=_free_name(project, EMPTY_SCENARIO), rules=next(iter(all_rule_sets())))
        project.add_scenario(first)
        session.open_scenario(first.id)
    settings().setValue("last_project", str(project.path))
    remember_project(project.path)
    window = MainWindow(session)
    window.window_factory = create_main_window     # Tệp → Mở dự án… opens another window
    if getattr(project, "url", None):              # a shared store: colleagues' changes, live
        from .live_updates import LiveUpdates
        window.live_updates = LiveUpdates(window)
    window.resize(*DEFAULT_SIZE)
    window.restore_layout()
    if project.migrated_backup is not None:
        note = QCoreApplication.translate(
            "App", "Dự án được nâng cấp lên phiên bản mới của công cụ; bản sao trước khi nâng cấp: %1")
        window.statusBar().showMessage(note.replace("%1", str(project.migrated_backup)), 30_000)
    if problems:
        title = QCoreApplication.translate("App", "Có phương án không mở được")
        QTimer.singleShot(0, lambda: Message.show(window, title, "\n".join(problems[:20]) + (
            "\n…" if len(problems) > 20 else "")))
    # Offer edits a crashed run left in the journal once the window is on screen.
    QTimer.singleShot(0, window.scenario_actions.recover_journal)
    return window
