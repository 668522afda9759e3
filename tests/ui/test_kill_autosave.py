"""Autosave: the GUI process is killed with SIGKILL mid-session; a new process finds every answer given."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from hipdesk.storage.store import SessionStore

ROOT = Path(__file__).resolve().parents[2]


def run_until(db: Path, answers_wanted: int) -> dict[str, object]:
    """Start the driver, read its lines until `answers_wanted` answers are stored, then SIGKILL it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    seen: dict[str, object] = {}
    with subprocess.Popen([sys.executable, "-m", "tests.ui.drive_session", str(db)], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                if line.startswith("stored "):
                    _, item, value = line.rstrip("\n").split(" ", 2)
                    seen[item] = json.loads(value)
                if len(seen) >= answers_wanted or line.startswith("done"):
                    break
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return seen


def test_answers_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    seen = run_until(db, answers_wanted=14)
    assert len(seen) >= 14
    assert all(value is not None for value in seen.values()), seen  # the driver only types valid answers

    store = SessionStore(db)  # a new process would do exactly this
    try:
        drafts = store.list_sessions(status="draft")
        assert len(drafts) == 1
        answers = store.load_session(drafts[0].id).answers
        for item, value in seen.items():
            assert answers.get(item) == value, item
        assert drafts[0].current_page == "pain"
    finally:
        store.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
