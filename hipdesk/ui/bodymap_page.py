"""Step 5, "Where does it hurt?": the body-region picker and the page's own questions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.body_regions import Catalogue, default_intensity, load_catalogue
from hipdesk.content.questionnaire import Page
from hipdesk.session import Side
from hipdesk.ui.bodymap_widget import BodyMapWidget
from hipdesk.ui.context import UiContext
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.question_form import QuestionForm

BODY_MAP_MIN_HEIGHT = 440  # the side panel's texts, the list and the question, unsqueezed


class BodyMapPage(WizardPage):
    """Marks regions through the session editor as they are made, and shows them again on resume."""

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None,
                 catalogue: Catalogue | None = None) -> None:
        super().__init__(page, ctx, parent)
        self.catalogue = catalogue or load_catalogue()
        self.body_map = BodyMapWidget(self.catalogue)
        self.body_map.default_intensity = self._default_intensity
        self.body_map.mark_changed.connect(self._mark_changed)
        self.layout_.addWidget(self.body_map, 1)
        # Below BODY_MAP_MIN_HEIGHT the side panel's texts would be squeezed over each other: the page scrolls instead
        # (a small screen, or 200 % scaling).
        self.body_map.setMinimumHeight(BODY_MAP_MIN_HEIGHT)
        # The page's content items (e.g. "spreads below the knee") beside the map.
        self.form = QuestionForm(list(page.items), ctx.questionnaire)
        self.body_map.extra.addWidget(self.form)

    def bind(self, editor: SessionEditor | None) -> None:
        """Show this session's marks and answers; None clears everything."""
        super().bind(editor)
        if editor is None:
            self.body_map.clear()
        else:
            self.body_map.set_marks(editor.session.region_list())
        self.form.bind(editor)

    def entered(self) -> None:
        """Show what is stored (another page or an import may have changed it)."""
        if self.editor is not None:
            self.body_map.set_marks(self.editor.session.region_list())
        self.form.refresh()

    def validate(self) -> bool:
        """Marking no region is allowed (the pain may be hard to place); the questions decide."""
        return self.form.validate()

    def _default_intensity(self) -> int:
        return default_intensity(self.editor.session.answers if self.editor else {})

    def _mark_changed(self, region: str, side: str, intensity: int | None) -> None:
        if self.editor is None:
            return
        side_: Side = "left" if side == "left" else "right"
        self.editor.set_region(region, side_, intensity)
