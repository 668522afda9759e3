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


def import_answers_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str) -> int:
    """Check the file, store it as a new session with its library summary, and return the new id.

    Raises AnswersFileError (nothing stored) for a file that is not valid, StoreError when it cannot be saved.
    """
    return _store_new(store, questionnaire, read_answers_file(questionnaire, Path(path)))


def import_fhir_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str) -> int:
    """Store a QuestionnaireResponse for HipDesk's Questionnaire (from any FHIR form client) as a new session.

    The same checks as an answers file; raises FhirImportError (an AnswersFileError) with nothing stored.
    """
    return _store_new(store, questionnaire, read_fhir_file(questionnaire, Path(path)))


def import_file(store: SessionStore, questionnaire: Questionnaire, path: Path | str) -> int:
    """An answers file or a FHIR resource, told apart by its first bytes (FHIR JSON names its resourceType)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        head = b""  # the reader below says why the file cannot be read
    if b'"resourceType"' in head:
        return import_fhir_file(store, questionnaire, path)
    return import_answers_file(store, questionnaire, path)


def _store_new(store: SessionStore, questionnaire: Questionnaire, session: Session) -> int:
    new_id = store.save_whole_session(session, skipped_items(questionnaire, session.answers))
    from hipdesk.assessment.engine import assess

    library.refresh_summary(store, questionnaire, new_id, assess)
    return new_id
