"""Damaged and too-new databases are moved aside (never deleted), with a message, and a new one is started."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from hipdesk.storage import recovery as db_recovery
from hipdesk.storage.recovery import header_problem, open_store
from hipdesk.storage.store import SCHEMA_VERSION, DatabaseDamaged, SessionStore, StoreError

NOW = dt.datetime(2026, 11, 25, 9, 30, 0)


def _good_db(path: Path, sessions: int = 60) -> None:
    """A real HipDesk database, big enough to span many pages, fully written into the main file."""
    store = SessionStore(path)
    for n in range(sessions):
        store.create_session({"name": f"Person {n} " + "x" * 200, "age": 30})
    store.close()  # the last connection closing checkpoints the WAL into the main file


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _assert_moved_and_fresh(path: Path, original: bytes, kind: str = "damaged") -> None:
    result = open_store(path, now=NOW)
    try:
        assert result.moved_to == path.with_name(f"hipdesk.db.{kind}-20261125-093000")
        assert result.moved_to.read_bytes() == original, "the old file must be kept exactly as it was"
        assert result.message is not None and str(result.moved_to) in result.message
        assert "new, empty data file" in result.message
        assert result.store.list_sessions() == []
        result.store.create_session({"name": "next patient"})  # the new database works
    finally:
        result.store.close()


def test_a_sound_database_opens_without_a_message(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path)
    result = open_store(path, full_check=True, now=NOW)
    assert result.message is None and result.moved_to is None
    assert len(result.store.list_sessions()) == 60
    result.store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hipdesk.db"]


def test_an_empty_file_is_a_new_database_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    path.write_bytes(b"")
    result = open_store(path, now=NOW)
    assert result.message is None
    result.store.close()


def test_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert header_problem(path) is not None
    _assert_moved_and_fresh(path, data[: len(data) // 2])


def test_random_bytes_are_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    junk = random.Random(1).randbytes(20_000)
    path.write_bytes(junk)
    _assert_moved_and_fresh(path, junk)


def test_random_bytes_inside_a_real_database_are_found_by_the_check(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 6 * page] = random.Random(2).randbytes(4 * page)  # pages 3-6: tables and their rows
    path.write_bytes(bytes(data))
    _assert_moved_and_fresh(path, bytes(data))


def test_another_programs_database_is_moved_aside_untouched(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('someone')")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    _assert_moved_and_fresh(path, original)
    moved = sqlite3.connect(path.with_name("hipdesk.db.damaged-20261125-093000"))
    assert moved.execute("SELECT name FROM contacts").fetchall() == [("someone",)]
    assert moved.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sessions'").fetchone() == (0,)
    moved.close()


def test_a_newer_schema_is_moved_aside_as_newer(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path, sessions=2)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    original = path.read_bytes()
    _assert_moved_and_fresh(path, original, kind="newer")
    result = open_store(path, now=NOW)
    result.store.close()
    assert result.message is None


def test_wal_and_shm_move_with_the_file_and_names_never_collide(tmp_path: Path) -> None:
    path = tmp_path / "hipdesk.db"
    path.write_bytes(b"not a database at all" * 100)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    Path(f"{path}-shm").write_bytes(b"shm bytes")
    (tmp_path / "hipdesk.db.damaged-20261125-093000").write_bytes(b"an earlier one")
    before = sum(len(b) for b in _files(tmp_path).values())
    result = open_store(path, now=NOW)
    result.store.close()
    assert result.moved_to == tmp_path / "hipdesk.db.damaged-20261125-093000-2"
    files = _files(tmp_path)
    assert files["hipdesk.db.damaged-20261125-093000"] == b"an earlier one"
    assert files["hipdesk.db.damaged-20261125-093000-2-wal"] == b"wal bytes"
    assert files["hipdesk.db.damaged-20261125-093000-2-shm"] == b"shm bytes"
    kept = sum(len(b) for name, b in files.items() if ".damaged-" in name)
    assert kept == before, "nothing may be deleted"


def test_an_unwritable_folder_is_reported_not_moved(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with pytest.raises(StoreError, match="cannot be written") as caught:
        open_store(blocker / "hipdesk.db", now=NOW)
    assert not isinstance(caught.value, DatabaseDamaged)
    assert blocker.read_text() == "in the way"


def test_big_files_skip_the_full_check_unless_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path)
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 6 * 4096] = random.Random(2).randbytes(4 * 4096)
    path.write_bytes(bytes(data))
    monkeypatch.setattr(db_recovery, "FULL_CHECK_MAX_BYTES", 10)
    result = open_store(path, now=NOW)  # too big for the routine check: opens (damage shows on use)
    assert result.message is None
    result.store.close()
    result = open_store(path, full_check=True, now=NOW)  # after an unclean exit the check runs anyway
    assert result.moved_to is not None
    result.store.close()


def test_headless_commands_report_a_damaged_file_and_never_move_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hipdesk.cli import main as cli

    path = tmp_path / "hipdesk.db"
    junk = random.Random(3).randbytes(5000)
    path.write_bytes(junk)
    code = cli.main(["--db", str(path), "export-answers", "--session", "1", "-o", str(tmp_path / "out.json")])
    assert code == 2
    assert "is damaged" in capsys.readouterr().err
    assert path.read_bytes() == junk
    # Only a note that the next window start must check the file page by page is added beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hipdesk.db", "hipdesk.db.check-needed"]


def test_after_an_unclean_exit_a_big_file_is_checked_later_in_its_own_connection(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hipdesk.db"
    _good_db(path)
    assert db_recovery.page_problem(path) is None
    assert not db_recovery.check_later(path)
    monkeypatch.setattr(db_recovery, "BLOCKING_CHECK_MAX_BYTES", 10)
    assert db_recovery.check_later(path)
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 6 * 4096] = random.Random(2).randbytes(4 * 4096)
    path.write_bytes(bytes(data))
    problem = db_recovery.page_problem(path)
    assert problem is not None and problem != "ok"
    assert path.read_bytes() == bytes(data)  # looked at, never changed


def test_damage_found_in_the_background_makes_the_next_start_check_first(tmp_path: Path) -> None:
    from hipdesk.storage.instance_lock import InstanceLock

    path = tmp_path / "hipdesk.db"
    lock = InstanceLock(path)
    assert lock.acquire() and not lock.previous_exit_unclean
    lock.mark_check_failed()
    lock.release()  # even a clean exit keeps the finding
    again = InstanceLock(path)
    assert again.acquire()
    assert again.previous_exit_unclean and again.previous_check_failed
    again.release()
    third = InstanceLock(path)
    assert third.acquire() and not third.previous_exit_unclean and not third.previous_check_failed
    third.release()
