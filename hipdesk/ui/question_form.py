"""A form of questions built from content items: labels, inputs, help, and a message under each field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.branching import applicable_items
from hipdesk.content.questionnaire import Item, Questionnaire
from hipdesk.content.validation import InvalidAnswer
from hipdesk.storage.store import StoreError
from hipdesk.ui.answer_widgets import AnswerWidget, LineWidget, LongTextWidget, make_answer_widget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

REQUIRED_MESSAGE = "Please answer this question."
QUESTION_WIDTH = 520  # px: a yes/no question's column; its answers follow right after
NARROW_ROW = 420  # px: narrower than this, a yes/no question's answers go under it
NOT_SAVED_MESSAGE = "This answer is not kept: please free some disk space or ask whoever looks after this computer."


class QuestionRow(QFrame):
    """One question: label, input, help text and the message explaining a refused answer."""

    def __init__(self, item: Item, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"row_{item.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.label = QLabel(item.label + (" *" if item.required else ""))
        self.label.setWordWrap(True)
        self.label.setObjectName(f"label_{item.id}")
        self.input: AnswerWidget = make_answer_widget(item, questionnaire)
        self.label.setBuddy(self.input.focus_target())
        if item.type == "yesno":
            # Checklists read best as one line per question: the question left, the answers right.
            # The question's column has a bounded width, so on a wide window the answers stay beside it.
            self.label.setMaximumWidth(QUESTION_WIDTH)
            # Extra width goes to the answers' own row, whose buttons sit at its left: next to the question.
            # In a narrow column (beside the body map) the answers go under the question instead.
            self.line = QBoxLayout(QBoxLayout.Direction.LeftToRight)
            self.line.addWidget(self.label, 1)
            self.line.addWidget(self.input, 0)
            layout.addLayout(self.line)
        else:
            layout.addWidget(self.label)
            layout.addWidget(self.input)
        if item.help:
            help_label = QLabel(item.help)
            help_label.setWordWrap(True)
            help_label.setObjectName("helpText")
            layout.addWidget(help_label)
        self.error = QLabel()
        self.error.setObjectName(f"error_{item.id}")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")  # styled by the window's style sheet
        self.error.hide()
        layout.addWidget(self.error)

    def show_error(self, message: str | None) -> None:
        """Show (or clear, with None) the message next to the field.

        A cleared message keeps its space while the page is on screen: the questions below must not move
        up under the pointer (a click would land on another answer). `reset()` gives the space back.
        """
        if message:
            self.error.setMinimumHeight(0)
            self.error.setText(message)
            self.error.show()
            self.input.setAccessibleDescription(message)
        else:
            if self.error.isVisible() and self.error.text():
                self.error.setMinimumHeight(self.error.height())
            self.error.clear()
            self.input.setAccessibleDescription("")

    def reset(self) -> None:
        """No message and no space kept for one (a new session, or the page shown again)."""
        self.error.clear()
        self.error.setMinimumHeight(0)
        self.error.hide()
        self.input.setAccessibleDescription("")


class ChecklistRow(QuestionRow):
    """A yes/no question: its answers beside it when there is room, else under it.

    A class of its own, so that only these rows hear every resize in Python (and the first page, which has
    none, needs no Qt event classes before it shows)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Question and answers side by side when there is room for both, else one under the other."""
        room = event.size().width() >= NARROW_ROW
        wanted = QBoxLayout.Direction.LeftToRight if room else QBoxLayout.Direction.TopToBottom
        if self.line.direction() != wanted:
            self.line.setDirection(wanted)
        super().resizeEvent(event)


class QuestionForm(QWidget):
    """Questions of one page. Valid answers are stored at once; refused ones are explained, never stored."""

    answered = Signal(str)

    def __init__(self, items: list[Item], questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.editor: SessionEditor | None = None
        #: Called on the first answer when no session is open yet (the start page opens one then).
        self.open_session: Callable[[], SessionEditor] | None = None
        self.rows: dict[str, QuestionRow] = {}
        self.pending: dict[str, str] = {}  # item id -> message for a refused answer still in the field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if any(item.required for item in items):
            legend = QLabel("Questions marked * need an answer.")
            legend.setObjectName("helpText")
            layout.addWidget(legend)
        section = ""
        for item in items:
            if item.section and item.section != section:
                section = item.section
                header = QLabel(section)
                header.setObjectName("sectionHeader")
                header.setProperty("role", "section")
                layout.addWidget(header)
            row = (ChecklistRow if item.type == "yesno" else QuestionRow)(item, questionnaire)
            row.input.edited.connect(lambda raw, i=item.id: self._edited(i, raw))
            row.input.committed.connect(lambda i=item.id: self._committed(i))
            self.rows[item.id] = row
            layout.addWidget(row)
        layout.addStretch(1)

    # -- binding ----------------------------------------------------------------------------------
    def bind(self, editor: SessionEditor | None) -> None:
        """Show the answers of `editor`'s session, or empty fields for None."""
        self.editor = editor
        self.pending.clear()
        answers = editor.session.answers if editor else {}
        for item_id, row in self.rows.items():
            row.input.set_value(answers.get(item_id))
            row.reset()
        self.refresh()

    def refresh(self) -> None:
        """Hide questions that do not apply, and show the chosen distance unit."""
        if self.editor is None:
            applicable = applicable_items(self.questionnaire, {})
            not_asked = {item_id for item_id in self.rows if item_id not in applicable}
            unit = "km"
        else:
            not_asked = self.editor.not_asked()
            unit = self.editor.distance_unit()
        for item_id, row in self.rows.items():
            hidden = item_id in not_asked
            if row.isHidden() != hidden:  # setVisible(True) styles the row at once, even before it is on screen:
                row.setHidden(hidden)  # only changes, so a page's first build is styled once, in the window
            if isinstance(row.input, LineWidget):
                row.input.set_distance_unit(unit)

    # -- editing ----------------------------------------------------------------------------------
    def _edited(self, item_id: str, raw: Any) -> None:
        row = self.rows[item_id]
        opened = False
        try:
            if self.editor is None and self.open_session is not None:
                self.editor = self.open_session()
                opened = True
            if self.editor is None:
                return
            self.editor.set_answer(item_id, raw)
        except InvalidAnswer as error:
            self.pending[item_id] = str(error)
            if not isinstance(row.input, LineWidget):  # typed fields explain when the person leaves them
                row.show_error(str(error))
            return
        except StoreError as error:
            # Shown at once, even in a typed field: the person must know this answer is not kept.
            self.pending[item_id] = f"{error} {NOT_SAVED_MESSAGE}"
            row.show_error(self.pending[item_id])
            if not isinstance(row.input, LineWidget | LongTextWidget):
                # A ticked choice that is not stored would mislead; typed text stays, so nothing typed is lost.
                row.input.set_value(self.editor.session.answers.get(item_id) if self.editor else None)
            return
        self.pending.pop(item_id, None)
        if not isinstance(row.input, LineWidget):  # show exactly what was stored (a new session rebinds widgets)
            row.input.set_value(self.editor.session.answers.get(item_id))
        row.show_error(None)
        if opened:  # binding the new session redrew every field, this one too: show the answer just given
            row.input.set_value(self.editor.session.answers.get(item_id))
        self.refresh()
        self.answered.emit(item_id)

    def _committed(self, item_id: str) -> None:
        self.rows[item_id].show_error(self.pending.get(item_id))

    def validate(self) -> bool:
        """Show every problem on the page; True when there is none. Focuses the first bad field."""
        if self.editor is None:
            answers: dict[str, Any] = {}
            not_asked = {i.id for i in self.questionnaire.items() if i.id not in applicable_items(self.questionnaire, {})}
        else:
            answers = self.editor.session.answers
            not_asked = self.editor.not_asked()
        first_bad: QuestionRow | None = None
        for item_id, row in self.rows.items():
            if item_id in not_asked:
                row.show_error(None)
                continue
            message = self.pending.get(item_id)
            if message is None and row.item.required and item_id not in answers:
                message = REQUIRED_MESSAGE
            row.show_error(message)
            if message and first_bad is None:
                first_bad = row
        if first_bad is not None:
            first_bad.input.focus_target().setFocus()
            return False
        return True

