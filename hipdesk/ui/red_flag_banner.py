"""The danger-sign message shown the moment an answer raises a red flag."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from hipdesk.assessment import RedFlag

LEVEL_TEXT = {
    "emergency": "EMERGENCY: get help now",
    "urgent": "URGENT: see a doctor within 24–48 hours and stop running",
    "soon": "Book a clinician visit",
    "self_care": "Self-care",
}
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
        level = flags[0].level
        colour = LEVEL_COLOUR.get(level, "#8b0000")
        self.setStyleSheet(f"#redFlagBanner {{ background: {colour}; }} QLabel {{ color: white; }}")
        lines = [f"<b>{escape(LEVEL_TEXT.get(level, level))}</b>"]
        for flag in flags:
            lines.append(f"• <b>{escape(flag.title)}</b>: {escape(flag.action)}")
        lines.append("You can still finish the questions; your answers are saved.")
        self.text.setText("<br>".join(lines))
        summary = f"{LEVEL_TEXT.get(level, level)}. " + " ".join(f"{f.title}. {f.action}" for f in flags)
        self.setAccessibleName(summary)
        self.text.setAccessibleName(summary)
        self.show()
