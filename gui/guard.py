"""The last net under every slot: a failure nothing caught is shown in words, never as a traceback.

Qt calls ``sys.excepthook`` for an exception that escapes a slot. The hook installed here
shows it in a message box in the window's language (``errors.explain``: a refusal of core
in its own words, else "unexpected failure" with its kind), prints one line on stderr, and
keeps the traceback in a log file for the developers (its path is in the message). The
window goes on: nothing was written half (every write is one transaction).
"""
from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

LOG = Path(tempfile.gettempdir()) / "sapxep-dvhc-errors.log"


def _log(exc_type, exc, tb) -> Path | None:
    try:
        with open(LOG, "a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(exc_type, exc, tb)))
        return LOG
    except OSError:
        return None


def report(exc: BaseException, exc_type=None, tb=None) -> str:
    """The words shown for a failure nothing caught (also used by slots that catch everything)."""
    from .errors import explain
    logged = _log(exc_type or type(exc), exc, tb or exc.__traceback__)
    text = explain(exc)
    if logged is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Guard", "Chi tiết kỹ thuật cho nhóm phát triển: %1").replace("%1", str(logged))
    return text


def _hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    text = report(exc, exc_type, tb)
    print(text.splitlines()[0], file=sys.stderr, flush=True)
    if QApplication.instance() is None:
        return
    from .dialogs.common import Message
    title = QCoreApplication.translate("Guard", "Không thực hiện được")
    try:
        Message.show(QApplication.activeWindow(), title, text)
    except Exception:          # the box itself failed: the line on stderr has said it
        pass


def install() -> None:
    sys.excepthook = _hook
