"""One run as read from a watch file, and the error a file gets when it cannot be used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

FileFormat = Literal["fit", "gpx", "tcx"]

#: Why a file was not used; each has a message of its own (see `ActivityFileError`).
ProblemKind = Literal[
    "unreadable", "empty", "too_large", "truncated", "corrupt", "wrong_name", "not_activity", "no_summary",
    "not_running", "future", "implausible",
]


@dataclass(frozen=True)
class Run:
    """The summary of one run. `start` is time-zone aware, in the zone the file gives (UTC if it gives none)."""

    start: dt.datetime
    distance_km: float
    duration_s: float
    descent_m: float | None  # None: the file has no elevation
    fmt: FileFormat
    sport_note: str = ""  # set when the file does not name its sport and it was taken as a run

    @property
    def end(self) -> dt.datetime:
        """When the run ended (start plus its duration)."""
        return self.start + dt.timedelta(seconds=self.duration_s)


class ActivityFileError(ValueError):
    """This file cannot be used; `kind` says why (a ProblemKind) and the message says it in plain words."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind
        self.message = message
