"""Tệp → Kết nối kho dùng chung…: open a team's shared store (PostgreSQL) in a new window.

The planner gives the address ``postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/CSDL``; the password comes
from the PostgreSQL password file (``~/.pgpass``), never from the settings. The last address
is remembered without any password in it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.storage.connect import is_shared
from core.storage.pg.failures import location

from .dialogs.common import Message, TextInput
from .settings import settings

SETTING = "shared/last_url"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SharedStore", text)


def connect_shared_store(window, url: str | None = None):
    """Ask for the address (unless given) and open the store in a new window; None when not."""
    if url is None:
        url = TextInput.ask(window, _tr("Kết nối kho dùng chung"),
                            _tr("Địa chỉ kho (postgresql://NGƯỜI_DÙNG@MÁY_CHỦ:CỔNG/CSDL; mật khẩu lấy từ tệp ~/.pgpass):"),
                            str(settings().value(SETTING, "") or "postgresql://"))
    if not url:
        return None
    url = url.strip()
    if not is_shared(url):
        Message.show(window, _tr("Kết nối kho dùng chung"),
                     _tr("Địa chỉ kho dùng chung bắt đầu bằng postgresql://"))
        return None
    opened = window.open_other_project(url)
    if opened is not None:
        settings().setValue(SETTING, location(url))
    return opened
