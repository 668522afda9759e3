"""The danger-sign message shown the moment an answer raises a red flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hipdesk.ui.text import escape

if TYPE_CHECKING:  # the assessment code loads with the first answer, not at start-up
    from hipdesk.assessment import RedFlag

LEVEL_COLOUR = {"emergency": "#8b0000", "urgent": "#b34700", "soon": "#7a5c00", "self_care": "#1b5e20"}


class RedFlagBanner(QFrame):
    """A coloured box above the page listing the raised red flags, most urgent first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redFlagBanner")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("redFlagText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.flags: list[RedFlag] = []
        self.hide()

    def show_flags(self, flags: list[RedFlag]) -> None:
        """Show these flags (an empty list hides the banner)."""
        self.flags = list(flags)
        if not flags:
            self.hide()
            self.text.clear()
            return
        from hipdesk.assessment.engine import next_step  # the same one next step as the summary page

        step = next_step(flags[0].level, flags)
        colour = LEVEL_COLOUR.get(step.level, "#8b0000")
        self.setStyleSheet(f"#redFlagBanner {{ background: {colour}; }} QLabel {{ color: white; }}")
        # The most urgent level's action once; every flag below it only as a reason, never with its own action.
        lines = [f"<b>{escape(step.title)}</b>", escape(step.action)]
        lines += [f"• {escape(detail)}" for detail in step.details]
        lines.append("<b>Because of:</b> " + "; ".join(escape(flag.title) for flag in flags))
        lines.append("You can still finish the questions; your answers are saved.")
        self.text.setText("<br>".join(lines))
        summary = " ".join([step.title + ".", step.action, *step.details, "Because of:", "; ".join(f.title for f in flags)])
        self.setAccessibleName(summary)
        self.text.setAccessibleName(summary)
        self.show()
