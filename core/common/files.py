"""Reading a small input file a planner gives: a regular file, read no further than a limit.

A FIFO, a device (``/dev/zero``) or a folder given where a file is expected is refused in
words, before anything is read; a file is never read past its limit, so a file that grows
(or never ends) cannot fill the memory.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from core.common.errors import CoreError


def read_at_most(path: Path, max_bytes: int, error_class: type[CoreError]) -> bytes:
    """The file's bytes, at most ``max_bytes + 1`` of them (more than ``max_bytes``: too big).

    Raises ``error_class("file.not_regular")`` for anything but a regular file; OSError
    (missing, no permission) goes to the caller."""
    path = Path(path)
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        what = "folder" if stat.S_ISDIR(st.st_mode) else "special"
        raise error_class(f"file.not_regular_{what}", file=str(path))
    with open(path, "rb") as fh:
        return fh.read(max_bytes + 1)
