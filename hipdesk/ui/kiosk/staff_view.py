"""The kiosk's staff view (behind the PIN): sessions, the examination on a patient's session, export,
the idle setting, and leaving kiosk mode. A separate widget so the session library can replace the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.kiosk_text import KioskText
from hipdesk.storage.store import SessionStore


class StaffView(QWidget):
    """Signals carry the chosen session id; the kiosk window does the work."""

    back_requested = Signal()
    exam_requested = Signal(int)
    export_requested = Signal(int)
    pdf_requested = Signal(int)
    leave_requested = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(self, store: SessionStore, text: KioskText, idle_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffView")
        self.store = store
        self.text = text
        title = QLabel(text.staff_title)
        title.setObjectName("pageTitle")
        self.sessions = QListWidget()
        self.sessions.setObjectName("staffSessionList")
        self.sessions.setAccessibleName(text.staff_title)
        self.message = QLabel()
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        self.exam_button = self._button("staffExamButton", text.staff_exam, buttons,
                                        lambda: self._emit_selected(self.exam_requested))
        self.pdf_button = self._button("staffPdfButton", text.staff_export_pdf, buttons,
                                       lambda: self._emit_selected(self.pdf_requested))
        self.export_button = self._button("staffExportButton", text.staff_export, buttons,
                                          lambda: self._emit_selected(self.export_requested))
        buttons.addStretch(1)
        self.back_button = self._button("staffBackButton", text.staff_back, buttons, self.back_requested.emit)
        self.leave_button = self._button("staffLeaveButton", text.staff_leave, buttons, self.leave_requested.emit)
        idle_row = QHBoxLayout()
        idle_label = QLabel(text.staff_idle_minutes)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(1, 60)
        self.idle_minutes.setValue(idle_minutes)
        idle_label.setBuddy(self.idle_minutes)
        self.idle_minutes.valueChanged.connect(self.idle_minutes_changed.emit)
        idle_row.addWidget(idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(self.sessions, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addLayout(idle_row)

    def _button(self, name: str, label: str, row: QHBoxLayout, slot: object) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def refresh(self) -> None:
        """Reload the list: newest first, unfinished ones marked."""
        self.sessions.clear()
        self.message.clear()
        for info in self.store.list_sessions(limit=500):
            status = self.text.draft if info.status == "draft" else self.text.complete
            when = info.updated_at[:16].replace("T", " ")
            entry = QListWidgetItem(f"#{info.id}  {info.name or '(no name)'}  ·  {status}  ·  {when}")
            entry.setData(Qt.ItemDataRole.UserRole, info.id)
            self.sessions.addItem(entry)
        if self.sessions.count():
            self.sessions.setCurrentRow(0)
        else:
            self.message.setText(self.text.staff_empty)

    def clear(self) -> None:
        """Forget what was shown (the view is locked again)."""
        self.sessions.clear()
        self.message.clear()

    def selected_id(self) -> int | None:
        """The chosen session, if any."""
        entry = self.sessions.currentItem()
        return None if entry is None else int(entry.data(Qt.ItemDataRole.UserRole))

    def _emit_selected(self, signal: SignalInstance) -> None:
        """Send the chosen session's id, or ask for a choice first."""
        session_id = self.selected_id()
        if session_id is None:
            self.message.setText(self.text.staff_no_selection)
        else:
            signal.emit(session_id)
