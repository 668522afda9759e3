"""The assessment engine (pure Python, no Qt): answers in, triage and possible causes out."""

from hipdesk.assessment.model import (
    TRIAGE_LEVELS,
    Assessment,
    CauseResult,
    Evidence,
    RedFlag,
    TriageLevel,
    more_urgent,
)

__all__ = ["raised_red_flags", "TRIAGE_LEVELS", "Assessment", "CauseResult", "Evidence", "RedFlag", "TriageLevel", "more_urgent"]


def raised_red_flags(questionnaire: object, session: object) -> list[RedFlag]:
    """Red flags raised by a session's answers, most urgent first.

    Interim: the rule engine of the assessment issue replaces this function body.
    """
    return []
