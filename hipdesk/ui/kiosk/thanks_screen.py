"""After Finish in kiosk mode: thank the person and ask for the device back. Shows nothing of their answers."""

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
        title = QLabel(text.thanks_title)
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text.thanks_text)
        body.setObjectName("thanksText")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setStyleSheet("font-size: 15pt;")
        self.next_button = QPushButton(text.next_person)
        self.next_button.setObjectName("nextPersonButton")
        self.next_button.clicked.connect(self.next_person.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addSpacing(24)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
