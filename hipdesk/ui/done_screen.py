"""After Finish in the ordinary window: what was saved and where, and what to do next (not a blank Welcome page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hipdesk.content.done_text import DoneText, done_text
from hipdesk.ui.text import escape


def _label(name: str, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DoneScreen(QWidget):
    """Names the finished session and its place on disk. `pdf_requested(id)`, `sessions_requested`, `new_requested`."""

    pdf_requested = Signal(int)
    sessions_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneScreen")
        self.text: DoneText = done_text()
        self.session_id: int | None = None
        title = QLabel(self.text.title)
        title.setObjectName("pageTitle")
        self.session_line = _label("doneSession")
        self.where = _label("doneWhere")
        self.saved = _label("doneExported")
        next_title = QLabel(self.text.next_title)
        next_title.setObjectName("doneNextTitle")
        next_title.setTextFormat(Qt.TextFormat.PlainText)
        next_title.setWordWrap(True)
        next_title.setProperty("role", "heading")  # the window's heading style: it grows with the text size
        self.pdf_button = QPushButton(self.text.pdf_button)
        self.pdf_button.setObjectName("donePdfButton")
        self.pdf_button.clicked.connect(self._pdf)
        self.sessions_button = QPushButton(self.text.sessions_button)
        self.sessions_button.setObjectName("doneSessionsButton")
        self.sessions_button.clicked.connect(self.sessions_requested.emit)
        self.new_button = QPushButton(self.text.new_button)
        self.new_button.setObjectName("doneNewButton")
        self.new_button.clicked.connect(self.new_requested.emit)
        self.pdf_status = _label("donePdfStatus")
        self.pdf_status.setContentsMargins(20, 0, 0, 0)  # under the step it belongs to

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(title)
        layout.addWidget(self.session_line)
        layout.addWidget(self.where)
        layout.addWidget(self.saved)
        layout.addWidget(next_title)
        layout.addLayout(self._step("1.", self.text.pdf_text, self.pdf_button))
        layout.addWidget(self.pdf_status)
        layout.addLayout(self._step("2.", self.text.follow_up_text, self.sessions_button))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setMaximumWidth(1000)

    def _step(self, number: str, words: str, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        mark = QLabel(f"<b>{number}</b>")
        text = _label("", words)
        # The number, the first line of text and the button's caption on one line: the labels start at the top,
        # as low as the caption sits inside the button's frame.
        for label in (mark, text):
            label.setContentsMargins(0, 5, 0, 0)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def show_session(self, session_id: int, name: str, finished: str, database: Path, exported: list[str]) -> None:
        """Say which session was saved, where, and what was exported while it was open."""
        self.session_id = session_id
        shown_name = f" ({name})" if name else ""
        when = finished[:16].replace("T", " ")
        self.session_line.setText(escape(self.text.session.format(number=session_id, name=shown_name, when=when)))
        self.where.setText(f"{escape(self.text.where)}<br><code>{escape(str(database))}</code>")
        if exported:
            lines = "<br>".join(f"<code>{escape(path)}</code>" for path in exported)
            self.saved.setText(f"{escape(self.text.exported)}<br>{lines}")
            self.saved.show()
        else:
            self.saved.clear()
            self.saved.hide()
        self.pdf_status.clear()
        self.pdf_status.hide()

    def show_pdf_saved(self, message: str) -> None:
        """The line under the PDF step ('Saved: …')."""
        self.pdf_status.setText(escape(message))
        self.pdf_status.setVisible(bool(message))

    def _pdf(self) -> None:
        if self.session_id is not None:
            self.pdf_requested.emit(self.session_id)
