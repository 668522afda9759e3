"""From runs to the training record and the session's training answers (the use case the CLI and window share)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from hipdesk.actions.activities import apply_import, import_activities, read_files
from hipdesk.actions.editing import SessionEditor
from hipdesk.activities.model import Run
from hipdesk.activities.record import WATCH_RECORD_KEY, build_record, from_watch, stored_record, unique_runs
from hipdesk.assessment.facts import computed_values
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.storage.store import SessionStore
from tests.core.activity_files import write_fit, write_gpx, write_tcx

TODAY = dt.date(2026, 11, 30)
ZONE = dt.timezone(dt.timedelta(hours=1))


def run(day: dt.date, km: float, hour: int = 8, fmt="fit", minutes: float | None = None, descent=None) -> Run:
    start = dt.datetime.combine(day, dt.time(hour), ZONE)
    return Run(start, km, (minutes or km * 6) * 60, descent, fmt)


def test_weekly_distance_longest_run_and_descent() -> None:
    runs = [run(TODAY - dt.timedelta(days=7 * week + 1), 10 + week, descent=50) for week in range(10)]
    record = build_record(runs, TODAY)
    # Week 0 (the seven days to today) is last; weeks 8 and 9 are older than the record.
    assert record.weeks_km == (17, 16, 15, 14, 13, 12, 11, 10)
    assert record.recent_weekly_km == 10.5 and record.before_weekly_km == 12.5
    assert record.longest_run_km == 13  # the last four weeks only
    assert record.descent_m_per_km == pytest.approx(8 * 50 / sum(range(10, 18)))
    assert len(record.runs) == 8


def test_a_run_belongs_to_the_day_where_it_was_run() -> None:
    # 00:30 on Tuesday in UTC+2 is Monday 22:30 UTC: it is in the week that holds that Tuesday.
    tuesday = dt.datetime(2026, 11, 24, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    record = build_record([Run(tuesday, 10, 3600, None, "fit")], dt.date(2026, 11, 30))
    assert record.weeks_km[-1] == 10  # 24 Nov..30 Nov; in UTC it would have fallen on 23 Nov, the week before
    record = build_record([Run(tuesday.astimezone(dt.UTC), 10, 3600, None, "fit")], dt.date(2026, 11, 30))
    assert record.weeks_km[-2] == 10


def test_the_same_run_from_two_files_counts_once_and_the_watch_figure_is_kept() -> None:
    fit = run(TODAY, 10.0, fmt="fit", minutes=60)
    gpx = Run(fit.start + dt.timedelta(seconds=20), 10.3, 3590, None, "gpx")
    other = run(TODAY, 5.0, hour=18)
    kept, dropped = unique_runs([gpx, other, fit])
    assert dropped == 1 and [r.fmt for r in kept] == ["fit", "fit"]
    assert sum(r.distance_km for r in kept) == 15.0


def open_editor(tmp_path: Path, unit: str = "km") -> SessionEditor:
    store = SessionStore(tmp_path / "h.db")
    session = store.create_session({"distance_unit": unit})
    return SessionEditor(store, load_questionnaire(), session)


def write_weeks(folder: Path, today: dt.date, recent_km: float, before_km: float) -> None:
    """Two runs a week: the last two weeks `recent_km` a week, the six before `before_km`."""
    for week in range(8):
        for n, fraction in enumerate((0.4, 0.6)):
            day = dt.datetime.combine(today - dt.timedelta(days=7 * week + 2 + 3 * n), dt.time(7), dt.UTC)
            km = (recent_km if week < 2 else before_km) * fraction
            write_fit(folder / f"w{week}-{n}.fit", day, km, km * 6, zone_hours=0)


def test_import_fills_the_training_answers_marked_from_the_watch_and_the_load_rule_sees_them(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    today = dt.date.today()
    write_weeks(folder, today, recent_km=45, before_km=30)
    write_gpx(folder / "copy.gpx", dt.datetime.combine(today - dt.timedelta(days=2), dt.time(7), dt.UTC), 18, 108)
    (folder / "broken.tcx").write_bytes(b"")
    editor = open_editor(tmp_path)
    read, result = import_activities(editor, [folder])
    assert result is not None and result.duplicates == 1 and len(read.refused) == 1
    answers = editor.store.load_session(editor.session_id).answers  # what was stored
    assert answers["weekly_distance"] == 30.0 and answers["recent_weekly_distance"] == 45.0
    assert answers["longest_run"] == 27.0
    assert from_watch(answers) == {"weekly_distance", "recent_weekly_distance", "longest_run"}
    assert computed_values(answers, editor.session)["mileage_change_pct"] == 50  # the rule's input
    # Still editable: a changed answer is no longer marked as from the watch.
    editor.set_answer("weekly_distance", "35")
    assert from_watch(editor.session.answers) == {"recent_weekly_distance", "longest_run"}


def test_only_derived_numbers_are_stored(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    write_gpx(folder / "run.gpx", dt.datetime.now(dt.UTC) - dt.timedelta(days=1), 10, 60)
    editor = open_editor(tmp_path)
    import_activities(editor, [folder])
    stored = editor.store.conn.execute("SELECT value FROM answers WHERE item_id = ?", (WATCH_RECORD_KEY,)).fetchone()[0]
    record = json.loads(stored)
    assert set(record) == {"version", "as_of", "weeks_km", "longest_run_km", "descent_m_per_km", "runs", "unit", "filled"}
    assert set(record["runs"][0]) == {"start", "km", "seconds", "descent_m", "source"}
    assert "48.0" not in stored and "lat" not in stored  # no position, no file name
    assert "run.gpx" not in stored


def test_miles_and_an_import_added_to_an_earlier_one(tmp_path: Path) -> None:
    editor = open_editor(tmp_path, unit="mi")
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    first = write_fit(tmp_path / "a.fit", start, 16.09344, 90)
    apply_import(editor, read_files([first]))
    assert editor.session.answers["longest_run"] == 10.0  # miles
    second = write_tcx(tmp_path / "b.tcx", start - dt.timedelta(days=2), 8.04672, 45)
    again = write_gpx(tmp_path / "a-again.gpx", start, 16.0, 90)  # the first run once more
    result = apply_import(editor, read_files([second, again]))
    assert result is not None and result.duplicates == 1 and result.new_runs == 1
    record = stored_record(editor.session.answers)
    assert record is not None and record.weeks_km[-1] == pytest.approx(24.14, abs=0.01)
    assert editor.session.answers["recent_weekly_distance"] == 7.5  # (15 + 0) / 2 miles


def test_nothing_is_stored_from_a_cancelled_batch_or_one_without_runs(tmp_path: Path) -> None:
    editor = open_editor(tmp_path)
    ride = write_fit(tmp_path / "ride.fit", dt.datetime.now(dt.UTC) - dt.timedelta(days=1), 30, 60, sport="CYCLING")
    assert apply_import(editor, read_files([ride])) is None
    good = write_gpx(tmp_path / "run.gpx", dt.datetime.now(dt.UTC) - dt.timedelta(days=1), 10, 60)
    assert apply_import(editor, read_files([good], should_stop=lambda: True)) is None
    assert editor.store.load_session(editor.session_id).answers == {"distance_unit": "km"}


@pytest.mark.slow
def test_command_line_import(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    write_weeks(folder, dt.date.today(), recent_km=40, before_km=28)
    write_fit(folder / "later.fit", dt.datetime.now(dt.UTC) + dt.timedelta(days=5), 10, 60)
    db = tmp_path / "h.db"
    done = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "import-activities", str(folder)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "later.fit: The run is dated" in done.stdout and "in the future" in done.stdout
    assert "Last two weeks against the two before: +43 %" in done.stdout
    assert "may raise the risk of distance-related injuries" in done.stdout
    store = SessionStore(db)
    answers = store.load_session(1).answers
    assert (answers["weekly_distance"], answers["recent_weekly_distance"]) == (28.0, 40.0)
    store.close()
    # Into that session again; a path that does not exist is named, nothing else is stored.
    done = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "import-activities", str(tmp_path / "nope.fit"), "--session", "1"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1 and "nope.fit: The file cannot be opened" in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "hipdesk", "--db", str(db), "import-activities", str(folder), "--session", "99"],
        capture_output=True, text=True, timeout=60,
    )
    assert missing.returncode == 2 and "no session with id 99" in missing.stderr
