"""What a person sees at start-up when the data is damaged, already in use, or cannot be written.

Runs the real `hipdesk` entry point in a child process (`--smoke`: no dialogs, messages on stderr).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.storage.instance_lock import InstanceLock
from hipdesk.storage.store import SessionStore

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _hipdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hipdesk", *args], env=ENV, capture_output=True, text=True, timeout=60)


@pytest.mark.slow
def test_damaged_database_is_moved_aside_and_the_app_starts(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    db.write_bytes(b"\x00garbage" * 1000)
    result = _hipdesk("--db", str(db), "--smoke")
    assert result.returncode == 0, result.stderr
    kept = list(tmp_path.glob("hipdesk.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00garbage" * 1000
    assert "damaged" in result.stderr and str(kept[0]) in result.stderr
    SessionStore(db).close()  # a new, working database is in its place


@pytest.mark.slow
def test_a_second_copy_is_told_the_first_is_open_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    store.create_session({"name": "first copy's patient"})
    first = InstanceLock(db)
    assert first.acquire()
    try:
        result = _hipdesk("--db", str(db), "--smoke")
    finally:
        first.release()
    assert result.returncode == 1
    assert "already open" in result.stderr
    assert [s.name for s in store.list_sessions()] == ["first copy's patient"]
    assert store.quick_check() == "ok"
    store.close()


@pytest.mark.slow
def test_an_unwritable_data_folder_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = _hipdesk("--db", str(blocker / "hipdesk.db"), "--smoke")
    assert result.returncode == 1
    assert "cannot write to its data folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_background_page_check_reports_damage_in_the_gui_thread(qtbot, tmp_path: Path) -> None:
    import threading

    from hipdesk.ui.background_check import check_in_background

    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    for n in range(60):
        store.create_session({"name": f"Person {n} " + "x" * 200})
    store.close()
    data = bytearray(db.read_bytes())
    data[2 * 4096 : 6 * 4096] = bytes(range(256)) * 64
    db.write_bytes(bytes(data))
    found: list[tuple[str, bool]] = []
    check_in_background(db, lambda problem: found.append((problem, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(found), timeout=20_000)
    assert found[0][1], "the result must arrive in the GUI thread"
    assert found[0][0] and found[0][0] != "ok"
