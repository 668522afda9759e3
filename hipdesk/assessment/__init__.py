"""The assessment engine (pure Python, no Qt): answers in, triage and possible causes out."""

from __future__ import annotations

from collections.abc import Callable

from hipdesk.assessment.model import (
    TRIAGE_LEVELS,
    Assessment,
    CauseResult,
    Evidence,
    RedFlag,
    TriageLevel,
    more_urgent,
)
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import Session

__all__ = [
    "engine_assess", "raised_red_flags", "TRIAGE_LEVELS", "Assessment", "CauseResult", "Evidence", "RedFlag", "TriageLevel",
    "more_urgent",
]


def raised_red_flags(questionnaire: Questionnaire, session: Session) -> list[RedFlag]:
    """Red flags raised by a session's answers, most urgent first.

    Called after every answer, so it reads only the red-flag rules (loaded once) and the answers that apply.
    The rule modules are imported on the first call: the GUI's first page does not wait for them.
    """
    from hipdesk.assessment.facts import gather_facts
    from hipdesk.assessment.red_flags import evaluate_flags
    from hipdesk.assessment.rulefiles import flag_rules_for

    return evaluate_flags(flag_rules_for(questionnaire).flags, gather_facts(questionnaire, session))


def engine_assess() -> Callable[[Questionnaire, Session], Assessment]:
    """The engine's `assess`, imported on first use (its rules load with it): what callers use by default."""
    from hipdesk.assessment.engine import assess

    return assess
