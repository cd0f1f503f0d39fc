"""Small questions: confirm, a line of text, a choice among buttons, an error message."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


def name_buttons(box: QDialogButtonBox) -> None:
    """Qt ships no Vietnamese for its standard buttons: name them ourselves."""
    for which, text in ((QDialogButtonBox.StandardButton.Ok, translate("Dialogs", "Đồng ý")),
                        (QDialogButtonBox.StandardButton.Cancel, translate("Dialogs", "Hủy"))):
        button = box.button(which)
        if button is not None:
            button.setText(text)


class Confirm:
    @classmethod
    def box(cls, parent: QWidget | None, title: str, text: str, yes: str,
            irreversible: bool = False) -> tuple[QMessageBox, object]:
        """The question and its "yes" button. For what cannot be undone, Enter means Hủy."""
        box = QMessageBox(QMessageBox.Icon.Warning if irreversible else QMessageBox.Icon.Question, title, text,
                          parent=parent)
        box.setTextFormat(box.textFormat().PlainText)
        ok = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole if irreversible
                           else QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(translate("Dialogs", "Hủy"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel if irreversible else ok)
        return box, ok

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str, irreversible: bool = False) -> bool:
        box, ok = cls.box(parent, title, text, yes, irreversible)
        box.exec()
        return box.clickedButton() is ok


class Choice:
    """A question with named answers; returns the key of the chosen answer, None when closed."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str,
            answers: list[tuple[str, str]]) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setTextFormat(box.textFormat().PlainText)
        buttons = {}
        for key, label in answers:
            role = QMessageBox.ButtonRole.RejectRole if key == "cancel" else QMessageBox.ButtonRole.AcceptRole
            buttons[box.addButton(label, role)] = key
        box.exec()
        return buttons.get(box.clickedButton())


class TextInput:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setOkButtonText(translate("Dialogs", "Đồng ý"))
        dialog.setCancelButtonText(translate("Dialogs", "Hủy"))
        dialog.resize(420, dialog.sizeHint().height())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue()


class Message:
    """An error or a notice; never blocks in tests (``show`` is replaced there)."""

    @classmethod
    def show(cls, parent: QWidget | None, title: str, text: str, error: bool = True) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information,
                          title, text, parent=parent)
        box.setTextFormat(box.textFormat().PlainText)
        box.addButton(translate("Dialogs", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
