"""Answers coming in: an answers file or a FHIR QuestionnaireResponse stored as a new session (the CLI and the
start page both call these)."""

from __future__ import annotations

from pathlib import Path

from hipdesk.content.branching import skipped_items
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import read_answers_file
from hipdesk.exchange.fhir_import import read_fhir_file
from hipdesk.library import sessions as library
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore


class AlreadyStored(Exception):
    """The file's answers are stored already (as `session_id`); importing again needs a yes (`again=True`)."""

    def __init__(self, path: Path, session_id: int) -> None:
        super().__init__(f"{path}: these answers are already stored, as session {session_id}.")
        self.session_id = session_id


def import_answers_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str, *,
                        again: bool = False) -> int:
    """Check the file, store it as a new session with its library summary, and return the new id.

    Raises AnswersFileError (nothing stored) for a file that is not valid, AlreadyStored when the same
    session is stored already (unless `again`), StoreError when it cannot be saved.
    """
    return _store_new(store, questionnaire, read_answers_file(questionnaire, Path(path)), Path(path), again)


def import_fhir_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str, *,
                     again: bool = False) -> int:
    """Store a QuestionnaireResponse for HipDesk's Questionnaire (from any FHIR form client) as a new session.

    The same checks as an answers file; raises FhirImportError (an AnswersFileError) with nothing stored,
    AlreadyStored as `import_answers_file` does.
    """
    return _store_new(store, questionnaire, read_fhir_file(questionnaire, Path(path)), Path(path), again)


def import_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str, *, again: bool = False) -> int:
    """An answers file or a FHIR resource, told apart by its first bytes (FHIR JSON names its resourceType)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        head = b""  # the reader below says why the file cannot be read
    if b'"resourceType"' in head:
        return import_fhir_file(store, questionnaire, path, again=again)
    return import_answers_file(store, questionnaire, path, again=again)


def _store_new(store: SessionStore, questionnaire: Questionnaire, session: Session, path: Path, again: bool) -> int:
    if not again:
        same = same_stored_session(store, session)
        if same is not None:
            raise AlreadyStored(path, same)
    new_id = store.save_whole_session(session, skipped_items(questionnaire, session.answers))
    from hipdesk.assessment.engine import assess

    library.refresh_summary(store, questionnaire, new_id, assess)
    return new_id


def same_stored_session(store: SessionStore, session: Session) -> int | None:
    """The id of a stored session started at the same moment with the same answers, marks and results, if any.

    The start time comes from the file (an exported session keeps it), so only sessions of that second
    are compared, through the index on created_at.
    """
    rows = store.conn.execute("SELECT id FROM sessions WHERE created_at = ? ORDER BY id", (session.created_at,))
    for (session_id,) in rows.fetchall():
        stored = store.load_session(session_id)
        if (stored.answers, stored.regions, stored.exam) == (session.answers, session.regions, session.exam):
            return int(session_id)
    return None
