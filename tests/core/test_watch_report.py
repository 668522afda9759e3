"""The watch-file record in the PDF: the weekly chart, the change worded as clinical.md says, the marked answers."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
from reportlab.graphics.shapes import Rect

from hipdesk.activities.chart import weekly_chart
from hipdesk.activities.model import Run
from hipdesk.activities.record import WATCH_RECORD_KEY, build_record
from hipdesk.activities.wording import load_watch_wording
from hipdesk.report import ReportRenderer
from hipdesk.report.weekly_chart import MARKED, weekly_chart_drawing
from tests import samples

TODAY = dt.date(2026, 11, 23)
WEEKS = [20, 22, 21, 24, 25, 26, 35, 40]  # oldest first


def record_dict(weeks: list[float]) -> dict:
    runs = [Run(dt.datetime.combine(TODAY - dt.timedelta(days=7 * (7 - i) + 1), dt.time(8), dt.UTC), km, km * 360, 30, "fit")
            for i, km in enumerate(weeks)]
    record = build_record(runs, TODAY)
    filled = {"weekly_distance": round(record.before_weekly_km or 0, 1), "recent_weekly_distance": record.recent_weekly_km}
    return {**record.to_dict(), "unit": "km", "filled": filled}


def pdf_text(questionnaire, session) -> str:
    data = ReportRenderer(questionnaire).render(session, samples.typical_assessment())
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # table cells wrap lines anywhere


def test_the_report_shows_the_weekly_chart_and_the_marked_answers(questionnaire) -> None:
    session = samples.typical_session()
    stored = record_dict(WEEKS)
    session.answers.update(stored["filled"])
    session.answers[WATCH_RECORD_KEY] = stored
    text = pdf_text(questionnaire, session)
    assert "Distance per week (km), last 8 weeks, from your watch files" in text
    assert "two-week change +47 %" in text  # (35 + 40) / 2 = 37.5 against (25 + 26) / 2 = 25.5
    assert "Last two weeks against the two before: +47 %" in text
    assert "25.5 km (from your watch files)" in text and "37.5 km (from your watch files)" in text
    assert "causes" not in text.split("Last two weeks against")[1][:300]


def test_no_chart_without_watch_files(questionnaire) -> None:
    text = pdf_text(questionnaire, samples.typical_session())
    assert "from your watch files" not in text and "two-week change" not in text


def test_the_last_two_bars_are_marked_only_above_30_percent() -> None:
    wording = load_watch_wording()
    from hipdesk.activities.record import record_from_dict

    def bar_colours(weeks: list[float]) -> list:
        chart = weekly_chart(record_from_dict(record_dict(weeks)), "km", wording)
        drawing = weekly_chart_drawing(chart, 400, 120, "Helvetica")
        return [shape.fillColor for shape in drawing.contents if isinstance(shape, Rect)]

    assert bar_colours(WEEKS)[-2:] == [MARKED, MARKED]
    steady = bar_colours([20, 20, 20, 20, 20, 20, 22, 24])  # +15 %
    assert MARKED not in steady and len(steady) == 8
