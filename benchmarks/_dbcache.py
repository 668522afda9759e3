"""Big benchmark databases, generated once (benchmarks/library.py's generator) and reused between benchmarks.

    from _dbcache import big_database; path = big_database(1_000_000)

Kept in this user's temporary folder (0700), one file per size and schema version; a copy is made for each
use that writes (start-up after an unclean exit), so every run starts from the same generated file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cache_folder() -> Path:
    """This user's folder for generated benchmark databases."""
    folder = Path(tempfile.gettempdir()) / f"hipdesk-bench-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def big_database(sessions: int) -> Path:
    """A generated database with `sessions` sessions (made on first use, in a child process)."""
    from hipdesk.storage.store import SCHEMA_VERSION

    path = cache_folder() / f"library-{sessions}-v{SCHEMA_VERSION}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        print(f"generating {sessions} sessions (once; kept as {path}) …", flush=True)
        subprocess.run([sys.executable, str(HERE / "library.py"), "--generate", str(partial), "--sessions", str(sessions)],
                       check=True, stdout=subprocess.DEVNULL)
        partial.rename(path)
    return path


def working_copy(sessions: int, folder: Path) -> Path:
    """A fresh copy of the generated database in `folder` (for a run that opens it read-write)."""
    target = folder / f"copy-{sessions}.db"
    shutil.copyfile(big_database(sessions), target)
    return target
