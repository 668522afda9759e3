"""The base of every wizard step."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import Page
from hipdesk.ui.context import UiContext


class WizardPage(QWidget):
    """One step of the flow. Subclasses show `self.editor`'s session and write through it.

    The shell calls `bind(editor)` when a session is opened (None when it is closed: clear every
    widget), `entered()` each time the page is shown, and `validate()` before moving on.
    """

    #: The page is read from its top and its first field comes after what is read (the summary's buttons follow
    #: the whole assessment): on arrival the page itself takes the focus and shows its top; Tab goes to that field.
    focus_starts_on_page = False

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.ctx = ctx
        self.editor: SessionEditor | None = None
        self.setObjectName(f"page_{page.id}")
        self.setAccessibleName(page.title)  # what a screen reader says when the page itself has the focus
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.setMaximumWidth(1000)  # long lines are hard to read on wide screens
        self.title_label = QLabel(page.title)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.layout_.addWidget(self.title_label)
        if page.intro:
            intro = QLabel(page.intro)
            intro.setObjectName("pageIntro")
            intro.setWordWrap(True)
            self.layout_.addWidget(intro)

    def bind(self, editor: SessionEditor | None) -> None:
        """Show this session (or nothing)."""
        self.editor = editor

    def build_pieces(self, editor: SessionEditor | None) -> Iterator[None]:
        """Widgets that `bind(editor)` would build all at once, built here in pieces (the wizard calls this while
        the person reads another page, and lets the window answer clicks between pieces). Nothing by default."""
        yield from ()

    def prepare(self) -> None:
        """Built ahead, still hidden: do now what `entered()` would do first (the wizard calls it when idle)."""

    def long_column(self) -> list[QWidget]:
        """The widgets of a long column, if the page has one: the wizard lays out its first half alone before the
        whole page, off screen (see AssessmentWizard._ahead_steps). None by default."""
        return []

    def entered(self) -> None:
        """The page has just been shown."""

    def validate(self) -> bool:
        """True when the person may go on; otherwise show why next to the field."""
        return True
