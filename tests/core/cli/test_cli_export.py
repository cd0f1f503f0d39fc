"""'export' and 'compare' on the command line, and what a failed export leaves behind."""
import errno
import importlib
import json
import subprocess
import sys

import pytest

from core.export import ExportError, export_scenario
from tests.conftest import ROOT

PLAN_B = {"format": "sapxep-scenario/1", "name": "Ba xã An", "rules": "nq653-2019",
          "groups": [{"name": "Giao Long", "members": ["28813", "28816"], "seat": "28813"},
                     {"name": "An Phước", "members": ["28849", "28828", "28825"], "seat": "28828"},
                     {"name": "An Hiệp", "members": ["28864", "28855"], "seat": "28855"}]}


def run(db, *args):
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_export_writes_the_format_the_extension_names(db_path, tmp_path):
    target = tmp_path / "pa2019.xlsx"
    proc = run(db_path, "export", "Phương án 2019", "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    assert target.read_bytes()[:2] == b"PK" and "Phương án 2019" in proc.stdout


def test_export_of_an_unknown_scenario_fails_clearly_and_writes_nothing(db_path, tmp_path):
    target = tmp_path / "x.pdf"
    proc = run(db_path, "export", "Phương án 2030", "--to", str(target))
    assert proc.returncode != 0
    assert "Không có phương án “Phương án 2030”" in proc.stderr and "Phương án 2019" in proc.stderr
    assert not target.exists()


def test_export_to_an_unsupported_extension_fails_clearly(db_path, tmp_path):
    proc = run(db_path, "export", "Phương án 2019", "--to", str(tmp_path / "x.docx"))
    assert proc.returncode != 0
    assert "Không xuất được sang định dạng “.docx”" in proc.stderr and ".pdf" in proc.stderr and ".gpkg" in proc.stderr
    assert not (tmp_path / "x.docx").exists()


def test_export_with_an_unknown_rule_set_lists_the_known_ones(db_path, tmp_path):
    proc = run(db_path, "export", "Phương án 2019", "--to", str(tmp_path / "x.pdf"), "--rules", "nq1-1999")
    assert proc.returncode != 0 and "nq653-2019" in proc.stderr


def test_compare_prints_the_differences_in_words(db_path, tmp_path):
    plan = tmp_path / "b.json"
    plan.write_text(json.dumps(PLAN_B, ensure_ascii=False), encoding="utf-8")
    assert run(db_path, "import-scenario", str(plan)).returncode == 0
    proc = run(db_path, "compare", "Phương án 2019", "Ba xã An")
    assert proc.returncode == 0, proc.stderr
    assert "An Hóa: với An Phước trong A; với An Phước và Phú An Hòa trong B" in proc.stdout
    data = json.loads(run(db_path, "compare", "Phương án 2019", "Ba xã An", "--json",
                          "--rules", "nq35-2023").stdout)
    assert data["rules"] == "nq35-2023" and [s["rules"] for s in data["scenarios"]] == ["nq35-2023"] * 2
    assert data["differences"][-1]["text"] == "Sơn Hòa – An Hiệp: giống nhau ở cả hai phương án"


def test_compare_with_an_unknown_scenario_fails_clearly(db_path):
    proc = run(db_path, "compare", "Phương án 2019", "Không có")
    assert proc.returncode != 0 and "Không có phương án “Không có”" in proc.stderr


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv", ".gpkg", ".geojson"])
def test_a_failed_export_leaves_no_partial_file_and_keeps_the_old_one(project, tmp_path, monkeypatch, suffix):
    target = tmp_path / f"tom-tat{suffix}"
    target.write_bytes(b"the previous export")

    def half_then_fail(path, *args, **kwargs):
        path.write_bytes(b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")
    for module, name in (("core.export.pdf", "write_pdf"), ("core.export.xlsx", "write_xlsx"),
                         ("core.export.csvfile", "write_csv"), ("core.export.geo", "write_geo")):
        monkeypatch.setattr(importlib.import_module(module), name, half_then_fail)
    with pytest.raises(ExportError, match="Ổ đĩa đã đầy"):
        export_scenario(project, project.get_scenario("Phương án 2019"), target)
    assert target.read_bytes() == b"the previous export"
    leftovers = [p.name for p in tmp_path.iterdir() if not p.name.startswith(project.path.name)]
    assert leftovers == [target.name]


def test_export_into_a_missing_folder_is_refused(project, tmp_path):
    with pytest.raises(ExportError, match="không tồn tại"):
        export_scenario(project, project.get_scenario("Phương án 2019"), tmp_path / "no" / "x.pdf")


def test_exports_and_comparison_load_no_qt():
    code = ("import sys, core.analysis.compare, core.cli.compare_text, core.export, core.export.pdf, core.export.xlsx,"
            " core.export.geo, core.export.csvfile;"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))], 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_an_export_to_a_folder_that_cannot_be_written_fails_clearly(project, tmp_path, monkeypatch):
    # Tests run as root in CI, where chmod cannot make a folder read-only: simulate the refusal.
    import core.export.files as files
    target = tmp_path / "tom-tat.pdf"

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(ExportError, match="Không có quyền ghi"):
        export_scenario(project, project.get_scenario("Phương án 2019"), target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(project.path.name)] == []


def test_export_of_a_district_names_it_and_shows_progress_on_stderr(db_path, tmp_path):
    target = tmp_path / "huyen.pdf"
    proc = run(db_path, "export", "Phương án 2019", "--province", "Bến Tre", "--district", "Châu Thành",
               "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    assert "cho Huyện Châu Thành – Tỉnh Bến Tre (22 đơn vị)" in proc.stdout
    assert "100.0 %" in proc.stderr and "Đang dàn trang" in proc.stderr
    assert target.read_bytes()[:5] == b"%PDF-"


def test_export_of_an_unknown_province_writes_nothing_and_names_the_close_ones(db_path, tmp_path):
    target = tmp_path / "tinh.pdf"
    proc = run(db_path, "export", "Phương án 2019", "--province", "Bến Tra", "--to", str(target))
    assert proc.returncode == 2
    assert "Dự án không có tỉnh “Bến Tra”; tên gần giống: Tỉnh Bến Tre." in proc.stderr
    assert not target.exists()
