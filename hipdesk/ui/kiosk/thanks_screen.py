"""After Finish in kiosk mode: thank the person and ask for the device back. Shows nothing of their answers.

After an emergency answer the same screen asks the person to speak to the reception now; the words come
from resources/kiosk.json, and the screen still names no answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from hipdesk.content.kiosk_text import KioskText


class ThanksScreen(QWidget):
    """A fixed message and one button; `next_person` when the desk is ready for the next patient."""

    next_person = Signal()

    def __init__(self, text: KioskText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thanksScreen")
        self.text = text
        self.title = QLabel(text.thanks_title)
        self.title.setObjectName("pageTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.body = QLabel(text.thanks_text)
        self.body.setObjectName("thanksText")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)  # its size is in the window's style sheet (text size)
        self.next_button = QPushButton(text.next_person)
        self.next_button.setObjectName("nextPersonButton")
        self.next_button.clicked.connect(self.next_person.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addSpacing(24)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)

    def show_outcome(self, speak_to_reception: bool) -> None:
        """The ordinary thanks, or (after an emergency answer) the request to go to the reception now."""
        if speak_to_reception:
            self.title.setText(self.text.thanks_emergency_title)
            self.body.setText(self.text.thanks_emergency_text)
            self.title.setProperty("role", "error")  # the scheme's error colour: readable on light and dark
        else:
            self.title.setText(self.text.thanks_title)
            self.body.setText(self.text.thanks_text)
            self.title.setProperty("role", None)
        self.title.style().unpolish(self.title)  # a property the style sheet selects on: polish again
        self.title.style().polish(self.title)
        self.setAccessibleName(f"{self.title.text()}. {self.body.text()}")
