"""The summary step (placeholder until its own issue lands: shows the page's questions only)."""

from __future__ import annotations

from hipdesk.ui.question_page import QuestionPage


class SummaryPage(QuestionPage):
    """Placeholder: the intro and the page's questions."""
