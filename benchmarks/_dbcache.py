"""Big benchmark databases, generated once (by SQLite itself, like benchmarks/library.py's data) and reused.

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
        subprocess.run([sys.executable, __file__, str(partial), str(sessions)], check=True)
        partial.rename(path)
    return path


def working_copy(sessions: int, folder: Path) -> Path:
    """A fresh copy of the generated database in `folder` (for a run that opens it read-write)."""
    target = folder / f"copy-{sessions}.db"
    shutil.copyfile(big_database(sessions), target)
    # Written out now: else the kernel writes the copy (1.1 GB for 1M sessions) back to disk during the timed
    # runs that follow (one make bench saw start-up at 1.50x and 1.71x the bare wizard, 1.24-1.32x without).
    os.sync()
    return target


def generate_in_sql(path: Path, sessions: int, seed: int = 8) -> None:
    """The same kind of data as benchmarks/library.py's generator, made by SQLite itself (1M sessions in minutes).

    sessions // 5 people named "<first> <last>-<number>" (case-folded keys computed here in Python, so that
    accented names search as in the app); each session has 5 answers and one marked region.
    """
    import random
    import sqlite3

    from library import CAUSES, FIRST, LAST, REGIONS, TRIAGE

    from hipdesk.storage.session_index import name_key
    from hipdesk.storage.store import SessionStore

    SessionStore(path).close()  # the schema, with its triggers
    rng = random.Random(seed)
    people = max(sessions // 5, 1)
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}-{n}" for n in range(people)]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO persons (id, name, birth_date, created_at, kind, name_key) "
                     "VALUES (?, ?, ?, '2024-01-01', 'clinic', ?)",
                     [(n + 1, name, f"{1940 + n % 66}-{1 + n % 12:02d}-{1 + n % 28:02d}", name_key(name))
                      for n, name in enumerate(names)])
    conn.execute("CREATE TEMP TABLE triage_levels (rank INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO triage_levels VALUES (?, ?)", list(enumerate(TRIAGE)))
    conn.execute("CREATE TEMP TABLE causes (n INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO causes VALUES (?, ?)", list(enumerate(CAUSES)))
    conn.execute("CREATE TEMP TABLE regions_ (n INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO regions_ VALUES (?, ?)", list(enumerate(REGIONS)))
    # Session n: a pseudo-random person, day within three years, time of day, status, pain, triage and cause.
    conn.execute(f"""
        INSERT INTO sessions (id, person_id, status, created_at, updated_at, finished_at, person_name, name_key,
                              triage, triage_rank, top_cause, worst_pain, summary_at)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions}),
        s AS (SELECT i, 1 + (i * 7919) % {people} AS pid,
                     strftime('%Y-%m-%dT', '2024-01-01', '+' || ((i * 104729) % 1095) || ' days')
                       || printf('%02d:%02d:00+00:00', 8 + i % 11, (i * 37) % 60) AS stamp,
                     CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'complete' END AS status
              FROM n)
        SELECT s.i, s.pid, s.status, s.stamp, s.stamp, CASE WHEN s.status = 'complete' THEN s.stamp END,
               p.name, p.name_key, t.name, t.rank, c.name, s.i % 11, s.stamp
        FROM s JOIN persons p ON p.id = s.pid
        JOIN triage_levels t ON t.rank = s.i % {len(TRIAGE)}
        JOIN causes c ON c.n = (s.i * 31) % {len(CAUSES)}
    """)
    conn.execute("""
        INSERT INTO answers (session_id, item_id, value, updated_at)
        SELECT s.id, a.item, CASE a.item WHEN 'setting' THEN '"clinic"' WHEN 'name' THEN json_quote(s.person_name)
               WHEN 'birth_date' THEN json_quote(p.birth_date) WHEN 'pain_now' THEN s.worst_pain % 7
               ELSE s.worst_pain END, s.created_at
        FROM sessions s JOIN persons p ON p.id = s.person_id
        CROSS JOIN (SELECT 'setting' AS item UNION ALL SELECT 'name' UNION ALL SELECT 'birth_date'
                    UNION ALL SELECT 'pain_now' UNION ALL SELECT 'pain_worst') a
    """)
    conn.execute(f"""
        INSERT INTO regions (session_id, region_id, side, intensity)
        SELECT s.id, r.name, CASE WHEN s.id % 2 THEN 'left' ELSE 'right' END, 1 + s.id % 10
        FROM sessions s JOIN regions_ r ON r.n = s.id % {len(REGIONS)}
    """)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.path.insert(1, str(HERE.parent))
    generate_in_sql(Path(sys.argv[1]), int(sys.argv[2]))
