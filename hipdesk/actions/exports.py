"""What a session looks like outside HipDesk: PDF report, FHIR Bundle, answers file (bytes and saving).

One function each, for a stored session or an open one; the CLI, the window and the kiosk all call these.
"""

from __future__ import annotations

from pathlib import Path

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.safe_write import write_private_atomic
from hipdesk.report.export import AssessFn, PageSize, page_size_from, report_pdf
from hipdesk.session import Session
from hipdesk.storage.settings import PAGE_SIZE_SETTING
from hipdesk.storage.store import SessionStore


class SessionNotFound(LookupError):
    """No stored session has this id."""

    def __init__(self, session_id: int) -> None:
        super().__init__(f"no session with id {session_id}")
        self.session_id = session_id


def load_stored_session(store: SessionStore, session_id: int) -> Session:
    """The stored session; raises SessionNotFound (not KeyError) when there is none."""
    try:
        return store.load_session(session_id)
    except KeyError:
        raise SessionNotFound(session_id) from None


def preferred_page_size(store: SessionStore | None) -> PageSize:
    """The paper size chosen in the app (A4 unless Letter was chosen)."""
    return page_size_from(store.get_setting(PAGE_SIZE_SETTING) if store is not None else None)


def report_bytes(questionnaire: Questionnaire, session: Session, store: SessionStore | None = None, *,
                 page_size: str | None = None, assess: AssessFn | None = None) -> bytes:
    """The PDF report. With the store, the person's pain over time and the app's paper size are used."""
    from hipdesk.library.trends import report_trend  # each command loads only what it needs (start-up time)

    trend = report_trend(store, questionnaire, session) if store is not None else None
    size = page_size_from(page_size) if page_size else preferred_page_size(store)
    return report_pdf(questionnaire, session, assess, size, trend)


def fhir_bytes(questionnaire: Questionnaire, session: Session) -> bytes:
    """The FHIR R4 Bundle (Questionnaire + QuestionnaireResponse) as JSON bytes."""
    from hipdesk.exchange import fhir

    return fhir.dumps(fhir.export_bundle(questionnaire, session))


def answers_bytes(questionnaire: Questionnaire, session: Session) -> bytes:
    """The answers file (docs/answers-format.md), which HipDesk can import again."""
    from hipdesk.exchange import answers_file

    return answers_file.dumps(questionnaire, session)


def save_export(path: Path | str, data: bytes) -> Path:
    """Write whole or not at all, readable by this user only. Raises ExportError with a plain message."""
    return write_private_atomic(Path(path), data)
