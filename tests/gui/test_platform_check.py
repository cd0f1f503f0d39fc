"""`make run` tells the planner what to install instead of crashing when Qt cannot open a window."""
import sys

import pytest

from gui import platform_check

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux-only check")


def test_without_a_screen_the_planner_is_told_how_to_run(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert "DISPLAY" in platform_check.problem()


def test_missing_xcb_libraries_are_named_with_the_apt_command(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(platform_check.ctypes.util, "find_library",
                        lambda name: None if name == "xcb-cursor" else "lib" + name)
    message = platform_check.problem()
    assert "sudo apt-get install libxcb-cursor0" in message


def test_offscreen_needs_nothing(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.problem() is None
