"""The bodymap step (placeholder until its own issue lands: shows the page's questions only)."""

from __future__ import annotations

from hipdesk.ui.question_page import QuestionPage


class BodyMapPage(QuestionPage):
    """Placeholder: the intro and the page's questions."""
