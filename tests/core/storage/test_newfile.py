"""A new database file appears whole or not at all; what a killed build left is cleaned up."""
import subprocess
import sys

import pytest

from core.storage.newfile import build_beside
from core.storage.store import ProjectError


def test_a_file_appears_only_when_its_build_is_complete(tmp_path):
    target = tmp_path / "p.sqlite"

    def fail(path):
        path.write_bytes(b"half")
        raise RuntimeError("disk full")
    with pytest.raises(RuntimeError):
        build_beside(target, fail)
    assert list(tmp_path.iterdir()) == []
    build_beside(target, lambda path: path.write_bytes(b"whole"))
    assert target.read_bytes() == b"whole" and list(tmp_path.iterdir()) == [target]


def test_an_existing_file_is_never_replaced(tmp_path):
    target = tmp_path / "p.sqlite"
    target.write_bytes(b"colleague's project")

    with pytest.raises(ProjectError):
        build_beside(target, lambda path: path.write_bytes(b"new"))
    assert target.read_bytes() == b"colleague's project"


def test_the_part_file_of_a_killed_build_is_removed_by_the_next_one(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = tmp_path / f".p.sqlite.{dead}-0badf00d.part"
    left.write_bytes(b"half")
    build_beside(tmp_path / "p.sqlite", lambda path: path.write_bytes(b"whole"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.sqlite"]
