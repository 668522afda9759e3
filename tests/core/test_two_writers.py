"""Two processes writing to one database at once (a headless import while the GUI runs, or a second copy
where the lock cannot work, e.g. some network folders): SQLite's locking keeps every write, nothing breaks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.storage.store import SessionStore

WRITER = """
import sys
from hipdesk.storage.store import SessionStore
store = SessionStore(sys.argv[1])
session = store.create_session()
for n in range(int(sys.argv[2])):
    store.save_answer(session.id, f"item_{n}", f"{sys.argv[3]}-{n}")
print(session.id)
store.close()
"""


@pytest.mark.slow
def test_two_processes_writing_at_once_keep_every_answer(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    SessionStore(db).close()
    writes = 400
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(writes), name], stdout=subprocess.PIPE, text=True)
        for name in ("first", "second")
    ]
    ids = {}
    for name, child in zip(("first", "second"), children, strict=True):
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        ids[name] = int(out)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for name, session_id in ids.items():
            rows = conn.execute("SELECT count(*) FROM answers WHERE session_id = ? AND value LIKE ?",
                                (session_id, f'"{name}-%')).fetchone()
            assert rows == (writes,)
    finally:
        conn.close()
