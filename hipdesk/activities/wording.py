"""What the watch-file import says, from resources/watch_files.json (content, not code)."""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.content.loader import load_content
from hipdesk.content.resources import resource_path


class WatchWording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Labels and messages of the import panel, the chart and the report."""

    from_watch: str
    panel_title: str
    panel_intro: str
    import_files: str
    import_folder: str
    cancel: str
    reading: str
    cancelled: str
    nothing_found: str
    imported: str
    duplicates: str
    not_used: str
    chart_title: str
    change: str
    change_unknown: str
    rise_note: str
    descent: str
    before_label: str
    recent_label: str


@cache
def load_watch_wording() -> WatchWording:
    """resources/watch_files.json, read once and checked."""
    path = resource_path("watch_files.json")
    return load_content(path, WatchWording)
