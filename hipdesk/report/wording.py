"""The report's own wording and section lists, from resources/report.json (content, not code)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import msgspec

from hipdesk.assessment.model import TRIAGE_LEVELS
from hipdesk.assessment.wording import TriageWording
from hipdesk.content.loader import ContentError, load_content
from hipdesk.content.resources import resource_path

#: Every label and heading the report uses: a report.json without one is refused when it loads,
#: not in the middle of writing a PDF.
LABELS = (
    "absent", "age", "because", "date", "figure_caption", "left", "name", "no_advice", "no_causes", "no_exam",
    "no_name", "no_red_flags", "no_regions", "none_reported", "not_given", "points_away", "points_towards",
    "present", "region", "right", "seconds", "sex", "test", "trend_note", "trend_regions", "trend_scores",
    "unsure", "weekly_change",
)
HEADINGS = (
    "advice", "causes", "cautions", "disclaimer", "exam", "history", "pain", "red_flags", "symptoms", "training",
    "trends", "triage", "where",
)


class ReportWording(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Everything the report says that is not the person's own answers."""

    title: str
    footer: str
    page_of: str
    headings: dict[str, str]
    labels: dict[str, str]
    triage: dict[str, TriageWording]  # the doctor's short form; the summary page has its own words
    header_items: list[str]
    pain_items: list[str]
    training_items: list[str]
    symptom_items: list[str]
    history_items: list[str]
    short_labels: dict[str, str]


def check_wording(wording: ReportWording, source: Path | str) -> None:
    """What the schema cannot say: every triage level, label and heading the report shows is there."""
    for group, names, found in (("triage", TRIAGE_LEVELS, wording.triage), ("labels", LABELS, wording.labels),
                                ("headings", HEADINGS, wording.headings)):
        for name in names:
            if name not in found:
                raise ContentError(source, f"{group}.{name}", "this entry is missing")


@cache
def load_wording(path: Path | None = None) -> ReportWording:
    """resources/report.json, read and checked once."""
    path = path or resource_path("report.json")
    wording = load_content(path, ReportWording)
    check_wording(wording, path)
    return wording
