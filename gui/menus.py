"""The window's actions, menus and toolbar, and their words in the current language."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QMenu, QStyle, QToolBar

from core.law.rules import all_rule_sets
from core.law.wording import pick

from .i18n import current_language
from .text import fill

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        style = window.style()

        def act(shortcut=None, icon=None) -> QAction:
            action = QAction(window)
            if shortcut is not None:
                action.setShortcuts(shortcut) if isinstance(shortcut, list) else action.setShortcut(shortcut)
            if icon is not None:
                action.setIcon(style.standardIcon(icon))
            return action

        SP = QStyle.StandardPixmap
        # File
        self.open_project = act(Key.Open, SP.SP_DialogOpenButton)
        self.connect_shared = act()
        self.import_scenario = act()
        self.export_scenario = act()
        self.import_boundaries = act()
        self.undo_import = act()
        self.export_summary = act(QKeySequence("Ctrl+Shift+E"))
        self.open_export = act()
        self.print_map = act(Key.Print)
        self.print_summary = act(QKeySequence("Ctrl+Shift+P"))
        self.save = act(Key.Save, SP.SP_DialogSaveButton)
        self.quit = act(Key.Quit)
        # Edit
        self.undo = act(Key.Undo, SP.SP_ArrowBack)
        self.redo = act([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], SP.SP_ArrowForward)
        self.merge = act(QKeySequence("Ctrl+M"))
        self.add_to_group = act(QKeySequence("Ctrl+Shift+A"))
        self.remove_from_group = act(QKeySequence("Ctrl+Shift+R"))
        self.dissolve = act(QKeySequence("Ctrl+Shift+D"))
        self.rename_group = act(QKeySequence("F2"))
        self.group_exception = act(QKeySequence("Ctrl+Shift+G"))
        self.exemption = act(QKeySequence("Ctrl+E"))
        self.override = act(QKeySequence("Ctrl+Shift+O"))
        self.clear_selection = act(QKeySequence("Esc"))
        # View
        self.fit = act(QKeySequence("Ctrl+0"))
        self.zoom_in = act(Key.ZoomIn)
        self.zoom_out = act(Key.ZoomOut)
        self.focus_filter = act(Key.Find)
        self.language_group = QActionGroup(window)
        self.lang_vi = act()
        self.lang_en = act()
        for action, lang in ((self.lang_vi, "vi"), (self.lang_en, "en")):
            action.setCheckable(True)
            action.setData(lang)
            self.language_group.addAction(action)
        # Scenario
        self.new_scenario = act(Key.New)
        self.duplicate_scenario = act()
        self.rename_scenario = act()
        self.delete_scenario = act()
        self.compare = act()
        self.propose = act()
        self.rules_group = QActionGroup(window)
        self.rules_actions: dict[str, QAction] = {}
        for rule_id in all_rule_sets():
            action = act()
            action.setCheckable(True)
            action.setData(rule_id)
            self.rules_group.addAction(action)
            self.rules_actions[rule_id] = action
        # Help
        self.guide = act(Key.HelpContents)
        self.about = act()
        self.rules_box = QComboBox(window)
        for rule_id in all_rule_sets():
            self.rules_box.addItem(rule_id, rule_id)
        self.rules_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._undo_text = ""
        self._redo_text = ""

    # ----- placement --------------------------------------------------------------------
    def build(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = QMenu(bar)
        self.file_menu.addActions([self.open_project, self.connect_shared])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addAction(self.save)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_scenario, self.export_scenario, self.import_boundaries,
                                   self.undo_import])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export_summary, self.open_export])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.print_map, self.print_summary])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = QMenu(bar)
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.merge, self.add_to_group, self.remove_from_group, self.dissolve,
                                   self.rename_group, self.group_exception])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.exemption, self.override, self.clear_selection])
        self.view_menu = QMenu(bar)
        self.view_menu.addActions([self.fit, self.zoom_in, self.zoom_out, self.focus_filter])
        self.view_menu.addSeparator()
        self.docks_menu = self.view_menu.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions([self.lang_vi, self.lang_en])
        self.scenario_menu = QMenu(bar)
        self.scenario_menu.addActions([self.new_scenario, self.duplicate_scenario, self.rename_scenario,
                                       self.delete_scenario])
        self.scenario_menu.addSeparator()
        self.scenario_menu.addAction(self.compare)
        self.scenario_menu.addAction(self.propose)
        self.scenario_menu.addSeparator()
        self.rules_menu = self.scenario_menu.addMenu("")
        self.rules_menu.addActions(list(self.rules_actions.values()))
        self.help_menu = QMenu(bar)
        self.help_menu.addActions([self.guide, self.about])
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.scenario_menu, self.help_menu):
            bar.addMenu(menu)

        self.toolbar = QToolBar(self.window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.save, self.undo, self.redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.merge, self.add_to_group, self.remove_from_group, self.dissolve])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.fit)
        self.toolbar.addSeparator()
        self.rules_label = QLabel(self.window)
        self.toolbar.addWidget(self.rules_label)
        self.toolbar.addWidget(self.rules_box)
        self.window.addToolBar(self.toolbar)

    def context_actions(self) -> list[QAction]:
        return [self.merge, self.add_to_group, self.remove_from_group, self.dissolve, self.rename_group,
                self.group_exception, self.exemption, self.override]

    # ----- words ------------------------------------------------------------------------
    def set_undo_texts(self, undo: str, redo: str) -> None:
        self._undo_text, self._redo_text = undo, redo
        self.undo.setText(fill(self.tr("Hoàn tác: %1"), undo) if undo else self.tr("Hoàn tác"))
        self.redo.setText(fill(self.tr("Làm lại: %1"), redo) if redo else self.tr("Làm lại"))
        self.undo.setIconText(self.tr("Hoàn tác"))
        self.redo.setIconText(self.tr("Làm lại"))

    def retranslate(self) -> None:
        lang = current_language()
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.edit_menu.setTitle(self.tr("&Sửa"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.scenario_menu.setTitle(self.tr("&Phương án"))
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        self.docks_menu.setTitle(self.tr("Bảng điều khiển"))
        self.language_menu.setTitle(self.tr("Ngôn ngữ / Language"))
        self.rules_menu.setTitle(self.tr("Bộ quy tắc"))
        self.recent_menu.setTitle(self.tr("Dự án gần đây"))
        texts = {
            self.open_project: self.tr("Mở dự án khác…"), self.connect_shared: self.tr("Kết nối kho dùng chung…"),
            self.import_scenario: self.tr("Nhập phương án từ tệp JSON…"),
            self.export_scenario: self.tr("Xuất phương án ra tệp JSON…"),
            self.import_boundaries: self.tr("Nhập lớp ranh giới…"),
            self.undo_import: self.tr("Hoàn tác lần nhập ranh giới gần nhất"), self.save: self.tr("Lưu"),
            self.quit: self.tr("Thoát"), self.merge: self.tr("Nhập đơn vị…"),
            self.add_to_group: self.tr("Thêm vào nhóm"), self.remove_from_group: self.tr("Bớt khỏi nhóm"),
            self.dissolve: self.tr("Giải tán nhóm"), self.rename_group: self.tr("Đổi tên nhóm…"),
            self.group_exception: self.tr("Ngoại lệ của nhóm…"),
            self.exemption: self.tr("Miễn sắp xếp đơn vị…"), self.override: self.tr("Điều chỉnh số liệu…"),
            self.clear_selection: self.tr("Bỏ chọn"), self.fit: self.tr("Vừa khung bản đồ"),
            self.zoom_in: self.tr("Phóng to"), self.zoom_out: self.tr("Thu nhỏ"),
            self.focus_filter: self.tr("Tìm đơn vị"), self.lang_vi: "Tiếng Việt", self.lang_en: "English",
            self.new_scenario: self.tr("Phương án mới…"), self.duplicate_scenario: self.tr("Nhân bản…"),
            self.rename_scenario: self.tr("Đổi tên…"), self.delete_scenario: self.tr("Xóa…"),
            self.about: self.tr("Giới thiệu"),
            self.compare: self.tr("So sánh phương án…"),
            self.propose: self.tr("Đề xuất phương án…"),
            self.export_summary: self.tr("Xuất bản tóm tắt phương án…"),
            self.open_export: self.tr("Mở tệp vừa xuất"), self.print_map: self.tr("In bản đồ…"),
            self.print_summary: self.tr("In bản tóm tắt phương án…"), self.guide: self.tr("Hướng dẫn sử dụng"),
        }
        for action, text in texts.items():
            action.setText(text)
        tips = {
            self.merge: self.tr("Nhập các đơn vị đang chọn thành một đơn vị mới (Ctrl+M)"),
            self.add_to_group: self.tr("Thêm các đơn vị đang chọn vào nhóm cũng đang được chọn"),
            self.remove_from_group: self.tr("Bớt các đơn vị đang chọn khỏi nhóm của chúng"),
            self.dissolve: self.tr("Giải tán nhóm của đơn vị đang chọn"),
            self.group_exception: self.tr("Ghi căn cứ và lý do để nhóm chưa đạt tiêu chuẩn được xét là ngoại lệ "
                                          "(Ctrl+Shift+G)"),
            self.exemption: self.tr("Ghi lý do để một đơn vị thuộc diện phải sắp xếp được miễn (Ctrl+E)"),
            self.fit: self.tr("Hiện toàn bộ bản đồ (Ctrl+0)"),
            self.save: self.tr("Lưu phương án vào dự án (Ctrl+S)"),
            self.compare: self.tr("Xem hai phương án cạnh nhau: bản đồ, các chỉ tiêu và khác biệt"),
            self.propose: self.tr("Để công cụ đề xuất cách sắp xếp mà mọi nhóm đều đạt, lưu thành phương án mới"),
            self.export_summary: self.tr("Xuất bản tóm tắt cho hồ sơ đề án: PDF, Excel, CSV, GeoPackage, GeoJSON"),
        }
        for action, tip in tips.items():
            action.setToolTip(tip)
        self.set_undo_texts(self._undo_text, self._redo_text)
        rules = all_rule_sets()
        for rule_id, action in self.rules_actions.items():
            action.setText(f"{rules[rule_id].short} – {pick(rules[rule_id].title, lang)}")
        for i in range(self.rules_box.count()):
            rule = rules[self.rules_box.itemData(i)]
            self.rules_box.setItemText(i, f"{rule.short} ({rule.id})")
            self.rules_box.setItemData(i, f"{pick(rule.title, lang)}\n{rule.citation}",
                                       Qt.ItemDataRole.ToolTipRole)
        self.rules_label.setText(self.tr(" Bộ quy tắc: "))
