"""The weekly-distance chart as plain data, drawn alike on the training page (Qt) and in the report (reportlab)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hipdesk.activities.load import MARKED_RISE_PCT, weekly_change_pct
from hipdesk.activities.record import TrainingRecord, km_in_unit
from hipdesk.activities.wording import WatchWording


@dataclass(frozen=True)
class WeeklyChart:
    """Eight bars (oldest first) in the person's unit, the two two-week averages, and what to say about them."""

    title: str
    unit: str
    labels: tuple[str, ...]  # the last day of each week, "24 Nov"
    values: tuple[float, ...]
    before_average: float | None  # weeks 3–4 (bars 5 and 6)
    recent_average: float  # the last two weeks (bars 7 and 8)
    change_pct: float | None
    change_text: str
    rise_marked: bool  # more than 30 %: the bars of the last two weeks are marked
    note: str  # the clinical wording when the rise is marked, else ""
    descent_text: str


def _short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def weekly_chart(record: TrainingRecord, unit: str, wording: WatchWording) -> WeeklyChart:
    """The chart of `record` in `unit` ("km" or "mi")."""
    unit_name = "miles" if unit == "mi" else "km"
    before = record.before_weekly_km
    change = weekly_change_pct(before, record.recent_weekly_km)
    marked = change is not None and change > MARKED_RISE_PCT
    change_text = wording.change.format(change=f"{change:+.0f} %") if change is not None else wording.change_unknown
    descent = record.descent_m_per_km
    return WeeklyChart(
        title=wording.chart_title.format(unit=unit_name),
        unit=unit_name,
        labels=tuple(_short_date(day) for day in record.week_ends()),
        values=tuple(km_in_unit(km, unit) for km in record.weeks_km),
        before_average=None if before is None else km_in_unit(before, unit),
        recent_average=km_in_unit(record.recent_weekly_km, unit),
        change_pct=change,
        change_text=change_text,
        rise_marked=marked,
        note=wording.rise_note if marked else "",
        descent_text=wording.descent.format(metres=f"{descent:.0f}") if descent is not None else "",
    )
