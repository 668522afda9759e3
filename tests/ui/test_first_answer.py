"""The very first answer opens the session; it must still be shown as given (it was shown unticked)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.store import SessionStore
from hipdesk.ui.main_window import MainWindow


def test_first_answer_is_stored_and_still_shown(qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    button = window.findChild(QAbstractButton, "filled_by__patient")
    button.click()
    assert button.isChecked()
    session_id = window.wizard.editor.session_id
    assert store.load_session(session_id).answers["filled_by"] == "patient"
