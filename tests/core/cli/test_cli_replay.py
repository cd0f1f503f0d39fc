"""`replay`: the gestures of a file replayed on a scenario through the session, then saved."""
import hashlib
import json

from core.cli.run import main
from core.storage.store import Project


def replay(db, *args, lang="vi"):
    return main(["--db", str(db), "--lang", lang, "replay", *args])


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(tmp_path, gestures) -> str:
    path = tmp_path / "thao-tac.json"
    path.write_text(json.dumps({"format": "sapxep-gestures/1", "gestures": gestures}, ensure_ascii=False),
                    encoding="utf-8")
    return str(path)


def test_gestures_from_a_file_are_done_in_order_and_the_scenario_is_saved(tmp_path, capsys):
    db = tmp_path / "du-an.sqlite"
    Project(db).close()
    file = write(tmp_path, [
        {"do": "merge", "units": ["28825", "28849"], "name": "Phú An Hòa"},   # absorbs An Hóa – An Phước
        {"do": "rename", "group": "Giao Long", "name": "Giao Long Mới"},
        {"do": "exception", "group": "Giao Long Mới", "reason": "Cù lao biệt lập"},
        {"do": "add", "group": "An Hiệp", "units": ["28840"]}, {"do": "undo"}, {"do": "redo"},
        {"do": "remove", "units": ["28840"]},
    ])
    assert replay(db, "Phương án 2019", file) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1. Nhập Phú An Hòa, An Hóa, An Phước thành Phú An Hòa"
    assert out[4] == "5. Hoàn tác: Thêm Tân Phú vào nhóm An Hiệp"
    assert out[-2].startswith("Đơn vị: 22 → 18 (giảm 4)")
    stored = Project(db).get_scenario("Phương án 2019")
    names = {g.name: g for g in stored.groups}
    assert set(names) == {"Giao Long Mới", "An Hiệp", "Phú An Hòa"}
    assert names["Giao Long Mới"].exception_reason == "Cù lao biệt lập"
    assert sorted(names["Phú An Hòa"].members) == ["28825", "28828", "28849"]


def test_a_refused_gesture_names_itself_and_the_project_is_left_byte_for_byte(tmp_path, capsys):
    db = tmp_path / "du-an.sqlite"
    Project(db).close()
    before = digest(db)
    file = write(tmp_path, [{"do": "rename", "group": "Giao Long", "name": "X"},
                            {"do": "remove", "units": ["28813"]}])
    assert replay(db, "Phương án 2019", file, lang="en") == 2
    err = capsys.readouterr().err
    assert "Gesture 2 cannot be done" in err and "dissolve the group instead" in err
    assert digest(db) == before


def test_a_dry_run_shows_the_outcome_and_saves_nothing(tmp_path, capsys):
    db = tmp_path / "du-an.sqlite"
    Project(db).close()
    before = digest(db)
    file = write(tmp_path, [{"do": "dissolve", "group": "Giao Long"}])
    assert replay(db, "Phương án 2019", file, "--dry-run", lang="en") == 0
    out = capsys.readouterr().out
    assert "Dissolved Giao Long" in out and "Units: 22 → 20" in out and "Not saved" in out
    assert digest(db) == before
