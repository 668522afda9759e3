"""A full disk or an unwritable data folder gives a clear message, never a crash, and nothing half-stored."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange import safe_write as fileio
from hipdesk.exchange.safe_write import ExportError, write_private_atomic
from hipdesk.storage import store as store_module
from hipdesk.storage.store import SessionStore, StoreError, StoreWriteError


def fill_disk(store: SessionStore) -> None:
    """Make SQLite report SQLITE_FULL ("database or disk is full") on the next write that needs a page."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_refuses_the_write_with_a_plain_message_and_keeps_earlier_answers(store: SessionStore) -> None:
    session = store.create_session({"name": "Kept"})
    assert session.id is not None
    fill_disk(store)
    with pytest.raises(StoreWriteError, match="the disk is full"):
        for n in range(200):  # some answers may still fit in free space on the last page
            store.save_answer(session.id, f"notes_{n}", "x" * 3000)
    assert store.load_session(session.id).answers["name"] == "Kept"
    assert store.quick_check() == "ok"
    assert not store.conn.in_transaction, "a failed write leaves no transaction open"


def test_read_only_database_says_it_cannot_be_written(store: SessionStore) -> None:
    session = store.create_session()
    assert session.id is not None
    store.conn.execute("PRAGMA query_only = 1")
    with pytest.raises(StoreWriteError, match="cannot be written"):
        store.save_answer(session.id, "name", "Lost")
    store.conn.execute("PRAGMA query_only = 0")
    assert "name" not in store.load_session(session.id).answers


def test_editor_keeps_the_session_as_stored_when_a_write_fails(store: SessionStore, questionnaire: Questionnaire) -> None:
    editor = SessionEditor(store, questionnaire, store.create_session({"name": "A"}))
    fill_disk(store)
    with pytest.raises(StoreError):
        for n in range(300):
            editor.set_answer("notes", f"{n:04d}" + "y" * 990)
            editor.set_answer("name", f"Person {n}")
            editor.set_region("outer_hip", "right", n % 10)
            editor.set_region("outer_hip", "left", None if n % 2 else 3)
    stored = store.load_session(editor.session_id)
    assert editor.session.answers == stored.answers
    assert editor.session.regions == stored.regions


def test_data_folder_under_a_file_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match=r"cannot be written"):
        SessionStore(blocker / "hipdesk.db")


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC, errno.EROFS])
def test_data_folder_refusing_files_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module.os, "open", refuse)
    with pytest.raises(StoreError, match=os.strerror(code)):
        SessionStore(tmp_path / "new" / "hipdesk.db")


def test_sqlite_cannot_open_is_a_plain_store_error_not_damage(tmp_path: Path) -> None:
    folder = tmp_path / "db-is-a-folder"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        SessionStore(folder)
    assert "damaged" not in str(caught.value)


# -- fileio.write_private_atomic: exports ------------------------------------------------------------
def test_export_into_a_missing_or_blocked_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ExportError, match="Cannot write to"):
        write_private_atomic(blocker / "report.pdf", b"%PDF")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EIO])
def test_export_failing_midway_keeps_the_old_file_and_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")

    def fail(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fileio.os, "fsync", fail)
    with pytest.raises(ExportError, match=os.strerror(code)):
        write_private_atomic(target, b"new report")
    assert target.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_export_when_no_temporary_file_can_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio.tempfile, "mkstemp", full)
    with pytest.raises(ExportError, match="No space left"):
        write_private_atomic(tmp_path / "answers.json", b"{}")


def test_export_is_private(tmp_path: Path) -> None:
    path = write_private_atomic(tmp_path / "answers.json", b"{}")
    assert path.stat().st_mode & 0o777 == 0o600


def test_sqlite_error_codes_are_told_apart() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11  # type: ignore[attr-defined]
    assert not store_module.is_damage(full) and store_module.plain_reason(full) == "the disk is full"
    assert store_module.is_damage(corrupt)


def test_an_answer_that_cannot_be_read_is_reported_as_damage(store: SessionStore) -> None:
    """HipDesk stores answers as JSON; anything else in the file is damage, told as such (not a ValueError)."""
    from hipdesk.storage.store import DatabaseDamaged

    session = store.create_session()
    store.save_answer(session.id, "age", 50)
    with store.transaction() as conn:
        conn.execute("UPDATE answers SET value = ? WHERE session_id = ?", ("{not json", session.id))
    with pytest.raises(DatabaseDamaged, match="age"):
        store.load_session(session.id)
