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


@pytest.fixture
def lock_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This user's lock folder, inside the test's folder."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return runtime / "hipdesk-locks"


def _other_names(tmp_path: Path, db: Path) -> list[Path]:
    """Every other way to reach `db`: a symlink, a path through `..`, hard links in the same and another folder."""
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "link.db"
    link.symlink_to(db)
    folder_link = tmp_path / "folder-link"
    folder_link.symlink_to(db.parent, target_is_directory=True)
    hard_same = db.with_name("same-file.db")
    os.link(db, hard_same)
    hard_other = tmp_path / "elsewhere" / "hard.db"
    os.link(db, hard_other)
    return [link, folder_link / db.name, db.parent / ".." / db.parent.name / db.name, hard_same, hard_other]


def test_the_lock_holds_on_the_real_file_whatever_path_leads_to_it(tmp_path: Path, lock_folder: Path) -> None:
    db = tmp_path / "data" / "hipdesk.db"
    db.parent.mkdir()
    db.write_bytes(b"")
    first = InstanceLock(db)
    assert first.acquire()
    for other in _other_names(tmp_path, db):
        second = InstanceLock(other)
        assert not second.acquire(), f"a second window through {other} got the lock"
        assert not second.held
    first.release()
    assert list(lock_folder.iterdir()) == []  # the inode lock file goes with the lock
    again = InstanceLock(tmp_path / "elsewhere" / "hard.db")
    assert again.acquire(), "once the first lets go, any name of the file can be opened"
    assert not InstanceLock(db).acquire()
    again.release()


def test_different_files_do_not_share_a_lock(tmp_path: Path, lock_folder: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    one.write_bytes(b"")
    two.write_bytes(b"")
    first, second = InstanceLock(one), InstanceLock(two)
    assert first.acquire() and second.acquire()
    first.release()
    second.release()
