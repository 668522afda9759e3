"""Damage or a failing disk met while the window runs: say so plainly, keep going, check the file next start.

Installed as `sys.excepthook` by the app: a read that fails in any slot (opening a stored session, the
library) reaches it instead of only printing a traceback. Answers are saved one at a time as they are
given, so what the person entered before the failure is already in the file; nothing is thrown away.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from hipdesk.storage.recovery import request_full_check
from hipdesk.storage.store import DatabaseDamaged, StoreError, StoreWriteError, is_damage, plain_reason

logger = logging.getLogger(__name__)
Inform = Callable[[str, str], None]

DAMAGE_TEXT = (
    "HipDesk could not read part of its data file:\n{path}\n({reason})\n\n"
    "What was entered before this is kept. HipDesk will check the whole file the next time it starts "
    "and, if it is damaged, keep it aside unchanged and say so. Please tell whoever looks after this computer."
)
FAILURE_TEXT = "HipDesk could not use its data file {path}: {reason}. What was entered before this is kept."


def data_fault_message(error: BaseException, db_path: Path) -> str | None:
    """What to tell the person about `error`, or None when it is not a fault of the data file."""
    if isinstance(error, DatabaseDamaged) or (isinstance(error, sqlite3.DatabaseError) and is_damage(error)):
        request_full_check(db_path)
        return DAMAGE_TEXT.format(path=db_path, reason=error)
    if isinstance(error, sqlite3.DatabaseError):
        return FAILURE_TEXT.format(path=db_path, reason=plain_reason(error))
    if isinstance(error, StoreWriteError | StoreError):
        return str(error)
    return None


def install(db_path: Path, inform: Inform) -> None:
    """Route data-file faults raised in the window to `inform(title, text)`; anything else as before."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        message = data_fault_message(error, db_path)
        if message is None:
            previous(kind, error, trace)
            return
        logger.error("data file fault while running: %s", type(error).__name__)
        inform("HipDesk could not read its data", message)

    sys.excepthook = hook
