"""What every page needs, handed over in constructors instead of a global."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget  # the dialogs' classes where a dialog opens: start-up time, most runs open none

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.store import SessionStore


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A modal yes/no question with No as the default (Enter must not delete); tests replace `UiContext.ask`."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """A modal message; tests replace `UiContext.inform`."""
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def choose_file_to_open(parent: QWidget | None, title: str, name_filter: str) -> str | None:
    """A file dialog for opening; tests replace `UiContext.open_file`."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return path or None


def choose_files_to_open(parent: QWidget | None, title: str, name_filter: str) -> list[str]:
    """A file dialog for several files; tests replace `UiContext.open_files`."""
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
    return list(paths)


def choose_folder(parent: QWidget | None, title: str) -> str | None:
    """A folder dialog; tests replace `UiContext.open_folder`."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, title) or None


class UiContext:
    """The questionnaire, the store, and seams for dialogs (replaced in tests).

    A plain class, not a dataclass: it is made at every start, and `dataclasses` is not loaded otherwise before the
    first page shows (~3 ms with the class creation).
    """

    def __init__(
        self,
        questionnaire: Questionnaire,
        store: SessionStore,
        kiosk: bool = False,
        staff_unlocked: bool = False,
        ask: Callable[[QWidget | None, str, str], bool] = ask_yes_no,
        inform: Callable[[QWidget | None, str, str], None] = tell,
        open_file: Callable[[QWidget | None, str, str], str | None] = choose_file_to_open,
        open_files: Callable[[QWidget | None, str, str], list[str]] = choose_files_to_open,
        open_folder: Callable[[QWidget | None, str], str | None] = choose_folder,
    ) -> None:
        self.questionnaire = questionnaire
        self.store = store
        self.kiosk = kiosk
        #: In kiosk mode: a member of staff opened this session with the PIN (clinician-only parts may show).
        self.staff_unlocked = staff_unlocked
        self.ask = ask
        self.inform = inform
        self.open_file = open_file
        self.open_files = open_files
        self.open_folder = open_folder
