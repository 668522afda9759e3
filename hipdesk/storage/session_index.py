"""The SQL behind the session library: the people table, the list's summary columns, paging and search.

The library (`hipdesk.library.sessions`) decides what goes into the columns; this module only reads and
writes them, so every statement on `sessions`' summary columns and on `persons` lives in storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hipdesk.storage.store import SessionStore
from hipdesk.timestamps import now_iso

#: (kind, display name, name key, birth date) of a person: "clinic" (name + birth date) or "home" (a label).
Identity = tuple[str, str, str, str | None]


def name_key(name: str) -> str:
    """The form of a name used to match and search: case-folded, single spaces."""
    return " ".join(name.casefold().split())


# -- people -----------------------------------------------------------------------------------------
def person_for(store: SessionStore, identity: tuple[str, str, str, str | None]) -> int:
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


def drop_if_orphan(store: SessionStore, person_id: int | None) -> None:
    """Remove the person when no session is theirs any more (call inside a transaction)."""
    if person_id is not None:
        store.conn.execute(
            "DELETE FROM persons WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sessions WHERE person_id = ?)",
            (person_id, person_id),
        )


@dataclass(frozen=True)
class SummaryColumns:
    """What the list shows of one session besides its own fields."""

    person_name: str
    triage: str | None
    triage_rank: int | None
    top_cause: str | None
    worst_pain: int | None


def write_summary(store: SessionStore, session_id: int, identity: Identity | None, old_person_id: int | None,
                  columns: SummaryColumns) -> None:
    """Link the session to its person (made when new) and store its list columns, in one transaction."""
    with store.transaction():
        person_id = person_for(store, identity) if identity else None
        store.conn.execute(
            "UPDATE sessions SET person_id = ?, person_name = ?, name_key = ?, triage = ?, triage_rank = ?, "
            "top_cause = ?, worst_pain = ?, summary_at = ? WHERE id = ?",
            (person_id, columns.person_name, name_key(columns.person_name), columns.triage, columns.triage_rank,
             columns.top_cause, columns.worst_pain, now_iso(), session_id),
        )
        if old_person_id != person_id:
            drop_if_orphan(store, old_person_id)


def stale_session_ids(store: SessionStore) -> list[int]:
    """Sessions changed since their summary was written (cheap: a partial index)."""
    return [int(row[0]) for row in store.conn.execute("SELECT id FROM sessions WHERE summary_at IS NULL").fetchall()]


def latest_session_of(store: SessionStore, person_id: int) -> int | None:
    """The person's newest session, or None when they have none."""
    row = store.conn.execute(
        "SELECT id FROM sessions WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT 1", (person_id,)
    ).fetchone()
    return int(row[0]) if row else None


def delete_session_and_orphan(store: SessionStore, session_id: int) -> None:
    """Delete the session, and its person when nothing else is theirs, in one transaction."""
    row = store.conn.execute("SELECT person_id FROM sessions WHERE id = ?", (session_id,)).fetchone()
    with store.transaction() as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
        if row is not None:
            drop_if_orphan(store, row[0])
        # The name index only marks a deleted entry until its segments are merged: merge them now, so that no
        # trigram of the name is left in the file (secure_delete zeroes the freed pages).
        conn.execute("INSERT INTO sessions_name_search (sessions_name_search) VALUES ('optimize')")


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
    delivery: str | None = None  # the clinic's FHIR server (outbox): waiting / sent / refused, None when never queued
    delivery_reason: str = ""  # why it waits or was refused (the server's words)

    @property
    def date(self) -> str:
        """The session's date and time, 'YYYY-MM-DD HH:MM'."""
        return self.created_at[:16].replace("T", " ")


#: The trigram index answers searches of at least three characters.
SEARCH_INDEX_MIN = 3
#: From this many sessions on, a name counts as common (see `_few_matches`). Measured at 1M sessions: a name with
#: m matches costs the sort-index walk about 200 * 1M / m rows (0.3 µs each), the id list about 1-2 µs a match;
#: at 1000 a first and last name ("anna okafor", 1710 sessions) walked 117,000 rows (36-60 ms after the index
#: query); with 5000 it takes the id list (~20 ms) and a name just above 5000 walks ~40,000 rows (~12 ms).
MANY_MATCHES = 5000


def _few_matches(store: SessionStore, key: str) -> list[int] | None:
    """Ids of the sessions whose name contains `key`, from the trigram index; None when there are many.

    Few matches (a rare or absent name) are where `instr` is slow: it reads every session to find them.
    Many matches fill the first page after a short walk along the sort index instead.
    """
    phrase = '"' + key.replace('"', '""') + '"'  # one phrase: the key as a substring, nothing parsed as syntax
    rows = store.conn.execute(
        "SELECT rowid FROM sessions_name_search WHERE sessions_name_search MATCH ? LIMIT ?", (phrase, MANY_MATCHES)
    ).fetchall()
    return [row[0] for row in rows] if len(rows) < MANY_MATCHES else None


def _where(store: SessionStore, query: LibraryQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    key = name_key(query.search)
    few = _few_matches(store, key) if len(key) >= SEARCH_INDEX_MIN else None
    if few is not None:  # a rare name: its sessions, found through the trigram index (schema v5)
        clauses.append(f"id IN ({', '.join('?' * len(few))})" if few else "0")
        params.extend(few)
    elif key:  # a common name, or one or two letters: walking the sort index fills a page quickly
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
    where, params = _where(store, query)
    order = f"{column} {direction}" + ("" if column == "created_at" else f", created_at {direction}")
    sql = (
        "SELECT id, created_at, person_id, person_name, status, triage, top_cause, worst_pain, outbox.state, "
        "coalesce(outbox.reason, '') FROM sessions LEFT JOIN outbox ON outbox.session_id = sessions.id"
        f"{where} ORDER BY {order}, id {direction} LIMIT ? OFFSET ?"
    )
    rows = store.conn.execute(sql, (*params, limit, offset)).fetchall()
    return [LibraryRow(*row) for row in rows]


def count_rows(store: SessionStore, query: LibraryQuery) -> int:
    """How many sessions the query matches (for a status line; not needed to page)."""
    where, params = _where(store, query)
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


def erase_freed_pages(store: SessionStore) -> bool:
    """Checkpoint and empty the write-ahead log; True when nothing is left in it."""
    busy, log_pages, _done = store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0 and log_pages in (0, -1)
