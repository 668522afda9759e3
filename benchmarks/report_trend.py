"""The report of a person with a long history against the report of a person with one session.

    .venv/bin/python benchmarks/report_trend.py [PAST_SESSIONS] [--keep DIR]   (default 1000)

One database. Person A has one session with every area marked (each region, both sides: 24). Person B has
PAST_SESSIONS earlier sessions (pain scores, 1-6 marked areas) and a current one with every area marked.
Each report is made as the app makes it: actions.exports.report_bytes with the store (trend read from the
database, assessed, rendered). The two alternate; medians of 7. Target: B <= 1.5x A.
With --keep the two PDFs are written to DIR, to look at.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
from _table import row  # noqa: E402

from hipdesk.actions.exports import report_bytes  # noqa: E402
from hipdesk.content import vocab  # noqa: E402
from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.library.sessions import refresh_summary  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402

TARGET = 1.5


def _session(store: SessionStore, questionnaire, name: str, day: int, rng: random.Random,  # type: ignore[no-untyped-def]
             regions: list[tuple[str, str]]) -> int:
    answers = {"filled_by": "patient", "setting": "clinic", "name": name, "birth_date": "1985-04-02", "age": 41, "sex": "female",
               "painful_side": "both", "pain_now": rng.randint(0, 10), "pain_worst": rng.randint(0, 10),
               "pain_during_run": "yes", "pain_run_score": rng.randint(0, 10), "bear_weight": "painful"}
    session = store.create_session(answers)
    assert session.id is not None
    for region, side in regions:
        store.save_region(session.id, region, side, rng.randint(1, 10))
    stamp = f"{2020 + day // 365:04d}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}T09:00:00+00:00"
    store.conn.execute("UPDATE sessions SET created_at = ?, status = 'complete' WHERE id = ?", (stamp, session.id))
    if day == 0 or len(regions) > 6:  # the first and the current (every area) session: linked to the person
        refresh_summary(store, questionnaire, session.id)  # links the session to its person
    return session.id


def person_with_history(store: SessionStore, questionnaire, name: str, past: int, rng: random.Random,  # type: ignore[no-untyped-def]
                        every_area: list[tuple[str, str]], first_area: tuple[str, str]) -> tuple[int, int]:
    """`past` earlier sessions of one person (pain scores, 1-6 marked areas), then a current one with every area
    marked; returns the current session's id and the person's."""
    first = _session(store, questionnaire, name, 0, rng, [first_area])
    person = store.conn.execute("SELECT person_id FROM sessions WHERE id = ?", (first,)).fetchone()[0]
    for day in range(1, past):
        sid = _session(store, questionnaire, name, day, rng, rng.sample(every_area, rng.randint(1, 6)))
        store.conn.execute("UPDATE sessions SET person_id = ? WHERE id = ?", (person, sid))
    return _session(store, questionnaire, name, past, rng, every_area), person


def main() -> int:
    """Build the database, then time the two reports side by side."""
    args = sys.argv[1:]
    keep = Path(args[args.index("--keep") + 1]) if "--keep" in args else None
    past = int(args[0]) if args and args[0].isdigit() else 1000
    questionnaire = load_questionnaire()
    rng = random.Random(18)
    every_area = [(region, side) for region in vocab.REGIONS for side in ("left", "right")]
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "trend.db")
        single = _session(store, questionnaire, "Ann Single", 0, rng, every_area)  # the same report, without history
        current, person = person_with_history(store, questionnaire, "Bo Longhistory", past, rng, every_area,
                                              ("outer_hip", "right"))
        linked = store.conn.execute("SELECT count(*) FROM sessions WHERE person_id = ?", (person,)).fetchone()[0]
        assert person is not None and linked == past + 1, (person, linked)
        sessions = {"one session": store.load_session(single), f"{past} past sessions": store.load_session(current)}
        times: dict[str, list[float]] = {name: [] for name in sessions}
        sizes = {}
        for number in range(8):
            for name, session in sessions.items():
                start = time.perf_counter()
                data = report_bytes(questionnaire, session, store)
                if number:  # the first round loads fonts and rules; not counted
                    times[name].append((time.perf_counter() - start) * 1000)
                sizes[name] = data
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"report-{name.replace(' ', '-')}.pdf").write_bytes(data)
        store.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"report, person with {name:18s} {value:7.0f} ms median of 7 ({len(sizes[name])} bytes)")
    one, many = medians["one session"], medians[f"{past} past sessions"]
    row(f"report with {past} past sessions / with one", f"≤ {TARGET}×", f"{many:.0f} / {one:.0f} ms", many / one)
    return 0


if __name__ == "__main__":
    sys.exit(main())
