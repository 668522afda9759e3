"""What the rules look at: the answers that apply, body regions, exam results and a few computed values."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hipdesk.activities.load import weekly_change
from hipdesk.content.branching import effective_answers
from hipdesk.content.questionnaire import Item, Questionnaire
from hipdesk.session import ExamResult, RegionMark, Session

#: Values the rules may test that are computed from several answers (see `computed_values`).
COMPUTED_VALUES = ("age", "bmi", "mileage_change_pct", "weeks_since_onset")


@dataclass
class Facts:
    """One session seen by the rules. Answers to questions that do not apply are already left out."""

    items: dict[str, Item]
    labels: Any  # the questionnaire, for `answer_label`
    answers: dict[str, Any]
    regions: list[RegionMark]
    exam: list[ExamResult]
    values: dict[str, float]
    top_causes: list[str] = field(default_factory=list)
    #: The sides whose examination findings point to a cause: the painful side, or both when not said.
    painful_sides: tuple[str, ...] = ("left", "right")

    def answer_text(self, item_id: str) -> str | None:
        """'Question label — answer' for an answered item, else None."""
        if item_id not in self.answers:
            return None
        item = self.items[item_id]
        return f"{item.label} — {self.labels.answer_label(item, self.answers[item_id])}"


_ITEM_CACHE: dict[int, tuple[Questionnaire, dict[str, Item]]] = {}


def _item_index(questionnaire: Questionnaire) -> dict[str, Item]:
    # The questionnaire is frozen, so its index can be kept: this runs after every answer.
    cached = _ITEM_CACHE.get(id(questionnaire))
    if cached is None or cached[0] is not questionnaire:
        cached = _ITEM_CACHE[id(questionnaire)] = (questionnaire, questionnaire.item_index())
    return cached[1]


def age_in_years(answers: dict[str, Any], today: dt.date) -> int | None:
    """Age from the date of birth where given (the age question then does not apply), else the age answered."""
    birth = answers.get("birth_date")
    if isinstance(birth, str):
        try:
            born = dt.date.fromisoformat(birth)
        except ValueError:  # a malformed date is the validator's concern; it must not crash the assessment
            return None
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    age = answers.get("age")
    return age if isinstance(age, int) and not isinstance(age, bool) else None


def computed_values(answers: dict[str, Any], session: Session, today: dt.date | None = None) -> dict[str, float]:
    """Age, BMI, the rise in weekly distance (%) and weeks since onset, where the answers allow."""
    values: dict[str, float] = {}
    today = today or dt.date.today()
    age = age_in_years(answers, today)
    if age is not None:
        values["age"] = age
    height, weight = answers.get("height_cm"), answers.get("weight_kg")
    if isinstance(height, int | float) and isinstance(weight, int | float) and height > 0:
        values["bmi"] = round(weight / (height / 100) ** 2, 1)
    change = weekly_change(answers)
    if change is not None:
        values["mileage_change_pct"] = round(change)
    onset = answers.get("onset_date")
    if isinstance(onset, str):
        with contextlib.suppress(ValueError):  # a malformed date is the validator's concern, not the engine's
            values["weeks_since_onset"] = (today - dt.date.fromisoformat(onset)).days / 7
    return values


def painful_sides(answers: dict[str, Any]) -> tuple[str, ...]:
    """The side(s) that hurt; both when the answer is 'both' or missing."""
    side = answers.get("painful_side")
    return (side,) if side in ("left", "right") else ("left", "right")


def gather_facts(questionnaire: Questionnaire, session: Session, today: dt.date | None = None) -> Facts:
    """The facts of one session, ready for the rules."""
    answers = effective_answers(questionnaire, session.answers)
    return Facts(
        painful_sides=painful_sides(answers),
        items=_item_index(questionnaire),
        labels=questionnaire,
        answers=answers,
        regions=list(session.regions.values()),
        exam=list(session.exam.values()),
        values=computed_values(answers, session, today),
    )
