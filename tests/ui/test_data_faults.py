"""Damage met while the window runs: the person is told, nothing is lost, and the next start checks the file."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hipdesk.storage.recovery import CHECK_REQUEST_SUFFIX, full_check_requested, open_store
from hipdesk.storage.store import SessionStore
from hipdesk.ui import data_faults


def _big_db_damaged_in_the_middle(path: Path) -> list[int]:
    store = SessionStore(path)
    ids = [store.create_session({"name": f"Person {n} " + "x" * 300, "age": 30}).id for n in range(300)]
    # The pages of the answers in the middle third of the file: rows of many sessions, whatever else lies between
    # (the name index's pages are interleaved with the sessions').
    answer_pages = {row[0] for row in store.conn.execute("SELECT pageno FROM dbstat WHERE name = 'answers'")}
    store.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    rng = random.Random(5)
    for page in range(pages // 3, 2 * pages // 3):
        if page + 1 in answer_pages:  # dbstat counts pages from 1
            data[page * 4096 + 8:(page + 1) * 4096] = rng.randbytes(4096 - 8)
    path.write_bytes(bytes(data))
    return [i for i in ids if i is not None]


def test_a_failing_read_is_told_kept_and_checked_at_the_next_start(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "hipdesk.db"
    ids = _big_db_damaged_in_the_middle(db)
    told: list[tuple[str, str]] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: told.append(("traceback", str(args[1]))))
    data_faults.install(db, lambda title, text: told.append((title, text)))
    store = SessionStore(db)  # as the window has it open: a big file is not checked page by page at start
    failures = 0
    for session_id in ids:
        try:
            store.load_session(session_id)
        except Exception as error:  # what a slot would raise; Qt hands it to sys.excepthook
            failures += 1
            sys.excepthook(type(error), error, error.__traceback__)
            break
    store.close()
    assert failures == 1, "the damage must be met by a read"
    assert told and told[0][0] == "HipDesk could not read its data"
    assert str(db) in told[0][1] and "What was entered before this is kept" in told[0][1]
    assert full_check_requested(db)
    result = open_store(db)  # the next start: checked page by page although the file is big
    result.store.close()
    assert result.moved_to is not None and result.moved_to.exists()
    assert not Path(f"{db}{CHECK_REQUEST_SUFFIX}").exists()


def test_other_errors_still_reach_the_previous_hook(tmp_path: Path, monkeypatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(str(error)))
    data_faults.install(tmp_path / "hipdesk.db", lambda title, text: seen.append("told"))
    error = ValueError("a bug")
    sys.excepthook(ValueError, error, None)
    assert seen == ["a bug"]
