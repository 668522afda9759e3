"""SessionStore: every session in one local SQLite file, each answer written the moment it is given."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from hipdesk.timestamps import now_iso

if TYPE_CHECKING:  # the session model loads when a session is opened or started, not at start-up (~5 ms)
    from hipdesk.session import ExamResult, Session

#: Forward migrations; entry N takes the schema from version N to N + 1. Never edit a released entry.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE persons (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        birth_date TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        current_page TEXT NOT NULL DEFAULT 'start'
    );
    CREATE TABLE answers (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (session_id, item_id)
    ) WITHOUT ROWID;
    CREATE TABLE regions (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        region_id TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('left', 'right')),
        intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
        PRIMARY KEY (session_id, region_id, side)
    ) WITHOUT ROWID;
    CREATE TABLE exam_results (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        test_id TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('left', 'right')),
        result TEXT NOT NULL CHECK (result IN ('positive', 'negative', 'not_done')),
        pain INTEGER CHECK (pain BETWEEN 0 AND 10),
        value REAL,
        PRIMARY KEY (session_id, test_id, side)
    ) WITHOUT ROWID;
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE INDEX sessions_by_status ON sessions (status, updated_at);
    """,
    # v2: remember which questions were skipped by branching ("not asked" is never "no").
    """
    CREATE TABLE not_asked (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        PRIMARY KEY (session_id, item_id)
    ) WITHOUT ROWID;
    """,
    # v3: the session library. A person is matched by `name_key` (case-folded name) + birth date; the
    # summary columns are denormalized for a fast list (NULL until an assessment fills them);
    # `summary_at` is NULL while they are out of date (see hipdesk.library.sessions.refresh_summary). Each sort
    # index ends with name_key so a name search filters inside the index, without reading table rows.
    """
    ALTER TABLE persons ADD COLUMN kind TEXT NOT NULL DEFAULT 'clinic';
    ALTER TABLE persons ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    CREATE INDEX persons_by_identity ON persons (name_key, birth_date);
    ALTER TABLE sessions ADD COLUMN person_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN triage TEXT;
    ALTER TABLE sessions ADD COLUMN triage_rank INTEGER;
    ALTER TABLE sessions ADD COLUMN top_cause TEXT;
    ALTER TABLE sessions ADD COLUMN worst_pain INTEGER;
    ALTER TABLE sessions ADD COLUMN summary_at TEXT;
    CREATE INDEX sessions_by_created ON sessions (created_at, name_key);
    CREATE INDEX sessions_by_name ON sessions (name_key, created_at);
    CREATE INDEX sessions_by_person ON sessions (person_id, created_at);
    CREATE INDEX sessions_by_triage ON sessions (triage_rank, created_at, name_key);
    CREATE INDEX sessions_by_worst ON sessions (worst_pain, created_at, name_key);
    CREATE INDEX sessions_by_cause ON sessions (top_cause, created_at, name_key);
    CREATE INDEX sessions_by_status_created ON sessions (status, created_at, name_key);
    CREATE INDEX sessions_stale ON sessions (id) WHERE summary_at IS NULL;
    """,
    # v4: the outbox of finished sessions for the clinic's FHIR server (hipdesk.storage.outbox). `state` is
    # waiting / sent / refused; `next_try` (Unix time) is the back-off; `claimed_by` + `claimed_until`
    # keep two senders of one database from posting the same session at once.
    """
    CREATE TABLE outbox (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'refused')),
        queued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        server_ref TEXT,
        claimed_by TEXT,
        claimed_until REAL
    );
    CREATE INDEX outbox_due ON outbox (state, next_try);
    """,
    # v5: the library's name search. `instr(name_key, ?)` reads every session; an FTS5 trigram index of
    # name_key finds a part of a name (3+ characters) without that. External content: the index holds only
    # trigrams and session ids, kept in step with sessions.name_key by the triggers.
    """
    CREATE VIRTUAL TABLE sessions_name_search USING fts5(
        name_key, content='sessions', content_rowid='id', tokenize='trigram'
    );
    INSERT INTO sessions_name_search (sessions_name_search) VALUES ('rebuild');
    CREATE TRIGGER sessions_name_search_insert AFTER INSERT ON sessions BEGIN
        INSERT INTO sessions_name_search (rowid, name_key) VALUES (new.id, new.name_key);
    END;
    CREATE TRIGGER sessions_name_search_delete AFTER DELETE ON sessions BEGIN
        INSERT INTO sessions_name_search (sessions_name_search, rowid, name_key) VALUES ('delete', old.id, old.name_key);
    END;
    CREATE TRIGGER sessions_name_search_update AFTER UPDATE OF name_key ON sessions
    WHEN old.name_key IS NOT new.name_key BEGIN
        INSERT INTO sessions_name_search (sessions_name_search, rowid, name_key) VALUES ('delete', old.id, old.name_key);
        INSERT INTO sessions_name_search (rowid, name_key) VALUES (new.id, new.name_key);
    END;
    """,
    # v6: the front desk's "seen by staff": NULL until a member of staff opens the session, so unseen
    # emergency and urgent sessions can be listed first (hipdesk.library.front_desk). Sessions stored
    # before this version were in the staff's list already: they count as seen (at their last change),
    # so an upgrade does not put every old emergency back at the top.
    """
    ALTER TABLE sessions ADD COLUMN staff_seen_at TEXT;
    UPDATE sessions SET staff_seen_at = updated_at;
    CREATE INDEX sessions_unseen ON sessions (triage_rank) WHERE staff_seen_at IS NULL;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """The SQL statements of a migration, one by one (a trigger's body holds semicolons of its own)."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


class StoreError(Exception):
    """The database cannot be used; the message says why in plain words."""


class DatabaseTooNew(StoreError):
    """The file was written by a newer HipDesk."""


class DatabaseDamaged(StoreError):
    """The file is not a readable HipDesk database."""


class StoreWriteError(StoreError):
    """A change could not be saved (disk full, folder not writable, file in use); nothing of it was stored."""


# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that mean the file itself is bad.
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_PLAIN_REASONS = {
    13: "the disk is full",  # SQLITE_FULL
    8: "the file or its folder cannot be written",  # SQLITE_READONLY
    3: "the file or its folder cannot be written",  # SQLITE_PERM
    14: "the file or its folder cannot be opened",  # SQLITE_CANTOPEN
    10: "the disk reported an error",  # SQLITE_IOERR
    5: "another program is using the database",  # SQLITE_BUSY
    6: "another program is using the database",  # SQLITE_LOCKED
}


def _error_code(error: sqlite3.Error) -> int:
    return int(getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    """True when SQLite says the file is not a (sound) database, as opposed to a full disk or a lock."""
    code = _error_code(error)
    return code in _DAMAGE_CODES or (code == 0 and not isinstance(error, sqlite3.OperationalError))


def plain_reason(error: sqlite3.Error) -> str:
    """What went wrong, in words a receptionist understands."""
    return _PLAIN_REASONS.get(_error_code(error), f"the database reported: {error}")


class SessionInfo(NamedTuple):
    """One line of a session list (a named tuple: cheaper to create at start-up than a dataclass)."""

    id: int
    status: str
    created_at: str
    updated_at: str
    current_page: str
    name: str


class StoreReadOnly(StoreError):
    """The file may be read but not written (its permissions say so); it is never made writable."""


def check_data_path(path: Path, *, writing: bool) -> None:
    """Refuse, changing nothing, a path HipDesk must not use: a folder, another user's file, a read-only file.

    A read-only file raises StoreReadOnly only when `writing`: it can still be opened read-only.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file; whether its folder can be made is found when it is created
    except OSError as error:
        raise StoreError(f"{path} cannot be looked at: {error.strerror or error}. Nothing was changed.") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a folder, not a HipDesk data file. Nothing was changed: choose a file path "
                         "(--db or HIPDESK_DB), or move the folder away.")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise StoreError(f"{path} belongs to another user account (user id {info.st_uid}). HipDesk keeps each "
                         "person's data private and does not open it. Nothing was changed: sign in as that user, "
                         "or use your own data file.")
    if writing and (not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        raise StoreReadOnly(f"{path} is read-only. HipDesk can show the sessions in it but cannot save anything "
                            "there, and does not change its permissions. To save, make the file writable "
                            "(ask whoever looks after this computer).")


def _private_file(path: Path) -> bool:
    """Create the folder (0700) and the file (0600) when missing; True when the file was created here.

    An existing file keeps its permissions, except that access for other users is taken away (patient
    data is for this user only); permissions are never added.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        _keep_private(path)
        return False
    os.close(fd)
    return True


def _keep_private(path: Path) -> None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def read_only_uri(path: Path) -> str:
    """The SQLite URI that reads `path` without any write.

    With a -wal beside it, `mode=ro`: the latest answers may be there, and a read-only connection never
    checkpoints, truncates or removes it. Without one, `immutable=1`: then SQLite makes no -wal or -shm
    file either (`mode=ro` would create both for a WAL-mode file), so not a byte in the folder changes.
    """
    uri = path.resolve().as_uri()
    return f"{uri}?mode=ro" if Path(f"{path}-wal").exists() else f"{uri}?immutable=1"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write (see `read_only_uri`)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0, isolation_level=None)
    conn.execute("PRAGMA query_only = ON")
    return conn


class SessionStore:
    """All sessions in one SQLite file. Every write is its own transaction (autosave).

    `read_only=True` opens an existing file without any write (headless reading commands, a read-only
    file in the window): every save then fails with StoreWriteError, and nothing is migrated.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        check_data_path(self.path, writing=not read_only)
        created = False
        if read_only and not self.path.exists():
            raise StoreError(f"There is no HipDesk data file at {self.path}.")
        if not read_only:
            try:
                created = _private_file(self.path)
            except OSError as error:
                raise StoreError(f"The data folder {self.path.parent} cannot be written: {error.strerror}.") from None
        try:
            self._open(read_only)
        except sqlite3.DatabaseError as error:
            self.close()
            self._forget_new_file(created)
            if is_damage(error):
                raise DatabaseDamaged(f"{self.path} is not a readable HipDesk database ({error}).") from None
            raise StoreError(f"{self.path} cannot be opened: {plain_reason(error)}.") from None
        except StoreError:
            self.close()
            self._forget_new_file(created)
            raise
        if not read_only:
            for suffix in ("-wal", "-shm"):
                side_file = Path(f"{self.path}{suffix}")
                if side_file.exists():
                    _keep_private(side_file)

    def _open(self, read_only: bool) -> None:
        if read_only:
            self.conn = _connect_read_only(self.path)
        else:
            self.conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        self.conn.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten with zeros, so a deleted session is gone from the file's bytes.
        self.conn.execute("PRAGMA secure_delete = ON")
        version = self._user_version()
        if version == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # Tables but no schema version: some other program's database. Never add ours into it.
            raise DatabaseDamaged(f"{self.path} is an SQLite database of another program, not HipDesk's.")
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(
                f"{self.path} was written by a newer HipDesk (schema {version}, this one knows {SCHEMA_VERSION})."
            )
        if read_only:
            return
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _forget_new_file(self, created: bool) -> None:
        """A file created by this open that could not become a database (full disk) is removed: nothing is left."""
        if not created:
            return
        for name in (f"{self.path}-wal", f"{self.path}-shm", str(self.path)):
            with contextlib.suppress(OSError):
                os.unlink(name)

    def schema_version(self) -> int:
        """The file's schema version (PRAGMA user_version)."""
        return self._user_version()

    # -- plumbing ---------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """False once `close()` has run (a window closing after the store must not write any more)."""
        return self.conn is not None

    def close(self) -> None:
        """Close the connection (safe to call twice)."""
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
            self.conn = None  # type: ignore[assignment]

    def quick_check(self) -> str:
        """SQLite's structural check of the whole file: "ok", or the first problem found (reads every page)."""
        try:
            return str(self.conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        except sqlite3.DatabaseError as error:
            return str(error)

    def _user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as error:
            if is_damage(error):
                raise DatabaseDamaged(f"{self.path} is damaged ({error}); nothing was saved.") from None
            raise StoreWriteError(f"Not saved: {plain_reason(error)} ({self.path.parent}).") from None

    def _migrate(self, version: int) -> None:
        if version > 0:
            self.backup(self.path.with_name(f"{self.path.name}.v{version}-{dt.datetime.now():%Y%m%d-%H%M%S}.bak"))
        for target in range(version, SCHEMA_VERSION):
            with self.transaction() as conn:
                for statement in _statements(MIGRATIONS[target]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target + 1}")

    def backup(self, target: Path) -> Path:
        """Copy the whole database to `target` (private to this user)."""
        _private_file(target)
        copy = sqlite3.connect(target)
        try:
            self.conn.backup(copy)
        finally:
            copy.close()
        return target

    # -- sessions ---------------------------------------------------------------------------------
    def create_session(self, answers: dict[str, Any] | None = None) -> Session:
        """Start a new draft session, optionally with some answers already given (defaults)."""
        from hipdesk.session import Session

        session = Session(answers=dict(answers or {}))
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (status, created_at, updated_at, current_page) VALUES ('draft', ?, ?, ?)",
                (session.created_at, session.updated_at, session.current_page),
            )
            session.id = int(cursor.lastrowid or 0)
            for item_id, value in session.answers.items():
                self._write_answer(conn, session.id, item_id, value)
        return session

    def load_session(self, session_id: int) -> Session:
        """Read a whole session (KeyError if there is none with this id; DatabaseDamaged if an answer cannot be read)."""
        row = self.conn.execute(
            "SELECT id, person_id, status, created_at, updated_at, finished_at, current_page FROM sessions WHERE id = ?",
            (session_id,),
        ).fetchone()
        if row is None:
            raise KeyError(session_id)
        from hipdesk.session import ExamResult, RegionMark, Session

        session = Session(
            id=row[0], person_id=row[1], status=row[2], created_at=row[3], updated_at=row[4],
            finished_at=row[5], current_page=row[6],
        )
        for item_id, value in self.conn.execute("SELECT item_id, value FROM answers WHERE session_id = ?", (session_id,)):
            try:
                session.answers[item_id] = json.loads(value)
            except (TypeError, ValueError) as error:  # HipDesk writes JSON only: the file is damaged
                raise DatabaseDamaged(f"session {session_id}: the answer to '{item_id}' cannot be read ({error})") from None
        for region, side, intensity in self.conn.execute(
            "SELECT region_id, side, intensity FROM regions WHERE session_id = ?", (session_id,)
        ):
            session.regions[(region, side)] = RegionMark(region, side, intensity)
        for test, side, result, pain, value in self.conn.execute(
            "SELECT test_id, side, result, pain, value FROM exam_results WHERE session_id = ?", (session_id,)
        ):
            session.exam[(test, side)] = ExamResult(test, side, result, pain, value)
        return session

    def not_asked(self, session_id: int) -> set[str]:
        """Ids of questions that branching skipped in this session."""
        rows = self.conn.execute("SELECT item_id FROM not_asked WHERE session_id = ?", (session_id,))
        return {row[0] for row in rows}

    def _touch(self, conn: sqlite3.Connection, session_id: int) -> None:
        # summary_at = NULL: the library's columns for this session must be refreshed
        conn.execute("UPDATE sessions SET updated_at = ?, summary_at = NULL WHERE id = ?", (now_iso(), session_id))

    def _write_answer(self, conn: sqlite3.Connection, session_id: int, item_id: str, value: Any) -> None:
        conn.execute(
            "INSERT INTO answers (session_id, item_id, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (session_id, item_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (session_id, item_id, json.dumps(value, ensure_ascii=False), now_iso()),
        )

    def save_answer(self, session_id: int, item_id: str, value: Any, not_asked: set[str] | None = None) -> None:
        """Store one answer (None removes it) and, when given, the new set of skipped questions."""
        with self.transaction() as conn:
            if value is None:
                conn.execute("DELETE FROM answers WHERE session_id = ? AND item_id = ?", (session_id, item_id))
            else:
                self._write_answer(conn, session_id, item_id, value)
            if not_asked is not None:
                self._write_not_asked(conn, session_id, not_asked)
            self._touch(conn, session_id)

    def _write_not_asked(self, conn: sqlite3.Connection, session_id: int, not_asked: set[str]) -> None:
        conn.execute("DELETE FROM not_asked WHERE session_id = ?", (session_id,))
        conn.executemany(
            "INSERT INTO not_asked (session_id, item_id) VALUES (?, ?)", [(session_id, i) for i in sorted(not_asked)]
        )

    def save_region(self, session_id: int, region: str, side: str, intensity: int | None) -> None:
        """Mark a region with its intensity, or clear it (intensity None)."""
        with self.transaction() as conn:
            if intensity is None:
                conn.execute(
                    "DELETE FROM regions WHERE session_id = ? AND region_id = ? AND side = ?", (session_id, region, side)
                )
            else:
                conn.execute(
                    "INSERT INTO regions (session_id, region_id, side, intensity) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (session_id, region_id, side) DO UPDATE SET intensity = excluded.intensity",
                    (session_id, region, side, intensity),
                )
            self._touch(conn, session_id)

    def save_exam(self, session_id: int, result: ExamResult) -> None:
        """Store one test result for one side."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO exam_results (session_id, test_id, side, result, pain, value) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, test_id, side) DO UPDATE SET result = excluded.result, "
                "pain = excluded.pain, value = excluded.value",
                (session_id, result.test, result.side, result.result, result.pain, result.value),
            )
            self._touch(conn, session_id)

    def delete_exam(self, session_id: int, test: str, side: str) -> None:
        """Forget one test result."""
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM exam_results WHERE session_id = ? AND test_id = ? AND side = ?", (session_id, test, side)
            )
            self._touch(conn, session_id)

    def set_current_page(self, session_id: int, page_id: str) -> None:
        """Remember where the person is, for resume."""
        with self.transaction() as conn:
            conn.execute("UPDATE sessions SET current_page = ? WHERE id = ?", (page_id, session_id))

    def finish_session(self, session_id: int) -> None:
        """Mark a session complete."""
        with self.transaction() as conn:
            stamp = now_iso()
            conn.execute(
                "UPDATE sessions SET status = 'complete', finished_at = ?, updated_at = ?, summary_at = NULL WHERE id = ?",
                (stamp, stamp, session_id),
            )

    def save_whole_session(self, session: Session, not_asked: set[str] | None = None) -> int:
        """Store a complete session (for import) in one transaction; returns its new id."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (status, created_at, updated_at, finished_at, current_page) VALUES (?, ?, ?, ?, ?)",
                (session.status, session.created_at, session.updated_at, session.finished_at, session.current_page),
            )
            session_id = int(cursor.lastrowid or 0)
            for item_id, value in session.answers.items():
                self._write_answer(conn, session_id, item_id, value)
            for mark in session.regions.values():
                conn.execute(
                    "INSERT INTO regions (session_id, region_id, side, intensity) VALUES (?, ?, ?, ?)",
                    (session_id, mark.region, mark.side, mark.intensity),
                )
            for result in session.exam.values():
                conn.execute(
                    "INSERT INTO exam_results (session_id, test_id, side, result, pain, value) VALUES (?, ?, ?, ?, ?, ?)",
                    (session_id, result.test, result.side, result.result, result.pain, result.value),
                )
            if not_asked:
                self._write_not_asked(conn, session_id, not_asked)
        session.id = session_id
        return session_id

    def list_sessions(self, status: str | None = None, limit: int = 200) -> list[SessionInfo]:
        """Sessions, newest change first, optionally only drafts or only complete ones."""
        sql = (
            "SELECT s.id, s.status, s.created_at, s.updated_at, s.current_page, "
            "coalesce((SELECT value FROM answers a WHERE a.session_id = s.id AND a.item_id = 'name'), '') "
            "FROM sessions s"
        )
        params: tuple[Any, ...] = ()
        if status:
            sql += " WHERE s.status = ?"
            params = (status,)
        sql += " ORDER BY s.updated_at DESC, s.id DESC LIMIT ?"
        rows = self.conn.execute(sql, (*params, limit)).fetchall()
        return [SessionInfo(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else "") for r in rows]

    # -- settings (keys: hipdesk.storage.settings) -----------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        """A stored preference, or `default`."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        """Store a preference."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )
