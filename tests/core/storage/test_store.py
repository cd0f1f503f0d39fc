"""The project database: seeded on first run, saves in one transaction, never
writes to a file that is not its own."""
import sqlite3

import pytest

from core.domain.scenario import Scenario
from core.storage.store import SCHEMA_VERSION, ConflictError, Project, ProjectError, UnknownScenario
from tests.conftest import code_of


def test_a_new_database_holds_the_22_units_and_the_2019_plan(project):
    assert len(project.dataset.units) == 22
    s = project.get_scenario("Phương án 2019")
    assert s.rules == "nq653-2019"
    pairs = [{project.dataset.units[c].name for c in g.members} for g in s.groups]
    assert pairs == [{"Giao Long", "Giao Hòa"}, {"An Hóa", "An Phước"}, {"Sơn Hòa", "An Hiệp"}]


def test_schema_version_is_recorded(project):
    assert project.meta("schema_version") == str(SCHEMA_VERSION)


def test_saved_scenarios_come_back_after_reopening(db_path):
    p = Project(db_path)
    s = Scenario("Ba xã An", "nq35-2023")
    d = p.dataset
    s.add_group(d, [code_of(d, "An Hóa"), code_of(d, "An Phước"), code_of(d, "Phú An Hòa")])
    p.add_scenario(s)
    p.close()
    again = Project(db_path)
    back = again.get_scenario("ba xa an")          # by name, without diacritics
    assert back.id == s.id and back.groups[0].members == s.groups[0].members
    again.close()


def test_a_second_window_cannot_silently_overwrite_newer_work(db_path):
    first, second = Project(db_path), Project(db_path)
    mine = first.get_scenario("Phương án 2019")
    theirs = second.get_scenario("Phương án 2019")
    mine.description = "sửa ở cửa sổ 1"
    first.save_scenario(mine)
    theirs.description = "sửa ở cửa sổ 2"
    with pytest.raises(ConflictError):
        second.save_scenario(theirs)
    assert Project(db_path).get_scenario("Phương án 2019").description == "sửa ở cửa sổ 1"


def test_unknown_scenario_names_the_known_ones(project):
    with pytest.raises(UnknownScenario, match="Phương án 2019"):
        project.get_scenario("không có")


@pytest.mark.parametrize("content", [b"", b"hello, this is a text file\n" * 10])
def test_a_file_that_is_not_a_database_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(ProjectError):
        Project(path)
    assert path.read_bytes() == content


def test_an_sqlite_file_of_another_program_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="chương trình khác"):
        Project(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(db_path):
    Project(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("update meta set value = ? where key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="phiên bản mới hơn"):
        Project(db_path)
