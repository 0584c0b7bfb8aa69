"""Every message box goes through here, so tests can answer them and nothing shows a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

#: Tests set this to a function (kind, title, text) -> answer, to answer boxes without a person.
answer_for_tests = None


def inform(parent: QWidget | None, title: str, text: str) -> None:
    if answer_for_tests:
        answer_for_tests("inform", title, text)
        return
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A problem in plain English, with what to do next; `details` are folded away."""
    if answer_for_tests:
        answer_for_tests("warn", title, text)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def ask_save(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel' for a project with unsaved changes."""
    if answer_for_tests:
        return answer_for_tests("ask_save", "Unsaved changes", name)
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing it?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    if answer_for_tests:
        return answer_for_tests("ask_yes_no", title, text)
    buttons = QMessageBox.StandardButton
    return QMessageBox.question(parent, title, text, buttons.Yes | buttons.No, buttons.Yes) == buttons.Yes


def ask(parent: QWidget | None, title: str, text: str, choices: dict[str, str]) -> str:
    """One of `choices`' keys (each a button's words); the last key where the box is closed."""
    if answer_for_tests:
        return answer_for_tests("ask", title, text)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = {key: box.addButton(words, QMessageBox.ButtonRole.ActionRole) for key, words in choices.items()}
    last = list(choices)[-1]
    box.setEscapeButton(buttons[last])
    box.setDefaultButton(buttons[next(iter(choices))])
    box.exec()
    return next((key for key, button in buttons.items() if box.clickedButton() is button), last)


def ask_locked(parent: QWidget | None, text: str, stale: bool) -> str:
    """'read_only', 'take_over' or 'cancel' for a project another window holds (`text` says who and since when);
    Take over is offered only where the lock looks left over from a crash (`stale`)."""
    title = "Left over from a crash?" if stale else "Open in another window"
    if answer_for_tests:
        return answer_for_tests("ask_locked", title, text)
    take_over = {"take_over": "&Take over"} if stale else {}
    return ask(parent, title, text, {"read_only": "Open &read-only", **take_over, "cancel": "Cancel"})


def ask_overwrite(parent: QWidget | None, name: str) -> str:
    """'save_as', 'overwrite' or 'cancel' where the project file changed on disk since this window read or saved it."""
    title = "Changed by someone else"
    text = (
        f"{name} was changed on disk since you opened or last saved it here (by someone else, or another program). "
        "Saving would replace their changes with yours."
    )
    if answer_for_tests:
        return answer_for_tests("ask_overwrite", title, text)
    return ask(parent, title, text, {"save_as": "Save as a &new file…", "overwrite": "&Overwrite", "cancel": "Cancel"})
