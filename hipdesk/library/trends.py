"""Pain trends of one person across sessions (the PDF's chart is drawn by `hipdesk.report.trend_chart`).

Series: pain now, worst pain, pain during a run (0–10 answers) and each marked body region's
intensity. Each point is compared with the one before it in the same series; a change of at least
2 points or at least 30 % counts as meaningful (Farrar 2001, see clinical.md). A region not marked
in a session gives no point there (a gap), rather than a guessed 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hipdesk.content.branching import effective_answers
from hipdesk.content.library_text import LibraryContent, load_library_content
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.sessions import person_name, person_sessions
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore

#: Farrar 2001: about 2 points or 30 % on the 0–10 scale is a change patients call "much better".
MEANINGFUL_POINTS = 2
MEANINGFUL_FRACTION = 0.30

#: Line colours of the series, in order (readable on white, distinct in grey print): the PDF and the screen.
PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f6000", "#555555")
#: Line styles, one per round through the palette: solid, dashed, dotted.
DASHES: tuple[list[float] | None, ...] = (None, [4, 2], [1.2, 1.8])


def legend_columns(series: int) -> int:
    """Columns of a chart's legend (the PDF's and the screen's): 2, or 3 when there are more than 8 series."""
    return 2 if series <= 8 else 3


def is_meaningful_change(before: int, after: int) -> bool:
    """True for a change of ≥ 2 points, or ≥ 30 % of the earlier score."""
    change = abs(after - before)
    if change == 0:
        return False
    return change >= MEANINGFUL_POINTS or (before > 0 and change / before >= MEANINGFUL_FRACTION)


@dataclass(frozen=True)
class TrendPoint:
    """One score in one session. `change` is against the series' previous point (None for the first)."""

    session_id: int
    index: int  # position of the session among the person's sessions (the chart's x)
    date: str  # YYYY-MM-DD
    value: int
    change: int | None = None
    meaningful: bool = False


@dataclass(frozen=True)
class TrendSeries:
    """A score over time: `key` is an item id or 'region:<id>:<side>'."""

    key: str
    label: str
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class PersonTrend:
    """Everything the trend charts of one person show."""

    person_id: int
    name: str
    dates: tuple[str, ...]  # one per session shown, oldest first
    scores: tuple[TrendSeries, ...]
    regions: tuple[TrendSeries, ...]
    total_sessions: int = 0  # all the person's sessions; more than len(dates) when only the latest are shown

    @property
    def shows_all(self) -> bool:
        """True when every session of the person is in the trend (none left out for length)."""
        return self.total_sessions <= len(self.dates)

    def meaningful_changes(self) -> list[tuple[TrendSeries, TrendPoint, int]]:
        """(series, point, earlier value) for every point marked meaningful, in date order."""
        found = []
        for series in (*self.scores, *self.regions):
            for point in series.points:
                if point.meaningful and point.change is not None:
                    found.append((series, point, point.value - point.change))
        return sorted(found, key=lambda entry: (entry[1].index, entry[0].key))

    def latest_changes(self) -> tuple[str | None, list[tuple[TrendSeries, TrendPoint, int]]]:
        """The date of the latest session holding any score, and the meaningful changes it shows."""
        indexes = [point.index for series in (*self.scores, *self.regions) for point in series.points]
        if not indexes:
            return None, []
        latest = max(indexes)
        return self.dates[latest], [entry for entry in self.meaningful_changes() if entry[1].index == latest]


def build_series(key: str, label: str, values: Sequence[tuple[int, int, str, int]]) -> TrendSeries:
    """A series from (session id, index, date, value), oldest first, each point compared with the one before."""
    points: list[TrendPoint] = []
    for session_id, index, date, value in values:
        if points:
            before = points[-1].value
            points.append(TrendPoint(session_id, index, date, value, value - before, is_meaningful_change(before, value)))
        else:
            points.append(TrendPoint(session_id, index, date, value))
    return TrendSeries(key, label, tuple(points))


#: The trend charts (the report's and the library window's) show at most this many sessions, the latest: readable,
#: and made in bounded time however long a person's history is (both say how many were left out, `shown_note`).
TREND_SESSIONS = 30


def person_trend(
    store: SessionStore, questionnaire: Questionnaire, person_id: int, content: LibraryContent | None = None,
    latest: int | None = None,
) -> PersonTrend:
    """The pain series of one person, from their sessions (drafts included), oldest first.

    With `latest`, only that many of the most recent sessions are read and shown; the session just before them is
    read too, so that the first point shown is still compared with the one before it.
    """
    content = content or load_library_content()
    ids = person_sessions(store, person_id)
    total = len(ids)
    trimmed = latest is not None and total > latest
    if trimmed:
        ids = ids[-(latest + 1):]  # type: ignore[operator]
    sessions = [store.load_session(session_id) for session_id in ids]
    dates = tuple(session.created_at[:10] for session in sessions)
    answers = [effective_answers(questionnaire, session.answers) for session in sessions]  # once a session
    scores: list[TrendSeries] = []
    for item_id, label in content.trend_series.items():
        values = []
        for index, session in enumerate(sessions):
            value = answers[index].get(item_id)
            if isinstance(value, int):
                values.append((session.id or 0, index, dates[index], value))
        if values:
            scores.append(build_series(item_id, label, values))
    region_values: dict[tuple[str, str], list[tuple[int, int, str, int]]] = {}
    for index, session in enumerate(sessions):
        for (region, side), mark in sorted(session.regions.items()):
            region_values.setdefault((region, side), []).append((session.id or 0, index, dates[index], mark.intensity))
    regions = [
        build_series(f"region:{region}:{side}", content.region_label(region, side), values)
        for (region, side), values in sorted(region_values.items())
    ]
    if trimmed:  # drop the earlier session read only for the comparison
        scores = [shifted for series in scores if (shifted := _without_first(series)).points]
        regions = [shifted for series in regions if (shifted := _without_first(series)).points]
        dates = dates[1:]
    return PersonTrend(person_id, person_name(store, person_id), dates, tuple(scores), tuple(regions), total)


def _without_first(series: TrendSeries) -> TrendSeries:
    """The series without session index 0, each later point one place to the left."""
    points = tuple(TrendPoint(p.session_id, p.index - 1, p.date, p.value, p.change, p.meaningful)
                   for p in series.points if p.index > 0)
    return TrendSeries(series.key, series.label, points)


def shown_trend(store: SessionStore, questionnaire: Questionnaire, person_id: int,
                content: LibraryContent | None = None) -> PersonTrend:
    """The person's trend as the charts show it: the latest `TREND_SESSIONS` sessions (the report's and the library's)."""
    return person_trend(store, questionnaire, person_id, content, latest=TREND_SESSIONS)


def shown_note(trend: PersonTrend, content: LibraryContent | None = None) -> str:
    """"The latest 30 of 1001 sessions, from 2024-03-02." when sessions were left out, else ""."""
    if trend.shows_all or not trend.dates:
        return ""
    template = (content or load_library_content()).texts["trends_shown"]
    return template.format(shown=len(trend.dates), total=trend.total_sessions, first=trend.dates[0])


def report_trend(store: SessionStore, questionnaire: Questionnaire, session: Session) -> PersonTrend | None:
    """The person's trend for the report: only when the session belongs to someone with 2 or more sessions."""
    if session.person_id is None:
        return None
    trend = shown_trend(store, questionnaire, session.person_id)
    return trend if len(trend.dates) > 1 else None
