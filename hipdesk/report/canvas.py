"""A canvas that knows the page count, for "Page x of y" and the footer on every page."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from hipdesk.report.fonts import BODY, font_runs

FOOTER_SIZE = 7.5


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *, right: bool = False) -> None:
    """Draw one line of text font run by font run (so a Chinese name shows in the footer too)."""
    runs = [(font or BODY, run) for font, run in font_runs(text)]
    if right:
        x -= sum(stringWidth(run, font, size) for font, run in runs)
    for font, run in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, size)


class NumberedCanvas(Canvas):
    """Holds each page until the end, then stamps the footer with the total page count."""

    def __init__(self, *args: Any, footer_left: str = "", page_of: str = "Page {page} of {pages}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer_left = footer_left
        self._page_of = page_of

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """Keep the page's state instead of emitting it now."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Stamp every kept page with its footer, then write the document."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        y = 9 * mm
        self.saveState()
        self.setStrokeGray(0.7)
        self.setLineWidth(0.5)
        self.line(15 * mm, y + 4 * mm, width - 15 * mm, y + 4 * mm)
        self.setFillGray(0.25)
        draw_text(self, 15 * mm, y, self._footer_left, FOOTER_SIZE)
        draw_text(self, width - 15 * mm, y, self._page_of.format(page=self._pageNumber, pages=total), FOOTER_SIZE, right=True)
        self.restoreState()
