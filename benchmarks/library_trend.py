"""The library window's trend charts for a person with a long history, with 30 sessions and with one session.

    .venv/bin/python benchmarks/library_trend.py [PAST_SESSIONS] [--shots DIR]   (default 1000)

One database, built as benchmarks/report_trend.py builds it: person A has one session with every area marked
(each region, both sides: 22 areas); person B has PAST_SESSIONS earlier sessions (pain scores, 1-6 marked areas)
and a current one with every area marked; person C the same with 29 earlier sessions (as many as the charts
show, TREND_SESSIONS). In the library (offscreen, 1024x900) the person's newest row is selected and "Pain
trends" pressed: timed from the press until the panel is painted (the trend read from the database, the charts
laid out and drawn), and the two charts' repaint alone. The people alternate; medians of 7 rounds.
Targets: the press <= 50 ms (a click); B <= 1.5x C (bounded: a longer history draws no more).
B against A (1 point per series against 30) is printed too, for the record.
With --shots the panel of each is saved as a PNG in DIR, to look at.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
from _table import row  # noqa: E402
from report_trend import _session, person_with_history  # noqa: E402

from hipdesk.content import vocab  # noqa: E402
from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402

RATIO_TARGET = 1.5
CLICK_TARGET_MS = 50.0


def build(path: Path, past: int) -> tuple[SessionStore, dict[str, int]]:
    """The database of the two people; returns the store and the session to select for each."""
    questionnaire = load_questionnaire()
    rng = random.Random(18)
    every_area = [(region, side) for region in vocab.REGIONS for side in ("left", "right")]
    store = SessionStore(path)
    single = _session(store, questionnaire, "Ann Single", 0, rng, every_area)
    current, _ = person_with_history(store, questionnaire, "Bo Longhistory", past, rng, every_area, ("outer_hip", "right"))
    thirty, _ = person_with_history(store, questionnaire, "Cy Thirty", 29, rng, every_area, ("outer_hip", "left"))
    return store, {"one session": single, "29 past sessions": thirty, f"{past} past sessions": current}


def main() -> int:
    """Build the database, then time the trends of the two people side by side."""
    args = sys.argv[1:]
    shots = Path(args[args.index("--shots") + 1]) if "--shots" in args else None
    past = int(args[0]) if args and args[0].isdigit() else 1000
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from hipdesk.ui.context import UiContext
    from hipdesk.ui.library_view import SessionLibrary

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store, chosen = build(Path(folder) / "trend.db", past)
        view = SessionLibrary(UiContext(load_questionnaire(), store))
        view.resize(1024, 900)
        view.show()
        app.processEvents()
        names = {"one session": "ann single", "29 past sessions": "cy thirty", f"{past} past sessions": "bo longhistory"}
        press: dict[str, list[float]] = {name: [] for name in chosen}
        paint: dict[str, list[float]] = {name: [] for name in chosen}
        for number in range(8):
            for name, sid in chosen.items():
                view.search.setText(names[name])
                view.apply_search()  # the person's sessions, newest first: the one to select is on top
                view.select_row(0)
                app.processEvents()
                assert view.selected() is not None and view.selected().id == sid  # type: ignore[union-attr]
                start = time.perf_counter()
                view.trends_button.click()
                app.processEvents()  # the charts are painted here
                pressed = time.perf_counter()
                view.trends.scores_chart.repaint()
                view.trends.regions_chart.repaint()
                painted = time.perf_counter()
                if number:  # the first round loads fonts and content; not counted
                    press[name].append((pressed - start) * 1000)
                    paint[name].append((painted - pressed) * 1000)
                if shots is not None and number == 1:
                    shots.mkdir(parents=True, exist_ok=True)
                    view.trends.grab().save(str(shots / f"library-trend-{name.replace(' ', '-')}.png"))
        points = sum(len(s.points) for s in (*view.trends.trend.scores, *view.trends.trend.regions))  # type: ignore[union-attr]
        print(f"{past} past sessions: {len(view.trends.trend.dates)} sessions drawn, {points} points")  # type: ignore[union-attr]
        view.close()
        store.close()
    medians = {name: statistics.median(values) for name, values in press.items()}
    paints = {name: statistics.median(values) for name, values in paint.items()}
    for name in chosen:
        print(f"library trends, person with {name:18s} press {medians[name]:6.1f} ms, charts' paint {paints[name]:5.1f} ms"
              " (medians of 7)")
    one, thirty, many = medians["one session"], medians["29 past sessions"], medians[f"{past} past sessions"]
    paint_thirty, paint_many = paints["29 past sessions"], paints[f"{past} past sessions"]
    row(f"library Pain trends press, {past} past sessions", f"≤ {CLICK_TARGET_MS:.0f} ms", f"{many:.1f} ms",
        many / CLICK_TARGET_MS)
    row(f"library trend charts, {past} / 29 past sessions", f"≤ {RATIO_TARGET}×", f"{many:.1f} / {thirty:.1f} ms",
        many / thirty)
    row(f"library trend charts' repaint, {past} / 29 past sessions", f"≤ {RATIO_TARGET}×",
        f"{paint_many:.1f} / {paint_thirty:.1f} ms", paint_many / paint_thirty)
    row(f"library trend charts, {past} past sessions / one session", "(30 points a series vs 1)",
        f"{many:.1f} / {one:.1f} ms", many / one)
    return 0 if many <= CLICK_TARGET_MS and many / thirty <= RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
