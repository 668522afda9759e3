"""The session model: one assessment of one person, with its answers, body regions and exam results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from hipdesk.timestamps import now_iso

Side = Literal["left", "right"]
ExamOutcome = Literal["positive", "negative", "not_done"]
SIDES: tuple[Side, ...] = ("left", "right")
EXAM_OUTCOMES: tuple[ExamOutcome, ...] = ("positive", "negative", "not_done")

__all__ = ["EXAM_OUTCOMES", "SIDES", "ExamOutcome", "ExamResult", "RegionMark", "Session", "Side", "now_iso"]


@dataclass(frozen=True)
class RegionMark:
    """A body region marked as painful on one side, with its intensity 0–10."""

    region: str
    side: Side
    intensity: int


@dataclass(frozen=True)
class ExamResult:
    """The result of one examination test on one side.

    `value` holds a measured number where the test has one (seconds held in the single-leg stance).
    """

    test: str
    side: Side
    result: ExamOutcome
    pain: int | None = None
    value: float | None = None


@dataclass
class Session:
    """Everything one assessment holds. `answers` keeps raw answers by item id; use
    `hipdesk.content.branching.effective_answers` to drop answers to questions that no longer apply."""

    id: int | None = None
    person_id: int | None = None
    status: Literal["draft", "complete"] = "draft"
    created_at: str = field(default_factory=lambda: now_iso())
    updated_at: str = field(default_factory=lambda: now_iso())
    finished_at: str | None = None
    current_page: str = "start"
    answers: dict[str, Any] = field(default_factory=dict)
    regions: dict[tuple[str, Side], RegionMark] = field(default_factory=dict)
    exam: dict[tuple[str, Side], ExamResult] = field(default_factory=dict)

    def region_list(self) -> list[RegionMark]:
        """Marked regions, most intense first."""
        return sorted(self.regions.values(), key=lambda mark: (-mark.intensity, mark.region, mark.side))

    def exam_list(self) -> list[ExamResult]:
        """Exam results in a stable order."""
        return [self.exam[key] for key in sorted(self.exam)]

    def age(self, today: dt.date | None = None) -> int | None:
        """Age in whole years, from the date of birth when given, else the age answered."""
        birth = self.answers.get("birth_date")
        if isinstance(birth, str):
            born = dt.date.fromisoformat(birth)
            today = today or dt.date.today()
            return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        age = self.answers.get("age")
        return age if isinstance(age, int) else None
