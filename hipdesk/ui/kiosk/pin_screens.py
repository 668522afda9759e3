"""Kiosk screens for the staff PIN: choosing it at the first kiosk start, and typing it to reach the staff view.

The screens only collect what is typed; `hipdesk.storage.staff_pin.StaffPin` decides (format, hash, waiting after wrong PINs).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hipdesk.content.kiosk_text import KioskText
from hipdesk.storage.staff_pin import MAX_LENGTH, PinError, StaffPin, check_pin_format


def _pin_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_LENGTH)
    field.setMaximumWidth(320)
    # Digits or a passphrase: no digits-only keyboard. Nothing typed here is predicted or remembered.
    field.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
    return field


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "error")  # the scheme's error colour (hipdesk.ui.theme)
    return label


class _PinScreen(QWidget):
    """Title, explanation, fields and a message line, centred."""

    def __init__(self, title: str, text: str, message_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout()
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        self.box.addWidget(heading)
        self.box.addWidget(explanation)
        self.message = _message_label(message_name)
        inner = QWidget()
        inner.setLayout(self.box)
        inner.setMaximumWidth(560)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(inner)
        column.addStretch(2)
        outer.addLayout(column, 3)
        outer.addStretch(1)


class PinSetupScreen(_PinScreen):
    """First kiosk start: choose the staff PIN (typed twice). Emits `pin_set` once stored."""

    pin_set = Signal()

    def __init__(self, pin: StaffPin, text: KioskText, parent: QWidget | None = None) -> None:
        super().__init__(text.set_pin_title, text.set_pin_text, "pinSetupMessage", parent)
        self.setObjectName("pinSetupScreen")
        self.pin = pin
        self.text = text
        self.first = _pin_field("newPin", text.set_pin_title)
        self.second = _pin_field("newPinAgain", text.set_pin_again)
        again = QLabel(text.set_pin_again)
        again.setBuddy(self.second)
        self.save_button = QPushButton("OK")
        self.save_button.setObjectName("savePinButton")
        self.save_button.clicked.connect(self.submit)
        self.second.returnPressed.connect(self.submit)
        self.first.returnPressed.connect(self.second.setFocus)
        for widget in (self.first, again, self.second, self.message):
            self.box.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.box.addLayout(row)

    def submit(self) -> None:
        """Store the PIN if both fields agree and it is 6+ digits or a passphrase; else say why."""
        first, second = self.first.text(), self.second.text()
        self.first.clear()
        self.second.clear()
        try:
            check_pin_format(first)
            if first != second:
                raise PinError(self.text.pins_differ)
            self.pin.set_pin(first)
        except PinError as error:
            self.message.setText(str(error))
            self.first.setFocus()
            return
        self.message.clear()
        self.pin_set.emit()


class PinEntryScreen(_PinScreen):
    """Type the staff PIN. Emits `unlocked` on the right PIN, `cancelled` on Cancel."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, pin: StaffPin, text: KioskText, parent: QWidget | None = None) -> None:
        super().__init__(text.enter_pin_title, text.enter_pin_text, "pinEntryMessage", parent)
        self.setObjectName("pinEntryScreen")
        self.pin = pin
        self.field = _pin_field("staffPin", text.enter_pin_title)
        self.ok_button = QPushButton("OK")
        self.ok_button.setObjectName("pinOkButton")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("pinCancelButton")
        self.ok_button.clicked.connect(self.submit)
        self.field.returnPressed.connect(self.submit)
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.ok_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        self.box.addWidget(self.field)
        self.box.addWidget(self.message)
        self.box.addLayout(row)

    def reset(self) -> None:
        """Empty field; the message stays if a wait is still running."""
        self.field.clear()
        self.message.setText(self.pin.wait_message())
        self.field.setFocus()

    def submit(self) -> None:
        """Check the PIN (the core refuses, without comparing, while a wait runs)."""
        result = self.pin.check(self.field.text())
        self.field.clear()
        if result.ok:
            self.message.clear()
            self.unlocked.emit()
        else:
            self.message.setText(result.message)

    def _cancel(self) -> None:
        self.field.clear()
        self.cancelled.emit()
