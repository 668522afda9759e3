"""Session use cases: start, leave, finish and delete. The window, the kiosk and the CLI all call these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.settings import remembered_answer_setting
from hipdesk.storage.store import SessionStore

if TYPE_CHECKING:  # the library and the engine load when a session is finished, the session model with the first
    # session: neither at start-up
    from hipdesk.assessment.model import UnansweredQuestion
    from hipdesk.library.sessions import AssessFunction
    from hipdesk.session import Session


#: At the front desk these answers are known, so their questions are not asked: a kiosk stands in a clinic.
KIOSK_FIXED_ANSWERS: dict[str, object] = {"setting": "clinic"}


def new_session_answers(store: SessionStore, questionnaire: Questionnaire, *, kiosk: bool = False) -> dict[str, object]:
    """What a new session starts with: remembered choices (items marked `remember`), else each item's default.

    At the kiosk the next patient must find nothing of the last one, so nothing remembered applies: only
    the content's defaults, plus the answers a front desk already knows (`KIOSK_FIXED_ANSWERS`).
    """
    answers: dict[str, object] = {}
    for item in questionnaire.items():
        value = store.get_setting(remembered_answer_setting(item.id)) if item.remember and not kiosk else None
        if value is None:
            value = item.default
        if value is not None:
            answers[item.id] = value
    if kiosk:
        answers.update(KIOSK_FIXED_ANSWERS)
    return answers


def not_asked_at_kiosk() -> frozenset[str]:
    """Questions the kiosk does not show (their answer is fixed)."""
    return frozenset(KIOSK_FIXED_ANSWERS)


def start_session(store: SessionStore, questionnaire: Questionnaire, *, kiosk: bool = False) -> SessionEditor:
    """A new draft session with its starting answers, ready to edit."""
    session = store.create_session(new_session_answers(store, questionnaire, kiosk=kiosk))
    return SessionEditor(store, questionnaire, session)


def is_empty_draft(questionnaire: Questionnaire, session: Session) -> bool:
    """A draft holding nothing beyond the first page (opened by a click, then left for another)."""
    first_page_items = {item.id for item in questionnaire.pages[0].items} if questionnaire.pages else set()
    return session.status != "complete" and not session.regions and not session.exam and set(session.answers) <= first_page_items


def leave_session(store: SessionStore, questionnaire: Questionnaire, session: Session) -> None:
    """Called when a person moves from one session to another: an empty draft is not kept."""
    if session.id is not None and is_empty_draft(questionnaire, session):
        delete_session(store, session.id)


def finish_session(editor: SessionEditor, assess: AssessFunction | None = None) -> None:
    """Mark the session complete, bring its library summary (person, pain, triage) up to date, and queue it
    for the clinic's FHIR server when one is set (the sender posts it in the background)."""
    from hipdesk.actions import fhir_sending  # urllib and the FHIR code load when first needed: start-up time
    from hipdesk.assessment import engine_assess
    from hipdesk.library import sessions as library  # the library (and msgspec) load when first needed: start-up time

    editor.finish()
    library.refresh_summary(editor.store, editor.questionnaire, editor.session_id, assess or engine_assess())
    fhir_sending.queue_finished(editor.store)


def unanswered_warning_signs(questionnaire: Questionnaire, session: Session) -> list[UnansweredQuestion]:
    """The warning-sign questions that apply to this session and were not answered (asked before finishing)."""
    from hipdesk.assessment.engine import unanswered_warnings
    from hipdesk.assessment.rulefiles import flag_rules_for, load_names
    from hipdesk.content.resources import resource_path

    names = load_names(resource_path("rules", "names.json")).questions
    return unanswered_warnings(questionnaire, session, flag_rules_for(questionnaire).warning_items, names)


def delete_session(store: SessionStore, session_id: int) -> bool:
    """Erase a session (and its person when nothing else is theirs). False if old pages may linger in the log."""
    from hipdesk.library import sessions as library

    return library.delete_session(store, session_id)
