"""How long opening the database takes at start-up, with and without the page-by-page check.

    python benchmarks/db_open.py [SESSIONS ...]    (default: 1000 5000 20000)

Each session holds 40 answers, about the size of a full assessment. Prints the file size and the median
of 5 opens for: open only (header + schema look), open + `PRAGMA quick_check`. This decides
`db_recovery.FULL_CHECK_MAX_BYTES`.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hipdesk.storage import recovery as db_recovery  # noqa: E402
from hipdesk.storage.recovery import open_store  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402


def build(path: Path, sessions: int) -> None:
    """A database with `sessions` complete sessions of 40 answers each."""
    store = SessionStore(path)
    with store.transaction() as conn:
        for _ in range(sessions):
            cursor = conn.execute(
                "INSERT INTO sessions (status, created_at, updated_at, current_page) "
                "VALUES ('complete', '2026-01-01T10:00:00', '2026-01-01T10:20:00', 'summary')"
            )
            conn.executemany(
                "INSERT INTO answers VALUES (?, ?, ?, '2026-01-01T10:00:00')",
                [(cursor.lastrowid, f"item_{k}", json.dumps("yes")) for k in range(40)],
            )
    store.close()


def median_ms(path: Path, full_check: bool) -> float:
    """Median wall time of 5 opens (and closes)."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = open_store(path, full_check=full_check)
        result.store.close()
        times.append((time.perf_counter() - start) * 1000)
        assert result.message is None
    return statistics.median(times)


def main() -> None:
    """Build each size once, then time the opens."""
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 20000]
    with tempfile.TemporaryDirectory() as folder:
        for sessions in sizes:
            path = Path(folder) / f"bench-{sessions}.db"
            build(path, sessions)
            mb = path.stat().st_size / 1e6
            limit, db_recovery.FULL_CHECK_MAX_BYTES = db_recovery.FULL_CHECK_MAX_BYTES, 0
            plain = median_ms(path, full_check=False)
            db_recovery.FULL_CHECK_MAX_BYTES = limit
            full = median_ms(path, full_check=True)
            print(f"{sessions:>7} sessions {mb:7.1f} MB  open without full check {plain:7.1f} ms  "
                  f"with quick_check {full:7.1f} ms")


if __name__ == "__main__":
    main()
