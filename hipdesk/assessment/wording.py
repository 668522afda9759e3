"""Headings and triage messages of the assessment summary, from `resources/rules/wording.json`.

Shared by the summary page and the report, so both say the same thing.
"""

from __future__ import annotations

from functools import cache

import msgspec

from hipdesk.assessment.conditions import RuleError
from hipdesk.assessment.model import TRIAGE_LEVELS
from hipdesk.content.loader import ContentError, load_content
from hipdesk.content.resources import resource_path

HEADINGS = (
    "red_flags", "because", "see_clinician", "causes", "causes_intro", "no_causes", "points_towards",
    "points_away", "nothing", "training", "advice", "cautions", "risk_factors", "reasons", "unanswered",
    "unanswered_intro", "lower_reasons",
)


class TriageWording(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The headline and what to do for one triage level (the summary's in rules/wording.json, the report's in
    report.json)."""

    title: str
    text: str


class SummaryWording(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Every fixed text of the summary."""

    triage: dict[str, TriageWording]
    headings: dict[str, str]
    about: str = ""
    #: Said only when every warning-sign question that applies was answered and none raised a flag.
    all_answered: str = ""


@cache
def summary_wording() -> SummaryWording:
    """The checked wording (loaded once)."""
    path = resource_path("rules", "wording.json")
    try:
        wording = load_content(path, SummaryWording)
    except ContentError as error:
        raise RuleError(path, error.item, error.problem) from None
    for level in TRIAGE_LEVELS:
        if level not in wording.triage:
            raise RuleError(path, level, "no wording for this triage level")
    for key in HEADINGS:
        if not wording.headings.get(key, "").strip():
            raise RuleError(path, key, "this heading is missing")
    return wording
