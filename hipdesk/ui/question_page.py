"""A page of questions rendered from the content."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import Page
from hipdesk.ui.context import UiContext
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.question_form import QuestionForm


class QuestionPage(WizardPage):
    """All the questions of one content page, in order, with branching and validation."""

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(page, ctx, parent)
        self.form = QuestionForm(list(page.items), ctx.questionnaire)
        self.layout_.addWidget(self.form)

    def bind(self, editor: SessionEditor | None) -> None:
        super().bind(editor)
        self.form.bind(editor)

    def entered(self) -> None:
        self.form.refresh()

    def validate(self) -> bool:
        return self.form.validate()
