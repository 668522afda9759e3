"""The session library: people, the session list (search, sort, pages), follow-ups and deletion.

Plain Python over the store's connection; the Qt browser in `hipdesk.ui.library_view` only shows
what these functions return. The list reads denormalized summary columns of `sessions` (schema v3)
so that 100,000 sessions can be paged and searched through indexes; `refresh_summary` keeps them
current and is called by the app after each page change and when a session is finished.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import msgspec

from hipdesk.assessment.model import TRIAGE_LEVELS, Assessment
from hipdesk.content.branching import applicable_items, effective_answers
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.resources import resource_path
from hipdesk.session import Session, now_iso
from hipdesk.storage.store import SessionStore

_log = logging.getLogger(__name__)

#: The assessment engine's signature: `assess(questionnaire, session) -> Assessment`.
AssessFunction = Callable[[Questionnaire, Session], Assessment]

#: Answers that hold a 0–10 pain score; the largest of them (and of the body-map intensities) is "worst pain".
PAIN_SCORE_ITEMS = ("pain_now", "pain_worst", "pain_run_score")


class FollowUpContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Which answers a follow-up check copies from the last session."""

    about: str
    copy_items: list[str]


class LibraryContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The wording and lists of `resources/library.json`."""

    follow_up: FollowUpContent
    trend_series: dict[str, str]
    region_labels: dict[str, str]
    side_labels: dict[str, str]
    triage_labels: dict[str, str]
    cause_labels: dict[str, str]
    status_labels: dict[str, str]
    columns: dict[str, str]
    texts: dict[str, str]

    def region_label(self, region: str, side: str) -> str:
        """'Outer hip (right)'."""
        name = self.region_labels.get(region, region.replace("_", " ").capitalize())
        return f"{name} ({self.side_labels.get(side, side)})"


@cache
def load_library_content(path: Path | None = None) -> LibraryContent:
    """Read and check `resources/library.json`."""
    data = (path or resource_path("library.json")).read_bytes()
    return msgspec.json.decode(data, type=LibraryContent)


def default_assess() -> AssessFunction | None:
    """The assessment engine's `assess` when it is installed, else None (summary columns stay NULL)."""
    try:
        module = importlib.import_module("hipdesk.assessment.engine")
    except ImportError:
        return None
    found = getattr(module, "assess", None)
    return found if callable(found) else None


def name_key(name: str) -> str:
    """The form of a name used to match and search: case-folded, single spaces."""
    return " ".join(name.casefold().split())


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


def _person_for(store: SessionStore, identity: tuple[str, str, str, str | None]) -> int:
    """The id of the matching person, created when there is none (call inside a transaction)."""
    kind, name, key, birth_date = identity
    row = store.conn.execute(
        "SELECT id FROM persons WHERE name_key = ? AND birth_date IS ? AND kind = ? ORDER BY id LIMIT 1",
        (key, birth_date, kind),
    ).fetchone()
    if row is not None:
        store.conn.execute("UPDATE persons SET name = ? WHERE id = ?", (name, row[0]))
        return int(row[0])
    cursor = store.conn.execute(
        "INSERT INTO persons (name, birth_date, created_at, kind, name_key) VALUES (?, ?, ?, ?, ?)",
        (name, birth_date, now_iso(), kind, key),
    )
    return int(cursor.lastrowid or 0)


def _drop_if_orphan(store: SessionStore, person_id: int | None) -> None:
    if person_id is not None:
        store.conn.execute(
            "DELETE FROM persons WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sessions WHERE person_id = ?)",
            (person_id, person_id),
        )


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
    identity = _identity(answers)
    shown_name = " ".join(str(answers.get("name") or "").split())
    with store.transaction():
        person_id = _person_for(store, identity) if identity else None
        store.conn.execute(
            "UPDATE sessions SET person_id = ?, person_name = ?, name_key = ?, triage = ?, triage_rank = ?, "
            "top_cause = ?, worst_pain = ?, summary_at = ? WHERE id = ?",
            (
                person_id, shown_name, name_key(shown_name), triage,
                TRIAGE_LEVELS.index(triage) if triage in TRIAGE_LEVELS else None,
                top_cause, worst_pain(session, answers), now_iso(), session_id,
            ),
        )
        if session.person_id != person_id:
            _drop_if_orphan(store, session.person_id)


def refresh_stale(store: SessionStore, questionnaire: Questionnaire, assess: AssessFunction | None = None) -> int:
    """Refresh every session changed since its summary was written; returns how many (cheap: a partial index)."""
    rows = store.conn.execute("SELECT id FROM sessions WHERE summary_at IS NULL").fetchall()
    for (session_id,) in rows:
        refresh_summary(store, questionnaire, session_id, assess)
    return len(rows)


# -- the list ----------------------------------------------------------------------------------------
#: Sort keys of the browser and the indexed column each one orders by (created_at breaks ties).
SORT_COLUMNS: dict[str, str] = {
    "date": "created_at",
    "person": "name_key",
    "status": "status",
    "triage": "triage_rank",
    "top_cause": "top_cause",
    "worst_pain": "worst_pain",
}


@dataclass(frozen=True)
class LibraryQuery:
    """What the browser shows: a name search, a date range (inclusive, YYYY-MM-DD) and a sort."""

    search: str = ""
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class LibraryRow:
    """One line of the session list."""

    id: int
    created_at: str
    person_id: int | None
    person_name: str
    status: str
    triage: str | None
    top_cause: str | None
    worst_pain: int | None

    @property
    def date(self) -> str:
        """The session's date and time, 'YYYY-MM-DD HH:MM'."""
        return self.created_at[:16].replace("T", " ")


def _where(query: LibraryQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    key = name_key(query.search)
    if key:
        clauses.append("instr(name_key, ?) > 0")
        params.append(key)
    if query.date_from:
        clauses.append("created_at >= ?")
        params.append(query.date_from)
    if query.date_to:
        day_after = dt.date.fromisoformat(query.date_to) + dt.timedelta(days=1)
        clauses.append("created_at < ?")
        params.append(day_after.isoformat())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def fetch_rows(store: SessionStore, query: LibraryQuery, offset: int = 0, limit: int = 200) -> list[LibraryRow]:
    """One page of the list, in the query's order."""
    column = SORT_COLUMNS.get(query.sort, "created_at")
    direction = "DESC" if query.descending else "ASC"
    where, params = _where(query)
    order = f"{column} {direction}" + ("" if column == "created_at" else f", created_at {direction}")
    sql = (
        "SELECT id, created_at, person_id, person_name, status, triage, top_cause, worst_pain FROM sessions"
        f"{where} ORDER BY {order}, id {direction} LIMIT ? OFFSET ?"
    )
    rows = store.conn.execute(sql, (*params, limit, offset)).fetchall()
    return [LibraryRow(*row) for row in rows]


def count_rows(store: SessionStore, query: LibraryQuery) -> int:
    """How many sessions the query matches (for a status line; not needed to page)."""
    where, params = _where(query)
    return int(store.conn.execute(f"SELECT count(*) FROM sessions{where}", params).fetchone()[0])


def person_sessions(store: SessionStore, person_id: int) -> list[int]:
    """Ids of a person's sessions, oldest first."""
    rows = store.conn.execute(
        "SELECT id FROM sessions WHERE person_id = ? ORDER BY created_at, id", (person_id,)
    ).fetchall()
    return [row[0] for row in rows]


def person_name(store: SessionStore, person_id: int) -> str:
    """The person's name or label as last given."""
    row = store.conn.execute("SELECT name FROM persons WHERE id = ?", (person_id,)).fetchone()
    return str(row[0]) if row else ""


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
        row = store.conn.execute(
            "SELECT id FROM sessions WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT 1", (person_id,)
        ).fetchone()
        if row is None:
            raise KeyError(person_id)
        session_id = int(row[0])
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
    row = store.conn.execute("SELECT person_id FROM sessions WHERE id = ?", (session_id,)).fetchone()
    with store.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        if row is not None:
            _drop_if_orphan(store, row[0])
    return erase_freed_pages(store)


def erase_freed_pages(store: SessionStore) -> bool:
    """Checkpoint and empty the write-ahead log; True when nothing is left in it."""
    busy, log_pages, _done = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0 and log_pages in (0, -1)
