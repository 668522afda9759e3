"""The log file: what HipDesk did (session ids, pages, faults), never what a person answered.

`HIPDESK_LOG_DIR` chooses the folder; set to an empty string, no log file is written (the tests do that).
Unset, the log goes beside the database. The file is 0600 like the data.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "hipdesk.log"
logger = logging.getLogger("hipdesk")


def log_folder(db_path: Path) -> Path | None:
    """Where the log goes: HIPDESK_LOG_DIR, else beside the database; None when logging to a file is off."""
    chosen = os.environ.get("HIPDESK_LOG_DIR")
    if chosen is None:
        return db_path.parent
    return Path(chosen) if chosen else None


def setup_logging(db_path: Path) -> Path | None:
    """Send the `hipdesk` logger to the log file (once). Returns the file, or None when off or not writable."""
    folder = log_folder(db_path)
    if folder is None:
        return None
    path = folder / LOG_NAME
    for handler in logger.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None  # a log is a help, never a reason not to start
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
