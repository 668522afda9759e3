"""The words of the kiosk screens, from resources/kiosk.json (content, not code)."""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.content.loader import ContentError, load_content
from hipdesk.content.resources import resource_path


class KioskText(msgspec.Struct, forbid_unknown_fields=True):
    """Every sentence the kiosk screens show."""

    thanks_title: str
    thanks_text: str
    next_person: str
    staff_button: str
    set_pin_title: str
    set_pin_text: str
    set_pin_again: str
    pins_differ: str
    enter_pin_title: str
    enter_pin_text: str
    idle_title: str
    idle_text: str
    staff_title: str
    staff_back: str
    staff_exam: str
    staff_export: str
    staff_export_pdf: str
    staff_leave: str
    staff_idle_minutes: str
    staff_exported: str
    staff_no_selection: str
    staff_empty: str
    draft: str
    complete: str


@cache
def kiosk_text() -> KioskText:
    """Load and check resources/kiosk.json (once)."""
    path = resource_path("kiosk.json")
    text = load_content(path, KioskText)
    for name in text.__struct_fields__:
        if not getattr(text, name).strip():
            raise ContentError(path, name, "this text is empty")
    for name, fields in (("idle_text", {"seconds": 0}), ("staff_exported", {"path": ""})):
        try:
            getattr(text, name).format(**fields)
        except (KeyError, IndexError, ValueError) as error:
            raise ContentError(path, name, f"a template uses an unknown placeholder: {error}") from None
    return text
