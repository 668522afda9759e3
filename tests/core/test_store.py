"""SessionStore: schema version, WAL, migrations with a backup, privacy, drafts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hipdesk.storage.store import MIGRATIONS, SCHEMA_VERSION, DatabaseDamaged, DatabaseTooNew, SessionStore


def test_new_database_is_current_wal_and_private(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "d" / "hipdesk.db")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    assert (tmp_path / "d" / "hipdesk.db").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o700


def test_old_schema_migrates_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO sessions (status, created_at, updated_at) VALUES ('draft', 'a', 'b')")
    conn.execute("INSERT INTO answers VALUES (1, 'age', '50', 'b')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = SessionStore(path)
    assert store.load_session(1).answers == {"age": 50}
    assert store.not_asked(1) == set()
    store.close()
    backups = list(tmp_path.glob("hipdesk.db.v1-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT value FROM answers").fetchone()[0] == "50"
    old.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew):
        SessionStore(path)


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    path.write_bytes(b"this is not sqlite" * 300)
    with pytest.raises(DatabaseDamaged):
        SessionStore(path)


def test_answers_regions_and_drafts(store) -> None:
    session = store.create_session({"setting": "home"})
    assert session.id is not None
    store.save_answer(session.id, "pain_now", 4, {"pain_start_minutes"})
    store.save_region(session.id, "outer_hip", "right", 6)
    store.save_region(session.id, "outer_hip", "right", 7)
    loaded = store.load_session(session.id)
    assert loaded.answers == {"setting": "home", "pain_now": 4}
    assert loaded.regions[("outer_hip", "right")].intensity == 7
    assert store.not_asked(session.id) == {"pain_start_minutes"}
    assert [info.id for info in store.list_sessions(status="draft")] == [session.id]
    store.finish_session(session.id)
    assert store.list_sessions(status="draft") == []
    assert store.load_session(session.id).status == "complete"
