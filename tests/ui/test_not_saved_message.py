"""When the disk is full the person sees, next to the answer, that it was not saved; nothing crashes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.store import SessionStore, StoreWriteError
from hipdesk.ui.main_window import MainWindow


def test_full_disk_shows_not_saved_next_to_the_answer(qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    told: list[str] = []
    window.ctx.inform = lambda _parent, title, text: told.append(f"{title}: {text}")
    window.show()

    # First answer while the database cannot be written: the session itself cannot be created.
    store.conn.execute("PRAGMA query_only = 1")
    window.findChild(QAbstractButton, "filled_by__patient").click()
    error = window.findChild(QLabel, "error_filled_by")
    assert error.isVisible() and "cannot be written" in error.text() and "not kept" in error.text()
    assert not window.findChild(QAbstractButton, "filled_by__patient").isChecked(), "shown ticked but not stored"
    assert store.list_sessions() == []

    store.conn.execute("PRAGMA query_only = 0")
    window.findChild(QAbstractButton, "filled_by__patient").click()
    window.findChild(QAbstractButton, "setting__clinic").click()
    assert error.text() == ""  # no message (its space is kept while the page is shown)
    assert window.wizard.next()

    name = window.findChild(QLineEdit, "name__input")
    # A real SQLITE_FULL on an in-place update is not reproducible page by page (tests/core covers the store
    # side); here the store refuses every answer the way it does when the disk is full.
    real_save = store.save_answer

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StoreWriteError(f"Not saved: the disk is full ({store.path.parent}).")

    store.save_answer = disk_full  # type: ignore[method-assign]
    long_name = "Runner Name " * 20  # keyClicks types ASCII only
    qtbot.keyClicks(name, long_name[:60])
    name_error = window.findChild(QLabel, "error_name")
    assert name_error.isVisible() and "disk is full" in name_error.text()
    assert not window.wizard.next(), "the person may not move on while an answer is not kept"
    session_id = window.wizard.editor.session_id
    assert store.load_session(session_id).answers.get("name", "") != long_name[:60]

    store.save_answer = real_save  # type: ignore[method-assign]
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClicks(name, "x")
    assert name_error.text() == ""
    assert store.load_session(session_id).answers["name"] == long_name[:60] + "x"
    assert told == []
