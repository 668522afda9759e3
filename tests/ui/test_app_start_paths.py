"""The window's start on odd database paths (issue 17), through the real entry point (`--smoke`, messages on stderr)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.storage.instance_lock import InstanceLock
from hipdesk.storage.store import SessionStore

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _hipdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hipdesk", *args], env=env or ENV, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.slow
def test_a_read_only_database_opens_read_only_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    store.create_session({"name": "Kept"})
    store.close()
    os.chmod(db, 0o400)
    before = db.read_bytes()
    result = _hipdesk("--db", str(db), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "is read-only" in result.stderr and str(db) in result.stderr and "Traceback" not in result.stderr
    assert stat.S_IMODE(db.stat().st_mode) == 0o400 and db.read_bytes() == before
    assert not list(tmp_path.glob("hipdesk.db.damaged-*"))


@pytest.mark.slow
def test_a_folder_at_the_path_is_not_touched(tmp_path: Path) -> None:
    folder = tmp_path / "hipdesk.db"
    folder.mkdir()
    os.chmod(folder, 0o755)
    result = _hipdesk("--db", str(folder), "--smoke")
    assert result.returncode == 1
    assert "is a folder, not a HipDesk data file" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


@pytest.mark.slow
def test_a_second_window_through_a_hard_link_is_told_the_first_is_open(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "data" / "hipdesk.db"
    db.parent.mkdir()
    SessionStore(db).close()
    other = tmp_path / "elsewhere" / "same.db"
    other.parent.mkdir()
    os.link(db, other)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # this process and the child share the lock folder
    first = InstanceLock(db)
    assert first.acquire()
    try:
        result = _hipdesk("--db", str(other), "--smoke", env={**ENV, "XDG_RUNTIME_DIR": str(tmp_path)})
    finally:
        first.release()
    assert result.returncode == 1
    assert "already open" in result.stderr
