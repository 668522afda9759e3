"""The report's own wording and section lists, from resources/report.json (content, not code)."""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.content.resources import resource_path


class TriageWording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How one triage level is headed and what it tells the reader to do."""

    title: str
    action: str


class ReportWording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Everything the report says that is not the person's own answers."""

    title: str
    footer: str
    page_of: str
    headings: dict[str, str]
    labels: dict[str, str]
    triage: dict[str, TriageWording]
    header_items: list[str]
    pain_items: list[str]
    training_items: list[str]
    symptom_items: list[str]
    history_items: list[str]
    short_labels: dict[str, str]


@cache
def load_wording() -> ReportWording:
    """resources/report.json, read once."""
    return msgspec.json.decode(resource_path("report.json").read_bytes(), type=ReportWording)
