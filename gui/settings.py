"""Where the app keeps a planner's preferences (window layout, last scenario, language,
recent projects, the folder of the last export).

Everything goes through ``QSettings()`` with the organisation and application names set
once at start-up (the file is ``SapXepDVHC/SapXepDVHC.conf``, or the registry key of that
name on Windows), so tests can point them at a temporary folder.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANISATION = "SapXepDVHC"
APPLICATION = "SapXepDVHC"
RECENT_MAX = 8


def set_names() -> None:
    """The app's own names: called at start-up, before any setting is read."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


OLD_APPLICATION = "main.py"                 # the name Qt gave the unnamed app, after the script


def adopt_old_settings() -> bool:
    """Carry a planner's preferences over, once, from the file Qt used to name after the script
    (``SapXepDVHC/main.py.conf``): the last project, the layout and the language are kept.
    True when something was carried over."""
    new = settings()
    if new.allKeys():
        return False
    old = QSettings(new.format(), new.scope(), QCoreApplication.organizationName(), OLD_APPLICATION)
    keys = old.allKeys()
    for key in keys:
        new.setValue(key, old.value(key))
    new.sync()
    return bool(keys)


def _default_name(name: str) -> bool:
    """Qt names an unnamed application after its executable or script ("main.py", "python3")."""
    if not name:
        return True
    script = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return name in {script, Path(script).stem, Path(sys.executable).name, Path(sys.executable).stem}


def ensure_names() -> None:
    """Give the application its settings names unless a test already chose others."""
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANISATION)
    if _default_name(QCoreApplication.applicationName()):
        QCoreApplication.setApplicationName(APPLICATION)


def settings() -> QSettings:
    ensure_names()
    return QSettings()


def scenario_key(db_path: str) -> str:
    """The settings key of the last scenario opened in the project at ``db_path``."""
    safe = "".join(ch if ch.isalnum() else "_" for ch in db_path)[-120:]
    return f"last_scenario/{safe}"


# ----- recent projects ---------------------------------------------------------------------
def recent_projects() -> list[str]:
    """The projects opened last, newest first (paths as text; they may have gone since)."""
    value = settings().value("recent_projects", [])
    if isinstance(value, str):              # QSettings gives a one-item list back as text
        value = [value]
    return [str(v) for v in value or [] if v][:RECENT_MAX]


def remember_project(path: str | Path) -> None:
    path = str(Path(path).resolve())
    items = [p for p in recent_projects() if p != path]
    settings().setValue("recent_projects", [path, *items][:RECENT_MAX])


def forget_projects() -> None:
    settings().setValue("recent_projects", [])


# ----- where files are written -----------------------------------------------------------
def documents_folder() -> str:
    """The user's documents folder (e.g. ~/Documents, C:\\Users\\…\\Documents), else home."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def export_folder() -> str:
    """Where a save dialog for an export starts: the last folder used, else the documents folder."""
    last = settings().value("export/folder", "")
    return str(last) if last and Path(str(last)).is_dir() else documents_folder()


def remember_export_folder(path: str | Path) -> None:
    settings().setValue("export/folder", str(Path(path).resolve().parent))
