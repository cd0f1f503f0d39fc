"""Trợ giúp → Hướng dẫn sử dụng (F1): a short guide in Vietnamese and English, the keyboard
shortcuts the menus really have, the version and the data's sources."""
from PySide6.QtGui import QKeySequence

from gui import i18n
from gui.help_window import shortcuts, version


def test_f1_opens_the_guide_on_how_to_merge_exempt_compare_export_import_and_propose(window, qtbot):
    assert window.actions_.guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.actions_.guide.trigger()
    guide = window.help_window
    assert guide.isVisible() and guide.tabs.currentIndex() == 0
    text = guide.guide.toPlainText()
    for heading in ("Nhập đơn vị", "Miễn sắp xếp và ngoại lệ", "So sánh phương án", "Xuất hồ sơ và in",
                    "Nhập ranh giới", "Đề xuất phương án", "Lưu"):
        assert heading in text.splitlines()
    assert "Sửa → Nhập đơn vị… (Ctrl+M)" in text and "Sửa → Ngoại lệ của nhóm… (Ctrl+Shift+G)" in text
    assert "Phương án → Đề xuất phương án…" in text and "main.py propose" in text
    assert "Tệp → Hoàn tác lần nhập ranh giới gần nhất" in text


def test_the_guide_reads_in_english_when_english_is_chosen(window, qtbot):
    guide = window.guide()
    i18n.set_language("en", remember=False)
    text = guide.guide.toPlainText()
    assert "Edit → Merge units… (Ctrl+M)" in text and "Proposing a plan" in text
    assert "Nhập" not in text
    assert guide.windowTitle().startswith("User guide")
    assert [guide.tabs.tabText(i) for i in range(3)] == ["Guide", "Keyboard shortcuts", "Version and data sources"]


def test_the_shortcut_table_lists_the_menus_own_shortcuts(window):
    guide = window.guide(page=1)
    rows = {(guide.keys.item(i, 1).text(), guide.keys.item(i, 2).text()) for i in range(guide.keys.rowCount())}
    assert rows == {(action, keys) for _, action, keys in shortcuts(window)}
    assert ("Lưu", "Ctrl+S") in rows and ("Nhập đơn vị…", "Ctrl+M") in rows
    assert ("Hướng dẫn sử dụng", "F1") in rows and ("In bản đồ…", "Ctrl+P") in rows
    assert ("Hoàn tác", "Ctrl+Z") in rows or any(a.startswith("Hoàn tác") for a, _ in rows)


def test_the_version_tab_gives_the_version_the_data_and_its_sources(window):
    guide = window.guide(page=2)
    text = guide.about.toPlainText()
    assert text.startswith(f"Phiên bản {version()}")
    assert version().count(".") >= 1
    assert window.session.dataset.name in text and "Bộ quy tắc:" in text
