"""The session library: people, the session list (search, sort, pages), follow-ups and deletion.

Plain Python; the SQL is in `hipdesk.storage.session_index`. The Qt browser in `hipdesk.ui.library_view` only shows
what these functions return. The list reads denormalized summary columns of `sessions` (schema v3)
so that 100,000 sessions can be paged and searched through indexes; `refresh_summary` keeps them
current and is called by the app after each page change and when a session is finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from hipdesk.assessment.model import TRIAGE_LEVELS, Assessment
from hipdesk.content.branching import applicable_items, effective_answers
from hipdesk.content.library_text import LibraryContent, load_library_content
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import Session
from hipdesk.storage.session_index import (  # noqa: F401 - the list's types and queries, used through this module
    SORT_COLUMNS,
    LibraryQuery,
    LibraryRow,
    SummaryColumns,
    count_rows,
    delete_session_and_orphan,
    erase_freed_pages,
    fetch_rows,
    latest_session_of,
    name_key,
    person_name,
    person_sessions,
    stale_session_ids,
    write_summary,
)
from hipdesk.storage.store import SessionStore

_log = logging.getLogger(__name__)

#: The assessment engine's signature: `assess(questionnaire, session) -> Assessment`.
AssessFunction = Callable[[Questionnaire, Session], Assessment]

#: Answers that hold a 0–10 pain score; the largest of them (and of the body-map intensities) is "worst pain".
PAIN_SCORE_ITEMS = ("pain_now", "pain_worst", "pain_run_score")


# -- summaries and people --------------------------------------------------------------------------
def worst_pain(session: Session, answers: dict[str, Any]) -> int | None:
    """The largest 0–10 pain score of the session (pain answers and body-map intensities), or None."""
    scores = [answers[item] for item in PAIN_SCORE_ITEMS if isinstance(answers.get(item), int)]
    scores += [mark.intensity for mark in session.regions.values()]
    return max(scores) if scores else None


def _identity(answers: dict[str, Any]) -> tuple[str, str, str, str | None] | None:
    """(kind, display name, name key, birth date) of the person, or None when there is not enough to link.

    In a clinic a person is a name plus a date of birth; at home a label is enough.
    """
    name = " ".join(str(answers.get("name") or "").split())
    if not name:
        return None
    birth = answers.get("birth_date")
    birth_date = birth if isinstance(birth, str) and birth else None
    if answers.get("setting") == "home":
        return ("home", name, name_key(name), None)
    if birth_date is None:
        return None
    return ("clinic", name, name_key(name), birth_date)


def refresh_summary(
    store: SessionStore, questionnaire: Questionnaire, session_id: int, assess: AssessFunction | None = None
) -> None:
    """Link the session to its person and update its list columns (triage and top cause only with `assess`)."""
    try:
        session = store.load_session(session_id)
    except KeyError:
        return
    answers = effective_answers(questionnaire, session.answers)
    triage: str | None = None
    top_cause: str | None = None
    if assess is not None:
        try:
            assessment = assess(questionnaire, session)
        except Exception:  # a fault in the engine must not stop the wizard or the list: show "–" and log it
            _log.exception("assessing session %s for the session list failed", session_id)
        else:
            triage = assessment.triage
            top_cause = assessment.causes[0].id if assessment.causes else None
    columns = SummaryColumns(
        person_name=" ".join(str(answers.get("name") or "").split()),
        triage=triage,
        triage_rank=TRIAGE_LEVELS.index(triage) if triage in TRIAGE_LEVELS else None,
        top_cause=top_cause,
        worst_pain=worst_pain(session, answers),
    )
    write_summary(store, session_id, _identity(answers), session.person_id, columns)


def refresh_stale(store: SessionStore, questionnaire: Questionnaire, assess: AssessFunction | None = None) -> int:
    """Refresh every session changed since its summary was written; returns how many (cheap: a partial index)."""
    stale = stale_session_ids(store)
    for session_id in stale:
        refresh_summary(store, questionnaire, session_id, assess)
    return len(stale)


# -- follow-up and delete ----------------------------------------------------------------------------
def follow_up_answers(questionnaire: Questionnaire, previous: Session, content: LibraryContent | None = None) -> dict[str, Any]:
    """The answers a follow-up copies: the listed history items that still apply among themselves."""
    listed = (content or load_library_content()).follow_up.copy_items
    copied = {item: previous.answers[item] for item in listed if item in previous.answers}
    applicable = applicable_items(questionnaire, copied)
    return {item: value for item, value in copied.items() if item in applicable}


def start_follow_up(
    store: SessionStore,
    questionnaire: Questionnaire,
    *,
    person_id: int | None = None,
    session_id: int | None = None,
    content: LibraryContent | None = None,
) -> Session:
    """A new draft for the same person with history copied from their last session (or from `session_id`).

    Today's pain (pain story, scores, body map, symptoms, red flags, exam) starts empty.
    """
    if session_id is None:
        if person_id is None:
            raise ValueError("give a person or a session")
        session_id = latest_session_of(store, person_id)
        if session_id is None:
            raise KeyError(person_id)
    previous = store.load_session(session_id)
    session = store.create_session(follow_up_answers(questionnaire, previous, content))
    assert session.id is not None
    refresh_summary(store, questionnaire, session.id)
    return store.load_session(session.id)


def delete_session(store: SessionStore, session_id: int) -> bool:
    """Erase a session (and its person when no other session is theirs) from the file's bytes.

    `secure_delete` (set by the store) zeroes the freed space; the checkpoint copies that into the main
    file and empties the write-ahead log, which would otherwise still hold the old pages. Returns False
    when another connection (a second copy of the app) kept the checkpoint from finishing: the rows are
    deleted, but old pages stay in the log until a later checkpoint (at the latest when the last
    connection closes).
    """
    delete_session_and_orphan(store, session_id)
    return erase_freed_pages(store)


