"""Pain trends: series per person, meaningful change (2 points or 30 %), the PDF chart."""

from __future__ import annotations

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.library.trends import build_series, is_meaningful_change, person_trend
from hipdesk.report.trend_chart import trend_drawing
from hipdesk.storage.store import SessionStore


@pytest.mark.parametrize(
    ("before", "after", "meaningful"),
    [(6, 4, True), (6, 5, False), (8, 6, True), (10, 9, False), (3, 2, True), (4, 6, True), (5, 5, False), (0, 1, False),
     (0, 2, True), (7, 5, True), (9, 7, True), (7, 6, False)],
)
def test_meaningful_change_is_two_points_or_thirty_percent(before: int, after: int, meaningful: bool) -> None:
    assert is_meaningful_change(before, after) is meaningful


def test_each_point_is_compared_with_the_one_before() -> None:
    series = build_series("pain_now", "Pain now", [(1, 0, "2026-01-01", 8), (2, 1, "2026-01-08", 7), (3, 2, "2026-01-15", 4)])
    assert [(p.value, p.change, p.meaningful) for p in series.points] == [(8, None, False), (7, -1, False), (4, -3, True)]


def _session(store: SessionStore, q: Questionnaire, day: str, regions: dict[str, int], **answers: object) -> int:
    base = {"setting": "home", "name": "Weekly runner"}
    session = store.create_session({**base, **answers})
    assert session.id is not None
    for region, intensity in regions.items():
        store.save_region(session.id, region, "right", intensity)
    store.conn.execute("UPDATE sessions SET created_at = ? WHERE id = ?", (f"{day}T09:00:00+00:00", session.id))
    library.refresh_summary(store, q, session.id)
    return session.id


def test_person_trend_gives_scores_and_regions_with_gaps(store: SessionStore, questionnaire: Questionnaire) -> None:
    _session(store, questionnaire, "2026-03-01", {"outer_hip": 7, "outer_knee": 3},
             pain_now=7, pain_worst=8, pain_during_run="yes", pain_run_score=6)
    _session(store, questionnaire, "2026-03-08", {"outer_hip": 6}, pain_now=6, pain_worst=8, pain_during_run="no",
             pain_run_score=9)  # no longer applies: not in the trend
    last = _session(store, questionnaire, "2026-03-15", {"outer_hip": 3, "outer_knee": 3}, pain_now=3, pain_worst=5)
    person = library.fetch_rows(store, library.LibraryQuery())[0].person_id
    assert person is not None
    trend = person_trend(store, questionnaire, person)
    assert trend.name == "Weekly runner"
    assert trend.dates == ("2026-03-01", "2026-03-08", "2026-03-15")
    by_key = {s.key: s for s in (*trend.scores, *trend.regions)}
    assert [(p.index, p.value, p.meaningful) for p in by_key["pain_now"].points] == [(0, 7, False), (1, 6, False), (2, 3, True)]
    assert [p.value for p in by_key["pain_worst"].points] == [8, 8, 5]
    assert [(p.index, p.value) for p in by_key["pain_run_score"].points] == [(0, 6)]
    assert [(p.index, p.value, p.meaningful) for p in by_key["region:outer_knee:right"].points] == [(0, 3, False), (2, 3, False)]
    assert by_key["region:outer_hip:right"].label == "Outer hip (right)"
    changes = [(s.key, p.session_id, before, p.value) for s, p, before in trend.meaningful_changes()]
    assert changes == [("pain_now", last, 6, 3), ("pain_worst", last, 8, 5), ("region:outer_hip:right", last, 6, 3)]


def test_trend_drawing_renders_into_a_pdf() -> None:
    series = [build_series("pain_now", "Pain now", [(1, 0, "2026-01-01", 8), (2, 1, "2026-01-08", 4)])]
    drawing = trend_drawing(series, ["2026-01-01", "2026-01-08"], width=400, height=180, title="Pain scores")
    assert isinstance(drawing, Drawing) and (drawing.width, drawing.height) == (400, 180)
    pdf = renderPDF.drawToString(drawing)
    assert pdf.startswith(b"%PDF")
    texts = [getattr(shape, "text", None) for shape in drawing.contents]
    assert {"Pain scores", "Pain now", "2026-01-01", "2026-01-08"} <= set(texts)
    rings = [s for s in drawing.contents if getattr(s, "r", None) == 5]
    assert len(rings) == 1  # the one meaningful change (8 → 4) is ringed


def test_latest_changes_skip_a_new_draft_without_scores(store: SessionStore, questionnaire: Questionnaire) -> None:
    _session(store, questionnaire, "2026-04-01", {"outer_hip": 8}, pain_now=8, pain_worst=9)
    _session(store, questionnaire, "2026-04-08", {"outer_hip": 7}, pain_now=5, pain_worst=8)
    _session(store, questionnaire, "2026-04-15", {})  # a follow-up just started: nothing scored yet
    person = library.fetch_rows(store, library.LibraryQuery())[0].person_id
    assert person is not None
    date, changes = person_trend(store, questionnaire, person).latest_changes()
    assert date == "2026-04-08"
    assert [(s.key, before, p.value) for s, p, before in changes] == [("pain_now", 8, 5)]


def test_report_of_a_follow_up_shows_pain_over_time(store: SessionStore, questionnaire: Questionnaire, tmp_path) -> None:
    import io
    import subprocess
    import sys

    import pypdf

    first = _session(store, questionnaire, "2026-03-01", {"outer_hip": 7}, pain_now=7, pain_worst=8)
    last = _session(store, questionnaire, "2026-03-15", {"outer_hip": 3}, pain_now=3, pain_worst=5)
    out = tmp_path / "report.pdf"
    result = subprocess.run([sys.executable, "-m", "hipdesk", "--db", str(store.path), "report", "--session", str(last),
                             "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Pain over time" in text and "2026-03-01" in text and "2026-03-15" in text
    single = tmp_path / "single.pdf"
    library.delete_session(store, first)
    subprocess.run([sys.executable, "-m", "hipdesk", "--db", str(store.path), "report", "--session", str(last),
                    "-o", str(single)], check=True, timeout=120)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(single.read_bytes())).pages)
    assert "Pain over time" not in text  # one session has no trend


def test_the_report_trend_reads_only_the_latest_sessions_and_still_compares_the_first(store: SessionStore,
                                                                                    questionnaire: Questionnaire) -> None:
    for day, pain in (("2026-05-01", 9), ("2026-05-08", 8), ("2026-05-15", 4), ("2026-05-22", 4), ("2026-05-29", 1)):
        _session(store, questionnaire, day, {"outer_hip": pain}, pain_now=pain, pain_worst=pain)
    person = library.fetch_rows(store, library.LibraryQuery())[0].person_id
    assert person is not None
    trend = person_trend(store, questionnaire, person, latest=3)
    assert trend.dates == ("2026-05-15", "2026-05-22", "2026-05-29")
    assert (trend.total_sessions, trend.shows_all) == (5, False)
    pain_now = {s.key: s for s in trend.scores}["pain_now"]
    # The first point shown (4) is compared with the session before it (8), which is read but not shown.
    assert [(p.index, p.value, p.change, p.meaningful) for p in pain_now.points] == [
        (0, 4, -4, True), (1, 4, 0, False), (2, 1, -3, True)]
    assert person_trend(store, questionnaire, person).shows_all


def test_the_report_and_the_library_say_the_same_about_sessions_left_out(store: SessionStore,
                                                                        questionnaire: Questionnaire) -> None:
    import io

    import pypdf

    from hipdesk.actions.exports import report_bytes
    from hipdesk.library.trends import TREND_SESSIONS, shown_note, shown_trend

    days = [f"2025-{month:02d}-{day:02d}" for month in range(1, 12) for day in (3, 17, 28)][:TREND_SESSIONS + 3]
    for number, day in enumerate(days):
        last = _session(store, questionnaire, day, {"outer_hip": 1 + number % 10}, pain_now=number % 11)
    person = library.fetch_rows(store, library.LibraryQuery())[0].person_id
    assert person is not None
    trend = shown_trend(store, questionnaire, person)
    note = shown_note(trend)
    assert note == f"The latest 30 of 33 sessions, from {days[3]}."
    pdf = report_bytes(questionnaire, store.load_session(last), store)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert note in " ".join(text.split())
    assert shown_note(person_trend(store, questionnaire, person, latest=40)) == ""


def test_a_chart_with_22_marked_areas_keeps_its_legend_below_the_plot() -> None:
    from reportlab.graphics.shapes import Rect, String

    series = [build_series(f"region:r{n}", f"Area {n}", [(1, 0, "2026-01-01", n % 11), (2, 1, "2026-01-08", 5)])
              for n in range(22)]
    drawing = trend_drawing(series, ["2026-01-01", "2026-01-08"], width=480, height=140, title="Marked areas")
    plot = next(s for s in drawing.contents if isinstance(s, Rect) and s.strokeWidth == 0.6)
    legend = [s for s in drawing.contents if isinstance(s, String) and s.text.startswith("Area ")]
    assert len(legend) == 22
    assert all(label.y + 8 < plot.y - 10 for label in legend)  # below the date labels under the plot
    assert plot.height >= 100 and drawing.height > 140  # the drawing grew instead of squeezing the plot
    assert len({(label.x, label.y) for label in legend}) == 22  # no two legend entries on one spot
