"""Before Qt starts: tell the planner what is missing instead of crashing.

On Debian/Ubuntu, Qt's xcb platform needs system libraries that PyPI cannot
ship. Qt aborts with a terse message when they are missing; we look first.
"""
from __future__ import annotations

import ctypes.util
import os
import sys

XCB_PACKAGES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0", "xcb-render-util": "libxcb-render-util0", "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-shape": "libxcb-shape0", "xcb-randr": "libxcb-randr0",
    "xcb-xinerama": "libxcb-xinerama0",
}


def missing_linux_packages() -> list[str]:
    return [pkg for lib, pkg in XCB_PACKAGES.items() if ctypes.util.find_library(lib) is None]


def problem() -> str | None:
    """A message for the planner when Qt cannot start a window here, else None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return ("Không tìm thấy màn hình (DISPLAY chưa được đặt).\n"
                "No screen found (DISPLAY is not set). Run the app in a desktop session, or under a "
                "virtual screen:  xvfb-run make run")
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return None
    missing = missing_linux_packages()
    if missing:
        return ("Qt cần một số thư viện hệ thống để mở cửa sổ, máy này còn thiếu:\n"
                "Qt needs system libraries to open a window; this machine lacks:\n  "
                + " ".join(missing) + "\n\nCài đặt / install with:\n  sudo apt-get install "
                + " ".join(missing))
    return None
