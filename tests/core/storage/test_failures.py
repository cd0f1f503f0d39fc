"""A failed write names its cause: a lock (and the program holding it), a read-only folder,
a file where the folder should be; a save that fails changes nothing, not even the version."""
import os
import sqlite3
import subprocess
import sys

import pytest

from core.storage.store import ConflictError, DeletedElsewhere, Project, ProjectError

LOCKER = ("import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
          "c.execute('begin immediate')\nprint('locked', flush=True)\nsys.stdin.readline()\n")


def test_a_save_while_another_program_holds_the_lock_names_it_and_keeps_the_version(project):
    scenario = project.get_scenario("Phương án 2019")
    before = scenario.version
    project.db.execute("pragma busy_timeout=200")
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(project.path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        scenario.description = "sửa"
        with pytest.raises(ProjectError) as refused:
            project.save_scenario(scenario)
    finally:
        locker.communicate("\n", timeout=10)
    assert refused.value.code in ("project.locked", "project.locked_by")
    if refused.value.code == "project.locked_by":
        assert f"pid {locker.pid}" in refused.value.text("en")
    assert "đang bị khóa" in refused.value.text("vi")
    assert scenario.version == before, "a failed save leaves the open copy's version as it was"
    project.save_scenario(scenario)                       # so the next save is not a false conflict


def test_a_scenario_deleted_in_another_window_is_a_conflict_on_save_not_re_created(project):
    other = Project(project.path)
    mine = project.get_scenario("Phương án 2019")
    other.delete_scenario(mine.id)
    mine.description = "sửa sau khi bị xóa"
    with pytest.raises(ConflictError) as refused:
        project.save_scenario(mine)
    assert isinstance(refused.value, DeletedElsewhere)
    assert "bị xóa ở nơi khác" in refused.value.text("vi")
    assert project.scenario_names() == []


def test_a_file_where_the_projects_folder_should_be_is_named(tmp_path):
    (tmp_path / "mot-tep").write_bytes(b"not a folder")
    with pytest.raises(ProjectError) as refused:
        Project(tmp_path / "mot-tep" / "du-an.sqlite")
    assert refused.value.code == "project.folder_is_file"
    assert "không phải thư mục" in refused.value.text("vi")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder whatever its mode")
def test_a_first_start_in_a_read_only_folder_says_read_only_and_leaves_nothing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ProjectError) as refused:
            Project(folder / "du-an.sqlite")
    finally:
        folder.chmod(0o755)
    assert refused.value.code == "project.folder_read_only"
    assert list(folder.iterdir()) == []


def test_a_read_only_project_file_is_named_read_only(project):
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode=delete")
    conn.close()
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("root writes whatever the file's mode")
        with pytest.raises(ProjectError) as refused:
            p = Project(path)
            s = p.get_scenario("Phương án 2019")
            s.description = "x"
            p.save_scenario(s)
        assert refused.value.code == "project.read_only"
    finally:
        path.chmod(0o644)


def test_two_imports_under_one_name_cannot_both_store_it(project):
    from core.domain.scenario import Scenario, ScenarioError
    other = Project(project.path)
    project.add_scenario(Scenario("Phương án X", "nq35-2023"))
    with pytest.raises(ScenarioError) as refused:
        other.add_scenario(Scenario("Phương án X", "nq35-2023"))
    assert refused.value.code == "scenario.name_taken"
    assert project.scenario_names().count("Phương án X") == 1
