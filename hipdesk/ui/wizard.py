"""The wizard shell: steps by name on the left, the current page, Back / Next, and the red-flag banner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hipdesk.actions.editing import SessionEditor
from hipdesk.actions.sessions import leave_session, start_session
from hipdesk.content.questionnaire import Page
from hipdesk.storage.store import StoreError
from hipdesk.ui.context import UiContext
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.red_flag_banner import RedFlagBanner
from hipdesk.ui.text import escape

if TYPE_CHECKING:  # not at run time: PySide would build QEvent's ~180-member enum before the first page
    from PySide6.QtGui import QKeyEvent

#: After a page is shown and the person is reading it, the pages next to it are built, a piece per turn of the
#: event loop. Pieces are short, so the building starts soon: a clinician's examination page takes ~13 pieces.
BUILD_AHEAD_MS = 50
AHEAD_STEP_MS = 1  # between two pieces of a page built ahead: input and paint events go first
GRAB_BANDS = 4  # a page built ahead is drawn off screen in this many horizontal bands, one piece each
_WARM: set[str] = set()  # what the first pieces after start-up have loaded
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


def page_class(page: Page) -> type[WizardPage]:
    """The widget class for a content page, chosen by its kind."""
    if page.kind == "start":
        from hipdesk.ui.start_page import StartPage

        return StartPage
    if page.kind == "training":
        from hipdesk.ui.training_page import TrainingPage

        return TrainingPage
    if page.kind == "bodymap":
        from hipdesk.ui.bodymap_page import BodyMapPage

        return BodyMapPage
    if page.kind == "exam":
        from hipdesk.ui.exam_page import ExamPage

        return ExamPage
    if page.kind == "summary":
        from hipdesk.ui.summary_page import SummaryPage

        return SummaryPage
    from hipdesk.ui.question_page import QuestionPage

    return QuestionPage


class AssessmentWizard(QWidget):
    """Runs one session through the pages.

    Only the first page is built at start-up; the neighbours of the page on screen are built while the person
    reads it (BUILD_AHEAD_MS later, one page per event-loop turn), so that Next and Back find them ready.
    """

    session_finished = Signal(int)
    page_changed = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assessmentWizard")
        self.editor: SessionEditor | None = None
        self.content_pages = list(ctx.questionnaire.pages)
        self.pages: list[WizardPage | None] = [None] * len(self.content_pages)

        # The steps by name, the current one marked: a plain label (it takes no focus and no clicks).
        self.steps = QLabel()
        self.steps.setObjectName("stepList")
        # Its width is in the window's style sheet: it grows with the text size (fixed at 170 px, "Examination"
        # was cut off at 200 %).
        self.steps.setWordWrap(True)

        self.banner = RedFlagBanner()
        self.stack = QStackedWidget()
        for _ in self.content_pages:
            self.stack.addWidget(QWidget())  # replaced by the real page on first show

        self.progress = QLabel()
        self.progress.setObjectName("progressLabel")
        self.back_button = QPushButton("Back")
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip("Back (Alt+B)")
        self.next_button = QPushButton("Next")
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip("Next (Alt+N)")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        # Explicit shortcuts rather than "&Next" mnemonics, which some platforms switch off. On the last page
        # Next is Finish, with the same key (Alt+F is the File menu's, by the platforms' convention).
        for keys, slot in (("Alt+N", self.next), ("Alt+B", self.back)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.stack, 1)
        # Below the page, above Next: when it appears the page keeps its place (nothing moves under the pointer).
        right.addWidget(self.banner)
        right.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addWidget(self.steps)
        outer.addLayout(right, 1)
        self.index = 0
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.timeout.connect(self._build_ahead)
        self._building: dict[int, Iterator[None]] = {}  # pages half built ahead: page_at finishes them
        self._ahead_work: Iterator[None] | None = None
        self._show(0)

    # -- pages ------------------------------------------------------------------------------------
    def page_at(self, index: int) -> WizardPage:
        """The page widget for step `index`, built on first use (finishing a build ahead already under way)."""
        page = self.pages[index]
        if page is None:
            for _step in self._building.pop(index, None) or self._build(index):
                pass
            page = self.pages[index]
            assert page is not None
        return page

    def _build(self, index: int) -> Iterator[None]:
        """Build step `index`'s page in pieces; between two pieces the window may handle a click or a key."""
        content = self.content_pages[index]
        cls = page_class(content)  # the page's code: the first time, often the largest piece
        yield
        page = cls(content, self.ctx)
        if hasattr(page, "resume_requested"):
            page.resume_requested.connect(self.open_session)
        form = getattr(page, "form", None)
        if form is not None and index == 0:
            form.open_session = self._new_session
        yield
        scroll = QScrollArea()
        # In the stack before the page goes in, so that the page is styled once, as it will be shown.
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, scroll)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        scroll.setObjectName(f"scroll_{content.id}")
        # Not a tab stop of its own: the fields are. Set as the property, by value, because naming
        # Qt.FocusPolicy would make PySide build the whole Qt namespace (93 enum types, ~20 ms) before the
        # first page shows; it is built after the first page instead (see theme.system_is_dark).
        scroll.setProperty("focusPolicy", NO_FOCUS)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        yield
        for _piece in page.build_pieces(self.editor):
            yield
        page.bind(self.editor)
        self.pages[index] = page

    def _ahead_steps(self, index: int) -> Iterator[None]:
        """A neighbour built while the person reads, then drawn once off screen (polish, layout and glyph
        caches are done then, not on the click)."""
        building = self._building.setdefault(index, self._build(index))
        yield from building
        self._building.pop(index, None)
        page = self.pages[index]
        if page is None:
            return
        yield
        page.prepare()
        scroll = self.stack.widget(index)
        if scroll is None:
            return
        scroll.resize(self.stack.size())
        column = [widget for widget in page.long_column() if not widget.isHidden()]
        if column:
            yield
            # A long column is laid out in two pieces: its first half alone, then the whole page. The summary of
            # a full session took 48-60 ms laid out at once, 15-24 ms and 5-8 ms like this (the second pass
            # finds most sizes measured). The half is hidden only within this piece: never seen like that.
            later = column[len(column) // 2:]
            for widget in later:
                widget.hide()
            scroll.grab(QRect(0, 0, 1, 1))
            for widget in later:
                widget.show()
        yield
        # Laid out as a piece of its own: drawing one pixel off screen lays out the whole page, as Qt does before
        # any off-screen drawing, and draws next to nothing. (On the summary of a full session the layout is
        # ~40 ms, and it came on top of the first band's drawing.)
        scroll.grab(QRect(0, 0, 1, 1))
        # Then drawn in bands, each a piece (a full screen of text drawn the first time took up to ~80 ms).
        band = -(-scroll.height() // GRAB_BANDS)
        for top in range(0, scroll.height(), band):
            yield
            scroll.grab(QRect(0, top, scroll.width(), band))

    def _build_ahead(self) -> None:
        """One piece of building the next (then the previous) page; comes back for the next piece.

        Pieces, not whole pages, so that a click while the person reads waits for one piece at most (a page
        took up to ~150 ms on this machine: its code, its widgets, styling, the off-screen drawing)."""
        if not self.isVisible():  # closed or in the background: nobody will press Next soon
            return
        if "Qt" not in _WARM:  # a piece of its own: PySide builds the Qt namespace (~20 ms) the first time
            from PySide6.QtCore import Qt  # noqa: F401 - most pages name it; the first page does not

            _WARM.add("Qt")
            self._ahead.start(AHEAD_STEP_MS)
            return
        if self._ahead_work is None:
            todo = [i for i in (self.index + 1, self.index - 1) if 0 <= i < len(self.pages) and self.pages[i] is None]
            if not todo:
                return
            self._ahead_work = self._ahead_steps(todo[0])
        try:
            next(self._ahead_work)
        except StopIteration:
            self._ahead_work = None
        self._ahead.start(AHEAD_STEP_MS)

    def current_page(self) -> WizardPage:
        """The page on screen."""
        return self.page_at(self.index)

    def current_page_id(self) -> str:
        """Id of the page on screen."""
        return self.content_pages[self.index].id

    def _show(self, index: int) -> None:
        self.index = index
        page = self.page_at(index)
        self.stack.setCurrentIndex(index)
        page.entered()
        if self.editor is not None:
            try:
                self.editor.set_page(self.content_pages[index].id)
            except StoreError as error:  # only the resume position is lost; the person can go on
                self._not_saved(error)
        self._update_steps()
        self.focus_first_field(page)
        self.page_changed.emit(self.content_pages[index].id)
        self._ahead.start(BUILD_AHEAD_MS)

    def focus_first_field(self, page: WizardPage) -> None:
        """Put the keyboard focus on the first field of a newly shown page (Tab order), as a form does.

        A page read from its top before its first field (`focus_starts_on_page`: the summary, whose first button is
        under the whole assessment) takes the focus itself and opens at its top: the focus on that button scrolled
        the triage out of view. Decided by the page, not by where its field lies: a page built on the click is not
        laid out yet when it is shown. Qt walks the Tab chain itself (as Tab would, from the page): walking it in
        Python would make PySide wrap every internal widget on the way (scroll-area viewports), which costs
        ~10 ms of type set-up at start-up.
        """
        page.setFocus()
        scroll = self.stack.currentWidget()
        if page.focus_starts_on_page:
            if isinstance(scroll, QScrollArea):
                scroll.verticalScrollBar().setValue(0)
            return
        page.focusNextPrevChild(True)
        # Qt scrolls the focused field into view, and centres one wider than the view: with large text on a small
        # screen a page then opened scrolled sideways, its title cut off. A field that starts within the first
        # screen width is shown with the page's left edge.
        if isinstance(scroll, QScrollArea) and page.width() > scroll.width():  # (only then: the bar's type costs)
            bar = scroll.horizontalScrollBar()
            focused = page.focusWidget()
            if bar.value() and focused is not None and focused.mapTo(page, QPoint(0, 0)).x() < bar.pageStep():
                bar.setValue(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter as in a form: on a focused button it presses that button; on a field or an answer it goes Next.

        Fields that use Enter themselves (several lines of text, an open list) never pass it on to here.
        """
        from PySide6.QtCore import Qt  # not at import: see page_at

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            focused = QApplication.focusWidget()
            if isinstance(focused, QAbstractItemView):
                pass  # a list has used Enter already (the start page's list continues the chosen session)
            elif isinstance(focused, QAbstractButton) and not focused.isCheckable() and focused.isEnabled():
                focused.click()
            else:
                self.next()
            event.accept()
            return
        super().keyPressEvent(event)

    def _update_steps(self) -> None:
        total = len(self.content_pages)
        lines = []
        for row, page in enumerate(self.content_pages):
            if row == self.index:
                lines.append(f"<p style='margin:4px'><b>▶ {escape(page.step)}</b></p>")
            else:
                mark = "✓" if row < self.index else "&nbsp;&nbsp;"
                lines.append(f"<p style='margin:4px'>{mark} {escape(page.step)}</p>")
        self.steps.setText("".join(lines))
        done = ", ".join(p.step for p in self.content_pages[: self.index]) or "none"
        self.steps.setAccessibleName(f"Steps. Now: {self.content_pages[self.index].step}. Done: {done}.")
        left = total - self.index - 1
        step = self.content_pages[self.index].step
        tail = "last step" if left == 0 else f"{left} step{'s' if left != 1 else ''} left"
        self.progress.setText(f"Step {self.index + 1} of {total}: {step} · {tail}")
        self.progress.setAccessibleName(self.progress.text())
        self.back_button.setEnabled(self.index > 0)
        last = self.index == total - 1
        self.next_button.setText("Finish" if last else "Next")
        self.next_button.setToolTip("Finish (Alt+N)" if last else "Next (Alt+N)")

    # -- navigation -------------------------------------------------------------------------------
    def next(self) -> bool:
        """Validate the page and move on (or finish on the last page). False when refused."""
        page = self.current_page()
        if not page.validate():
            return False
        try:
            if self.index == 0 and self.editor is None:
                self._new_session()
            if self.index == len(self.content_pages) - 1:
                return self.finish()
            self._show(self.index + 1)
        except StoreError as error:
            self._not_saved(error)
            return False
        return True

    def back(self) -> None:
        """Go back one step; nothing is lost (answers live in the session)."""
        if self.index > 0:
            self._show(self.index - 1)

    def _not_saved(self, error: StoreError) -> None:
        """A write failed (disk full, folder not writable): say so instead of failing silently."""
        self.ctx.inform(self, "Not saved", str(error))

    def go_to_page(self, page_id: str) -> None:
        """Show a page by id."""
        ids = [page.id for page in self.content_pages]
        self._show(ids.index(page_id) if page_id in ids else 0)

    def finish(self) -> bool:
        """Mark the session complete and start over; asks first while warning-sign questions are unanswered."""
        if self.editor is None:
            return False
        from hipdesk.actions.sessions import finish_session  # loads the engine: only when a session is finished

        if not self._confirm_unanswered():
            return False

        session_id = self.editor.session_id
        finish_session(self.editor)
        self.session_finished.emit(session_id)
        self.close_session()
        return True

    def _confirm_unanswered(self) -> bool:
        """True to finish. With warning-sign questions unanswered: list them, offer to go to the first one."""
        from hipdesk.actions.sessions import unanswered_warning_signs

        assert self.editor is not None
        missing = unanswered_warning_signs(self.ctx.questionnaire, self.editor.session)
        if not missing:
            return True
        listed = "\n".join(f"• {question.text}" for question in missing)
        text = (f"These warning-sign questions are not answered, so HipDesk cannot say that these signs are absent:\n"
                f"{listed}\n\nFinish without answering them? Choose No to go to the first of them.")
        if self.ctx.ask(self, "Some warning-sign questions are not answered", text):
            return True
        self.go_to_question(missing[0].page, missing[0].item)
        return False

    def go_to_question(self, page_id: str, item_id: str) -> None:
        """Show the page holding a question and put the keyboard focus on it."""
        self.go_to_page(page_id)
        page = self.current_page()
        target = next((w for w in page.findChildren(QWidget) if w.objectName().startswith(f"{item_id}__")), None)
        if target is None:
            target = page.findChild(QWidget, item_id)
        if target is not None:
            target.setFocus()
            scroll = self.stack.currentWidget()
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(target)

    # -- sessions ---------------------------------------------------------------------------------
    def _new_session(self) -> SessionEditor:
        self._bind(start_session(self.ctx.store, self.ctx.questionnaire, kiosk=self.ctx.kiosk))
        assert self.editor is not None
        return self.editor

    def open_session(self, session_id: int) -> None:
        """Continue a stored session at the page where it was left."""
        previous = self.editor
        try:
            session = self.ctx.store.load_session(session_id)
        except KeyError:  # listed a moment ago but gone (deleted meanwhile, or a damaged part of the file)
            self.ctx.inform(self, "Session not found", f"Session {session_id} is no longer in HipDesk's data file, "
                            "so it cannot be continued. Nothing else has changed.")
            start = self.pages[0]
            if start is not None and hasattr(start, "refresh_drafts"):
                start.refresh_drafts()
            return
        self._bind(SessionEditor(self.ctx.store, self.ctx.questionnaire, session))
        if previous is not None and previous.session_id != session_id:
            leave_session(self.ctx.store, self.ctx.questionnaire, previous.session)
        self.go_to_page(session.current_page)

    def close_session(self) -> None:
        """Clear every page and go back to the start, ready for the next person."""
        self._bind(None)
        self._show(0)

    def _bind(self, editor: SessionEditor | None) -> None:
        if editor is not self.editor:
            self._scroll_all_to_top()  # another session: no page may start where the last one was left
        self.editor = editor
        if editor is not None:
            editor.subscribe(self._session_changed)
        for page in self.pages:
            if page is not None:
                page.bind(editor)
        self._refresh_red_flags()

    def _scroll_all_to_top(self) -> None:
        for index in range(self.stack.count()):
            area = self.stack.widget(index)
            if isinstance(area, QScrollArea):
                area.verticalScrollBar().setValue(0)
                area.horizontalScrollBar().setValue(0)

    def _session_changed(self, kind: str, key: str) -> None:
        if kind in ("answer", "region", "exam"):
            self._refresh_red_flags()

    def _refresh_red_flags(self) -> None:
        if self.editor is None:
            self.banner.show_flags([])
            return
        from hipdesk.assessment import raised_red_flags  # loaded with the first answer, not at start-up

        self.banner.show_flags(raised_red_flags(self.ctx.questionnaire, self.editor.session))
