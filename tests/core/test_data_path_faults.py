"""Odd things at the database path: each gets a plain message and nothing is changed (issue 17).

A folder at the path, a read-only file (opened read-only and said so, never chmodded), another user's
file, a full disk at the first start; and the headless commands' private umask.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from hipdesk.cli import main as cli
from hipdesk.storage import store as store_module
from hipdesk.storage.recovery import open_store
from hipdesk.storage.store import SessionStore, StoreError, StoreReadOnly, StoreWriteError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_folder_at_the_path_is_refused_and_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "hipdesk.db"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    (folder / "mine.txt").write_text("my own file")
    with pytest.raises(StoreError, match="is a folder, not a HipDesk data file"):
        open_store(folder)
    for argv in (["--db", str(folder), "list"], ["--db", str(folder), "import-answers", "--answers", "x.json"]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert "is a folder" in err or "x.json" in err
    assert _mode(folder) == 0o755, "the folder's permissions are not touched"
    assert (folder / "mine.txt").read_text() == "my own file"
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]


def _read_only_db(tmp_path: Path) -> tuple[Path, bytes]:
    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    store.create_session({"name": "Kept As Is", "age": 50})
    store.close()
    os.chmod(db, 0o400)
    return db, db.read_bytes()


def test_a_read_only_file_opens_read_only_in_the_window_and_says_so(tmp_path: Path) -> None:
    db, before = _read_only_db(tmp_path)
    result = open_store(db)
    try:
        assert result.store.read_only and result.moved_to is None
        assert result.message is not None and "read-only" in result.message and str(db) in result.message
        assert [s.name for s in result.store.list_sessions()] == ["Kept As Is"]
        with pytest.raises(StoreWriteError, match="cannot be written"):
            result.store.create_session({"name": "new"})
    finally:
        result.store.close()
    assert _mode(db) == 0o400, "never made writable"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hipdesk.db"]


def test_a_read_only_file_can_be_listed_but_not_imported_into(tmp_path: Path, capsys) -> None:
    db, before = _read_only_db(tmp_path)
    assert cli.main(["--db", str(db), "list"]) == 0
    assert "Kept As Is" in capsys.readouterr().out
    answers = tmp_path / "answers.json"
    answers.write_text('{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": 40}}')
    assert cli.main(["--db", str(db), "import-answers", "--answers", str(answers)]) == 2
    err = capsys.readouterr().err
    assert "is read-only" in err and str(db) in err and "Traceback" not in err
    assert _mode(db) == 0o400 and db.read_bytes() == before
    with pytest.raises(StoreReadOnly):
        SessionStore(db)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_another_users_file_is_refused_unchanged(tmp_path: Path, capsys) -> None:
    db = tmp_path / "hipdesk.db"
    SessionStore(db).close()
    os.chown(db, 65534, 65534)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="belongs to another user account"):
        open_store(db)
    assert cli.main(["--db", str(db), "list"]) == 2
    assert "belongs to another user account" in capsys.readouterr().err
    assert db.stat().st_uid == 65534 and db.read_bytes() == before


def test_a_full_disk_at_the_first_start_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, *args: Any) -> Any:
            if "journal_mode" in sql:
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorcode = 13  # type: ignore[attr-defined]
                raise error
            return self.conn.execute(sql, *args)

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(store_module.sqlite3, "connect", lambda *a, **k: FullDisk(real_connect(*a, **k)))
    db = tmp_path / "data" / "hipdesk.db"
    with pytest.raises(StoreError, match="the disk is full"):
        open_store(db)
    assert list(db.parent.iterdir()) == [], "no empty database file is left to be mistaken for data"


def test_headless_commands_make_private_files_and_folders_whatever_the_umask(tmp_path: Path, capsys) -> None:
    previous = os.umask(0)
    try:
        db = tmp_path / "new" / "deeper" / "hipdesk.db"
        answers = tmp_path / "answers.json"
        answers.write_text('{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": 40}}')
        assert cli.main(["--db", str(db), "import-answers", "--answers", str(answers)]) == 0
        assert cli.main(["--db", str(db), "export-answers", "--session", "1", "-o", str(tmp_path / "out.json")]) == 0
        assert os.umask(0) == 0, "the caller's umask is given back"
    finally:
        os.umask(previous)
    capsys.readouterr()
    assert _mode(tmp_path / "new") == 0o700 and _mode(tmp_path / "new" / "deeper") == 0o700
    assert _mode(db) == 0o600 and _mode(tmp_path / "out.json") == 0o600
    for side in tmp_path.glob("new/deeper/*"):
        assert _mode(side) & 0o077 == 0, side
