"""The command line on both backends: ``--db`` (or ``SAPXEP_DB``) names a file or a shared store,
``import-scenario --replace`` is version-checked, ``history`` prints the change log, and
``new-project --from`` copies a file into an empty shared store."""
from __future__ import annotations

import json

import pytest

from core.cli.run import main
from core.storage.connect import open_project

SEED = "Phương án 2019"


def cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_command_reads_the_store_named_by_db(capsys, store_ref):
    code, out, _ = cli(capsys, "--db", store_ref, "scenarios")
    assert code == 0 and SEED in out
    code, out, _ = cli(capsys, "--db", store_ref, "check", SEED, "--lang", "en")
    assert code == 0 and "Giao Long" in out


def test_sapxep_db_names_the_store_when_db_is_not_given(capsys, store_ref, monkeypatch):
    monkeypatch.setenv("SAPXEP_DB", store_ref)
    code, out, _ = cli(capsys, "units", "--json")
    assert code == 0 and json.loads(out)["count"] == 22


def test_a_file_written_before_a_colleagues_save_does_not_replace_it(capsys, store_ref, tmp_path):
    plan = tmp_path / "pa.json"
    assert cli(capsys, "--db", store_ref, "export-scenario", SEED, "--to", str(plan))[0] == 0
    assert "version" in json.loads(plan.read_text(encoding="utf-8"))
    colleague = open_project(store_ref, author="Minh")
    s = colleague.get_scenario(SEED)
    s.description = "Minh sửa"
    colleague.save_scenario(s)
    colleague.close()
    code, _, err = cli(capsys, "--db", store_ref, "--author", "Lan", "import-scenario", str(plan), "--replace")
    assert code == 2 and "Minh" in err
    p = open_project(store_ref)
    assert p.get_scenario(SEED).description == "Minh sửa"
    p.close()


def test_a_file_of_the_stored_version_replaces_the_scenario(capsys, store_ref, tmp_path):
    plan = tmp_path / "pa.json"
    cli(capsys, "--db", store_ref, "export-scenario", SEED, "--to", str(plan))
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["description"] = "từ tệp"
    plan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli(capsys, "--db", store_ref, "--author", "Lan", "import-scenario", str(plan), "--replace")
    assert code == 0, out
    p = open_project(store_ref)
    assert p.get_scenario(SEED).description == "từ tệp" and p.get_scenario(SEED).version == data["version"] + 1
    assert [s.name for s in p.scenarios()].count(SEED) == 1
    p.close()


def test_without_replace_an_import_is_always_a_new_scenario(capsys, store_ref, tmp_path):
    plan = tmp_path / "pa.json"
    cli(capsys, "--db", store_ref, "export-scenario", SEED, "--to", str(plan))
    code, out, _ = cli(capsys, "--db", store_ref, "import-scenario", str(plan))
    assert code == 0 and f"{SEED} (2)" in out
    p = open_project(store_ref)
    assert sorted(s.name for s in p.scenarios()) == [SEED, f"{SEED} (2)"]
    assert len({s.id for s in p.scenarios()}) == 2
    p.close()


def test_history_prints_who_did_what_in_words(capsys, store_ref, tmp_path):
    plan = tmp_path / "pa.json"
    cli(capsys, "--db", store_ref, "export-scenario", SEED, "--to", str(plan))
    cli(capsys, "--db", store_ref, "--author", "Lan", "import-scenario", str(plan), "--name", "Bản của Lan")
    code, out, _ = cli(capsys, "--db", store_ref, "history", "Bản của Lan")
    assert code == 0 and "Lan" in out and "nhập" in out and "pa.json" in out
    code, out, _ = cli(capsys, "--db", store_ref, "history", "--json", "--lang", "en")
    entries = json.loads(out)
    assert [(e["action"], e["author"], e["scenario"]) for e in entries] == [("import", "Lan", "Bản của Lan")]
    assert entries[0]["summary"][0]["text"]["en"] == "imported from the file pa.json"


def test_a_project_file_is_copied_into_an_empty_shared_store(capsys, tmp_path, pg_url):
    import shapely

    from core.storage.store import Project
    file = tmp_path / "du-an.sqlite"
    local = Project(file)
    local.author = "Lan"
    codes = sorted(local.dataset.units)[:2]
    local.store_boundaries({c: shapely.to_wkb(shapely.box(i, 0, i + 1, 1)) for i, c in enumerate(codes)},
                           {c: 2.0 for c in codes}, {(codes[0], codes[1]): 50.0})
    s = local.get_scenario(SEED)
    s.description = "đã sửa ở máy Lan"
    local.save_scenario(s)
    local.close()
    code, out, err = cli(capsys, "--db", pg_url, "new-project", "--from", str(file))
    assert code == 0, err
    assert "22" in out
    shared = open_project(pg_url)
    assert len(shared.dataset.units) == 22 and set(shared.geometries()) == set(codes)
    assert shared.shared_lengths() == {(codes[0], codes[1]): 50.0}
    copied = shared.get_scenario(SEED)
    assert copied.description == "đã sửa ở máy Lan" and copied.version == s.version and copied.id == s.id
    assert [c.action for c in shared.history(s.id)] == ["save", "copy"]
    shared.close()
    code, _, err = cli(capsys, "--db", pg_url, "new-project", "--from", str(file))
    assert code == 2 and "đã có dự án" in err                 # only into an empty store


@pytest.mark.parametrize("url", ["postgresql://nobody@127.0.0.1:1/none"])
def test_an_unreachable_server_is_said_in_words(capsys, url):
    code, _, err = cli(capsys, "--db", url, "scenarios", "--lang", "en")
    assert code == 2 and "Cannot connect to the shared store postgresql://nobody@127.0.0.1:1/none" in err
    assert "Traceback" not in err


def test_pairing_an_import_by_hand_on_a_shared_store_is_refused_in_words(capsys, pg_url):
    code, _, err = cli(capsys, "--db", pg_url, "unmatched", "--lang", "en")
    assert code == 2 and "is done in the project file" in err
