"""Answers coming in: an answers file stored as a new session (the CLI and the start page both call this)."""

from __future__ import annotations

from pathlib import Path

from hipdesk.content.branching import skipped_items
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import read_answers_file
from hipdesk.library import sessions as library
from hipdesk.storage.store import SessionStore


def import_answers_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str) -> int:
    """Check the file, store it as a new session with its library summary, and return the new id.

    Raises AnswersFileError (nothing stored) for a file that is not valid, StoreError when it cannot be saved.
    """
    session = read_answers_file(questionnaire, Path(path))
    new_id = store.save_whole_session(session, skipped_items(questionnaire, session.answers))
    from hipdesk.assessment.engine import assess

    library.refresh_summary(store, questionnaire, new_id, assess)
    return new_id
