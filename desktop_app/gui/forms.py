"""Widgets from the Qt Designer files in forms/, loaded at run time (the .ui file is the one source)."""

from __future__ import annotations

from PySide6.QtCore import QFile
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from desktop_app.paths import FORMS


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    form = QFile(str(FORMS / f"{name}.ui"))
    if not form.open(QFile.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"forms/{name}.ui is missing from this installation")
    try:
        return QUiLoader().load(form, parent)
    finally:
        form.close()
