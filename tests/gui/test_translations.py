"""Every text a planner can read in gui/ has its English translation, compiled."""
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "sapxep_en.ts"
QM = TS.with_suffix(".qm")


def sources(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_message_in_the_english_file_is_translated_and_compiled():
    messages = sources(TS)
    unfinished = [src for (ctx, src), tr in messages.items() if not (tr.text or "").strip()
                  or tr.get("type") in ("unfinished", "obsolete", "vanished")]
    assert not unfinished
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_no_text_in_gui_is_missing_from_the_english_file(tmp_path):
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(sources(fresh)) - set(sources(TS))
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:5]}"


QT_VI = ROOT / "resources" / "translations" / "qtbase_vi.ts"


def test_qt_own_texts_in_vietnamese_are_all_translated_and_compiled():
    messages = sources(QT_VI)
    assert len(messages) > 100
    assert not [src for (ctx, src), tr in messages.items() if not (tr.text or "").strip() or tr.get("type")]
    qm = QT_VI.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= QT_VI.stat().st_mtime - 1


def _file_dialog_words():
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton
    dialog = QFileDialog(None, "", "", "*.json")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)     # the dialog Qt draws, as on Linux
    words = {w.text().replace("&", "") for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)}
    dialog.deleteLater()
    return words


def _button_and_menu_words():
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    edit = QLineEdit("Giao Long")
    menu = edit.createStandardContextMenu()
    words = {b.text().replace("&", "") for b in box.buttons()} | {a.text().split("\t")[0].replace("&", "")
                                                                   for a in menu.actions()}
    menu.deleteLater(), edit.deleteLater(), box.deleteLater()
    return words


def test_the_vietnamese_interface_shows_qt_file_dialogs_buttons_and_menus_in_vietnamese(qapp):
    from gui import i18n
    i18n.set_language("vi", remember=False)
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Mở", "Hủy"} <= _file_dialog_words()
    assert {"Đồng ý", "Hủy", "Hoàn tác", "Sao chép", "Dán", "Chọn tất cả"} <= _button_and_menu_words()
    i18n.set_language("en", remember=False)
    assert {"Look in:", "File name:", "Cancel"} <= _file_dialog_words()
    assert {"OK", "Cancel", "Undo", "Copy", "Paste"} <= _button_and_menu_words()
