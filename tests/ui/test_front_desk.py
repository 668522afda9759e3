"""The front desk, one patient after another: nothing of one reaches the next, and staff see first who needs help."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.front_desk import refresh_triage
from hipdesk.storage.store import SessionStore
from hipdesk.ui.context import ask_yes_no
from hipdesk.ui.kiosk.window import KioskWindow
from hipdesk.ui.red_flag_banner import LEVEL_COLOUR
from hipdesk.ui.wizard import AssessmentWizard
from tests.ui.test_kiosk import PIN, _click, _kiosk, _next, _type, _unlock, _with_pin

NAME = "Olga Firstpatient"
BIRTH = "1979-03-14"
NOTE = "first patient's private note"


def walk_patient(qtbot, window: KioskWindow, *, emergency: bool = False, copy_name: bool = True) -> int:
    """Patient 1 fills in everything (copying their name on the way) and presses Finish."""
    assert window.wizard is not None
    assert window.findChild(QAbstractButton, "setting__clinic") is None, "a kiosk does not ask home or clinic"
    _click(window, "filled_by__patient")
    _next(window)
    _type(qtbot, window, "name__input", NAME)
    _type(qtbot, window, "birth_date__input", BIRTH)
    window.findChild(QLineEdit, "birth_date__input").editingFinished.emit()
    _click(window, "sex__female")
    _click(window, "painful_side__right")
    if copy_name:
        field = window.findChild(QLineEdit, "name__input")
        field.selectAll()
        field.copy()  # Ctrl+C: the next patient must not be able to paste it
        assert QGuiApplication.clipboard().text() == NAME
    _next(window)
    _click(window, "distance_unit__km")
    _type(qtbot, window, "weekly_distance__input", "35")
    _next(window)
    _click(window, "bear_weight__painful")
    _click(window, "pain_now__4")
    _click(window, "pain_worst__6")
    _next(window)
    _next(window)  # body map
    _click(window, "sym_lateral_burning__yes")
    if emergency:
        _click(window, "rf_leg_deformed__yes")
    _next(window)
    window.findChild(QPlainTextEdit, "notes__input").setPlainText(NOTE)
    session_id = window.wizard.editor.session_id
    _next(window)  # history
    _next(window)  # exam
    window.ctx.ask = lambda *_: True  # finish even with some warning-sign questions unanswered
    _next(window)  # summary: Finish
    return session_id


def every_text(window: QWidget) -> str:
    """Everything a person could read or reach in the window: texts, tooltips, accessible names, cells, title."""
    parts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            assert not widget.isUndoAvailable() or widget.objectName() == "qt_spinbox_lineedit", widget.objectName()
        if isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
            assert not widget.document().isUndoAvailable(), widget.objectName()
        if isinstance(widget, QTableWidget):
            parts += [widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())]
    return "\n".join(parts)


def assert_fresh_patient_screen(qtbot, window: KioskWindow, first_id: int) -> None:
    """A new, empty intake: Back leads nowhere, no widget and not the clipboard holds anything of patient 1."""
    assert window.screen_name() == "intakeScreen"
    assert window.wizard is not None and window.wizard.editor is None
    assert window.current_page_id() == "start"
    assert not window.wizard.back_button.isEnabled()
    assert not window.staff_banner.isVisible()
    qtbot.waitUntil(lambda: len(window.findChildren(AssessmentWizard)) == 1)
    text = every_text(window)
    for secret in (NAME, "Firstpatient", BIRTH, NOTE, f"#{first_id}"):
        assert secret not in text, secret
    assert QGuiApplication.clipboard().text() == ""
    # Patient 2 starts: their pages are empty, and Back from the second page reaches only their own start.
    _click(window, "filled_by__clinician")
    _next(window)
    assert window.wizard.editor.session_id != first_id
    for name in ("name__input", "birth_date__input", "age__input"):
        assert window.findChild(QLineEdit, name).text() == "", name
    window.wizard.back()
    assert window.current_page_id() == "start" and not window.wizard.back_button.isEnabled()
    assert window.findChild(QAbstractButton, "filled_by__clinician").isChecked()


def open_as_staff(qtbot, window: KioskWindow, session_id: int) -> None:
    """Staff: PIN, choose the session, Open examination checklist; copy the patient's name on the way."""
    _unlock(qtbot, window)
    ids = [row.id for row in window.staff.rows]
    window.staff.sessions.selectRow(ids.index(session_id))
    _click(window, "staffExamButton")
    assert window.current_page_id() == "exam"
    banner = window.findChild(QLabel, "staffSessionLabel")
    assert banner.isVisible() and f"#{session_id}" in banner.text() and NAME in banner.text()
    assert "Staff mode" in banner.text()
    assert not window.findChild(QAbstractButton, "staffButton").isVisible()
    window.wizard.go_to_page("about")
    field = window.findChild(QLineEdit, "name__input")
    assert field.text() == NAME
    field.selectAll()
    field.copy()


# -- 1. every way out of a staff-opened session ------------------------------------------------------------
def _close_with_banner(qtbot, window: KioskWindow) -> None:
    _click(window, "staffSessionCloseButton")


def _back_via_staff_view(qtbot, window: KioskWindow) -> None:
    _click(window, "staffSessionListButton")
    assert window.screen_name() == "staffView" and window.wizard.editor is None
    _click(window, "staffBackButton")


def _idle(qtbot, window: KioskWindow) -> None:
    window.idle.start()
    with qtbot.waitSignal(window.idle.expired, timeout=3000):
        pass
    window.idle.stop()


def _staff_key_then_cancel(qtbot, window: KioskWindow) -> None:
    window.staff_shortcut.activated.emit()  # Ctrl+Shift+S
    assert window.screen_name() == "pinEntryScreen"
    _click(window, "pinCancelButton")


def _pin_screen_times_out(qtbot, window: KioskWindow) -> None:
    window.staff_shortcut.activated.emit()
    assert window.screen_name() == "pinEntryScreen"
    _idle(qtbot, window)


@pytest.mark.parametrize("way_out", [_close_with_banner, _back_via_staff_view, _idle, _staff_key_then_cancel,
                                     _pin_screen_times_out])
def test_patient_two_reaches_nothing_of_patient_one(qtbot, questionnaire: Questionnaire, store: SessionStore,
                                                     way_out) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store, idle_ms=40, warning_seconds=1, tick_ms=20)
    window.idle.stop()  # the patient and the staff are busy; each way out starts the timer itself
    first = walk_patient(qtbot, window)
    stored = store.load_session(first)
    assert stored.answers["name"] == NAME and stored.answers["setting"] == "clinic"
    _click(window, "nextPersonButton")
    open_as_staff(qtbot, window, first)
    way_out(qtbot, window)
    assert_fresh_patient_screen(qtbot, window, first)
    assert store.load_session(first).answers == stored.answers, "patient 1's answers are unchanged"


def test_leaving_kiosk_mode_closes_the_staff_session(qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    first = walk_patient(qtbot, window)
    stored = store.load_session(first).answers
    _click(window, "nextPersonButton")
    open_as_staff(qtbot, window, first)
    window.staff_shortcut.activated.emit()  # closes the session, then asks for the PIN
    _type(qtbot, window, "staffPin", PIN)
    _click(window, "pinOkButton")
    with qtbot.waitSignal(window.left_kiosk, timeout=1000):
        _click(window, "staffLeaveButton")
    assert window.wizard is None and not window.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    assert store.load_session(first).answers == stored


def test_a_patient_left_on_the_pin_screen_comes_back_to_a_fresh_intake(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store, idle_ms=40, warning_seconds=1, tick_ms=20)
    window.idle.stop()
    _click(window, "filled_by__patient")
    _next(window)
    _type(qtbot, window, "name__input", NAME)
    draft = window.wizard.editor.session_id
    _click(window, "staffButton")
    _pin_screen_times_out(qtbot, window)
    assert_fresh_patient_screen(qtbot, window, draft)
    assert store.load_session(draft).answers["name"] == NAME, "kept as a draft for staff"


# -- 3. the thank-you screens and the staff's sign ---------------------------------------------------------
def test_thanks_after_an_ordinary_session(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    walk_patient(qtbot, window, copy_name=False)
    assert window.screen_name() == "thanksScreen"
    assert window.thanks.title.text() == "Thank you"
    assert window.staff_button.text() == "Staff" and window.windowTitle() == "HipDesk"


def test_an_emergency_answer_sends_the_patient_to_reception_and_signs_to_staff(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    first = walk_patient(qtbot, window, emergency=True, copy_name=False)
    assert window.screen_name() == "thanksScreen"
    words = window.thanks.title.text() + " " + window.thanks.body.text()
    assert "speak to the reception now" in words and "reception desk now" in words
    assert NAME not in words and "shorter" not in words, "the screen names no answer"
    # The staff's sign: a number on the Staff button and in the title, nothing else.
    assert window.staff_button.text() == "Staff · 1" and window.windowTitle() == "HipDesk (1)"
    _click(window, "nextPersonButton")
    assert window.staff_button.isVisible() and window.staff_button.text() == "Staff · 1"
    text = every_text(window)
    for secret in (NAME, "reception", "shorter", f"#{first}"):  # (the staff view's fixed note names the levels)
        assert secret not in text, secret
    assert window.thanks.title.text() == "Thank you", "the next patient's thanks will be the ordinary one"
    _unlock(qtbot, window)
    assert "1 emergency or urgent not yet seen" in window.staff.title.text()
    assert window.staff.rows[0].id == first and window.staff.rows[0].needs_attention
    _click(window, "staffExamButton")  # staff open it: seen
    _click(window, "staffSessionCloseButton")
    assert window.staff_button.text() == "Staff" and window.windowTitle() == "HipDesk"


# -- 2. the staff view -------------------------------------------------------------------------------------
BASE = {"filled_by": "patient", "setting": "clinic", "age": 40, "sex": "female", "painful_side": "right"}


def _stored(store: SessionStore, name: str, **answers: object) -> int:
    session = store.create_session({**BASE, "name": name, **answers})
    assert session.id is not None
    return session.id


def test_staff_list_shows_triage_in_words_and_colour_most_urgent_unseen_first(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    plain = _stored(store, "Cat Plain")
    emergency = _stored(store, "Ann Emergency", rf_leg_deformed="yes")
    urgent = _stored(store, "Ben Urgent", med_steroids="yes")
    later = _stored(store, "Dan Later")
    window = _kiosk(qtbot, questionnaire, store)
    _unlock(qtbot, window)  # assesses the sessions not yet summarised
    table = window.staff.sessions
    assert [row.id for row in window.staff.rows] == [emergency, urgent, later, plain]
    assert table.item(0, 2).text() == "Emergency"
    assert table.item(0, 2).background().color().name() == LEVEL_COLOUR["emergency"]
    assert table.item(1, 2).text() == "Urgent"
    assert table.item(1, 2).background().color().name() == LEVEL_COLOUR["urgent"]
    assert table.item(0, 5).text() == "not yet" and table.item(0, 0).font().bold()
    assert "2 emergency or urgent not yet seen" in window.staff.title.text()
    assert window.windowTitle() == "HipDesk (2)"

    window.staff.sort.setCurrentIndex(2)  # Name A–Z: unseen emergency / urgent stay on top
    assert [row.id for row in window.staff.rows] == [emergency, urgent, plain, later]
    window.staff.sort.setCurrentIndex(1)  # oldest first
    assert [row.id for row in window.staff.rows] == [emergency, urgent, plain, later]

    window.staff.sessions.selectRow(0)
    _click(window, "staffSeenButton")
    assert [row.id for row in window.staff.rows][0] == urgent
    assert "1 emergency or urgent" in window.staff.title.text()

    qtbot.keyClicks(window.staff.search, "ann")
    assert [row.id for row in window.staff.rows] == [emergency]
    assert window.staff.sessions.item(0, 5).text() == "yes"
    window.staff.search.setText("nobody at all")
    assert window.staff.rows == [] and window.staff.message.text() == ""


def test_delete_asks_and_no_keeps_the_session(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    kept = _stored(store, "Keep Me")
    window = _kiosk(qtbot, questionnaire, store)
    asked: list[str] = []
    window.ctx.ask = lambda _parent, title, text: asked.append(f"{title} {text}") or False
    _unlock(qtbot, window)
    _click(window, "staffDeleteButton")
    assert asked and f"#{kept}" in asked[0] and "Keep Me" in asked[0]
    assert store.load_session(kept).answers["name"] == "Keep Me"
    window.ctx.ask = lambda *_: True
    _click(window, "staffDeleteButton")
    assert window.staff.rows == []
    assert f"#{kept} was deleted" in window.staff.message.text()
    with pytest.raises(KeyError):
        store.load_session(kept)


def test_yes_no_questions_default_to_no(monkeypatch) -> None:
    seen: dict[str, object] = {}

    def question(_parent, _title, _text, buttons, default):
        seen.update(buttons=buttons, default=default)
        return default  # what Enter gives

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert ask_yes_no(None, "Delete this session?", "Sure?") is False
    assert seen["default"] == QMessageBox.StandardButton.No
    assert seen["buttons"] == QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No


def test_staff_finishing_a_session_returns_to_the_staff_list(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    session_id = _stored(store, "For Exam")
    refresh_triage(store, questionnaire)
    window = _kiosk(qtbot, questionnaire, store)
    _unlock(qtbot, window)
    _click(window, "staffExamButton")
    window.wizard.go_to_page("summary")
    window.ctx.ask = lambda *_: True  # finish even with warning-sign questions unanswered
    _next(window)  # Finish
    assert window.screen_name() == "staffView"
    assert f"#{session_id} is finished" in window.staff.message.text()
    assert store.load_session(session_id).status == "complete"
    assert window.wizard.editor is None and not window.staff_banner.isVisible()


def test_the_staff_sign_counts_sessions_left_unassessed_at_start(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    _stored(store, "Left Over", rf_leg_deformed="yes")  # e.g. written before a crash, never summarised
    window = _kiosk(qtbot, questionnaire, store)
    assert window.staff_button.text() == "Staff · 1"
    assert "Left Over" not in every_text(window)
