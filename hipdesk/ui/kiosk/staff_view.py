"""The kiosk's staff view (behind the PIN): sessions with their triage, the examination on a patient's
session, export, delete, the idle setting, and leaving kiosk mode.

Which sessions come first and which count as seen is decided in `hipdesk.library.front_desk`; this
widget lays the rows out and sends the chosen session's id to the kiosk window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.kiosk_text import KioskText
from hipdesk.library.front_desk import StaffRow, attention_count, staff_rows
from hipdesk.library.sessions import load_library_content
from hipdesk.storage.store import SessionStore
from hipdesk.ui.red_flag_banner import LEVEL_COLOUR

#: (sort key, descending) of each entry of the sort box, in order.
SORTS = (("date", True), ("date", False), ("name", False), ("triage", False))
COLUMNS = ("col_number", "col_name", "col_triage", "col_status", "col_started", "col_seen")


class StaffView(QWidget):
    """Signals carry the chosen session id; the kiosk window does the work."""

    back_requested = Signal()
    exam_requested = Signal(int)
    export_requested = Signal(int)
    pdf_requested = Signal(int)
    seen_requested = Signal(int)
    delete_requested = Signal(int)
    leave_requested = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(self, store: SessionStore, text: KioskText, idle_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffView")
        self.store = store
        self.text = text
        self.rows: list[StaffRow] = []
        self.title = QLabel(text.staff_title)
        self.title.setObjectName("pageTitle")

        self.search = QLineEdit()
        self.search.setObjectName("staffSearch")
        self.search.setPlaceholderText(text.staff_search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        search_label = QLabel(text.staff_search)
        search_label.setBuddy(self.search)
        self.sort = QComboBox()
        self.sort.setObjectName("staffSort")
        self.sort.addItems([text.staff_sort_newest, text.staff_sort_oldest, text.staff_sort_name, text.staff_sort_triage])
        self.sort.currentIndexChanged.connect(lambda _index: self.refresh())
        sort_label = QLabel(text.staff_sort)
        sort_label.setBuddy(self.sort)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addSpacing(16)
        filters.addWidget(sort_label)
        filters.addWidget(self.sort)

        self.sessions = QTableWidget(0, len(COLUMNS))
        self.sessions.setObjectName("staffSessionList")
        self.sessions.setAccessibleName(text.staff_title)
        self.sessions.setHorizontalHeaderLabels([getattr(text, key) for key in COLUMNS])
        self.sessions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions.verticalHeader().hide()
        header = self.sessions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sessions.itemActivated.connect(lambda _item: self._emit_selected(self.exam_requested))
        note = QLabel(text.staff_attention_note)
        note.setObjectName("helpText")
        note.setWordWrap(True)

        self.message = QLabel()
        self.message.setObjectName("staffMessage")
        self.message.setWordWrap(True)
        session_buttons = QHBoxLayout()
        self.exam_button = self._button("staffExamButton", text.staff_exam, session_buttons,
                                        lambda: self._emit_selected(self.exam_requested))
        self.pdf_button = self._button("staffPdfButton", text.staff_export_pdf, session_buttons,
                                       lambda: self._emit_selected(self.pdf_requested))
        self.export_button = self._button("staffExportButton", text.staff_export, session_buttons,
                                          lambda: self._emit_selected(self.export_requested))
        self.seen_button = self._button("staffSeenButton", text.staff_mark_seen, session_buttons,
                                        lambda: self._emit_selected(self.seen_requested))
        # While a file is made in the background: a moving bar and what is being made; the export buttons wait.
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("staffExportProgress")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName("Export in progress")
        self.busy_bar.hide()
        self.busy_text = QLabel()
        self.busy_text.setObjectName("staffExportDoing")
        self.busy_text.hide()
        session_buttons.addWidget(self.busy_bar)
        session_buttons.addWidget(self.busy_text)
        session_buttons.addStretch(1)
        self.delete_button = self._button("staffDeleteButton", text.staff_delete, session_buttons,
                                          lambda: self._emit_selected(self.delete_requested))
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
        self.back_button = self._button("staffBackButton", text.staff_back, idle_row, self.back_requested.emit)
        self.leave_button = self._button("staffLeaveButton", text.staff_leave, idle_row, self.leave_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.sessions, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(session_buttons)
        layout.addLayout(idle_row)

    def _button(self, name: str, label: str, row: QHBoxLayout, slot: object) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def show_progress(self, doing: str) -> None:
        """What is being made in the background ("" when it is done): the bar shows, the export buttons wait."""
        working = bool(doing)
        self.busy_bar.setVisible(working)
        self.busy_text.setText(doing)
        self.busy_text.setVisible(working)
        for button in (self.pdf_button, self.export_button):
            button.setEnabled(not working)

    def refresh(self, keep_message: bool = False) -> None:
        """Reload the list (unseen emergency and urgent first) and the count in the title."""
        if not keep_message:
            self.message.clear()
        sort, descending = SORTS[max(self.sort.currentIndex(), 0)]
        chosen = self.selected_id()
        self.rows = staff_rows(self.store, self.search.text(), sort, descending)
        self.sessions.setRowCount(0)
        self.sessions.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        count = attention_count(self.store)
        self.title.setText(self.text.staff_title_attention.format(count=count) if count else self.text.staff_title)
        if self.rows:
            ids = [row.id for row in self.rows]
            self.sessions.selectRow(ids.index(chosen) if chosen in ids else 0)
        elif not self.search.text().strip() and not keep_message:
            self.message.setText(self.text.staff_empty)

    def _fill(self, index: int, row: StaffRow) -> None:
        labels = load_library_content().triage_labels
        triage = labels.get(row.triage, row.triage) if row.triage else self.text.not_assessed
        status = self.text.draft if row.status == "draft" else self.text.complete
        seen = self.text.seen_yes if row.seen else self.text.seen_no
        cells = (f"#{row.id}", row.name or self.text.no_name, triage, status, row.date, seen)
        bold = QFont()
        bold.setBold(True)
        items = [QTableWidgetItem(value) for value in cells]
        for column, cell in enumerate(items):
            if row.needs_attention:
                cell.setFont(bold)
            self.sessions.setItem(index, column, cell)
        triage_cell = items[2]
        triage_cell.setData(Qt.ItemDataRole.AccessibleTextRole, f"{self.text.col_triage}: {triage}")
        if row.triage in LEVEL_COLOUR:
            colour = LEVEL_COLOUR[row.triage]
            triage_cell.setBackground(QBrush(QColor(colour)))
            triage_cell.setForeground(QBrush(QColor("white")))
            # A label over the cell keeps the colour visible on the selected row too (selection repaints items).
            badge = QLabel(triage)
            badge.setObjectName(f"triageBadge_{row.id}")
            weight = "700" if row.needs_attention else "400"
            badge.setStyleSheet(f"background: {colour}; color: white; padding: 0 6px; font-weight: {weight};")
            self.sessions.setCellWidget(index, 2, badge)

    def clear(self) -> None:
        """Forget what was shown (the view is locked again): rows, search, selection and messages."""
        self.rows = []
        self.sessions.setRowCount(0)
        self.search.blockSignals(True)
        self.search.setText("")  # setText, not clear(): clear() can be undone with Ctrl+Z
        self.search.blockSignals(False)
        self.message.clear()

    def row_texts(self) -> list[str]:
        """Each row's cells joined, as shown (tests and screen readers)."""
        def cell(r: int, c: int) -> str:
            item = self.sessions.item(r, c)
            return item.text() if item is not None else ""

        return [" · ".join(cell(r, c) for c in range(self.sessions.columnCount())) for r in range(self.sessions.rowCount())]

    def selected_id(self) -> int | None:
        """The chosen session, if any."""
        index = self.sessions.currentRow()
        selected = self.sessions.selectionModel().hasSelection() if self.sessions.selectionModel() else False
        return self.rows[index].id if selected and 0 <= index < len(self.rows) else None

    def _emit_selected(self, signal: SignalInstance) -> None:
        """Send the chosen session's id, or ask for a choice first."""
        session_id = self.selected_id()
        if session_id is None:
            self.message.setText(self.text.staff_no_selection)
        else:
            signal.emit(session_id)
