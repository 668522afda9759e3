"""The kiosk's screen switches, done through its widgets as a patient and a member of staff do them.

Shared by the accessibility tests: tests/ui/a11y_reader.py (in-process reader) and
`tests/launch.py --switch-kiosk N` (the real app, read by an AT-SPI client in another process).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton

from hipdesk.ui.kiosk.window import KioskWindow

PIN = "917353"


def choose_pin(window: KioskWindow) -> None:
    """First start: the PIN typed twice on the set-up screen."""
    if window.screen_name() == "pinSetupScreen":
        window.pin_setup.first.setText(PIN)
        window.pin_setup.second.setText(PIN)
        window.pin_setup.save_button.click()


def kiosk_switches(window: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    """One cycle of switches (name, action); each leaves a different screen or page in front."""

    def answer_and_next() -> None:
        if window.wizard is None or window.screen_name() != "intakeScreen":
            return
        for name in ("filled_by__patient", "setting__clinic", "filled_by__clinician"):
            found = window.findChild(QAbstractButton, name)
            if found is not None and found.isVisible():
                found.click()
        window.wizard.next()

    def staff_button() -> None:
        if window.staff_button.isVisible():
            window.staff_button.click()
        else:
            window.ask_pin()  # the Staff key (Ctrl+Shift+S), also inside a staff session

    def unlock() -> None:
        if window.screen_name() == "pinEntryScreen":
            window.pin_entry.field.setText(PIN)
            window.pin_entry.ok_button.click()

    def open_exam() -> None:
        if window.screen_name() == "staffView" and window.staff.rows:
            window.staff.sessions.selectRow(0)
            window.staff.exam_button.click()

    def go_to(page: str) -> Callable[[], None]:
        def go() -> None:
            if window.wizard is not None and window.screen_name() == "intakeScreen":
                window.wizard.go_to_page(page)
        return go

    def staff_back() -> None:
        if window.screen_name() == "staffView":
            window.staff.back_button.click()

    def pin_cancel() -> None:
        if window.screen_name() == "pinEntryScreen":
            window.pin_entry.cancel_button.click()

    return [
        ("answer start page, Next", answer_and_next),
        ("Staff", staff_button),
        ("PIN typed", unlock),
        ("open examination", open_exam),
        ("summary page", go_to("summary")),
        ("exam page", go_to("exam")),
        ("Staff in the staff session", staff_button),
        ("PIN cancelled", pin_cancel),
        ("idle: screen cleared", window._idle_expired),
        ("Staff", staff_button),
        ("PIN typed", unlock),
        ("staff view: Back", staff_back),
    ]
