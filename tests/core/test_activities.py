"""Reading watch files: what each format gives, and a message of its own for every kind of bad file."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest

from hipdesk.activities import xml_files
from hipdesk.activities.reader import expand_paths, read_activity_file, read_activity_files
from tests.core.activity_files import write_fit, write_gpx, write_tcx

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
START = dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["tree", "stream"])
def xml_way(request, monkeypatch) -> str:
    """Run the test both ways GPX and TCX are read: a small file as a tree, a large one as a stream."""
    if request.param == "stream":
        monkeypatch.setattr(xml_files, "TREE_LIMIT", 0)
    return request.param


def only_run(path: Path):
    outcome = read_activity_file(path, NOW)
    assert outcome.problem is None, outcome.problem
    assert len(outcome.runs) == 1
    return outcome.runs[0]


def problem(path: Path) -> tuple[str, str]:
    outcome = read_activity_file(path, NOW)
    assert outcome.problem is not None and not outcome.runs
    return outcome.problem.kind, outcome.problem.message


def test_fit_summary_with_the_watch_time_zone(tmp_path: Path) -> None:
    run = only_run(write_fit(tmp_path / "run.fit", START, 12.5, 65, descent_m=85, zone_hours=2))
    assert run.distance_km == pytest.approx(12.5)
    assert run.duration_s == pytest.approx(65 * 60)
    assert run.descent_m == 85
    assert run.start == START
    assert run.start.utcoffset() == dt.timedelta(hours=2)  # the zone the watch was in
    assert run.start.hour == 9


def test_gpx_distance_time_and_descent_from_the_points(xml_way: str, tmp_path: Path) -> None:
    run = only_run(write_gpx(tmp_path / "run.gpx", START, 8.0, 44, hill_m=40))
    assert run.distance_km == pytest.approx(8.0, rel=0.005)
    assert run.duration_s == pytest.approx(44 * 60)
    assert run.descent_m == pytest.approx(40, abs=4)  # changes under the 3 m dead band are not counted
    assert run.start == START


def test_tcx_lap_totals(xml_way: str, tmp_path: Path) -> None:
    run = only_run(write_tcx(tmp_path / "run.tcx", START, 6.2, 33))
    assert (run.distance_km, run.duration_s) == (pytest.approx(6.2), pytest.approx(33 * 60))
    assert run.descent_m is not None and run.descent_m > 10


def test_compressed_files_as_in_an_app_export(tmp_path: Path) -> None:
    plain = write_gpx(tmp_path / "run.gpx", START, 5.0, 30)
    packed = tmp_path / "run.gpx.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert only_run(packed).distance_km == pytest.approx(5.0, rel=0.005)


@pytest.mark.parametrize(
    ("writer", "sport", "named"),
    [
        (lambda p: write_fit(p / "ride.fit", START, 40, 90, sport="CYCLING"), "cycling", "cycling"),
        (lambda p: write_gpx(p / "ride.gpx", START, 40, 90, kind="cycling"), "cycling", "cycling"),
        (lambda p: write_tcx(p / "ride.tcx", START, 40, 90, sport="Biking"), "Biking", "Biking"),
        (lambda p: write_fit(p / "walk.fit", START, 4, 60, sport="WALKING"), "walking", "walking"),
    ],
)
def test_other_sports_are_not_counted(xml_way: str, tmp_path: Path, writer, sport: str, named: str) -> None:
    kind, message = problem(writer(tmp_path))
    assert kind == "not_running"
    assert named in message and "not a run" in message


def test_a_gpx_without_a_sport_counts_as_a_run_with_a_note_unless_too_fast(xml_way: str, tmp_path: Path) -> None:
    outcome = read_activity_file(write_gpx(tmp_path / "run.gpx", START, 10, 55, kind=None), NOW)
    assert outcome.runs and "does not name its sport" in outcome.note
    kind, message = problem(write_gpx(tmp_path / "fast.gpx", START, 60, 90, kind=None))
    assert kind == "not_running" and "too fast for a run" in message


def test_future_dated_run(tmp_path: Path) -> None:
    kind, message = problem(write_fit(tmp_path / "run.fit", NOW + dt.timedelta(days=3), 10, 50))
    assert kind == "future" and "in the future" in message and "2026-12-03" in message


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "run.fit").write_bytes(b"")
    assert problem(tmp_path / "run.fit") == ("empty", problem(tmp_path / "run.fit")[1])
    assert "empty" in problem(tmp_path / "run.fit")[1]


def test_huge_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.gpx"
    with huge.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    kind, message = problem(huge)
    assert kind == "too_large" and "200 MB" in message and "not opened" in message


def test_truncated_files(xml_way: str, tmp_path: Path) -> None:
    for path in (write_fit(tmp_path / "run.fit", START, 10, 50), write_gpx(tmp_path / "run.gpx", START, 10, 50)):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        kind, message = problem(path)
        assert kind == "truncated", message
        assert "not copied completely" in message


def test_corrupt_files(xml_way: str, tmp_path: Path) -> None:
    fit = write_fit(tmp_path / "run.fit", START, 10, 50)
    data = bytearray(fit.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte in the middle of the track
    fit.write_bytes(bytes(data))
    assert problem(fit)[0] == "corrupt" and "checksum" in problem(fit)[1]

    gpx = write_gpx(tmp_path / "run.gpx", START, 10, 50)
    text = gpx.read_text()
    gpx.write_text(text.replace("<trkseg>", "<trkseg><<garbage &&", 1))
    assert problem(gpx)[0] == "corrupt" and "damaged" in problem(gpx)[1]

    noise = tmp_path / "noise.fit"
    noise.write_bytes(bytes(range(256)) * 20)
    assert problem(noise) == ("corrupt", "The file is named .fit but is not a readable FIT file; nothing was read from it.")


def test_wrongly_named_files_say_what_they_hold(tmp_path: Path) -> None:
    fit = write_fit(tmp_path / "run.fit", START, 10, 50)
    renamed = fit.rename(tmp_path / "run.gpx")
    kind, message = problem(renamed)
    assert kind == "wrong_name" and "named .gpx but holds a FIT file" in message
    gpx = write_gpx(tmp_path / "other.gpx", START, 10, 50).rename(tmp_path / "other.tcx")
    assert "holds a GPX file" in problem(gpx)[1]
    text = tmp_path / "notes.txt"
    text.write_text("my runs")
    assert problem(text)[0] == "not_activity"


def test_a_course_file_is_not_an_activity(tmp_path: Path) -> None:
    kind, message = problem(write_fit(tmp_path / "course.fit", START, 10, 50, file_type="COURSE"))
    assert kind == "not_activity" and "course" in message


def test_a_folder_is_searched_and_reading_can_stop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_gpx(tmp_path / "a.gpx", START, 5, 30)
    write_tcx(tmp_path / "sub" / "b.TCX", START + dt.timedelta(days=1), 5, 30)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    files = expand_paths([tmp_path])
    assert [p.name for p in files] == ["a.gpx", "b.TCX"]
    seen: list[tuple[int, int]] = []
    outcomes, stopped = read_activity_files(files, progress=lambda done, total: seen.append((done, total)), now=NOW)
    assert not stopped and len(outcomes) == 2 and seen == [(1, 2), (2, 2)]
    outcomes, stopped = read_activity_files(files, should_stop=lambda: len(seen) >= 3, progress=lambda d, t: seen.append((d, t)))
    assert stopped and len(outcomes) == 1


def test_a_pause_between_gpx_segments_counts_neither_time_nor_distance(xml_way: str, tmp_path: Path) -> None:
    # Two segments of 1.112 km north each, 30 minutes apart and 10 km apart: only the running counts.
    def segment(lat0: float, start: str, end: str) -> str:
        return (f'<trkseg><trkpt lat="{lat0}" lon="11"><time>{start}</time></trkpt>'
                f'<trkpt lat="{lat0 + 0.01}" lon="11"><time>{end}</time></trkpt></trkseg>')

    path = tmp_path / "pause.gpx"
    path.write_text(
        '<?xml version="1.0"?><gpx version="1.0" xmlns="http://www.topografix.com/GPX/1/0"><trk><type>Run</type>'
        + segment(48.0, "2026-11-20T08:00:00+02:00", "2026-11-20T08:06:00+02:00")
        + segment(48.1, "2026-11-20T08:36:00+02:00", "2026-11-20T08:42:00+02:00")
        + "</trk></gpx>"
    )
    run = only_run(path)
    assert run.distance_km == pytest.approx(2 * 1.112, rel=0.002)
    assert run.duration_s == 12 * 60
    assert run.start.utcoffset() == dt.timedelta(hours=2) and run.start.hour == 8  # the zone the file gives


def test_a_vanishingly_small_usual_distance_gives_no_change_rather_than_infinity():
    """Found by the GUI fuzz test: 5e-324 km passes the field's checks, and 400 / 5e-324 overflows."""
    from hipdesk.activities.load import weekly_change_pct

    assert weekly_change_pct(5e-324, 400.0) is None
    assert weekly_change_pct(20.0, 30.0) == 50.0
