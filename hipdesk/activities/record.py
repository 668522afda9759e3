"""The training record derived from runs: weekly distance for 8 weeks, longest run, descent per km.

This is all that is kept of a person's watch files: per run its start minute, distance, time and descent
(for telling the same run apart when files are imported again), and the weekly totals; never a position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hipdesk.activities.model import FileFormat, Run

WEEKS = 8
#: The questionnaire asks for the longest run "in the last month": the last four weeks here.
LONGEST_RUN_WEEKS = 4
#: Two recordings of one run (watch FIT and an app's GPX export) overlap almost completely in time.
SAME_RUN_OVERLAP = 0.5
_PREFERENCE: dict[FileFormat, int] = {"fit": 0, "tcx": 1, "gpx": 2}  # the watch's own totals first
RECORD_VERSION = 1
KM_PER_MILE = 1.609344


def km_in_unit(km: float, unit: str) -> float:
    """A distance in the person's unit ("km" or "mi"), unrounded."""
    return km / KM_PER_MILE if unit == "mi" else km


def local_date(run: Run) -> dt.date:
    """The day the run started where it was run (the zone its file gives, else this computer's)."""
    return run.start.date()


def _overlap(a: Run, b: Run) -> float:
    """How much of the shorter run the two share in time (0–1); runs without a duration match by start."""
    shorter = min(a.duration_s, b.duration_s)
    if shorter <= 0:
        return 1.0 if abs((a.start - b.start).total_seconds()) <= 120 else 0.0
    shared = (min(a.end, b.end) - max(a.start, b.start)).total_seconds()
    return max(0.0, shared) / shorter


def unique_runs(runs: Iterable[Run]) -> tuple[list[Run], int]:
    """The runs with duplicates dropped (the same run from two files counts once) and how many were dropped.

    Of two copies the watch's FIT summary is kept before a TCX, and a TCX before a GPX track.
    """
    ordered = sorted(runs, key=lambda run: (run.start, _PREFERENCE[run.fmt]))
    kept: list[Run] = []
    dropped = 0
    for run in ordered:
        # Only the last few kept runs can overlap this one: they are sorted by start.
        recent = range(len(kept) - 1, max(-1, len(kept) - 4), -1)
        twin = next((i for i in recent if _overlap(kept[i], run) >= SAME_RUN_OVERLAP), None)
        if twin is None:
            kept.append(run)
            continue
        dropped += 1
        if _PREFERENCE[run.fmt] < _PREFERENCE[kept[twin].fmt]:
            kept[twin] = run
    return kept, dropped


@dataclass(frozen=True)
class TrainingRecord:
    """Weekly distances (oldest week first), each week the seven days ending on a day before `as_of`."""

    as_of: dt.date
    weeks_km: tuple[float, ...]
    runs: tuple[Run, ...]  # the runs in those weeks
    longest_run_km: float | None
    descent_m_per_km: float | None

    def week_ends(self) -> list[dt.date]:
        """The last day of each week, oldest first."""
        return [self.as_of - dt.timedelta(days=7 * (WEEKS - 1 - i)) for i in range(WEEKS)]

    @property
    def recent_weekly_km(self) -> float:
        """Average weekly distance over the last two weeks."""
        return (self.weeks_km[-1] + self.weeks_km[-2]) / 2

    @property
    def before_weekly_km(self) -> float | None:
        """Average weekly distance over the two weeks before those; None when the files have no run then."""
        if not any(WEEKS - 4 <= self._week_index(run) < WEEKS - 2 for run in self.runs):
            return None
        return (self.weeks_km[-3] + self.weeks_km[-4]) / 2

    def _week_index(self, run: Run) -> int:
        return WEEKS - 1 - (self.as_of - local_date(run)).days // 7

    def to_dict(self) -> dict[str, Any]:
        """The stored form (JSON): derived numbers only."""
        return {
            "version": RECORD_VERSION,
            "as_of": self.as_of.isoformat(),
            "weeks_km": [round(km, 2) for km in self.weeks_km],
            "longest_run_km": None if self.longest_run_km is None else round(self.longest_run_km, 2),
            "descent_m_per_km": None if self.descent_m_per_km is None else round(self.descent_m_per_km, 1),
            "runs": [
                {
                    "start": run.start.replace(second=0, microsecond=0).isoformat(),
                    "km": round(run.distance_km, 3),
                    "seconds": round(run.duration_s),
                    "descent_m": None if run.descent_m is None else round(run.descent_m),
                    "source": run.fmt,
                }
                for run in self.runs
            ],
        }


def build_record(runs: Iterable[Run], as_of: dt.date) -> TrainingRecord:
    """The record of the 8 weeks ending on `as_of` from these (already de-duplicated) runs."""
    weeks = [0.0] * WEEKS
    kept: list[Run] = []
    for run in runs:
        back = (as_of - local_date(run)).days
        if 0 <= back < 7 * WEEKS:
            weeks[WEEKS - 1 - back // 7] += run.distance_km
            kept.append(run)
    recent = [run for run in kept if (as_of - local_date(run)).days < 7 * LONGEST_RUN_WEEKS]
    with_heights = [run for run in kept if run.descent_m is not None]
    km_with_heights = sum(run.distance_km for run in with_heights)
    return TrainingRecord(
        as_of=as_of,
        weeks_km=tuple(weeks),
        runs=tuple(sorted(kept, key=lambda run: run.start)),
        longest_run_km=max((run.distance_km for run in recent), default=None),
        descent_m_per_km=(sum(run.descent_m or 0.0 for run in with_heights) / km_with_heights) if km_with_heights else None,
    )


def runs_from_dict(stored: Mapping[str, Any]) -> list[Run]:
    """The runs kept in a stored record (an unreadable entry is skipped: it only ever held derived numbers)."""
    runs: list[Run] = []
    for entry in stored.get("runs", []) if isinstance(stored, Mapping) else []:
        try:
            start = dt.datetime.fromisoformat(entry["start"])
            source = entry.get("source", "gpx")
            runs.append(
                Run(
                    start=start if start.tzinfo else start.replace(tzinfo=dt.UTC),
                    distance_km=float(entry["km"]),
                    duration_s=float(entry.get("seconds") or 0),
                    descent_m=None if entry.get("descent_m") is None else float(entry["descent_m"]),
                    fmt=source if source in _PREFERENCE else "gpx",
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return runs


def record_from_dict(stored: Mapping[str, Any]) -> TrainingRecord | None:
    """A stored record back, or None when it is missing or unreadable."""
    try:
        as_of = dt.date.fromisoformat(stored["as_of"])
        weeks = tuple(float(km) for km in stored["weeks_km"])
    except (KeyError, TypeError, ValueError):
        return None
    if len(weeks) != WEEKS:
        return None
    longest, descent = stored.get("longest_run_km"), stored.get("descent_m_per_km")
    return TrainingRecord(
        as_of=as_of,
        weeks_km=weeks,
        runs=tuple(runs_from_dict(stored)),
        longest_run_km=float(longest) if isinstance(longest, int | float) else None,
        descent_m_per_km=float(descent) if isinstance(descent, int | float) else None,
    )


#: Where the record is kept: beside the answers of the session (not a question; see docs/watch-files.md).
WATCH_RECORD_KEY = "watch_record"
#: The training answers the record fills, and the record's number for each.
FILLED_ITEMS = ("weekly_distance", "recent_weekly_distance", "longest_run")


def stored_record(answers: Mapping[str, Any]) -> TrainingRecord | None:
    """The session's watch-file record, if it has one."""
    stored = answers.get(WATCH_RECORD_KEY)
    return record_from_dict(stored) if isinstance(stored, Mapping) else None


def from_watch(answers: Mapping[str, Any]) -> set[str]:
    """The training answers that still hold the value the watch files gave (edited ones drop out)."""
    stored = answers.get(WATCH_RECORD_KEY)
    filled = stored.get("filled", {}) if isinstance(stored, Mapping) else {}
    if not isinstance(filled, Mapping):
        return set()
    return {item for item, value in filled.items() if item in FILLED_ITEMS and answers.get(item) == value}
