"""The outbox: which finished sessions the clinic's FHIR server has, is waiting for, or refused (schema v4).

Plain rows in the session database, so the queue survives a kill, a power cut and a restart. Each row
is claimed by one sender for a short lease before it is posted; a claim of a process that has ended
(killed mid-send) or whose lease ran out is void, so the session is posted again, which the server's
conditional create makes harmless.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Literal

from hipdesk.storage.store import SessionStore
from hipdesk.timestamps import now_iso

DeliveryState = Literal["waiting", "sent", "refused"]
LEASE_SECONDS = 60.0


@dataclass(frozen=True)
class Delivery:
    """One session's place in the outbox: its state, tries so far, when it is tried next and why not yet."""

    session_id: int
    state: DeliveryState
    attempts: int
    next_try: float
    reason: str
    sent_at: str | None
    server_ref: str | None


def _me() -> str:
    return str(os.getpid())


def _alive(owner: str | None) -> bool:
    if not owner or not owner.isdigit():
        return False
    if owner == _me():
        return True
    try:
        os.kill(int(owner), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user: it exists
        return True
    return True


class Outbox:
    """The outbox table of one store (its connection; one thread)."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    def queue_finished_since(self, since: str) -> int:
        """Queue every finished session (finished at or after `since`) that is not in the outbox yet; how many."""
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO outbox (session_id, queued_at) SELECT id, ? FROM sessions "
                "WHERE status = 'complete' AND finished_at >= ? AND id NOT IN (SELECT session_id FROM outbox)",
                (now_iso(), since),
            )
            return cursor.rowcount

    def queue(self, session_id: int) -> None:
        """Queue one session (again, if it was refused); a sent or waiting one stays as it is."""
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO outbox (session_id, queued_at) VALUES (?, ?) ON CONFLICT (session_id) DO UPDATE "
                "SET state = 'waiting', next_try = 0, attempts = 0 WHERE state = 'refused'",
                (session_id, now_iso()),
            )

    def claim_due(self, now: float | None = None, limit: int = 20) -> list[int]:
        """Claim up to `limit` waiting sessions whose time has come, oldest first; their ids."""
        now = time.time() if now is None else now
        rows = self.store.conn.execute(
            "SELECT session_id, claimed_by, claimed_until FROM outbox WHERE state = 'waiting' AND next_try <= ? "
            "ORDER BY next_try, session_id LIMIT ?", (now, limit * 4),
        ).fetchall()
        claimed: list[int] = []
        for session_id, owner, until in rows:
            if len(claimed) >= limit:
                break
            if owner and owner != _me() and (until or 0) > now and _alive(owner):
                continue  # another sender (a second copy of the app) is posting it right now
            with self.store.transaction() as conn:
                cursor = conn.execute(
                    "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE session_id = ? AND state = 'waiting' "
                    "AND claimed_by IS ?", (_me(), now + LEASE_SECONDS, session_id, owner),
                )
            if cursor.rowcount == 1:
                claimed.append(session_id)
        return claimed

    def mark_sent(self, session_id: int, server_ref: str | None) -> None:
        """The server confirmed it holds the session."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'sent', sent_at = ?, server_ref = ?, reason = '', attempts = attempts + 1, "
                "claimed_by = NULL, claimed_until = NULL WHERE session_id = ?", (now_iso(), server_ref, session_id),
            )

    def mark_retry(self, session_id: int, reason: str, next_try: float, tried: bool = True) -> None:
        """Not confirmed; try again at `next_try` (Unix time). `tried` is False for a session put back untried
        because the server was found away (its count of tries, and so its back-off, stays)."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET reason = ?, next_try = ?, attempts = attempts + ?, claimed_by = NULL, "
                "claimed_until = NULL WHERE session_id = ? AND state = 'waiting'",
                (reason, next_try, 1 if tried else 0, session_id),
            )

    def mark_refused(self, session_id: int, reason: str) -> None:
        """The server said no, for a reason that trying again unchanged would not fix."""
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE outbox SET state = 'refused', reason = ?, attempts = attempts + 1, claimed_by = NULL, "
                "claimed_until = NULL WHERE session_id = ?", (reason, session_id),
            )

    def retry_now(self) -> None:
        """Every waiting session is due at once (after the settings changed, or when staff ask)."""
        with self.store.transaction() as conn:
            conn.execute("UPDATE outbox SET next_try = 0 WHERE state = 'waiting'")

    def delivery(self, session_id: int) -> Delivery | None:
        """The outbox row of one session, or None when it was never queued."""
        row = self.store.conn.execute(
            "SELECT session_id, state, attempts, next_try, reason, sent_at, server_ref FROM outbox WHERE session_id = ?",
            (session_id,),
        ).fetchone()
        return Delivery(*row) if row else None

    def counts(self) -> dict[str, int]:
        """How many sessions are in each state."""
        rows = self.store.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
        return {state: int(count) for state, count in rows}

    def next_due(self) -> float | None:
        """When the next waiting session is due (Unix time), or None when nothing waits."""
        row = self.store.conn.execute("SELECT min(next_try) FROM outbox WHERE state = 'waiting'").fetchone()
        return float(row[0]) if row and row[0] is not None else None
