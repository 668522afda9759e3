"""The bar above a session that staff opened: whose session it is, and the two ways out (both close it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hipdesk.content.kiosk_text import KioskText
from hipdesk.ui.text import escape


class StaffSessionBanner(QFrame):
    """'Staff mode · session #12 · name'. `close_requested(to_staff_view)` from its buttons."""

    close_requested = Signal(bool)

    def __init__(self, text: KioskText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffSessionBanner")
        self.text = text
        self.setStyleSheet("#staffSessionBanner { background: #1f3a5f; border-radius: 4px; }"
                           " #staffSessionBanner QLabel { color: white; }")
        self.label = QLabel()
        self.label.setObjectName("staffSessionLabel")
        self.label.setWordWrap(True)
        self.note = QLabel(text.staff_session_exam)
        self.note.setWordWrap(True)
        self.list_button = QPushButton(text.staff_session_list)
        self.list_button.setObjectName("staffSessionListButton")
        self.list_button.clicked.connect(lambda: self.close_requested.emit(True))
        self.close_button = QPushButton(text.staff_session_close)
        self.close_button.setObjectName("staffSessionCloseButton")
        self.close_button.clicked.connect(lambda: self.close_requested.emit(False))
        words = QVBoxLayout()
        words.addWidget(self.label)
        words.addWidget(self.note)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addLayout(words, 1)
        row.addWidget(self.list_button)
        row.addWidget(self.close_button)
        self.hide()

    def show_session(self, number: int, name: str) -> None:
        """Name the open session."""
        shown = self.text.staff_session_banner.format(number=number, name=name or self.text.no_name)
        self.label.setText(f"<b>{escape(shown)}</b>")
        self.setAccessibleName(f"{shown}. {self.text.staff_session_exam}")
        self.show()

    def clear(self) -> None:
        """No staff session any more."""
        self.label.clear()
        self.setAccessibleName("")
        self.hide()
