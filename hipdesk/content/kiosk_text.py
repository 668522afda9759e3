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
    thanks_emergency_title: str
    thanks_emergency_text: str
    staff_button_attention: str
    staff_button_attention_tip: str
    window_title_attention: str
    staff_title_attention: str
    staff_search: str
    staff_search_placeholder: str
    staff_sort: str
    staff_sort_newest: str
    staff_sort_oldest: str
    staff_sort_name: str
    staff_sort_triage: str
    staff_attention_note: str
    col_number: str
    col_name: str
    col_triage: str
    col_status: str
    col_started: str
    col_seen: str
    seen_yes: str
    seen_no: str
    not_assessed: str
    no_name: str
    staff_mark_seen: str
    staff_delete: str
    delete_title: str
    delete_question: str
    deleted: str
    delete_pending: str
    staff_session_banner: str
    staff_session_exam: str
    staff_session_close: str
    staff_session_list: str
    staff_session_finished: str


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
