"""Kiosk mode, driven through the real widgets: PIN, intake, thank-you and reset, idle, staff view, logs."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage import logs, staff_pin
from hipdesk.storage.settings import ATTEMPTS_SETTING, FOLDER_SETTING, IDLE_SETTING, KIOSK_SETTING, PIN_SETTING
from hipdesk.storage.staff_pin import StaffPin
from hipdesk.storage.store import SessionStore
from hipdesk.ui.kiosk.window import KioskWindow

PIN = "917353"
NAME = "Zoe Secretname"
NOTE = "private note about my knee"


@pytest.fixture(autouse=True)
def cheap_pin_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheap scrypt setting for these window tests (the real cost is checked in tests/core/test_staff_pin.py)."""
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**10)


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _stop_kiosk(window: KioskWindow) -> None:
    window.idle.stop()
    window._may_close = True


def _kiosk(qtbot, questionnaire: Questionnaire, store: SessionStore, **kwargs) -> KioskWindow:
    window = KioskWindow(questionnaire, store, **kwargs)
    # At teardown, before the store closes: no idle timer may fire into a later test, and the window may close.
    qtbot.addWidget(window, before_close_func=_stop_kiosk)
    window.resize(1024, 700)
    window.show()
    return window


def _with_pin(store: SessionStore, clock: FakeClock | None = None) -> None:
    StaffPin(store, clock or FakeClock()).set_pin(PIN)


def _click(window: QWidget, name: str) -> None:
    button = window.findChild(QAbstractButton, name)
    assert button is not None and button.isVisible(), name
    button.click()


def _type(qtbot, window: QWidget, name: str, text: str) -> None:
    field = window.findChild(QLineEdit, name)
    assert field is not None, name
    qtbot.keyClicks(field, text)


def _next(window: KioskWindow) -> None:
    assert window.wizard is not None
    assert window.wizard.next(), f"refused on {window.wizard.current_page_id()}"


def walk_session(qtbot, window: KioskWindow) -> int:
    """A patient fills in the whole intake and presses Finish; returns the session id."""
    assert window.wizard is not None
    _click(window, "filled_by__patient")  # no home/clinic question: a kiosk stands in a clinic
    _next(window)
    _type(qtbot, window, "name__input", NAME)
    _type(qtbot, window, "age__input", "41")
    _click(window, "sex__female")
    _click(window, "painful_side__right")
    _next(window)
    _click(window, "distance_unit__km")
    _type(qtbot, window, "weekly_distance__input", "42")
    _next(window)
    _click(window, "bear_weight__painful")
    _click(window, "pain_now__3")
    _click(window, "pain_worst__7")
    _click(window, "pain_at_night__yes")
    _next(window)
    _next(window)  # body map
    _click(window, "sym_lateral_burning__yes")
    _next(window)
    notes = window.findChild(QPlainTextEdit, "notes__input")
    notes.setPlainText(NOTE)
    session_id = window.wizard.editor.session_id
    _next(window)  # history
    _next(window)  # exam
    window.ctx.ask = lambda *_: True  # asked before finishing with warning-sign questions unanswered: finish
    _next(window)  # summary: Finish
    return session_id


def assert_nothing_of(window: QWidget, texts: list[str]) -> None:
    """No widget anywhere in the window shows, holds or can undo back to the previous patient's answers."""
    for field in window.findChildren(QLineEdit):
        if field.objectName() == "qt_spinbox_lineedit":
            continue  # the staff view's idle minutes: a setting, not patient data
        assert field.text() == "", field.objectName()
        assert not field.isUndoAvailable(), field.objectName()  # Ctrl+Z must not bring anything back
    for box in window.findChildren(QPlainTextEdit):
        assert box.toPlainText() == "" and not box.document().isUndoAvailable(), box.objectName()
    for label in window.findChildren(QLabel):
        assert not any(text in label.text() for text in texts), label.objectName()
    checked = [b.objectName() for b in window.findChildren(QAbstractButton) if b.isCheckable() and b.isChecked()]
    assert checked == []


# -- PIN ----------------------------------------------------------------------------------------------
def test_first_kiosk_start_asks_for_a_pin_and_stores_only_a_salted_hash(qtbot, questionnaire, store) -> None:
    window = _kiosk(qtbot, questionnaire, store)
    assert window.screen_name() == "pinSetupScreen"
    assert not window.findChild(QAbstractButton, "staffButton").isVisible()
    _type(qtbot, window, "newPin", PIN)
    _type(qtbot, window, "newPinAgain", "917354")
    _click(window, "savePinButton")
    assert "not the same" in window.findChild(QLabel, "pinSetupMessage").text()
    assert window.screen_name() == "pinSetupScreen"
    _type(qtbot, window, "newPin", "1234")
    _type(qtbot, window, "newPinAgain", "1234")
    _click(window, "savePinButton")
    assert "at least 6 digits" in window.findChild(QLabel, "pinSetupMessage").text()
    assert window.screen_name() == "pinSetupScreen"
    _type(qtbot, window, "newPin", PIN)
    _type(qtbot, window, "newPinAgain", PIN)
    _click(window, "savePinButton")
    assert window.screen_name() == "intakeScreen"
    assert window.current_page_id() == questionnaire.pages[0].id
    record = store.get_setting(PIN_SETTING)
    assert record["scheme"] == "scrypt" and len(bytes.fromhex(record["salt"])) == 16
    assert PIN not in json.dumps(record)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PIN.encode() not in store.path.read_bytes()
    other = StaffPin(store)
    other.set_pin(PIN)
    assert store.get_setting(PIN_SETTING)["hash"] != record["hash"], "a new salt each time"


def test_wrong_pins_slow_down_and_the_right_one_opens_the_staff_view(qtbot, questionnaire, store) -> None:
    clock = FakeClock()
    _with_pin(store, clock)
    window = _kiosk(qtbot, questionnaire, store, clock=clock)
    _click(window, "staffButton")
    assert window.screen_name() == "pinEntryScreen"
    message = window.findChild(QLabel, "pinEntryMessage")
    for _ in range(3):  # three wrong PINs are forgiven (docs/kiosk.md)
        _type(qtbot, window, "staffPin", "0000")
        _click(window, "pinOkButton")
        assert message.text() == "Wrong PIN."
    _type(qtbot, window, "staffPin", "0000")
    _click(window, "pinOkButton")
    assert "Try again in 2 seconds" in message.text(), "the fourth wrong PIN waits"
    _type(qtbot, window, "staffPin", PIN)  # even the right PIN waits
    _click(window, "pinOkButton")
    assert window.screen_name() == "pinEntryScreen"
    assert "Too many wrong PINs" in message.text()
    clock.now += 2.5
    _type(qtbot, window, "staffPin", "1111")
    _click(window, "pinOkButton")
    assert "Try again in 4 seconds" in message.text(), "each further wrong PIN doubles the wait"
    assert store.get_setting(ATTEMPTS_SETTING)["failures"] == 5
    clock.now += 4.5
    _type(qtbot, window, "staffPin", PIN)
    _click(window, "pinOkButton")
    assert window.screen_name() == "staffView"
    assert store.get_setting(ATTEMPTS_SETTING)["failures"] == 0
    pin_field = window.findChild(QLineEdit, "staffPin")
    assert pin_field.text() == "" and not pin_field.isUndoAvailable(), "Ctrl+Z must not reveal the PIN"


def test_the_wait_survives_a_restart(qtbot, questionnaire, store) -> None:
    clock = FakeClock()
    _with_pin(store, clock)
    pin = StaffPin(store, clock)
    for _ in range(6):
        clock.now += pin.wait_seconds()
        assert not pin.check("0000").ok
    assert StaffPin(store, clock).wait_seconds() == 8.0, "a new StaffPin (a restarted app) still waits"


def test_pin_cancel_goes_back_to_the_patients_page(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    _click(window, "filled_by__patient")
    window.findChild(QAbstractButton, "staffButton").click()
    _click(window, "pinCancelButton")
    assert window.screen_name() == "intakeScreen"
    assert window.findChild(QAbstractButton, "filled_by__patient").isChecked()


# -- the patient's side -------------------------------------------------------------------------------
def test_patient_cannot_close_the_kiosk_or_see_earlier_sessions(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    earlier = store.create_session({"name": "Earlier Patient", "filled_by": "patient"})
    window = _kiosk(qtbot, questionnaire, store)
    assert not window.close()
    assert window.isVisible()
    assert window.findChild(QWidget, "draftList").isHidden() or window.findChild(QWidget, "draftList").count() == 0
    for label in window.findChildren(QLabel):
        assert "Earlier Patient" not in label.text()
    assert earlier.id is not None
    assert window.findChild(QAbstractButton, "continueButton") is None or not window.findChild(
        QAbstractButton, "continueButton").isVisible()


def test_after_finish_thanks_then_a_clean_screen_for_the_next_person(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    old_wizard = window.wizard
    session_id = walk_session(qtbot, window)
    assert window.screen_name() == "thanksScreen"
    thanks_texts = " ".join(label.text() for label in window.thanks.findChildren(QLabel))
    assert "hand the device back" in thanks_texts and NAME not in thanks_texts
    stored = store.load_session(session_id)
    assert stored.status == "complete"
    assert stored.answers["name"] == NAME and stored.answers["notes"] == NOTE
    _click(window, "nextPersonButton")
    qtbot.waitUntil(lambda: old_wizard not in window.findChildren(type(old_wizard)))
    assert window.screen_name() == "intakeScreen"
    assert window.current_page_id() == questionnaire.pages[0].id
    assert window.wizard is not old_wizard
    assert_nothing_of(window, [NAME, NOTE, "41"])
    # And the next person's pages, built afresh, are empty too.
    _click(window, "filled_by__patient")
    _next(window)
    assert window.findChild(QLineEdit, "name__input").text() == ""
    assert window.wizard.editor.session_id != session_id


# -- idle -----------------------------------------------------------------------------------------------
def test_idle_warning_counts_down_any_input_cancels_it(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store, idle_ms=30, warning_seconds=3, tick_ms=20)
    _click(window, "filled_by__patient")
    with qtbot.waitSignal(window.idle.warning, timeout=2000):
        pass
    banner = window.findChild(QLabel, "idleWarning")
    assert banner.isVisible() and "seconds" in banner.text()
    with qtbot.waitSignal(window.idle.cancelled, timeout=2000):
        qtbot.keyClick(window.findChild(QAbstractButton, "filled_by__clinician"), Qt.Key.Key_Shift)
    assert not banner.isVisible()
    assert window.findChild(QAbstractButton, "filled_by__patient").isChecked(), "nothing was cleared"


def test_idle_timeout_keeps_a_draft_for_staff_and_clears_the_screen(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store, idle_ms=40, warning_seconds=2, tick_ms=20)
    window.idle.stop()  # the patient is busy filling in
    _click(window, "filled_by__patient")
    _next(window)
    _type(qtbot, window, "name__input", NAME)
    session_id = window.wizard.editor.session_id
    window.idle.start()
    with qtbot.waitSignal(window.idle.expired, timeout=3000):
        pass
    assert window.screen_name() == "intakeScreen"
    assert window.current_page_id() == questionnaire.pages[0].id
    qtbot.waitUntil(lambda: not any(f.text() == NAME for f in window.findChildren(QLineEdit)))
    assert_nothing_of(window, [NAME])
    draft = store.load_session(session_id)
    assert draft.status == "draft" and draft.answers["name"] == NAME
    # Visible to staff only: not on the patient's start page, but in the staff view.
    assert not window.findChild(QWidget, "draftList").isVisible()
    window.idle.stop()
    window.ask_pin()
    _type(qtbot, window, "staffPin", PIN)
    _click(window, "pinOkButton")
    rows = window.staff.row_texts()
    assert any(NAME in row and "unfinished" in row for row in rows)


def test_idle_on_the_staff_view_locks_it_again(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store, idle_ms=40, warning_seconds=1, tick_ms=20)
    window.ask_pin()
    _type(qtbot, window, "staffPin", PIN)
    _click(window, "pinOkButton")
    assert window.screen_name() == "staffView"
    with qtbot.waitSignal(window.idle.expired, timeout=3000):
        pass
    assert window.screen_name() == "intakeScreen"
    assert window.staff.sessions.rowCount() == 0


# -- staff view ------------------------------------------------------------------------------------------
def _unlock(qtbot, window: KioskWindow) -> None:
    window.ask_pin()
    _type(qtbot, window, "staffPin", PIN)
    _click(window, "pinOkButton")
    assert window.screen_name() == "staffView"


def test_staff_export_writes_a_private_file(qtbot, questionnaire, store, tmp_path: Path) -> None:
    _with_pin(store)
    session = store.create_session({"filled_by": "patient", "setting": "clinic", "name": "Exported"})
    window = _kiosk(qtbot, questionnaire, store)
    target = tmp_path / "out" / "answers.json"
    target.parent.mkdir()
    asked: list[str] = []
    window.choose_path = lambda _parent, suggested: asked.append(suggested) or str(target)
    _unlock(qtbot, window)
    with qtbot.waitSignal(window.exporter.done, timeout=10_000) as outcome:
        _click(window, "staffExportButton")
    assert outcome.args == [True]
    assert asked == [f"hipdesk-session-{session.id}.json"]
    assert json.loads(target.read_text())["answers"]["name"] == "Exported"
    assert target.stat().st_mode & 0o777 == 0o600
    assert str(target) in window.staff.message.text()
    assert store.get_setting(FOLDER_SETTING) is None, "the kiosk remembers no folder between patients"
    window.choose_path = lambda _parent, _suggested: str(tmp_path / "missing" / "x.json")
    with qtbot.waitSignal(window.exporter.done, timeout=10_000) as outcome:
        _click(window, "staffExportButton")
    assert outcome.args == [False]
    assert "Cannot write" in window.staff.message.text()  # told next to the buttons, no dialog
    assert window.staff.export_button.isEnabled() and not window.staff.busy_bar.isVisible()


def test_staff_saves_a_pdf_report(qtbot, questionnaire, store, tmp_path: Path) -> None:
    _with_pin(store)
    session = store.create_session({"filled_by": "patient", "setting": "clinic", "name": "Report Me",
                                    "pain_now": 3, "pain_worst": 6})
    window = _kiosk(qtbot, questionnaire, store)
    asked: list[str] = []
    window.choose_path = lambda _parent, suggested: asked.append(suggested) or str(tmp_path / "r.pdf")
    _unlock(qtbot, window)
    with qtbot.waitSignal(window.exporter.done, timeout=20_000):
        _click(window, "staffPdfButton")
    assert asked and asked[0].endswith(".pdf") and "Report" in asked[0]
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "r.pdf").stat().st_mode & 0o777 == 0o600
    assert session.id is not None


def test_a_slow_staff_report_is_made_in_the_background_while_the_kiosk_keeps_working(
    qtbot, questionnaire, store, tmp_path: Path, slow_renderer: list
) -> None:
    import threading

    from PySide6.QtCore import QTimer

    rendering_thread = slow_renderer
    _with_pin(store)
    session = store.create_session({"filled_by": "patient", "setting": "clinic", "name": "Slow Report",
                                    "pain_now": 3, "pain_worst": 6})
    window = _kiosk(qtbot, questionnaire, store)
    window.choose_path = lambda _parent, _suggested: str(tmp_path / "slow.pdf")
    _unlock(qtbot, window)
    ticks: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(window.exporter.busy()))
    timer.start(10)
    staff = window.staff
    seen_while_busy = []
    QTimer.singleShot(100, lambda: seen_while_busy.append(
        (staff.busy_bar.isVisible(), staff.busy_text.text(), staff.pdf_button.isEnabled(),
         staff.export_button.isEnabled(), window.screen_name())))
    with qtbot.waitSignal(window.exporter.done, timeout=20_000) as outcome:
        _click(window, "staffPdfButton")
        assert window.exporter.busy() and not (tmp_path / "slow.pdf").exists()
    timer.stop()
    assert outcome.args == [True], staff.message.text()
    assert rendering_thread and rendering_thread[0] is not threading.main_thread()
    # The GUI thread went on handling timer events while the report was being made.
    # A render on the GUI thread would allow no tick at all while busy. How many come depends on the machine's
    # load (a 10 ms timer over ~0.7 s: 9 in one CI run, 38-47 here on a quiet machine), so only a few are required.
    assert ticks.count(True) >= 3
    assert seen_while_busy == [(True, "Making the PDF report…", False, False, "staffView")]
    assert not staff.busy_bar.isVisible() and staff.pdf_button.isEnabled() and staff.export_button.isEnabled()
    assert (tmp_path / "slow.pdf").read_bytes().startswith(b"%PDF")
    assert staff.message.text() == f"Saved to {tmp_path / 'slow.pdf'}"
    assert "Slow Report" in " ".join(staff.row_texts()) and session.id is not None


def test_staff_view_says_when_there_are_no_sessions(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    _unlock(qtbot, window)
    assert window.staff.message.text() == "No sessions yet."


def test_staff_opens_a_patients_session_at_the_examination(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    session = store.create_session({"filled_by": "patient", "setting": "clinic", "name": "For Exam"})
    window = _kiosk(qtbot, questionnaire, store)
    _unlock(qtbot, window)
    _click(window, "staffExamButton")
    assert window.screen_name() == "intakeScreen"
    assert window.current_page_id() == "exam"
    assert window.wizard.editor.session_id == session.id
    toggle = window.wizard.current_page().findChild(QCheckBox, "clinicianToggle")
    assert toggle.isVisibleTo(window)  # staff get the clinician checklist on the patient's session


def test_a_patient_at_the_kiosk_gets_no_clinician_checklist(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    window = _kiosk(qtbot, questionnaire, store)
    session = store.create_session({"filled_by": "clinician", "setting": "clinic", "name": "At the desk"})
    window.wizard.open_session(session.id)
    window.wizard.go_to_page("exam")
    toggle = window.wizard.current_page().findChild(QCheckBox, "clinicianToggle")
    assert not toggle.isVisibleTo(window)
    page_text = " ".join(w.text() for w in window.wizard.current_page().findChildren(QLabel) if w.isVisibleTo(window))
    assert "FADIR" not in page_text and "Hop" not in page_text


def test_staff_sets_the_idle_time_and_leaves_kiosk_mode(qtbot, questionnaire, store) -> None:
    _with_pin(store)
    store.set_setting(KIOSK_SETTING, True)
    window = _kiosk(qtbot, questionnaire, store)
    assert window.idle.idle_ms == 5 * 60_000, "default: 5 minutes"
    _unlock(qtbot, window)
    window.staff.idle_minutes.setValue(7)
    assert store.get_setting(IDLE_SETTING) == 7 and window.idle.idle_ms == 7 * 60_000
    with qtbot.waitSignal(window.left_kiosk, timeout=1000):
        _click(window, "staffLeaveButton")
    assert store.get_setting(KIOSK_SETTING) is False
    assert not window.isVisible()


# -- privacy: the log ----------------------------------------------------------------------------------
def test_a_kiosk_session_leaves_no_patient_data_in_the_log(
    qtbot, questionnaire, store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIPDESK_LOG_DIR", str(tmp_path / "logs"))
    log_file = logs.setup_logging(store.path)
    assert log_file is not None
    try:
        _with_pin(store)
        window = _kiosk(qtbot, questionnaire, store, idle_ms=40, warning_seconds=1, tick_ms=20)
        window.idle.stop()
        session_id = walk_session(qtbot, window)
        _click(window, "nextPersonButton")
        _unlock(qtbot, window)
        window.choose_path = lambda _parent, _suggested: str(tmp_path / "export.json")
        with qtbot.waitSignal(window.exporter.done, timeout=10_000):
            _click(window, "staffExportButton")
        _click(window, "staffBackButton")
        window.idle.start()
        with qtbot.waitSignal(window.idle.expired, timeout=3000):
            pass
    finally:
        for handler in list(logs.logger.handlers):
            handler.flush()
            if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_file.resolve():
                logs.logger.removeHandler(handler)
                handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert f"session {session_id} finished" in text and "exported" in text
    stored = store.load_session(session_id)
    for value in stored.answers.values():
        for word in (value if isinstance(value, list) else [value]):
            if isinstance(word, str) and len(word) > 3:
                assert word not in text, f"patient answer {word!r} is in the log"
    for secret in (NAME, "Secretname", NOTE, "knee", PIN):
        assert secret not in text
    assert log_file.stat().st_mode & 0o777 == 0o600
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert store.path.parent.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "export.json").stat().st_mode & 0o777 == 0o600
