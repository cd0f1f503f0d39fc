"""Exports a colleague can open: control characters survive, names stay in their folder,
killed exports leave nothing behind for long, and the file mode is the folder's usual one."""
import os
import subprocess
import sys
from datetime import date

from openpyxl import load_workbook

from core.export import export_scenario
from core.export.files import file_name_for


def test_a_reason_with_a_vertical_tab_is_exported_to_the_workbook(project, tmp_path):
    s = project.get_scenario("Phương án 2019")
    unit = next(iter(project.dataset.units))
    s.exemptions[unit] = "Đặc thù\vbiên giới\x00"
    target = tmp_path / "tom-tat.xlsx"
    export_scenario(project, s, target, today=date(2019, 9, 12))
    cells = [c.value for row in load_workbook(target)["Tóm tắt"].iter_rows() for c in row]
    assert any(isinstance(v, str) and "Đặc thù biên giới" in v for v in cells)


def test_a_scenario_name_with_a_slash_proposes_a_file_in_the_chosen_folder():
    assert file_name_for("Phương án 1/2020") == "Phương án 1-2020"
    assert file_name_for("../../etc/passwd") == "-..-etc-passwd"
    assert file_name_for("  ..  ") == "phuong-an"
    assert "/" not in file_name_for("a\\b/c:d*e?\x07") and len(file_name_for("x" * 500)) == 120


def test_an_export_gets_the_usual_file_mode_and_a_killed_exports_temp_file_goes(project, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    left = tmp_path / f".tom-tat.{dead}-0badf00d.tmp.csv"
    left.write_bytes(b"half")
    target = tmp_path / "tom-tat.csv"
    old = os.umask(0o022)
    try:
        export_scenario(project, project.get_scenario("Phương án 2019"), target, today=date(2019, 9, 12))
    finally:
        os.umask(old)
    assert not left.exists()
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
