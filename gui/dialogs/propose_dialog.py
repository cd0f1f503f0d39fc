"""Phương án → Đề xuất phương án…: what the planner asks the proposer for, its run, its answer.

The request (rule set, goal, area, starting scenario, locked units from the selection, group
size, time limit, name) becomes a ``core.propose.ProposalRequest``; the run is a
``gui.propose_job.ProposeJob`` (a worker thread: pieces solved, the best gap, Cancel keeps the
best plan found so far). The answer is stored as a new scenario and opened for editing; the
results pane beside the form says why each group, why units are left alone and what could
not be met, and a button compares it with the scenario that was open.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.common.messages import Message as Words
from core.common.numbers import fmt_pct
from core.law.rules import all_rule_sets
from core.law.wording import pick
from core.propose import FEWEST, MOST, TARGET, ProposalRequest

from ..i18n import current_language
from ..propose_job import ProposeJob
from ..text import fill
from .propose_results import ProposalResults

FROM_NONE, FROM_KEEP, FROM_PREFER = "none", "keep", "prefer"


class ProposeDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("propose-dialog")
        self.window_, self.session = window, window.session
        s = self.session
        self.job: ProposeJob | None = None
        self._closing = False
        self.proposal = None
        self.stored_id: str | None = None
        # the planner's own scenario, as it is now: to start from, and to compare with
        self.origin = s.scenario.snapshot() if s.scenario else None
        self.opened_from = s.scenario.id if s.scenario else None
        self.opened_from_name = s.scenario.name if s.scenario else ""
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rules = QComboBox(self)
        for rule_id in all_rule_sets():
            self.rules.addItem(rule_id, rule_id)
        self.rules.setCurrentIndex(max(0, self.rules.findData(s.scenario.rules if s.scenario else None)))
        form.addRow(self._label("rules"), self.rules)
        goals = QVBoxLayout()
        self.goal_group = QButtonGroup(self)
        self.goal_buttons: dict[str, QRadioButton] = {}
        for goal in (FEWEST, MOST, TARGET):
            button = QRadioButton(self)
            self.goal_group.addButton(button)
            self.goal_buttons[goal] = button
            if goal != TARGET:
                goals.addWidget(button)
        target_row = QHBoxLayout()
        target_row.addWidget(self.goal_buttons[TARGET])
        self.target = QSpinBox(self)
        self.target.setRange(1, max(1, len(s.dataset.units)))
        self.target.setValue(max(1, round(len(s.dataset.units) * 0.7)))
        target_row.addWidget(self.target)
        target_row.addStretch(1)
        goals.addLayout(target_row)
        self.goal_buttons[FEWEST].setChecked(True)
        form.addRow(self._label("goal"), goals)
        self.exceptions = QCheckBox(self)
        self.exceptions.setChecked(True)
        form.addRow("", self.exceptions)
        self.province = QComboBox(self)
        self.district = QComboBox(self)
        self.within = QComboBox(self)
        self.within.addItem("", "province")
        self.within.addItem("", "district")
        provinces = sorted({u.province for u in s.dataset.units.values()})
        self.province.addItem("", None)
        for p in provinces:
            self.province.addItem(p, p)
        if len(provinces) == 1:
            self.province.setCurrentIndex(1)
        form.addRow(self._label("province"), self.province)
        form.addRow(self._label("district"), self.district)
        form.addRow(self._label("within"), self.within)
        self.base = QComboBox(self)
        for key in (FROM_NONE, FROM_KEEP, FROM_PREFER):
            self.base.addItem("", key)
        form.addRow(self._label("base"), self.base)
        self.locked = QListWidget(self)
        self.locked.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.locked.setMinimumHeight(60)
        self.locked.setMaximumHeight(120)
        self.lock_selection = QPushButton(self)
        self.unlock = QPushButton(self)
        self.lock_entry = QLineEdit(self)
        self._unit_keys = {self._unit_text(c): c for c in s.dataset.units}
        completer = QCompleter(QStringListModel(sorted(self._unit_keys), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.lock_entry.setCompleter(completer)
        locked_box = QVBoxLayout()
        locked_box.addWidget(self.locked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.lock_selection)
        buttons.addWidget(self.unlock)
        locked_box.addLayout(buttons)
        locked_box.addWidget(self.lock_entry)
        form.addRow(self._label("locked"), locked_box)
        self.max_size = QSpinBox(self)
        self.max_size.setRange(2, 30)
        self.max_size.setValue(8)
        form.addRow(self._label("max_size"), self.max_size)
        self.time_limit = QDoubleSpinBox(self)
        self.time_limit.setRange(1, 3600)
        self.time_limit.setDecimals(0)
        self.time_limit.setValue(60)
        form.addRow(self._label("time_limit"), self.time_limit)
        self.name = QLineEdit(self)
        self.name.setMinimumWidth(300)
        self._name_edited = False
        form.addRow(self._label("name"), self.name)

        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.run_button = QPushButton(self)
        self.run_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.compare_button = QPushButton(self)
        self.compare_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.results = ProposalResults(self.session, self)

        left = QVBoxLayout()
        self.request_title = QLabel(self)
        self.request_title.setStyleSheet("QLabel { font-weight: bold; font-size: 11pt; }")
        left.addWidget(self.request_title)
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        left.addLayout(row)
        left_box = QWidget(self)
        left_box.setLayout(left)
        left_box.setMaximumWidth(560)
        right = QVBoxLayout()
        right.addWidget(self.results, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.compare_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addWidget(left_box)
        layout.addLayout(right, 1)

        self.province.currentIndexChanged.connect(self._fill_districts)
        self.goal_group.buttonToggled.connect(self._goal_changed)
        self.rules.currentIndexChanged.connect(self._default_name)
        self.name.textEdited.connect(lambda: setattr(self, "_name_edited", True))
        self.lock_selection.clicked.connect(self.lock_selected_units)
        self.unlock.clicked.connect(self._unlock_chosen)
        self.lock_entry.returnPressed.connect(self._lock_typed)
        completer.activated.connect(lambda text: self._lock_typed(text))
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.compare_button.clicked.connect(self.compare)
        self.close_button.clicked.connect(self.close)
        self._fill_districts()
        self.retranslate()
        self.lock_selected_units()
        self.resize(1180, 720)
        window.installEventFilter(self)        # the window closing while a run goes on stops it first

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window_ and event.type() == QEvent.Type.Close and self.job is not None and self.job.running:
            self._closing = True
            self.job.wait()
        return False

    # ----- the request ------------------------------------------------------------------
    def _label(self, key: str) -> QLabel:
        label = QLabel(self)
        self.labels[key] = label
        return label

    def _unit_text(self, code: str) -> str:
        u = self.session.dataset.units[code]
        return f"{u.name} – {u.district} ({code})"

    def _fill_districts(self) -> None:
        units = self.session.dataset.units.values()
        province = self.province.currentData()
        districts = sorted({u.district for u in units if province is None or u.province == province})
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(self.tr("Cả tỉnh") if province else self.tr("Cả dự án"), None)
        if province is not None or len({u.province for u in units}) == 1:
            for d in districts:
                self.district.addItem(d, d)
        self.district.blockSignals(False)

    def _goal_changed(self, *_args) -> None:
        self.target.setEnabled(self.goal_buttons[TARGET].isChecked())
        # the figure-based exceptions: yes by default, except for the most units (NQ 76/2025's round)
        self.exceptions.setChecked(not self.goal_buttons[MOST].isChecked())
        self._default_name()

    def goal(self) -> str:
        return next(g for g, b in self.goal_buttons.items() if b.isChecked())

    def set_goal(self, goal: str) -> None:
        self.goal_buttons[goal].setChecked(True)

    def _default_name(self, *_args) -> None:
        if self._name_edited:
            return
        rules = all_rule_sets()[self.rules.currentData()]
        self.name.setText(Words("propose.scenario_name", rules=rules.short,
                                goal=Words(f"propose.goal.{self.goal()}")).text(current_language()))

    def locked_codes(self) -> list[str]:
        return [self.locked.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.locked.count())]

    def lock(self, codes) -> None:
        have = set(self.locked_codes())
        for code in codes:
            if code in have or code not in self.session.dataset.units:
                continue
            item = QListWidgetItem(self._unit_text(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.locked.addItem(item)
            have.add(code)

    def lock_selected_units(self) -> None:
        self.lock(self.session.selection)

    def _unlock_chosen(self) -> None:
        for item in self.locked.selectedItems():
            self.locked.takeItem(self.locked.row(item))

    def _lock_typed(self, text: str | None = None) -> None:
        text = (text or self.lock_entry.text()).strip()
        code = self._unit_keys.get(text) or (text if text in self.session.dataset.units else None)
        if code is None:
            found = [c for k, c in self._unit_keys.items() if text and text.casefold() in k.casefold()]
            code = found[0] if len(found) == 1 else None
        if code is None:
            self.status.setText(fill(self.tr("Không tìm thấy đơn vị “%1”: gõ tên hoặc mã rồi chọn trong danh sách."),
                                     text))
            return
        self.lock([code])
        self.lock_entry.clear()

    def request(self) -> ProposalRequest:
        base_mode = self.base.currentData()
        lo = hi = self.target.value()
        return ProposalRequest(
            goal=self.goal(), target=(lo, hi) if self.goal() == TARGET else None, max_size=self.max_size.value(),
            locked=frozenset(self.locked_codes()), province=self.province.currentData(),
            district=self.district.currentData(), within=self.within.currentData(),
            base=self.origin if base_mode != FROM_NONE else None,
            keep_base=base_mode == FROM_KEEP, time_limit=float(self.time_limit.value()),
            allow_exceptions=self.exceptions.isChecked())

    # ----- the run ------------------------------------------------------------------------
    def start(self) -> bool:
        if self.job is not None and self.job.running:
            return False
        request = self.request()
        self.base_scenario = request.base
        self.job = ProposeJob(self.session.project.path, self.session.dataset, self.rules.currentData(), request, self)
        self.job.piece_done.connect(self._piece_done)
        self.job.searching.connect(self._searching)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self._done = self._total = 0
        self._worst_gap: float | None = None
        self._current = ("", None)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._running(True)
        self.status.setText(self.tr("Đang tìm phương án…"))
        self.job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Đang dừng: giữ phương án tốt nhất tìm được đến lúc này…"))

    def _running(self, running: bool) -> None:
        for w in (self.run_button, self.rules, self.province, self.district, self.within, self.base, self.locked,
                  self.lock_selection, self.unlock, self.lock_entry, self.max_size, self.time_limit, self.name,
                  self.target, self.exceptions, *self.goal_buttons.values()):
            w.setEnabled(not running)
        if not running:
            self.target.setEnabled(self.goal_buttons[TARGET].isChecked())
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    def _gap_text(self, gap) -> str:
        return "—" if gap is None else fmt_pct(100 * gap, current_language())

    def _piece_done(self, report, done: int, total: int) -> None:
        self._done, self._total = done, total
        if report.gap is not None:
            self._worst_gap = max(self._worst_gap or 0.0, report.gap)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._show_progress()

    def _searching(self, label: str, gap) -> None:
        self._current = (label, gap)
        self._show_progress()

    def _show_progress(self) -> None:
        label, gap = self._current
        text = fill(self.tr("Đã giải %1/%2 phần · khoảng cách tối ưu lớn nhất trong các phần đã giải: %3"),
                    self._done, self._total or "?", self._gap_text(self._worst_gap))
        if label:
            text += "\n" + fill(self.tr("Đang giải %1: khoảng cách tối ưu của phương án tốt nhất %2"),
                                label, self._gap_text(gap))
        if self.job is not None and self.job.cancelled:
            text += "\n" + self.tr("Đang dừng: giữ phương án tốt nhất tìm được đến lúc này…")
        self.status.setText(text)

    def _failed(self, text: str) -> None:
        self._running(False)
        self.progress.hide()
        self.status.setText(fill(self.tr("Không đề xuất được: %1 Không có phương án nào được lưu."), text))

    def _finished(self, proposal) -> None:
        if self._closing:
            return
        self._running(False)
        self.progress.hide()
        self.proposal = proposal
        if proposal.stopped and not proposal.groups:
            self.status.setText(self.tr("Đã dừng trước khi tìm được nhóm nào: không có phương án nào được lưu."))
            self.results.show_proposal(proposal, None)
            return
        scenario = self._store(proposal)
        self.results.show_proposal(proposal, scenario)
        self.compare_button.setEnabled(scenario is not None and self.opened_from is not None)

    def _store(self, proposal):
        """The proposal as a new scenario, stored, then opened (after the open one's unsaved edits)."""
        s, actions = self.session, self.window_.scenario_actions
        scenario = proposal.to_scenario(s.dataset, actions._unique(self.name.text().strip() or self.name.placeholderText()),
                                        self.base_scenario)
        try:
            s.add_scenario(scenario)
        except Exception as exc:       # the project refused the write: nothing stored, said in words
            from ..errors import explain
            self.status.setText(fill(self.tr("Không lưu được phương án đề xuất: %1"), explain(exc, s.dataset)))
            return None
        self.stored_id = scenario.id
        lines = [fill(self.tr("Đã lưu phương án “%1”."), scenario.name)]
        if actions.settle():
            s.open_scenario(scenario.id)
            lines.append(self.tr("Phương án đã mở để chỉnh sửa; chọn một nhóm trong danh sách để xem trên bản đồ và "
                                 "trong bảng kiểm tra."))
        else:
            lines.append(self.tr("Phương án đang mở vẫn giữ nguyên; mở phương án đề xuất từ danh sách phương án."))
        if proposal.stopped:
            lines.append(self.tr("Đã dừng theo yêu cầu: đây là phương án tốt nhất tìm được đến lúc đó."))
        self.status.setText(" ".join(lines))
        return scenario

    def compare(self):
        """The comparison window: the proposal beside the scenario that was open."""
        if self.stored_id is None or self.opened_from is None:
            return None
        window = self.window_.open_compare()
        window.choose(self.stored_id, self.opened_from)
        return window

    # ----- words ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = current_language()
        self.setWindowTitle(self.tr("Đề xuất phương án"))
        self.request_title.setText(self.tr("Yêu cầu đề xuất"))
        words = {"rules": self.tr("Bộ quy tắc:"), "goal": self.tr("Mục tiêu:"), "province": self.tr("Tỉnh:"),
                 "district": self.tr("Huyện:"), "within": self.tr("Nhóm không vượt ranh giới:"),
                 "base": self.tr("Xuất phát từ:"), "locked": self.tr("Đơn vị giữ nguyên:"),
                 "max_size": self.tr("Số đơn vị tối đa của một nhóm:"),
                 "time_limit": self.tr("Thời gian tối đa cho mỗi phần:"), "name": self.tr("Tên phương án mới:")}
        for key, text in words.items():
            self.labels[key].setText(text)
        rules = all_rule_sets()
        for i in range(self.rules.count()):
            rule = rules[self.rules.itemData(i)]
            self.rules.setItemText(i, f"{rule.short} – {pick(rule.title, lang)}")
        self.goal_buttons[FEWEST].setText(self.tr("Ít thay đổi nhất"))
        self.goal_buttons[FEWEST].setToolTip(self.tr("Chỉ sắp xếp các đơn vị thuộc diện phải sắp xếp, chạm đến ít "
                                                     "đơn vị nhất (như các đợt 2019 và 2023)"))
        self.goal_buttons[MOST].setText(self.tr("Nhiều đơn vị nhất"))
        self.goal_buttons[MOST].setToolTip(self.tr("Càng nhiều đơn vị sau sắp xếp càng tốt, mỗi đơn vị đều đạt "
                                                   "tiêu chuẩn (như đợt 2025)"))
        self.goal_buttons[TARGET].setText(self.tr("Số đơn vị sau sắp xếp:"))
        self.exceptions.setText(self.tr("Cho phép ngoại lệ suy ra từ số liệu"))
        self.exceptions.setToolTip(self.tr("Nhóm chưa đạt tiêu chuẩn vẫn được chấp nhận khi thuộc trường hợp ngoại lệ "
                                           "mà bộ quy tắc suy ra từ số liệu, như “hình thành từ 3 đơn vị trở lên”"))
        self.province.setItemText(0, self.tr("Cả dự án"))
        self.district.setItemText(0, self.tr("Cả tỉnh") if self.province.currentData() else self.tr("Cả dự án"))
        self.within.setItemText(0, self.tr("tỉnh"))
        self.within.setItemText(1, self.tr("huyện"))
        self.base.setItemText(0, self.tr("Không (đề xuất từ đầu)"))
        self.base.setItemText(1, fill(self.tr("Giữ nguyên các nhóm của “%1”"), self.opened_from_name))
        self.base.setItemText(2, fill(self.tr("Ưu tiên các nhóm của “%1”"), self.opened_from_name))
        self.lock_selection.setText(self.tr("Thêm các đơn vị đang chọn"))
        self.unlock.setText(self.tr("Bỏ khỏi danh sách"))
        self.lock_entry.setPlaceholderText(self.tr("Gõ tên hoặc mã đơn vị để thêm…"))
        self.time_limit.setSuffix(self.tr(" giây"))
        self.run_button.setText(self.tr("Đề xuất"))
        self.cancel_button.setText(self.tr("Dừng, giữ kết quả tốt nhất"))
        self.compare_button.setText(fill(self.tr("So sánh với “%1”"), self.opened_from_name))
        self.close_button.setText(self.tr("Đóng"))
        self._default_name()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        if self.job is not None and self.job.running:
            self._closing = True   # closed while it runs: stopped, and its answer not stored
            self.job.wait()
        super().closeEvent(event)

    @classmethod
    def open_for(cls, window) -> ProposeDialog:
        """The window's proposal dialog: the one already open, or a new one."""
        dialog = getattr(window, "propose_dialog", None)
        if dialog is None or not dialog.isVisible():
            dialog = window.propose_dialog = cls(window)
        dialog.show()
        dialog.raise_()
        return dialog

