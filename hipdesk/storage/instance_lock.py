"""One running HipDesk window per database: an operating-system lock on `hipdesk.db.lock` beside it.

The lock belongs to the process, so the system drops it when HipDesk ends in any way (even when killed);
a stale lock file never blocks the next start. The file also says whether the last run ended cleanly.

The lock is on the real file, whatever path leads to it: the lock file sits beside the path with
symlinks and `..` resolved, and a second lock, named by the file's device and inode, in this user's
lock folder catches hard links (two names of one file in different folders).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

RUNNING = b"running\n"
CLOSED = b"closed\n"
#: A check in the background found the file damaged: the next start checks it fully before opening it.
CHECK = b"check\n"


def lock_folder() -> Path:
    """This user's folder for the locks by device and inode (the runtime folder when there is one)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "hipdesk-locks"
    return Path.home() / ".cache" / "hipdesk" / "locks"


class InstanceLock:
    """The GUI's claim on one database. `acquire()` is False when another copy holds it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(os.path.realpath(Path(db_path).expanduser()))
        self.path = Path(f"{self.db_path}.lock")
        self._fd: int | None = None
        self._inode_fd: int | None = None
        self._inode_path = Path()
        #: True when the previous run did not end cleanly (crash, kill, power cut): check the file fully.
        self.previous_exit_unclean = False
        #: True when the last run's background check found damage: check fully before the window opens.
        self.previous_check_failed = False
        self._check_failed = False

    def acquire(self) -> bool:
        """Take the lock without waiting. Raises OSError when the data folder cannot be written."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        inode_fd = self._lock_inode()
        if inode_fd == -1:  # the same file is open under another name
            _unlock(fd)
            os.close(fd)
            return False
        self._fd, self._inode_fd = fd, inode_fd
        os.lseek(fd, 0, os.SEEK_SET)
        state = os.read(fd, 64)
        self.previous_exit_unclean = state in (RUNNING, CHECK)
        self.previous_check_failed = state == CHECK
        self._write(RUNNING)
        return True

    def mark_check_failed(self) -> None:
        """The file was found damaged while running: the next start checks it fully (then moves it aside)."""
        self._check_failed = True
        with contextlib.suppress(OSError):  # written now, so that a crash keeps it too
            self._write(CHECK)

    def release(self) -> None:
        """Note a clean exit and let go (safe to call twice)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):  # a full disk must not stop HipDesk closing; the next start checks more
            self._write(CHECK if self._check_failed else CLOSED)
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None
        if self._inode_fd is not None:
            with contextlib.suppress(OSError):
                self._inode_path.unlink()  # removed while still locked (see _lock_inode)
            _unlock(self._inode_fd)
            os.close(self._inode_fd)
            self._inode_fd = None

    def _lock_inode(self) -> int | None:
        """Lock `<device>-<inode>.lock` in the user's lock folder: the fd, -1 when taken, None when not possible.

        Not possible (no file yet, so no hard link to it either; no lock folder): the lock beside the
        file still holds. The lock file is removed on release, so a lock held on a file just removed
        by the last holder is given up and taken again on the new one.
        """
        try:
            info = os.stat(self.db_path)
            folder = lock_folder()
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            return None
        self._inode_path = folder / f"{info.st_dev}-{info.st_ino}.lock"
        for _attempt in range(5):
            try:
                fd = os.open(self._inode_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return None
            if not _try_lock(fd):
                os.close(fd)
                return -1
            try:
                if os.fstat(fd).st_ino == os.stat(self._inode_path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            _unlock(fd)  # the file was removed by the holder that just let go: try its successor
            os.close(fd)
        return None

    @property
    def held(self) -> bool:
        """True while this process holds the lock."""
        return self._fd is not None

    def _write(self, data: bytes) -> None:
        assert self._fd is not None
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
