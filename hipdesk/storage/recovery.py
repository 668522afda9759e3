"""Opening the database at start-up: a damaged or too-new file is moved aside (never deleted), work goes on.

The GUI calls `open_store`; headless commands open `SessionStore` directly and only report a bad file,
so that a script never moves a person's data around behind their back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import struct
from pathlib import Path
from typing import NamedTuple

from hipdesk.storage.store import (
    SCHEMA_VERSION,
    DatabaseDamaged,
    DatabaseTooNew,
    SessionStore,
    StoreError,
    StoreReadOnly,
    is_damage,
    plain_reason,
    read_only_uri,
)

#: Below this size the whole file is checked page by page on every start (measured: 3–8 ms per MB,
#: see benchmarks/db_open.py); bigger files are checked fully only after an unclean exit.
FULL_CHECK_MAX_BYTES = 2_000_000
SIDE_SUFFIXES = ("-wal", "-shm")
#: Beside the database: damage was met while reading it, so the next start checks it page by page.
CHECK_REQUEST_SUFFIX = ".check-needed"
#: After an unclean exit, a file up to this size is checked page by page before the window opens; a bigger one
#: (at 3–8 ms per MB, 50 MB is about 100k sessions) is checked in the background while the person works.
BLOCKING_CHECK_MAX_BYTES = 50_000_000


def check_later(path: Path) -> bool:
    """True when the page-by-page check of this file is too slow to wait for at start-up."""
    try:
        return path.stat().st_size > BLOCKING_CHECK_MAX_BYTES
    except OSError:
        return False


def page_problem(path: Path) -> str | None:
    """SQLite's page-by-page check through a read-only connection of its own (any thread): None when ok."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return None  # cannot look: the running store reports its own errors in plain words
    try:
        result = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
        return None if result == "ok" else result
    except sqlite3.DatabaseError as error:
        return str(error) if is_damage(error) else None
    finally:
        conn.close()


class OpenResult(NamedTuple):
    """The store to use and, when the old file had to be moved aside, the message to show (a named tuple:
    cheaper to create at start-up than a dataclass)."""

    store: SessionStore
    message: str | None = None
    moved_to: Path | None = None
    title: str = "HipDesk data file moved aside"


def header_problem(path: Path) -> str | None:
    """A cheap look at the 100-byte SQLite header: is the file shorter than the header says it is?"""
    try:
        size = path.stat().st_size
        if size == 0:
            return None  # a new, empty database
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return None  # SessionStore reports unreadable files in its own words
    if not header.startswith(b"SQLite format 3\x00"):
        return "it is not an SQLite database file"
    if len(header) < 100:
        return f"the file is cut short ({size} bytes)"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    # SQLite trusts the page count in the header only when it was written together with the change counter.
    if page_count and change_counter == valid_for and size < page_count * page_size:
        return f"the file is cut short ({size} bytes of {page_count * page_size})"
    return None


def aside_name(path: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """`hipdesk.db.damaged-YYYYmmdd-HHMMSS` (or `.newer-…`), with -2, -3… if that name is taken."""
    stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
    candidate = path.with_name(f"{path.name}.{kind}-{stamp}")
    counter = 2
    while candidate.exists() or any(Path(f"{candidate}{s}").exists() for s in SIDE_SUFFIXES):
        candidate = path.with_name(f"{path.name}.{kind}-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, kind: str, now: dt.datetime | None = None) -> Path:
    """Rename the database and its -wal/-shm files out of the way; nothing is deleted."""
    target = aside_name(path, kind, now)
    os.replace(path, target)
    for suffix in SIDE_SUFFIXES:
        side_file = Path(f"{path}{suffix}")
        if side_file.exists():
            os.replace(side_file, Path(f"{target}{suffix}"))
    return target


def probe(path: Path, full_check: bool) -> None:
    """Raise DatabaseDamaged / DatabaseTooNew when the file cannot be HipDesk's; never changes the file.

    The look is read-only on purpose: a read-write SQLite connection to a damaged file deletes its -wal file
    on close, and that file may hold the latest answers.
    """
    try:
        size = path.stat().st_size
    except OSError:
        return  # missing (a new database) or unreadable: SessionStore says which
    if size == 0:
        return
    problem = header_problem(path)
    if problem:
        raise DatabaseDamaged(f"{path} is damaged: {problem}.")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5.0)
    except sqlite3.Error:
        return
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DatabaseTooNew(f"{path} was written by a newer HipDesk (schema {version}).")
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise DatabaseDamaged(f"{path} is an SQLite database of another program, not HipDesk's.")
        if full_check or size <= FULL_CHECK_MAX_BYTES:
            result = str(conn.execute("PRAGMA quick_check(1)").fetchone()[0])
            if result != "ok":
                raise DatabaseDamaged(f"{path} is damaged: {result}.")
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise DatabaseDamaged(f"{path} is damaged: {error}.") from None
        # Busy, unreadable, …: not damage. SessionStore opens it read-write and reports in plain words.
    finally:
        conn.close()


def open_store(path: Path, *, full_check: bool = False, now: dt.datetime | None = None) -> OpenResult:
    """Open the database; if it is damaged or from a newer HipDesk, move it aside and start a fresh one.

    Raises `StoreError` (not moved) when the folder cannot be written: moving would not help then.
    `full_check` forces the page-by-page check (the app asks for it after an unclean exit).
    """
    try:
        probe(path, full_check or full_check_requested(path))
        clear_full_check_request(path)
        return OpenResult(SessionStore(path))
    except StoreReadOnly as error:
        return OpenResult(SessionStore(path, read_only=True), str(error), title="HipDesk data file is read-only")
    except DatabaseTooNew:
        kind, why = "newer", "was saved by a newer version of HipDesk"
    except DatabaseDamaged as error:
        kind, why = "damaged", f"is damaged and cannot be read ({error})"
    moved = move_aside(path, kind, now)
    clear_full_check_request(path)  # the note was about the file now kept aside
    store = SessionStore(path)
    message = (
        f"The HipDesk data file {why}.\n\n"
        f"It has been kept, unchanged, as:\n{moved}\n\n"
        "HipDesk has started a new, empty data file. Earlier sessions are not shown. "
        "Please tell the person who looks after this computer; do not delete the kept file."
    )
    return OpenResult(store, message, moved)


def request_full_check(path: Path) -> None:
    """Note beside the database that damage was met, so that the next start checks every page of it."""
    with contextlib.suppress(OSError):  # a note only: a folder that cannot take it changes nothing else
        Path(f"{path}{CHECK_REQUEST_SUFFIX}").touch(mode=0o600)


def full_check_requested(path: Path) -> bool:
    """True when a run met damage in this database (see `request_full_check`)."""
    return Path(f"{path}{CHECK_REQUEST_SUFFIX}").exists()


def clear_full_check_request(path: Path) -> None:
    """The file was checked and is sound: forget the note."""
    with contextlib.suppress(OSError):
        Path(f"{path}{CHECK_REQUEST_SUFFIX}").unlink()


#: What a person can do about a damaged file, said by every command that refuses one.
DAMAGED_ADVICE = (
    "Nothing was changed. Start the HipDesk window once: it keeps this file aside, unchanged, and starts a "
    "new one. Do not delete the file; tell whoever looks after this computer."
)


def open_for_command(path: Path, *, writing: bool) -> SessionStore:
    """Open the database for a headless command without ever changing a damaged or too-new file.

    The file is looked at read-only first (header and schema; every page too before a write). A reading
    command then keeps a read-only connection, which never checkpoints, truncates or removes the -wal;
    only a sound file of an older schema is opened read-write, to be updated with a backup as the window
    does. Raises DatabaseDamaged / DatabaseTooNew / StoreError naming the file and what to do.
    """
    if path.is_file():
        try:
            probe(path, full_check=writing)
        except DatabaseDamaged as error:
            request_full_check(path)
            raise DatabaseDamaged(f"{error} {DAMAGED_ADVICE}") from None
        except DatabaseTooNew as error:
            raise DatabaseTooNew(f"{error} Nothing was changed; open it with that newer HipDesk.") from None
    elif not writing and not path.exists():
        raise StoreError(f"There is no HipDesk data file at {path} yet: no session has been stored there.")
    if writing:
        return SessionStore(path)
    store = SessionStore(path, read_only=True)
    if store.schema_version() < SCHEMA_VERSION:
        store.close()
        return SessionStore(path)
    return store


def damage_found(path: Path, error: Exception) -> DatabaseDamaged:
    """The error to raise when reading met damage: it names the file and what to do, and asks for a full check."""
    request_full_check(path)
    return DatabaseDamaged(f"{path} is damaged: {error}. {DAMAGED_ADVICE}")


def read_failure(path: Path, error: Exception) -> StoreError:
    """A read that failed: damage (see `damage_found`), or another reason in plain words."""
    if isinstance(error, sqlite3.DatabaseError) and not is_damage(error):
        return StoreError(f"{path} cannot be read: {plain_reason(error)}.")
    return damage_found(path, error)
