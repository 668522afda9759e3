"""One running HipDesk window per database: an operating-system lock on `hipdesk.db.lock` beside it.

The lock belongs to the process, so the system drops it when HipDesk ends in any way (even when killed);
a stale lock file never blocks the next start. The file also says whether the last run ended cleanly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

RUNNING = b"running\n"
CLOSED = b"closed\n"


class InstanceLock:
    """The GUI's claim on one database. `acquire()` is False when another copy holds it."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self._fd: int | None = None
        #: True when the previous run did not end cleanly (crash, kill, power cut): check the file fully.
        self.previous_exit_unclean = False

    def acquire(self) -> bool:
        """Take the lock without waiting. Raises OSError when the data folder cannot be written."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        os.lseek(fd, 0, os.SEEK_SET)
        self.previous_exit_unclean = os.read(fd, 64) == RUNNING
        self._write(RUNNING)
        return True

    def release(self) -> None:
        """Note a clean exit and let go (safe to call twice)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):  # a full disk must not stop HipDesk closing; the next start checks more
            self._write(CLOSED)
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

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
