"""Nothing lost: kills during save, the autosave journal, older and damaged databases."""
import sqlite3
import subprocess
import sys

import pytest

from core.domain.scenario_io import to_dict
from core.storage.journal import Journal
from core.storage.store import SCHEMA_VERSION, Project, ProjectError
from tests.conftest import ROOT, code_of


def test_sigkill_during_saves_never_loses_or_mixes_a_scenario():
    # The full proof is `python tools/kill_save.py --kills 300`; CI runs a shorter loop.
    proc = subprocess.run([sys.executable, "tools/kill_save.py", "--kills", "25", "--seed", "7"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "scenarios lost or mixed: 0" in proc.stdout


def test_the_journal_restores_unsaved_edits_exactly(project, db_path):
    d = project.dataset
    s = project.get_scenario("Phương án 2019")
    s.add_group(d, [code_of(d, "Tân Phú"), code_of(d, "Quới Thành")])
    s.set_override(d, code_of(d, "Giao Hòa"), population=3093, source="tờ trình 12/09/2019")
    crashed = Journal(db_path)
    crashed.write(s)
    # ... the app crashes here; the next start finds the entry:
    recovered = Journal(db_path).pending()
    assert len(recovered) == 1
    assert to_dict(recovered[0], with_ids=True) == to_dict(s, with_ids=True)
    project.save_scenario(recovered[0])
    crashed.discard(s.id)
    assert Journal(db_path).pending() == []
    assert len(project.get_scenario("Phương án 2019").groups) == 4


def _downgrade_to_schema_1(path):
    conn = sqlite3.connect(path)
    conn.execute("alter table units drop column classification_defaulted")
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()


def test_an_older_database_is_migrated_after_a_backup_copy(db_path):
    p = Project(db_path)
    s = p.get_scenario("Phương án 2019")
    p.close()
    _downgrade_to_schema_1(db_path)
    migrated = Project(db_path)
    assert migrated.meta("schema_version") == str(SCHEMA_VERSION)
    assert migrated.migrated_backup is not None and migrated.migrated_backup.exists()
    assert to_dict(migrated.get_scenario(s.id)) == to_dict(s)
    assert len(migrated.dataset.units) == 22
    backup = sqlite3.connect(migrated.migrated_backup)
    assert backup.execute("select value from meta where key='schema_version'").fetchone()[0] == "1"
    backup.close()
    migrated.close()


def test_a_truncated_database_is_refused_and_left_as_it_was(db_path):
    Project(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    truncated = db_path.read_bytes()
    with pytest.raises(ProjectError):
        Project(db_path)
    assert db_path.read_bytes() == truncated


WRITER = """
import sys
sys.path.insert(0, {root!r})
from core.storage.store import Project
project = Project({db!r})
for i in range(40):
    s = project.get_scenario({name!r})
    s.description = "lần " + str(i)
    project.save_scenario(s)
print("done")
"""


def test_two_processes_editing_different_scenarios_both_keep_their_work(db_path):
    from core.domain.scenario import Scenario
    p = Project(db_path)
    p.add_scenario(Scenario("Phương án B", "nq35-2023"))
    p.close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), db=str(db_path), name=name)],
                              stdout=subprocess.PIPE, text=True)
             for name in ("Phương án 2019", "Phương án B")]
    outs = [proc.communicate(timeout=120)[0] for proc in procs]
    assert all(proc.returncode == 0 for proc in procs) and all("done" in o for o in outs)
    p = Project(db_path)
    assert p.get_scenario("Phương án 2019").description == "lần 39"
    assert p.get_scenario("Phương án B").description == "lần 39"
    assert p.get_scenario("Phương án B").version == 41          # 1 on creation + 40 saves
    p.close()
