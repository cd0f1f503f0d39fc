"""Scenario management: switch, new, duplicate, rename, delete, save, JSON import/export,
and recovery of unsaved edits left in the autosave journal."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.common.messages import Message as CoreMessage
from core.common.messages import words
from core.domain.scenario import Scenario, ScenarioError
from core.domain.scenario_io import read_scenario_file, write_scenario_file
from core.law.rules import UnknownRuleSet
from core.storage.store import ConflictError, DeletedElsewhere, ProjectError

from .dialogs.common import Choice, Confirm, Message, TextInput
from .dialogs.files import FileChooser
from .errors import explain
from .file_actions import file_stem
from .session import Session
from .settings import export_folder, remember_export_folder
from .text import fill


class ScenarioActions(QObject):
    saved = Signal(str)                     # the name of the scenario just saved

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window

    def _error(self, title: str, exc: Exception | str) -> None:
        text = exc if isinstance(exc, str) else explain(exc, self.session.dataset)
        Message.show(self.window, title, text)

    def _unique(self, base: str) -> str:
        names = set(self.session.project.scenario_names())
        if base not in names:
            return base
        n = 2
        while f"{base} ({n})" in names:
            n += 1
        return f"{base} ({n})"

    # ----- unsaved edits ------------------------------------------------------------
    def settle(self) -> bool:
        """Before the current scenario is left: save, drop or stay. True when it may be left."""
        s = self.session
        if not s.dirty or s.scenario is None:
            return True
        answer = Choice.ask(self.window, self.tr("Thay đổi chưa lưu"),
                            fill(self.tr("Phương án “%1” có thay đổi chưa lưu. Lưu trước khi tiếp tục?"),
                                 s.scenario.name),
                            [("save", self.tr("Lưu")), ("discard", self.tr("Không lưu")),
                             ("cancel", self.tr("Hủy"))])
        if answer == "save":
            return self.save()
        if answer == "discard":
            s.discard_changes()
            return True
        return False

    def save(self) -> bool:
        """Ctrl+S. A failure (a full disk, a lock held by another program …) is shown in words
        and nothing changes: the scenario stays unsaved, its version as it was."""
        s = self.session
        try:
            s.save()
            self.saved.emit(s.scenario.name)
            return True
        except DeletedElsewhere:
            answer = Choice.ask(self.window, self.tr("Phương án đã bị xóa ở nơi khác"),
                                fill(self.tr("Phương án “%1” đã bị xóa từ một cửa sổ hoặc máy khác. "
                                             "Lưu bản của bạn thành phương án mới?"), s.scenario.name),
                                [("copy", self.tr("Lưu thành phương án mới")), ("cancel", self.tr("Hủy"))])
            return answer == "copy" and self._save_as_copy()
        except ConflictError as exc:
            # Core's words first: who saved it last, and when (from the change log).
            answer = Choice.ask(self.window, self.tr("Phương án đã bị thay đổi ở nơi khác"),
                                explain(exc, s.dataset) + "\n\n" +
                                fill(self.tr("Phương án “%1” vừa được lưu từ một cửa sổ hoặc máy khác. "
                                             "Ghi đè lên bản đó, hay lưu bản của bạn thành phương án mới?"),
                                     s.scenario.name),
                                [("copy", self.tr("Lưu thành phương án mới")),
                                 ("force", self.tr("Ghi đè")), ("cancel", self.tr("Hủy"))])
            if answer == "force":
                if self._guarded_save(force=True):
                    self.saved.emit(s.scenario.name)
                    return True
                return False
            if answer == "copy":
                return self._save_as_copy()
            return False
        except (ScenarioError, ProjectError, OSError) as exc:
            self._error(self.tr("Không lưu được"), exc)
            return False

    def _guarded_save(self, force: bool) -> bool:
        try:
            self.session.save(force=force)
            return True
        except (ScenarioError, ProjectError, OSError) as exc:
            self._error(self.tr("Không lưu được"), exc)
            return False

    def _save_as_copy(self) -> bool:
        s = self.session
        try:
            twin = s.scenario.duplicate(self._unique(s.scenario.name + " – bản của tôi"))
            s.add_scenario(twin)
        except (ScenarioError, ProjectError, OSError) as exc:
            self._error(self.tr("Không lưu được"), exc)
            return False
        s.discard_changes()
        s.set_scenario(s.project.get_scenario(twin.id))
        return True

    # ----- the list -----------------------------------------------------------------
    def switch(self, scenario_id: str) -> bool:
        if not self.settle():
            return False
        try:
            self.session.open_scenario(scenario_id)
            return True
        except (ProjectError, UnknownRuleSet, ScenarioError) as exc:
            self._error(self.tr("Không mở được phương án"), exc)
            return False

    def new(self) -> bool:
        s = self.session
        assert s.scenario is not None
        answer = Choice.ask(self.window, self.tr("Phương án mới"),
                            self.tr("Tạo phương án mới trống, hay từ phương án đang mở?"),
                            [("empty", self.tr("Trống")), ("copy", self.tr("Từ phương án đang mở")),
                             ("cancel", self.tr("Hủy"))])
        if answer not in ("empty", "copy"):
            return False
        name = TextInput.ask(self.window, self.tr("Phương án mới"), self.tr("Tên phương án:"),
                             self._unique(self.tr("Phương án mới")))
        if not name:
            return False
        try:
            if answer == "copy":
                scenario = s.scenario.duplicate(name)
            else:
                scenario = Scenario(name=name, rules=s.scenario.rules, state=s.scenario.state)   # on the same units
            return self._add_and_open(scenario)
        except ScenarioError as exc:
            self._error(self.tr("Không tạo được phương án"), exc)
            return False

    def duplicate(self) -> bool:
        s = self.session
        assert s.scenario is not None
        name = TextInput.ask(self.window, self.tr("Nhân bản phương án"), self.tr("Tên bản sao:"),
                             self._unique(fill(self.tr("%1 – bản sao"), s.scenario.name)))
        if not name:
            return False
        try:
            return self._add_and_open(s.scenario.duplicate(name))
        except ScenarioError as exc:
            self._error(self.tr("Không nhân bản được"), exc)
            return False

    def _add_and_open(self, scenario: Scenario) -> bool:
        s = self.session
        if not self.settle():
            return False
        try:
            s.add_scenario(scenario)
            s.open_scenario(scenario.id)
        except (ScenarioError, ProjectError, UnknownRuleSet) as exc:
            self._error(self.tr("Không tạo được phương án"), exc)
            return False
        return True

    def rename(self, scenario_id: str | None = None) -> bool:
        s = self.session
        assert s.scenario is not None
        scenario_id = scenario_id or s.scenario.id
        current = s.project.get_scenario(scenario_id).name
        name = TextInput.ask(self.window, self.tr("Đổi tên phương án"), self.tr("Tên phương án:"), current)
        if not name or name == current:
            return False
        try:
            s.rename_scenario(scenario_id, name)
            return True
        except (ScenarioError, ProjectError) as exc:
            self._error(self.tr("Không đổi tên được"), exc)
            return False

    def delete(self, scenario_id: str | None = None) -> bool:
        s = self.session
        assert s.scenario is not None
        scenario_id = scenario_id or s.scenario.id
        names = s.project.scenario_names()
        if len(names) <= 1:
            self._error(self.tr("Không xóa được"), self.tr("Dự án cần ít nhất một phương án."))
            return False
        name = s.project.get_scenario(scenario_id).name
        if not Confirm.ask(self.window, self.tr("Xóa phương án"),
                           fill(self.tr("Xóa phương án “%1”? Không thể hoàn tác việc xóa."), name),
                           self.tr("Xóa"), True):
            return False
        deleting_current = scenario_id == s.scenario.id
        try:
            s.delete_scenario(scenario_id)
            if deleting_current:
                s.open_scenario(s.project.scenarios()[0].id)
        except (ScenarioError, ProjectError, UnknownRuleSet, IndexError) as exc:
            self._error(self.tr("Không xóa được"), exc)
            return False
        return True

    # ----- files ----------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> bool:
        s = self.session
        path = path or FileChooser.open_scenario(self.window)
        if not path:
            return False
        try:
            scenario = read_scenario_file(path, s.dataset)
            scenario.name = self._unique(scenario.name)
            if not self.settle():
                return False
            s.add_scenario(scenario)
            s.open_scenario(scenario.id)
            return True
        except (ScenarioError, UnknownRuleSet, ProjectError, OSError, ValueError) as exc:
            self._error(fill(self.tr("Không nhập được %1"), Path(path).name), exc)
            return False

    def export_file(self, path: str | None = None) -> bool:
        s = self.session
        assert s.scenario is not None
        start = str(Path(export_folder()) / (file_stem(s.scenario.name) + ".json"))
        path = path or FileChooser.save_scenario(self.window, start)
        if not path:
            return False
        try:
            write_scenario_file(s.scenario, path)
            remember_export_folder(path)
            return True
        except (OSError, ScenarioError) as exc:
            self._error(self.tr("Không xuất được"), exc)
            return False

    # ----- recovery -------------------------------------------------------------------
    def recover_journal(self) -> bool:
        """Offer the unsaved edits an earlier run left behind; True when one was recovered.

        Entries that cannot be read are named and set aside; an entry whose scenario was saved
        elsewhere since is offered as a new scenario, never over the newer work."""
        from core.storage.journal import ON_STORED, STALE
        s = self.session
        try:
            offer = s.core.recovery_offer()
        except (ProjectError, OSError) as exc:
            self._error(self.tr("Không khôi phục được"), exc)
            return False
        if offer.problems:
            Message.show(self.window, self.tr("Bản lưu tạm không đọc được"), words(offer.problems, limit=20))
            for name in offer.unreadable:
                s.journal.set_aside(name)
        if not offer.entries:
            return False
        names = ", ".join(e.scenario.name for e in offer.entries)
        text = fill(self.tr("Lần làm việc trước kết thúc khi còn thay đổi chưa lưu (%1). "
                            "Khôi phục các thay đổi đó?"), names)
        stale = [_stale_note(e) for e in offer.entries if e.kind == STALE]
        if stale:
            text += "\n\n" + words(stale, limit=20)
        answer = Choice.ask(self.window, self.tr("Khôi phục thay đổi chưa lưu"), text,
                            [("recover", self.tr("Khôi phục")), ("discard", self.tr("Bỏ đi"))])
        if answer != "recover":
            for e in offer.entries:
                s.journal.discard_file(e.file)
            return False
        # Only one scenario is open at a time: the first entry that goes onto its stored scenario
        # is opened; the others are kept as new scenarios.
        first = next((e for e in offer.entries if e.kind == ON_STORED), offer.entries[0])
        try:
            for other in offer.entries:
                if other is not first:
                    s.core.recover(other, open_it=False)
            s.recover(first)
        except (ScenarioError, UnknownRuleSet, ProjectError, OSError) as exc:
            self._error(self.tr("Không khôi phục được"), exc)
            s.scenarios_changed.emit()
            return False
        s.scenarios_changed.emit()
        return True


def _stale_note(entry) -> CoreMessage:
    return CoreMessage("journal.stale", name=entry.scenario.name, ours=entry.scenario.version,
                       theirs=entry.stored_version)
