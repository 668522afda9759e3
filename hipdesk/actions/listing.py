"""The session list for the command line: id, person, date, status and triage, with a name search."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from hipdesk.content.branching import effective_answers
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.library.sessions import AssessFunction, LibraryQuery
from hipdesk.storage.store import SessionStore


@dataclass(frozen=True)
class ListedSession:
    """One line of `hipdesk list`."""

    id: int
    person: str
    date: str
    status: str
    triage: str | None

    def to_json(self) -> dict[str, Any]:
        """The line as JSON (`hipdesk list --json`)."""
        return asdict(self)


def list_sessions(store: SessionStore, questionnaire: Questionnaire, search: str = "", limit: int = 100,
                  assess: AssessFunction | None = None) -> tuple[list[ListedSession], int]:
    """Newest sessions first (matching `search` in the person's name), and how many have no summary yet.

    Never writes: a session whose library summary is out of date is summed up in memory for the line
    shown, so the command also works on a file opened read-only.
    """
    stale = set(library.stale_session_ids(store))
    listed = []
    for row in library.fetch_rows(store, LibraryQuery(search=search), limit=limit):
        if row.id in stale:
            listed.append(_summed_up(store, questionnaire, row.id, assess))
        else:
            listed.append(ListedSession(row.id, row.person_name, row.date, row.status, row.triage))
    key = library.name_key(search)
    if key:  # a stale summary has no name to search yet: look at those sessions themselves
        shown = {line.id for line in listed}
        for session_id in sorted(stale - shown):
            line = _summed_up(store, questionnaire, session_id, assess)
            if key in library.name_key(line.person):
                listed.append(line)
        listed = sorted(listed, key=lambda line: (line.date, line.id), reverse=True)[:limit]
    return listed, len(stale)


def _summed_up(store: SessionStore, questionnaire: Questionnaire, session_id: int,
               assess: AssessFunction | None) -> ListedSession:
    session = store.load_session(session_id)
    name = " ".join(str(effective_answers(questionnaire, session.answers).get("name") or "").split())
    triage = assess(questionnaire, session).triage if assess else None
    date = session.created_at[:16].replace("T", " ")
    return ListedSession(session_id, name, date, session.status, triage)
