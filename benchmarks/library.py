"""Session library at scale: generate 100,000 sessions, then time the browser in a fresh process.

    python benchmarks/library.py [--sessions 100000] [--keep]

Targets (design.md): first screen ≤ 200 ms, a name search ≤ 100 ms, peak memory ≤ 150 MB; issue 18: a name with
few or no hits ≤ 50 ms at 1M sessions.
"First screen" is from building the browser widget (the database already open, QApplication
running) to the table painted with its first page; start-up of Qt itself is reported apart.
"First open" is what the person waits for the first time they choose Sessions in a window that is already up:
the library's code loaded, the browser built, its summaries checked (`refresh`) and the first page painted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _dbcache import working_copy  # noqa: E402
from _table import row  # noqa: E402

FIRST = ["Anna", "Ben", "Chloé", "Dmitri", "Eva", "Femi", "Grace", "Hiro", "Ines", "Jonas", "Kaja", "Liam", "Mina",
         "Noah", "Olga", "Pavel", "Queenie", "Rosa", "Sami", "Tess", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoé"]
LAST = ["Müller", "Okafor", "Dubois", "Ivanov", "Rossi", "Smith", "Tanaka", "García", "Nowak", "Kowalski", "Jensen",
        "Silva", "Haddad", "Novak", "Moreau", "Schmidt", "Papadopoulos", "O'Neil", "Kim", "Lindqvist", "Costa", "Fischer"]
TRIAGE = ("emergency", "urgent", "soon", "self_care")
CAUSES = ("gtps", "itbs", "fai_labral", "iliopsoas", "deep_gluteal", "lumbar_referred", "hip_oa", "muscle_strain")
REGIONS = ("outer_hip", "outer_thigh", "outer_knee", "buttock", "groin")
#: Searches with no hits (names are "<first> <last>-<number>"); the target at 1M sessions is <= 50 ms each. Names
#: with a few hits (one person's ~5 sessions) are taken from the data (`_few_hit_names`).
RARE_NAMES = ("ivanov-19999", "nobody at all", "kowalski-77777", "zzz", "grace tanaka-123456")
RARE_TARGET_MS = 50.0
#: A first and last name without the number: about 1 session in 570 (1,700 of 1M), as a receptionist types it.
FULL_NAMES = ("anna okafor", "hiro kim", "zoé silva-1")


def _few_hit_names(store) -> list[str]:  # type: ignore[no-untyped-def]
    """Three people's whole names from the data (each has about 5 sessions)."""
    people = store.conn.execute("SELECT max(id) FROM persons").fetchone()[0] or 1
    ids = [max(1, people * share // 7) for share in (1, 3, 6)]
    return [row[0] for row in store.conn.execute(
        f"SELECT name_key FROM persons WHERE id IN ({', '.join('?' * len(ids))})", ids)]


def generate(path: Path, sessions: int, seed: int = 8) -> float:
    """Fill a new database with `sessions` sessions of sessions // 5 people; returns seconds taken."""
    from hipdesk.library.sessions import name_key
    from hipdesk.storage.store import SessionStore

    started = time.perf_counter()
    rng = random.Random(seed)
    store = SessionStore(path)
    people = []
    for number in range(max(sessions // 5, 1)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{number}"
        people.append((number + 1, name, f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    session_rows, answer_rows, region_rows = [], [], []
    for sid in range(1, sessions + 1):
        pid, name, birth = people[rng.randrange(len(people))]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))  # three years of sessions
        stamp = f"{day.isoformat()}T{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}:00+00:00"
        pain_now, pain_worst = rng.randint(0, 10), rng.randint(0, 10)
        status = "complete" if rng.random() < 0.9 else "draft"
        session_rows.append((sid, pid, status, stamp, stamp, stamp if status == "complete" else None, name, name_key(name),
                             t := rng.choice(TRIAGE), TRIAGE.index(t), rng.choice(CAUSES), max(pain_now, pain_worst), stamp))
        for item, value in (("setting", "clinic"), ("name", name), ("birth_date", birth), ("pain_now", pain_now),
                            ("pain_worst", pain_worst)):
            answer_rows.append((sid, item, json.dumps(value, ensure_ascii=False), stamp))
        region_rows.append((sid, rng.choice(REGIONS), rng.choice(("left", "right")), rng.randint(1, 10)))
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO persons (id, name, birth_date, created_at, kind, name_key) VALUES (?, ?, ?, '2024-01-01', 'clinic', ?)",
            [(pid, name, birth, name_key(name)) for pid, name, birth in people],
        )
        conn.executemany(
            "INSERT INTO sessions (id, person_id, status, created_at, updated_at, finished_at, person_name, name_key, "
            "triage, triage_rank, top_cause, worst_pain, summary_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        conn.executemany("INSERT INTO answers (session_id, item_id, value, updated_at) VALUES (?, ?, ?, ?)", answer_rows)
        conn.executemany("INSERT OR IGNORE INTO regions (session_id, region_id, side, intensity) VALUES (?, ?, ?, ?)",
                         region_rows)
    store.conn.execute("ANALYZE")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return time.perf_counter() - started


def measure(path: Path) -> dict[str, float]:
    """Run in a fresh process: time the browser's first screen, searches and sorts; report peak memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from hipdesk.content.questionnaire import load_questionnaire
    from hipdesk.storage.store import SessionStore
    from hipdesk.ui.context import UiContext
    from hipdesk.ui.library_view import COLUMNS, SessionLibrary

    app = QApplication(sys.argv[:1])
    questionnaire = load_questionnaire()
    store = SessionStore(path)
    t1 = time.perf_counter()
    view = SessionLibrary(UiContext(questionnaire, store))
    view.resize(1024, 600)
    view.show()
    app.processEvents()
    first_screen = time.perf_counter() - t1
    assert view.model.rowCount() > 0

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        action()
        app.processEvents()
        return time.perf_counter() - start

    search_times, hits, rare_times = [], [], []
    # Typing is debounced (the list is searched once the person pauses): time the search itself, as Enter runs it.
    for text in ("müller", "anna okafor", "zoé silva-1", "ivanov-19999", "nobody at all", "o'neil", "x"):
        search_times.append(timed(lambda text=text: (view.search.setText(text), view.apply_search())))
        hits.append(view.model.rowCount())
    few_hits = _few_hit_names(store)
    for text in (*RARE_NAMES, *few_hits):  # names with few or no hits: every matching session has to be found
        rare_times.append(timed(lambda text=text: (view.search.setText(text), view.apply_search())))
    full_times = [timed(lambda text=text: (view.search.setText(text), view.apply_search())) for text in FULL_NAMES]
    view.search.clear()
    view.apply_search()  # the whole list again: sorts and scrolling below work on every session
    sort_times = [timed(lambda c=c: view.table.sortByColumn(COLUMNS.index(c), view.table.horizontalHeader().sortIndicatorOrder()))
                  for c in ("worst_pain", "person", "triage", "top_cause", "date")]
    scroll = timed(lambda: [view.model.fetchMore() for _ in range(10)])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    store.close()
    return {
        "qt_and_store_start_ms": (t1 - t0) * 1000,
        "first_screen_ms": first_screen * 1000,
        "search_median_ms": statistics.median(search_times) * 1000,
        "search_max_ms": max(search_times) * 1000,
        "search_rare_max_ms": max(rare_times) * 1000,
        "search_full_name_max_ms": max(full_times) * 1000,
        "search_rows_first_page": hits,  # type: ignore[dict-item]
        "sort_max_ms": max(sort_times) * 1000,
        "fetch_10_more_pages_ms": scroll * 1000,
        "peak_rss_mb": peak_mb,
    }


def first_open(path: Path) -> dict[str, float]:
    """In a fresh process with the main window up: Sessions chosen for the first time, until the list is painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hipdesk.content.questionnaire import load_questionnaire
    from hipdesk.storage.store import SessionStore
    from hipdesk.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow(load_questionnaire(), SessionStore(path))
    window.show()
    app.processEvents()
    start = time.perf_counter()
    library = window.show_library()
    app.processEvents()
    opened = time.perf_counter() - start
    assert library.model.rowCount() > 0
    window.show_wizard()
    app.processEvents()
    start = time.perf_counter()
    window.show_library()
    app.processEvents()
    return {"first_open_ms": opened * 1000, "open_again_ms": (time.perf_counter() - start) * 1000}


def _measure_runs(db: Path, how: str = "--measure") -> list[dict[str, float]]:
    """Three fresh processes measuring the browser on `db`."""
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, __file__, how, str(db)], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs


def main() -> int:
    """Generate, then measure in a subprocess, and print the figures against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated database and print its path")
    parser.add_argument("--rare-at", type=int, default=1_000_000, metavar="N",
                        help="also time searches for rare names at N sessions (0: skip)")
    parser.add_argument("--measure", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--generate", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--first-open", metavar="DB", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure))))
        return 0
    if args.first_open:
        print(json.dumps(first_open(Path(args.first_open))))
        return 0
    if args.generate:
        print(generate(Path(args.generate), args.sessions))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="hipdesk-bench-"))
    # Generated once in its own process (benchmarks/_dbcache.py) and copied: that keeps this one small (Linux
    # carries ru_maxrss over fork and exec, so a big parent would inflate the measuring child's peak memory).
    db = working_copy(args.sessions, folder)
    print(f"{args.sessions} generated sessions ({db.stat().st_size / 1e6:.0f} MB file)")
    runs = _measure_runs(db)
    figures = {key: statistics.median(run[key] for run in runs) for key in runs[0] if key != "search_rows_first_page"}
    opens = _measure_runs(db, "--first-open")
    figures.update({key: statistics.median(run[key] for run in opens) for key in opens[0]})
    print(f"rows on the first page of each search: {runs[0]['search_rows_first_page']}")
    for key, value in figures.items():
        print(f"{key:28s} {value:8.1f}   (median of {len(runs)} fresh processes)")
    ok = figures["first_screen_ms"] <= 200 and figures["search_max_ms"] <= 100 and figures["peak_rss_mb"] <= 150
    print("targets (first screen ≤ 200 ms, search ≤ 100 ms, memory ≤ 150 MB):", "met" if ok else "NOT met")
    row(f"library first screen, {args.sessions} sessions", "≤ 200 ms", f"{figures['first_screen_ms']:.0f} ms",
        figures["first_screen_ms"] / 200)
    row(f"library first open from the window (code loaded too), {args.sessions} sessions", "≤ 200 ms",
        f"{figures['first_open_ms']:.0f} ms", figures["first_open_ms"] / 200)
    row(f"library search (slowest of 7), {args.sessions} sessions", "≤ 100 ms", f"{figures['search_max_ms']:.0f} ms",
        figures["search_max_ms"] / 100)
    row(f"library peak memory, {args.sessions} sessions", "≤ 150 MB", f"{figures['peak_rss_mb']:.0f} MB",
        figures["peak_rss_mb"] / 150)
    if args.rare_at:
        big = working_copy(args.rare_at, folder)
        big_runs = _measure_runs(big)
        rare = statistics.median(run["search_rare_max_ms"] for run in big_runs)
        full = statistics.median(run["search_full_name_max_ms"] for run in big_runs)
        common = statistics.median(run["search_max_ms"] for run in big_runs)
        print(f"rare-name search at {args.rare_at} sessions: slowest of {len(RARE_NAMES) + 3} (5 absent, 3 with ~5"
              f" sessions) {rare:.1f} ms; full names ({', '.join(FULL_NAMES)}) slowest {full:.1f} ms;"
              f" the 7 searches above slowest {common:.1f} ms (medians of 3)")
        row(f"library rare-name search, {args.rare_at} sessions", f"≤ {RARE_TARGET_MS:.0f} ms", f"{rare:.1f} ms",
            rare / RARE_TARGET_MS)
        row(f"library first+last name search (~0.2 % hits), {args.rare_at} sessions", f"≤ {RARE_TARGET_MS:.0f} ms",
            f"{full:.1f} ms", full / RARE_TARGET_MS)
        row(f"library search (slowest of 7), {args.rare_at} sessions", "≤ 100 ms", f"{common:.0f} ms", common / 100)
        big.unlink()
    if args.keep:
        print(f"database kept at {db}")
    else:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
