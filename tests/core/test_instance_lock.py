"""One GUI per database: the lock beside the file, and what it says about the last exit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hipdesk.storage.instance_lock import InstanceLock


def test_a_second_copy_cannot_take_the_lock_until_the_first_lets_go(tmp_path: Path) -> None:
    db = tmp_path / "data" / "hipdesk.db"
    first, second = InstanceLock(db), InstanceLock(db)
    assert first.acquire()
    assert not second.acquire()
    assert not second.held
    first.release()
    assert second.acquire()
    second.release()
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700
    assert first.path.stat().st_mode & 0o777 == 0o600


def test_a_run_that_did_not_release_is_reported_as_unclean(tmp_path: Path) -> None:
    db = tmp_path / "hipdesk.db"
    clean = InstanceLock(db)
    assert clean.acquire() and not clean.previous_exit_unclean
    clean.release()
    crashed = InstanceLock(db)
    assert crashed.acquire() and not crashed.previous_exit_unclean
    # What the system does when the process is killed: the lock goes, the file still says "running".
    assert crashed._fd is not None
    os.close(crashed._fd)
    crashed._fd = None
    after = InstanceLock(db)
    assert after.acquire()
    assert after.previous_exit_unclean
    after.release()


def test_an_unwritable_folder_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError):
        InstanceLock(blocker / "hipdesk.db").acquire()
