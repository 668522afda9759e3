"""The session browser: search, date range, sort, continue / open, follow-up, export, delete, trends.

The table is a model/view pair with lazy fetching: the model reads pages of rows from
`hipdesk.library.sessions.fetch_rows` only as the view scrolls, so 100,000 sessions cost one page at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.library_text import LibraryContent, load_library_content
from hipdesk.library import sessions as library
from hipdesk.library.sessions import AssessFunction, LibraryQuery, LibraryRow
from hipdesk.ui.context import UiContext
from hipdesk.ui.summary_worker import AT_ONCE, SummaryWorker, keep_running

if TYPE_CHECKING:  # the charts' code loads on the first "Pain trends" (QPainter's enums alone cost ~50 ms)
    from hipdesk.ui.trend_chart import TrendsPanel

#: Column order of the table: each is a sort key of `hipdesk.library.sessions.SORT_COLUMNS` except "delivery"
#: (the FHIR outbox state has no index: sorting on it keeps the date order).
COLUMNS = ("date", "person", "status", "triage", "top_cause", "worst_pain", "delivery")
ModelIndex = QModelIndex | QPersistentModelIndex


#: The pause in typing after which the list is searched (a search per keystroke would queue up at 1M sessions).
SEARCH_PAUSE_MS = 200

class SessionTableModel(QAbstractTableModel):
    """Sessions matching a query, fetched in pages as the view needs them."""

    def __init__(self, store: Any, content: LibraryContent, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.content = content
        self.page_size = page_size
        self.query = LibraryQuery()
        self.rows: list[LibraryRow] = []
        self.exhausted = True
        #: Emergency, urgent and refused are written in the colour scheme's error colour (SessionLibrary keeps it
        #: in step with View → Colours): a fixed dark red was 2.3:1 on the dark scheme's rows.
        self.alert = QColor("#b00020")

    # -- data -------------------------------------------------------------------------------------
    def set_query(self, query: LibraryQuery) -> None:
        """Show the first page of a new search or sort."""
        self.beginResetModel()
        self.query = query
        self.rows = library.fetch_rows(self.store, query, 0, self.page_size)
        self.exhausted = len(self.rows) < self.page_size
        self.endResetModel()

    def reload(self) -> None:
        """Read the current query again (after a change), keeping as many rows as were loaded."""
        loaded = max(len(self.rows), self.page_size)
        self.beginResetModel()
        self.rows = library.fetch_rows(self.store, self.query, 0, loaded)
        self.exhausted = len(self.rows) < loaded
        self.endResetModel()

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt API)
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: N802, B008 (Qt API)
        if parent.isValid() or self.exhausted:
            return
        more = library.fetch_rows(self.store, self.query, len(self.rows), self.page_size)
        self.exhausted = len(more) < self.page_size
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def row_at(self, row: int) -> LibraryRow | None:
        """The session on this line, if any."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- Qt model API -----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.content.columns[COLUMNS[section]]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None or not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "delivery" and row.delivery_reason:
            return row.delivery_reason
        if role == Qt.ItemDataRole.ForegroundRole and column == "delivery" and row.delivery == "refused":
            return self.alert
        if role == Qt.ItemDataRole.ForegroundRole and column == "triage" and row.triage in ("emergency", "urgent"):
            return self.alert
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "worst_pain":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def cell_text(self, row: LibraryRow, column: str) -> str:
        """What the table shows for one session in one column."""
        c = self.content
        missing = c.texts["not_assessed"]
        if column == "date":
            return row.date
        if column == "person":
            return row.person_name or c.texts["no_name"]
        if column == "status":
            return c.status_labels.get(row.status, row.status)
        if column == "triage":
            return c.triage_labels.get(row.triage, row.triage) if row.triage else missing
        if column == "top_cause":
            return c.cause_labels.get(row.top_cause, row.top_cause) if row.top_cause else missing
        if column == "delivery":
            return self.delivery_text(row)
        return f"{row.worst_pain}/10" if row.worst_pain is not None else missing

    def delivery_text(self, row: LibraryRow) -> str:
        """Where the session is on its way to the clinic's FHIR server (the reason shows below the table)."""
        if row.delivery is None:
            return ""
        return self.content.texts.get(f"delivery_{row.delivery}", row.delivery)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            q = self.query
            self.set_query(LibraryQuery(q.search, q.date_from, q.date_to, COLUMNS[column],
                                        order == Qt.SortOrder.DescendingOrder))


class AnyDateEdit(QDateEdit):
    """A date field whose lowest value means 'any date'; its calendar then opens on this month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        calendar = self.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and self.date() == self.minimumDate():
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())  # shows the month; picks nothing
        return super().eventFilter(watched, event)


def _date_edit(special: str, name: str) -> QDateEdit:
    """A date field whose lowest value means 'any date'."""
    edit = AnyDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText(special)
    edit.setDate(edit.minimumDate())
    return edit


class SessionLibrary(QWidget):
    """The session browser. The shell connects its signals to the wizard and the report."""

    continue_requested = Signal(int)
    open_summary_requested = Signal(int)
    export_requested = Signal(int)
    session_deleted = Signal(int)
    send_requested = Signal()  # a refused session was queued again: the sender may try at once

    def __init__(self, ctx: UiContext, assess: AssessFunction | None = None,
                 content: LibraryContent | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assess = assess
        self.content = content or load_library_content()
        texts = self.content.texts
        self.setObjectName("sessionLibrary")

        title = QLabel(texts["title"])
        title.setObjectName("pageTitle")
        self.back_button = QPushButton(texts["back"])
        self.back_button.setObjectName("libraryBack")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.back_button)

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(texts["search_placeholder"])
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(texts["search"])
        search_label.setBuddy(self.search)
        self.date_from = _date_edit(texts["any_date"], "libraryFrom")
        self.date_to = _date_edit(texts["any_date"], "libraryTo")
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        for label_text, edit in ((texts["from"], self.date_from), (texts["to"], self.date_to)):
            label = QLabel(label_text)
            label.setBuddy(edit)
            filters.addWidget(label)
            filters.addWidget(edit)

        self.model = SessionTableModel(ctx.store, self.content, parent=self)
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(texts["title"])
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        self.table.installEventFilter(self)
        self._follow_colours()
        header.setSortIndicator(COLUMNS.index("date"), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # sorts once, by the indicator: newest first

        self.open_button = QPushButton(texts["continue"])
        self.open_button.setObjectName("libraryOpen")
        self.follow_up_button = QPushButton(texts["follow_up"])
        self.follow_up_button.setObjectName("libraryFollowUp")
        self.export_button = QPushButton(texts["export"])
        self.export_button.setObjectName("libraryExport")
        self.trends_button = QPushButton(texts["trends"])
        self.trends_button.setObjectName("libraryTrends")
        self.delete_button = QPushButton(texts["delete"])
        self.delete_button.setObjectName("libraryDelete")
        self.resend_button = QPushButton(texts["delivery_resend"])
        self.resend_button.setObjectName("libraryResend")
        self.delivery = QLabel()  # the selected session's way to the clinic's FHIR server, with the reason
        self.delivery.setObjectName("libraryDelivery")
        self.delivery.setWordWrap(True)
        self.delivery.setTextFormat(Qt.TextFormat.PlainText)  # the server's words, shown as they are
        buttons = QHBoxLayout()
        for button in (self.open_button, self.follow_up_button, self.export_button, self.trends_button,
                       self.resend_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        self._trends: TrendsPanel | None = None  # built on the first "Pain trends"
        self.trends_area = QScrollArea()  # the charts keep their size on small screens; the area scrolls
        self.trends_area.setWidgetResizable(True)
        self.trends_area.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.trends_area)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addLayout(filters)
        self.progress = QLabel()
        self.progress.setObjectName("libraryProgress")
        self.progress.hide()
        self.worker: SummaryWorker | None = None
        layout.addWidget(self.progress)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.delivery)
        layout.addLayout(buttons)

        # Typing is debounced: the list is searched once the person pauses (or presses Enter), not per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._query_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.date_from.dateChanged.connect(self._query_changed)
        self.date_to.dateChanged.connect(self._query_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self._open())  # Enter or double-click
        self.open_button.clicked.connect(self._open)
        self.follow_up_button.clicked.connect(self._follow_up)
        self.export_button.clicked.connect(self._export)
        self.trends_button.clicked.connect(self._show_trends)
        self.delete_button.clicked.connect(self._delete)
        self.resend_button.clicked.connect(self._send_again)
        self._selection_changed()

    # -- column widths ----------------------------------------------------------------------------
    def _column_texts(self) -> dict[str, list[str]]:
        """What each column has to show whole (its heading comes on top)."""
        c = self.content
        missing = c.texts["not_assessed"]
        return {
            "date": ["8888-88-88 88:88"],
            "status": list(c.status_labels.values()),
            "triage": [*c.triage_labels.values(), missing],
            "top_cause": [*c.cause_labels.values(), missing],
            "worst_pain": ["10/10", missing],
            "delivery": [c.texts.get(f"delivery_{state}", "") for state in ("sent", "waiting", "refused")],
        }

    def _fit_columns(self) -> None:
        """Widths measured in the table's own font, so they grow with the text size (fixed pixel widths cut dates
        and headings short at 200 %). A possible cause is long: it may be cut at about 28 letters (elided)."""
        metrics = self.table.fontMetrics()  # (the heading's too: the header takes the table's font a moment later)
        header = self.table.horizontalHeader()
        padding = metrics.height() + 16  # the cell's margins and the heading's sort arrow
        cap = metrics.averageCharWidth() * 28
        self._wanted: dict[str, int] = {"person": metrics.averageCharWidth() * 22 + padding}
        for column, texts in self._column_texts().items():
            content = min(cap, max((metrics.horizontalAdvance(text) for text in texts), default=0))
            heading = metrics.horizontalAdvance(self.content.columns[column])
            self._wanted[column] = max(content, heading) + padding
        for index, column in enumerate(COLUMNS):
            if column != "person":
                header.resizeSection(index, self._wanted[column])
        self._place_person_column()

    def _place_person_column(self) -> None:
        """Names take the room left over; where there is none (large text, small window) they keep a readable width
        and the table scrolls sideways."""
        header = self.table.horizontalHeader()
        person = COLUMNS.index("person")
        others = sum(header.sectionSize(i) for i in range(len(COLUMNS)) if i != person)
        # (Not viewport().width(): PySide's first viewport() call guesses the widget's class, ~20 ms.)
        room = self.table.maximumViewportSize().width() - self.table.verticalScrollBar().sizeHint().width() - others
        if room >= self._wanted["person"]:
            header.setSectionResizeMode(person, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(person, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(person, self._wanted["person"])

    def _follow_colours(self) -> None:
        # The theme puts its error colour in the palette's BrightText role (hipdesk.ui.theme.palette_for).
        alert = self.palette().color(QPalette.ColorRole.BrightText)
        if alert != self.model.alert:
            self.model.alert = alert
            if self.model.rowCount():
                last = self.model.index(self.model.rowCount() - 1, len(COLUMNS) - 1)
                self.model.dataChanged.emit(self.model.index(0, 0), last, [Qt.ItemDataRole.ForegroundRole])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # View → Colours
            self._follow_colours()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # The table's own font and size, not the library's: the library hears of a new text size before the table
        # has it, and at the first show it is resized before its table.
        if watched is self.table:
            if event.type() == QEvent.Type.FontChange:  # View → Text size
                self._fit_columns()
            elif event.type() == QEvent.Type.Resize:
                self._place_person_column()
        return False

    # -- queries ----------------------------------------------------------------------------------
    def current_query(self) -> LibraryQuery:
        """The search, date range and sort on screen."""
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        return LibraryQuery(
            search=self.search.text(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            sort=COLUMNS[column] if 0 <= column < len(COLUMNS) else "date",
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
        )

    @staticmethod
    def _date(edit: QDateEdit) -> str | None:
        if edit.date() == edit.minimumDate():
            return None
        return edit.date().toString("yyyy-MM-dd")

    def _query_changed(self, *_args: object) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def apply_search(self) -> None:
        """Search for the text typed so far now, without waiting for the pause."""
        self._query_changed()

    def refresh(self) -> None:
        """Bring list columns up to date with changed sessions, then show the list again.

        A few stale summaries are filled at once; many (sessions imported by an older HipDesk, say) in a
        worker while the list is already shown, with a line saying how far it has got.
        """
        if not self.ctx.store.read_only:
            stale = library.stale_session_ids(self.ctx.store)
            if len(stale) > AT_ONCE:
                self._fill_in_background(stale)
            elif stale:
                library.refresh_stale(self.ctx.store, self.ctx.questionnaire, self.assess)
        self.model.reload()

    def _fill_in_background(self, stale: list[int]) -> None:
        if self.worker is not None and self.worker.isRunning():
            return
        worker = SummaryWorker(self.ctx.store.path, self.ctx.questionnaire, stale, self.assess)
        self.worker = worker
        keep_running(worker)  # referenced (and waited for at quit) even if this view goes first
        worker.progress.connect(self._filling_progress)
        worker.done_filling.connect(self._filled)
        self._filling_progress(0, len(stale))
        worker.start()

    def _filling_progress(self, done: int, total: int) -> None:
        self.progress.setText(self.content.texts.get("updating", "Updating the list: {done} of {total} sessions…")
                              .format(done=f"{done:,}", total=f"{total:,}"))
        self.progress.show()

    def _filled(self, _done: int) -> None:
        self.progress.hide()
        if self.worker is not None and self.worker.error:
            self.ctx.inform(self, "The list could not be brought up to date", self.worker.error)
        self.model.reload()

    # -- selection and actions --------------------------------------------------------------------
    def selected(self) -> LibraryRow | None:
        """The session on the selected line."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        """Select one line (keyboard users and tests)."""
        self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected()
        texts = self.content.texts
        complete = row is not None and row.status == "complete"
        self.open_button.setText(texts["open_summary"] if complete else texts["continue"])
        for button in (self.open_button, self.export_button, self.delete_button):
            button.setEnabled(row is not None)
        has_person = row is not None and row.person_id is not None
        self.follow_up_button.setEnabled(has_person)
        self.trends_button.setEnabled(has_person)
        self.resend_button.setVisible(row is not None and row.delivery == "refused")
        self.delivery.setText(self._delivery_line(row))
        self.delivery.setVisible(bool(self.delivery.text()))

    def _delivery_line(self, row: LibraryRow | None) -> str:
        if row is None or row.delivery is None:
            return ""
        line = f"{self.content.columns['delivery']}: {self.model.delivery_text(row)}"
        return f"{line}. {row.delivery_reason}" if row.delivery_reason and row.delivery != "sent" else line

    def _send_again(self) -> None:
        """A refused session is tried again (staff fixed the cause, for example merged duplicate records)."""
        row = self.selected()
        if row is None or row.delivery != "refused":
            return
        from hipdesk.actions.fhir_sending import send_again  # on first use: start-up stays fast

        send_again(self.ctx.store, row.id)
        self.model.reload()
        self.send_requested.emit()

    def _open(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.status == "complete":
            self.open_summary_requested.emit(row.id)
        else:
            self.continue_requested.emit(row.id)

    def _follow_up(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.person_id is None:
            self.ctx.inform(self, self.content.texts["title"], self.content.texts["follow_up_needs_person"])
            return
        session = library.start_follow_up(self.ctx.store, self.ctx.questionnaire, person_id=row.person_id)
        assert session.id is not None
        self.model.reload()
        self.continue_requested.emit(session.id)

    def _export(self) -> None:
        row = self.selected()
        if row is not None:
            self.export_requested.emit(row.id)

    def _delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        texts = self.content.texts
        question = texts["delete_question"].format(name=row.person_name or texts["no_name"], date=row.date)
        if not self.ctx.ask(self, texts["delete_title"], question):
            return
        if not library.delete_session(self.ctx.store, row.id):
            self.ctx.inform(self, texts["delete_title"], texts["delete_pending"])
        panel = self._trends
        if panel is not None and panel.trend is not None and panel.trend.person_id == row.person_id:
            self.trends_area.hide()  # its charts showed the deleted session
            panel.trend = None
        self.model.reload()
        self.session_deleted.emit(row.id)

    @property
    def trends(self) -> TrendsPanel:
        """The trend charts under the list, made on first use."""
        if self._trends is None:
            from hipdesk.ui.trend_chart import TrendsPanel

            self._trends = TrendsPanel(self.content)
            self.trends_area.setWidget(self._trends)
        return self._trends

    def _show_trends(self) -> None:
        row = self.selected()
        if row is None or row.person_id is None:
            return
        from hipdesk.library.trends import shown_trend

        self.trends.show_trend(shown_trend(self.ctx.store, self.ctx.questionnaire, row.person_id, self.content))
        if self.trends_area.isHidden():
            self.trends_area.show()
            total = sum(self.splitter.sizes()) or self.height()
            self.splitter.setSizes([total * 2 // 5, total * 3 // 5])
