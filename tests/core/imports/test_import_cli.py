"""The import commands word their report in the language asked for, and --preview changes nothing."""
import json
import re

from core.cli.run import main as cli_main
from core.imports.synthetic import write_synthetic_files
from core.storage.store import Project

VIETNAMESE = re.compile(r"[ăâđêôơưàảãạáằẳẵặắầẩẫậấèẻẽẹéềểễệếìỉĩịíòỏõọóồổỗộốờởỡợớùủũụúừửữựứỳỷỹỵý]", re.I)


def english_only(text: str, names: list[str]) -> bool:
    for name in names:
        text = text.replace(name, "")
    return not VIETNAMESE.search(text)


def test_import_boundaries_previews_in_english_and_changes_nothing(db_path, chau_thanh_geojson, capsys):
    Project(db_path).close()
    assert cli_main(["--db", str(db_path), "--lang", "en", "import-boundaries", str(chau_thanh_geojson),
                     "--preview"]) == 0
    out = capsys.readouterr().out
    names = [u.name for u in Project(db_path).dataset.units.values()]
    assert out.splitlines()[-1] == "Preview: the project is not changed yet." and english_only(out, names)
    assert not Project(db_path).has_boundaries()
    assert cli_main(["--db", str(db_path), "import-boundaries", str(chau_thanh_geojson)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tệp chau_thanh_communes_2019.geojson: 22 đối tượng")
    assert Project(db_path).has_boundaries()


def test_new_project_reports_in_english_when_asked(tmp_path, capsys):
    layer, table = write_synthetic_files(25, tmp_path, seed=6)
    db = tmp_path / "p.sqlite"
    assert cli_main(["--db", str(db), "--lang", "en", "new-project", "--boundaries", str(layer),
                     "--stats", str(table), "--tolerance", "0"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"Project {db} created: 25 units.")
    names = [u.name for u in Project(db).dataset.units.values()] + [u.district for u in Project(db).dataset.units.values()]
    assert english_only(captured.out, names)
    assert english_only(captured.err, [])                 # the progress lines too


def test_new_project_json_carries_each_message_with_its_code(tmp_path, capsys):
    layer, table = write_synthetic_files(25, tmp_path, seed=6)
    assert cli_main(["--db", str(tmp_path / "p.sqlite"), "new-project", "--boundaries", str(layer),
                     "--stats", str(table), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["matched"] == 25 and data["applied"] is True
    assert data["warnings"][0]["code"] == "imports.warning.no_classification"
    assert set(data["warnings"][0]["text"]) == {"vi", "en"}


def test_a_refused_import_says_why_in_the_language_asked_for(db_path, tmp_path, capsys):
    Project(db_path).close()
    junk = tmp_path / "ranh_gioi.csv"
    junk.write_text("a,b\n1,2\n", encoding="utf-8")
    assert cli_main(["--db", str(db_path), "--lang", "en", "import-boundaries", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "File ranh_gioi.csv: this is a CSV table, not a boundary layer." in err and "Traceback" not in err
