"""The kiosk's staff list at scale: the list, a name search and the Staff button's count.

    python benchmarks/staff_list.py [SESSIONS]

The sessions come from the library benchmark's generator (2 % of them left unseen by staff). No target
of its own in design.md; the session list's (first screen <= 200 ms at 100,000) is the yardstick.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _table import row  # noqa: E402
from library import generate  # noqa: E402

TARGET_MS = 200.0


def median_ms(work: Callable[[], object], runs: int = 7) -> float:
    """Median wall time of `work` in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    """Build one database, then time each query the staff view makes."""
    from hipdesk.library.front_desk import attention_count, staff_rows
    from hipdesk.storage.store import SessionStore

    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data" / "staff.db"
        generate(path, sessions)
        store = SessionStore(path)
        try:
            store.conn.execute("UPDATE sessions SET staff_seen_at = created_at WHERE id % 50 != 0")
            for figure, work in (
                ("staff list, newest first", lambda: staff_rows(store)),
                ("staff list, by name", lambda: staff_rows(store, sort="name", descending=False)),
                ("staff list, name search", lambda: staff_rows(store, search="olga")),
                ("Staff button count", lambda: attention_count(store)),
            ):
                ms = median_ms(work)
                row(f"{figure} ({sessions:,} sessions)", f"<= {TARGET_MS:.0f} ms", f"{ms:.1f} ms", ms / TARGET_MS)
        finally:
            store.close()


if __name__ == "__main__":
    main()
