"""The session library's wording and lists, from resources/library.json (content, not code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import msgspec

from hipdesk.content.loader import ContentError, load_content
from hipdesk.content.resources import resource_path

#: Every text and column heading the library shows: a file without one is refused when it loads.
TEXTS = (
    "any_date", "back", "better", "continue", "delete", "delete_pending", "delete_question", "delete_title", "export",
    "follow_up", "follow_up_needs_person", "from", "no_name", "not_assessed", "open_summary", "search",
    "search_placeholder", "title", "to", "trends", "trends_change", "trends_empty", "trends_latest",
    "trends_latest_none", "trends_legend", "trends_regions", "trends_scores", "trends_shown", "trends_title", "worse",
)
COLUMNS = ("date", "person", "status", "triage", "top_cause", "worst_pain")


class FollowUpContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Which answers a follow-up check copies from the last session."""

    about: str
    copy_items: list[str]


class LibraryContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The wording and lists of `resources/library.json`."""

    follow_up: FollowUpContent
    trend_series: dict[str, str]
    side_labels: dict[str, str]
    triage_labels: dict[str, str]
    cause_labels: dict[str, str]
    status_labels: dict[str, str]
    columns: dict[str, str]
    texts: dict[str, str]

    def region_label(self, region: str, side: str) -> str:
        """'Outer hip (right)': the region's name from the body-map catalogue, its one source."""
        from hipdesk.content.body_sites import load_body_sites

        return f"{load_body_sites().name(region)} ({self.side_labels.get(side, side)})"


@cache
def load_library_content(path: Path | None = None) -> LibraryContent:
    """Read and check `resources/library.json`."""
    path = path or resource_path("library.json")
    content = load_content(path, LibraryContent)
    for group, names, found in (("texts", TEXTS, content.texts), ("columns", COLUMNS, content.columns)):
        for name in names:
            if not found.get(name, "").strip():
                raise ContentError(path, f"{group}.{name}", "this text is missing")
    return content

