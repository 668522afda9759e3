"""What an assessment gives: triage, red flags, possible causes with their reasons, advice."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

TriageLevel = Literal["emergency", "urgent", "soon", "self_care"]
#: Most to least urgent (stable vocabulary).
TRIAGE_LEVELS: tuple[TriageLevel, ...] = ("emergency", "urgent", "soon", "self_care")


def more_urgent(a: TriageLevel, b: TriageLevel) -> TriageLevel:
    """The more urgent of two levels."""
    return a if TRIAGE_LEVELS.index(a) <= TRIAGE_LEVELS.index(b) else b


@dataclass(frozen=True)
class Evidence:
    """One answer cited as a reason. `ref` is an item id, `region:<id>:<side>` or `exam:<test>:<side>`."""

    ref: str
    text: str


@dataclass(frozen=True)
class RedFlag:
    """A danger sign raised by the answers, with what to do now."""

    id: str
    level: TriageLevel
    title: str
    action: str
    because: list[Evidence] = field(default_factory=list)
    source: str = ""


@dataclass(frozen=True)
class NextStep:
    """The one thing to do now: the most urgent level's action, given once, with the details of its own rules."""

    level: TriageLevel
    title: str
    action: str
    #: What the rules at this level add (for example "do not put weight on the leg"); never a weaker level's action.
    details: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UnansweredQuestion:
    """A warning-sign question that applies to this person and was not answered."""

    item: str
    text: str
    page: str


@dataclass(frozen=True)
class CauseResult:
    """A possible cause to discuss, with the answers that point towards it and away from it."""

    id: str
    name: str
    score: float
    points_towards: list[Evidence] = field(default_factory=list)
    points_away: list[Evidence] = field(default_factory=list)
    source: str = ""


@dataclass(frozen=True)
class Assessment:
    """The whole result for one session."""

    triage: TriageLevel
    red_flags: list[RedFlag]
    causes: list[CauseResult]
    training_note: str | None = None
    advice: list[str] = field(default_factory=list)
    cautions: list[str] = field(default_factory=list)
    disclaimer: str = ""
    #: Signs that do not need care today but do need a clinician's visit (triage `soon`).
    see_clinician: list[RedFlag] = field(default_factory=list)
    #: Risk factors for the clinician (bone stress, leg length, weakness): not causes.
    risk_factors: list[str] = field(default_factory=list)
    next_step: NextStep | None = None
    #: Warning-sign questions left unanswered: while any is listed, no one may say "no danger signs".
    unanswered_warnings: list[UnansweredQuestion] = field(default_factory=list)
    #: The ids of the advice, caution and risk-factor rules that applied, in the order of the texts.
    advice_ids: list[str] = field(default_factory=list)
    caution_ids: list[str] = field(default_factory=list)
    risk_factor_ids: list[str] = field(default_factory=list)

    def no_warning_sign_found(self) -> bool:
        """True only when every warning-sign question that applies was answered and none raised a flag."""
        return not self.unanswered_warnings and not any(f.level in ("emergency", "urgent") for f in self.red_flags)

    def reasons(self) -> list[RedFlag]:
        """Every raised rule, most urgent first: the reasons listed under the one next step."""
        return list(self.red_flags) + list(self.see_clinician)

    def to_json(self) -> dict[str, Any]:
        """The `hipdesk assess` JSON: triage, red_flags, causes (id, for, against) and the rest."""
        return {
            "triage": self.triage,
            "next_step": asdict(self.next_step) if self.next_step else None,
            # The reasons under the next step: each without an action of its own (the next step holds it).
            "red_flags": [_reason_json(flag) for flag in self.red_flags],
            "causes": [
                {
                    "id": cause.id,
                    "name": cause.name,
                    "score": cause.score,
                    "for": [asdict(e) for e in cause.points_towards],
                    "against": [asdict(e) for e in cause.points_away],
                    "source": cause.source,
                }
                for cause in self.causes
            ],
            "training_note": self.training_note,
            "advice": list(self.advice),
            "cautions": list(self.cautions),
            "disclaimer": self.disclaimer,
            "see_clinician": [_reason_json(reason) for reason in self.see_clinician],
            "risk_factors": list(self.risk_factors),
            "unanswered_warning_signs": [asdict(question) for question in self.unanswered_warnings],
            "advice_ids": list(self.advice_ids),
            "caution_ids": list(self.caution_ids),
            "risk_factor_ids": list(self.risk_factor_ids),
        }


def _reason_json(flag: RedFlag) -> dict[str, Any]:
    shown = asdict(flag)
    del shown["action"]
    return shown
