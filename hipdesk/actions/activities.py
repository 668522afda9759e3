"""Use case: import watch files (FIT, GPX, TCX) into a session. Called by the CLI and by the window.

Reading the files (`read_files`) touches no database, so the window runs it in a worker thread; storing
the result (`apply_import`) is quick and runs where the session's editor lives. Only derived numbers are
stored: the record of weekly distances beside the answers, and the training answers it fills.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hipdesk.actions.editing import SessionEditor
from hipdesk.activities.model import Run
from hipdesk.activities.reader import FileOutcome, expand_paths, read_activity_files
from hipdesk.activities.record import (
    WATCH_RECORD_KEY,
    TrainingRecord,
    build_record,
    km_in_unit,
    runs_from_dict,
    unique_runs,
)
from hipdesk.content.validation import InvalidAnswer


@dataclass
class FilesRead:
    """What a batch of files gave, before anything is stored."""

    outcomes: list[FileOutcome]
    stopped: bool = False

    @property
    def runs(self) -> list[Run]:
        """Every run read, duplicates included."""
        return [run for outcome in self.outcomes for run in outcome.runs]

    @property
    def refused(self) -> list[FileOutcome]:
        """The files that gave nothing, each with its problem."""
        return [outcome for outcome in self.outcomes if outcome.problem is not None]


@dataclass
class ImportResult:
    """What was stored: the record, the answers filled, and what could not be filled."""

    record: TrainingRecord
    new_runs: int
    duplicates: int
    filled: dict[str, float] = field(default_factory=dict)
    not_filled: dict[str, str] = field(default_factory=dict)  # item id -> why


def read_files(
    paths: Iterable[Path],
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    now: dt.datetime | None = None,
) -> FilesRead:
    """Read files and folders (no database: safe in a worker thread). `should_stop` cancels between files."""
    files = expand_paths(paths)
    outcomes, stopped = read_activity_files(files, progress, should_stop, now)
    return FilesRead(outcomes, stopped)


def _in_unit(km: float, unit: str) -> float:
    return round(km_in_unit(km, unit), 1)


def apply_import(editor: SessionEditor, read: FilesRead, today: dt.date | None = None) -> ImportResult | None:
    """Store what the files gave in the session, merged with any earlier import; None when nothing is stored.

    Nothing is stored from a cancelled batch or one without a single run. The same run from two files,
    or from an earlier import, counts once.
    """
    if read.stopped or not read.runs:
        return None
    today = today or dt.date.today()
    earlier = editor.session.answers.get(WATCH_RECORD_KEY)
    earlier_runs = runs_from_dict(earlier) if isinstance(earlier, dict) else []
    runs, duplicates = unique_runs([*earlier_runs, *read.runs])
    record = build_record(runs, today)
    unit = editor.distance_unit()
    wanted: dict[str, float | None] = {
        "weekly_distance": record.before_weekly_km,
        "recent_weekly_distance": record.recent_weekly_km,
        "longest_run": record.longest_run_km,
    }
    result = ImportResult(record, new_runs=len(runs) - len(earlier_runs), duplicates=duplicates)
    for item_id, km in wanted.items():
        if km is None:
            result.not_filled[item_id] = "the files hold no run in those weeks"
            continue
        try:
            stored = editor.set_answer(item_id, _in_unit(km, unit))
        except InvalidAnswer as error:
            result.not_filled[item_id] = str(error)
            continue
        result.filled[item_id] = stored
    editor.set_derived(WATCH_RECORD_KEY, {**record.to_dict(), "unit": unit, "filled": result.filled})
    return result


def import_activities(
    editor: SessionEditor,
    paths: Iterable[Path],
    progress: Callable[[int, int], None] | None = None,
    today: dt.date | None = None,
) -> tuple[FilesRead, ImportResult | None]:
    """Read the files and store what they give (the whole use case, in one thread: the command line)."""
    read = read_files(paths, progress)
    return read, apply_import(editor, read, today)
