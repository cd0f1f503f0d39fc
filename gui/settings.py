"""Where the app keeps a planner's preferences (window layout, last scenario, language).

Everything goes through ``QSettings()`` with the organisation and application
names set once at start-up, so tests can point them at a temporary folder.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "SapXepDVHC"
APPLICATION = "SapXepDVHC"


def ensure_names() -> None:
    """Give the application its settings names unless a test already chose others."""
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANISATION)
    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(APPLICATION)


def settings() -> QSettings:
    ensure_names()
    return QSettings()


def scenario_key(db_path: str) -> str:
    """The settings key of the last scenario opened in the project at ``db_path``."""
    safe = "".join(ch if ch.isalnum() else "_" for ch in db_path)[-120:]
    return f"last_scenario/{safe}"
