"""Where the database lives: --db, else HIPDESK_DB, else the per-user data folder. One function for all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_FILE_NAME = "hipdesk.db"


def default_db_path() -> Path:
    """The per-user database path: the folder Qt's AppDataLocation gives for the application "HipDesk".

    Worked out without Qt so that the headless commands and the window always agree (tested against Qt).
    """
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "HipDesk" / DB_FILE_NAME


def database_path(db_option: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: the --db option, else the HIPDESK_DB variable, else the per-user default."""
    chosen = db_option or os.environ.get("HIPDESK_DB")
    return Path(chosen).expanduser() if chosen else default_db_path()
