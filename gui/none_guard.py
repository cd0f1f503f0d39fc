"""Keep the interpreter alive under PySide6 6.12 on Python 3.11.

There, every call of a Qt method that returns nothing (``setBrush``, ``setText``,
``setVisible``…) gives back one reference to ``None`` that it never took. Python
3.12+ has an immortal ``None``; on 3.11 its count reaches zero after some
thousands of such calls and the interpreter aborts ("deallocating None") — at
once on a national map of 11,000 units, after an hour of edits on a district.
``install()`` lends ``None`` references enough for 2^40 calls; nothing is freed
or changed otherwise. Harmless where the bug is absent.
"""
from __future__ import annotations

import ctypes
import sys

LOAN = 1 << 40
_installed = False


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def install() -> None:
    global _installed
    if _installed or not needed():
        return
    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += LOAN
    _installed = True
