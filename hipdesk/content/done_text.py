"""The words of the screen shown after Finish in the ordinary window, from resources/done.json."""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.content.loader import load_content
from hipdesk.content.resources import resource_path


class DoneText(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Every sentence of the done screen."""

    title: str
    session: str
    where: str
    exported: str
    next_title: str
    pdf_text: str
    pdf_button: str
    follow_up_text: str
    sessions_button: str
    new_button: str


@cache
def done_text() -> DoneText:
    """Load and check resources/done.json (once)."""
    path = resource_path("done.json")
    return load_content(path, DoneText)
