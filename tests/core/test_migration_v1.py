"""A database made by the first schema version (tests/fixtures/hipdesk-v1.db) migrates, with a backup first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hipdesk.storage import store as store_module
from hipdesk.storage.store import SCHEMA_VERSION, SessionStore, StoreError

FIXTURE = Path(__file__).parents[1] / "fixtures" / "hipdesk-v1.db"


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in tables} | {
            "user_version": [(conn.execute("PRAGMA user_version").fetchone()[0],)]
        }
    finally:
        conn.close()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A private copy of the fixture (the committed file is never opened read-write)."""
    path = tmp_path / "hipdesk.db"
    shutil.copyfile(FIXTURE, path)
    return path


def test_fixture_is_a_first_version_database() -> None:
    rows = _rows(FIXTURE)
    assert rows["user_version"] == [(1,)]
    assert "not_asked" not in rows  # added by the second migration


def test_first_version_database_migrates_and_keeps_every_row(old_db: Path) -> None:
    original = _rows(old_db)
    store = SessionStore(old_db)
    try:
        assert store._user_version() == SCHEMA_VERSION
        session = store.load_session(1)
        assert session.answers["name"] == "Åsa Öberg"
        assert session.answers["pain_now"] == 6
        assert session.status == "complete"
        assert [(m.region, m.side, m.intensity) for m in session.region_list()] == [("outer_hip", "right", 6)]
        assert session.exam[("trochanter_palpation", "right")].result == "positive"
        assert store.load_session(2).current_page == "pain"
        assert store.get_setting("default.setting") == "clinic"
        assert store.not_asked(1) == set()  # the new table works
        store.save_answer(2, "sex", "male", {"pregnant"})
        assert store.not_asked(2) == {"pregnant"}
    finally:
        store.close()
    migrated = _rows(old_db)
    for table, rows in original.items():
        if table not in ("user_version", "answers", "sessions"):
            assert migrated[table] == rows, table


def test_a_backup_of_the_old_file_is_made_before_migrating(old_db: Path) -> None:
    original = _rows(old_db)
    SessionStore(old_db).close()
    backups = list(old_db.parent.glob("hipdesk.db.v1-*.bak"))
    assert len(backups) == 1
    assert _rows(backups[0]) == original, "the backup holds the version-1 content, untouched"
    assert backups[0].stat().st_mode & 0o777 == 0o600


def test_a_failing_migration_leaves_the_old_file_usable_and_backed_up(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _rows(old_db)
    broken = [*store_module.MIGRATIONS[:1], "CREATE TABLE not_asked (x); CREATE TABLE broken (", "SELECT 1"]
    monkeypatch.setattr(store_module, "MIGRATIONS", broken)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(broken))
    with pytest.raises(StoreError):
        SessionStore(old_db)
    assert _rows(old_db) == original, "a migration is one transaction: nothing of it may stay"
    assert len(list(old_db.parent.glob("hipdesk.db.v1-*.bak"))) == 1
