"""Front-desk rules: what staff see first, and which sessions they have seen.

(What a kiosk session starts with is in `hipdesk.actions.sessions.new_session_answers`.)

Plain Python over the store; the kiosk's widgets only show what these functions return. The triage of
each session comes from the library's stored summary (`hipdesk.library.sessions.refresh_summary`), never
from a second reading of the answers here.
"""

from __future__ import annotations

from dataclasses import dataclass

from hipdesk.assessment import engine_assess
from hipdesk.assessment.model import TRIAGE_LEVELS
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.sessions import AssessFunction, name_key, refresh_stale, refresh_summary
from hipdesk.storage.store import SessionStore
from hipdesk.timestamps import now_iso

#: Levels that staff must see first while nobody has looked at the session yet.
NEEDS_ATTENTION_LEVELS = ("emergency", "urgent")
_ATTENTION_RANK = max(TRIAGE_LEVELS.index(level) for level in NEEDS_ATTENTION_LEVELS)

#: Sort keys of the staff list and the column each orders by (unseen emergency / urgent stay on top).
STAFF_SORTS: dict[str, str] = {
    "date": "created_at",
    "name": "name_key",
    "triage": "coalesce(triage_rank, 99)",
    "status": "status",
}


@dataclass(frozen=True)
class StaffRow:
    """One line of the staff list."""

    id: int
    created_at: str
    name: str
    status: str
    triage: str | None
    seen: bool

    @property
    def needs_attention(self) -> bool:
        """Emergency or urgent, and no member of staff has opened it yet."""
        return not self.seen and self.triage in NEEDS_ATTENTION_LEVELS

    @property
    def date(self) -> str:
        """'YYYY-MM-DD HH:MM'."""
        return self.created_at[:16].replace("T", " ")


def refresh_triage(store: SessionStore, questionnaire: Questionnaire, session_id: int | None = None,
                   assess: AssessFunction | None = None) -> None:
    """Bring the stored summaries up to date: one session, or every session changed since its last summary."""
    engine = assess or engine_assess()
    if session_id is None:
        refresh_stale(store, questionnaire, engine)
    else:
        refresh_summary(store, questionnaire, session_id, engine)


_COLUMNS = "id, created_at, person_name, status, triage, staff_seen_at IS NOT NULL"
#: Unseen and emergency / urgent (the partial index `sessions_unseen` serves it; a NULL rank is not <= anything).
_NEEDS_ATTENTION = "staff_seen_at IS NULL AND triage_rank <= ?"
#: Its negation must treat a session not yet assessed (NULL rank) as "not needing attention", not as unknown.
_THE_REST = "NOT (staff_seen_at IS NULL AND coalesce(triage_rank, 99) <= ?)"


def staff_rows(store: SessionStore, search: str = "", sort: str = "date", descending: bool = True,
               limit: int = 500) -> list[StaffRow]:
    """The sessions staff see: unseen emergency and urgent first (most urgent first), then in the chosen order.

    Two queries: the few that need attention (a partial index), then one page of the rest in an indexed
    order, so the list stays quick with many stored sessions.
    """
    column = STAFF_SORTS.get(sort, "created_at")
    direction = "DESC" if descending else "ASC"
    search_sql, params = "", []
    key = name_key(search)
    if key:
        search_sql, params = " AND instr(name_key, ?) > 0", [key]
    order = f"{column} {direction}" + ("" if column == "created_at" else f", created_at {direction}")
    first = store.conn.execute(
        f"SELECT {_COLUMNS} FROM sessions WHERE {_NEEDS_ATTENTION}{search_sql}"
        f" ORDER BY triage_rank, {order}, id {direction} LIMIT ?",
        (_ATTENTION_RANK, *params, limit),
    ).fetchall()
    rest = store.conn.execute(
        f"SELECT {_COLUMNS} FROM sessions WHERE {_THE_REST}{search_sql}"
        f" ORDER BY {order}, id {direction} LIMIT ?",
        (_ATTENTION_RANK, *params, max(limit - len(first), 0)),
    ).fetchall()
    return [StaffRow(int(r[0]), r[1], r[2] or "", r[3], r[4], bool(r[5])) for r in first + rest]


def attention_count(store: SessionStore) -> int:
    """How many sessions are emergency or urgent and not yet seen by staff."""
    row = store.conn.execute(
        f"SELECT count(*) FROM sessions WHERE {_NEEDS_ATTENTION}", (_ATTENTION_RANK,)
    ).fetchone()
    return int(row[0])


def mark_seen(store: SessionStore, session_id: int) -> None:
    """A member of staff has opened this session (it leaves the top of the list)."""
    with store.transaction() as conn:
        conn.execute("UPDATE sessions SET staff_seen_at = coalesce(staff_seen_at, ?) WHERE id = ?",
                     (now_iso(), session_id))


def stored_triage(store: SessionStore, session_id: int) -> str | None:
    """The triage level of the session's stored summary (None until it has been assessed)."""
    row = store.conn.execute("SELECT triage FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return None if row is None else row[0]


def session_label(store: SessionStore, session_id: int) -> tuple[int, str]:
    """(session number, name as stored in the summary) for the staff banner."""
    row = store.conn.execute("SELECT person_name FROM sessions WHERE id = ?", (session_id,)).fetchone()
    return session_id, (row[0] if row else "") or ""
