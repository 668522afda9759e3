"""The examination tests (`resources/exam_tests.json`) and the rules of the exam step: which mode, which tests.

No Qt here: the exam page shows what these functions decide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import msgspec

from hipdesk.content import vocab
from hipdesk.content.loader import ContentError, decode_content, read_content
from hipdesk.session import EXAM_OUTCOMES, SIDES, ExamOutcome, ExamResult, Side

ExamMode = Literal["home", "clinician"]

#: The single-leg stance lasts up to this many seconds (clinical.md, Grimaldi 2017).
STANCE_TARGET_S = 30.0
#: Outer-hip pain at or above this within the stance counts as positive (clinical.md).
STANCE_POSITIVE_PAIN = 2
#: A self-check that hurts this much (0–10) must be stopped.
STOP_PAIN = 7
STANCE_TEST = "single_leg_stance_30s"
#: Tests with a measured value, and the range the window can record (the stance timer stops at the target).
MEASURED_VALUES: dict[str, tuple[float, float, str]] = {STANCE_TEST: (0.0, STANCE_TARGET_S, "s")}


class ExamGroup(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """What a group of tests looks for (lateral hip tendons, joint, ...)."""

    id: str
    title: str


class ExamTest(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One examination test with its clinician text and, for safe self-checks, the words for a person at home."""

    id: str
    group: str
    name: str
    how_to: str
    positive_suggests: str
    evidence: str
    home_safe: bool
    #: False for a test with one result for the person (leg length): it is stored alike on both sides,
    #: so every reader of per-side results (store, answers file, assessment) sees it.
    per_side: bool
    home_name: str = ""
    home_how_to: str = ""
    home_question: str = ""
    cited_as: str = ""  # the name in running text, where the assessment cites a result ("hop test"); else `name`

    def cited_name(self) -> str:
        """How the assessment's reasons name this test."""
        return self.cited_as or self.name


class ExamTexts(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Wording of the exam step that is not tied to one test."""

    clinic_intro: str
    home_intro: str
    front_desk_intro: str
    clinician_toggle: str
    clinician_toggle_help: str
    impact_reminder: str
    impact_unanswered: str
    result_labels: dict[str, str]
    home_result_labels: dict[str, str]
    side_labels: dict[str, str]
    home_side_labels: dict[str, str]
    both_sides: str
    painful_side_mark: str
    pain_label: str
    home_pain_label: str
    pain_unset: str
    details_button: str
    home_details_button: str
    how_heading: str
    positive_heading: str
    evidence_heading: str
    stop_now: str
    clinician_results_kept: str
    timer_hold_wall: str
    timer_start: str
    timer_stop: str
    timer_ready: str
    timer_remaining: str
    timer_done: str
    timer_held: str
    timer_not_started: str


class ExamCatalog(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Every examination test, grouped, with the step's wording."""

    version: int
    groups: list[ExamGroup]
    tests: list[ExamTest]
    texts: ExamTexts

    def test(self, test_id: str) -> ExamTest:
        """The test with this id (KeyError if there is none)."""
        for test in self.tests:
            if test.id == test_id:
                return test
        raise KeyError(test_id)

    def tests_for(self, mode: ExamMode) -> list[ExamTest]:
        """The tests offered in a mode: at home only the safe self-checks, never the hop test."""
        if mode == "clinician":
            return list(self.tests)
        return [test for test in self.tests if test.home_safe]

    def grouped(self, mode: ExamMode) -> list[tuple[ExamGroup, list[ExamTest]]]:
        """Tests of a mode by group, in content order; empty groups are left out."""
        tests = self.tests_for(mode)
        result = []
        for group in self.groups:
            members = [test for test in tests if test.group == group.id]
            if members:
                result.append((group, members))
        return result


#: Tests a person may ever be prompted to do alone. Content cannot widen this list: a wrong
#: `home_safe` in the JSON is refused at load time rather than putting someone at risk.
HOME_SAFE_TESTS = frozenset({"trochanter_palpation", STANCE_TEST})


def parse_exam_catalog(data: bytes, source: Path | str = "exam_tests.json") -> ExamCatalog:
    """Decode and check the exam content; raise ContentError naming the file, the test and the problem."""
    catalog = decode_content(data, source, ExamCatalog, ("tests", "groups"))
    _check(catalog, source)
    return catalog


def _check(catalog: ExamCatalog, source: Path | str) -> None:
    group_ids = [group.id for group in catalog.groups]
    if len(set(group_ids)) != len(group_ids):
        raise ContentError(source, "(groups)", "two groups share an id")
    seen: set[str] = set()
    for test in catalog.tests:
        if test.id in seen:
            raise ContentError(source, test.id, "this test id is used twice")
        seen.add(test.id)
        if test.id not in vocab.EXAM_TESTS:
            raise ContentError(source, test.id, "not one of the stable exam test ids (hipdesk/vocab.py)")
        if test.group not in group_ids:
            raise ContentError(source, test.id, f"unknown group '{test.group}'")
        for field in ("name", "how_to", "positive_suggests", "evidence"):
            if not getattr(test, field).strip():
                raise ContentError(source, test.id, f"'{field}' is empty")
        if test.home_safe and test.id not in HOME_SAFE_TESTS:
            raise ContentError(source, test.id, "only the safe self-checks may be home_safe")
        if test.home_safe and not (test.home_name and test.home_how_to and test.home_question):
            raise ContentError(source, test.id, "a home-safe test needs home_name, home_how_to and home_question")
    missing = [test_id for test_id in vocab.EXAM_TESTS if test_id not in seen]
    if missing:
        raise ContentError(source, missing[0], "this stable exam test is missing")
    texts = catalog.texts
    for name in ("result_labels", "home_result_labels"):
        if set(getattr(texts, name)) != set(EXAM_OUTCOMES):
            raise ContentError(source, f"texts.{name}", f"needs exactly {', '.join(EXAM_OUTCOMES)}")
    for name in ("side_labels", "home_side_labels"):
        if set(getattr(texts, name)) != set(SIDES):
            raise ContentError(source, f"texts.{name}", "needs exactly left, right")


def load_exam_catalog(path: Path | None = None) -> ExamCatalog:
    """Load and check the exam tests (by default the ones in resources/)."""
    from hipdesk.content.resources import resource_path

    path = path or resource_path("exam_tests.json")
    data = read_content(path)
    return parse_exam_catalog(data, path)


@cache
def exam_test_names() -> dict[str, str]:
    """Every test's display name by id, from the checked catalogue: the one source for the exam page,
    the report and the FHIR export."""
    return {test.id: test.name for test in load_exam_catalog().tests}


def exam_test_name(test_id: str, names: Mapping[str, str] | None = None) -> str:
    """The display name of a test (from `names`, by default the catalogue's); an unknown id made readable."""
    from hipdesk.content.body_sites import readable_id

    return (exam_test_names() if names is None else names).get(test_id) or readable_id(test_id)


# -- rules of the exam step ------------------------------------------------------------------------
def default_mode(answers: Mapping[str, Any]) -> ExamMode:
    """Clinician mode only when a clinician fills in the session in a clinic; anything else starts at home mode."""
    if answers.get("setting") == "clinic" and answers.get("filled_by") == "clinician":
        return "clinician"
    return "home"


def may_use_clinician_mode(answers: Mapping[str, Any], *, kiosk: bool = False, staff_unlocked: bool = False) -> bool:
    """A clinician may switch on every test only in a clinic: at home no one is prompted to hop.

    At a front-desk kiosk the patient at the desk never gets the clinician checklist; staff who opened the
    session with the PIN do.
    """
    return answers.get("setting") == "clinic" and (not kiosk or staff_unlocked)


def painful_sides(answers: Mapping[str, Any]) -> set[Side]:
    """The side(s) the person said hurt (`painful_side`: left, right or both); empty when not answered."""
    answer = answers.get("painful_side")
    if answer == "both":
        return {"left", "right"}
    return {answer} if answer in ("left", "right") else set()


def has_clinician_results(exam: Mapping[tuple[str, Side], Any]) -> bool:
    """True when the session holds results of tests that only a clinician does."""
    return any(test not in HOME_SAFE_TESTS for test, _side in exam)


def stance_outcome(held_s: float | None, pain: int | None) -> ExamOutcome:
    """The single-leg stance result: pain ≥ 2/10 within the stance is positive; 30 s with less pain is negative.

    Anything else (not timed, stopped early without pain, pain not given yet) is not a result.
    """
    if pain is not None and pain >= STANCE_POSITIVE_PAIN:
        return "positive"
    if pain is not None and held_s is not None and held_s >= STANCE_TARGET_S:
        return "negative"
    return "not_done"


def exam_result_problem(result: ExamResult) -> str | None:
    """Why the window could never have stored this result (for results read from a file), or None.

    Pain is a whole number 0–10; only a measured test has a value, finite and within its range; a test
    marked not done keeps no pain, except the stance whose result follows from its time and pain.
    """
    pain = result.pain
    if pain is not None and (isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10):
        return "pain must be a whole number from 0 to 10"
    if result.value is not None:
        limits = MEASURED_VALUES.get(result.test)
        if limits is None:
            return "this test has no measured value (value must be null)"
        low, high, unit = limits
        value = result.value
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or not low <= value <= high:
            return f"value must be from {low:g} to {high:g} {unit}"
    if result.result == "not_done" and pain is not None:
        from_timer = result.test == STANCE_TEST and stance_outcome(result.value, pain) == "not_done"
        if not from_timer:
            return "a test not done has no pain score"
    return None


def must_stop(pain: int | None) -> bool:
    """True when a self-check hurts enough that the person must stop it."""
    return pain is not None and pain >= STOP_PAIN


def result_from_entry(test_id: str, side: Side, chosen: ExamOutcome | None, pain: int | None,
                      held_s: float | None = None, chosen_by_hand: bool = False) -> ExamResult | None:
    """The result to store for what was entered on one side, or None to forget it.

    The stance's result follows from its time and pain unless a clinician picked one by hand; a test
    marked not done keeps no pain score.
    """
    if test_id == STANCE_TEST and not chosen_by_hand:
        if held_s is None and pain is None:
            return None
        return ExamResult(test_id, side, stance_outcome(held_s, pain), pain, held_s)
    if chosen is None:
        return None
    return ExamResult(test_id, side, chosen, None if chosen == "not_done" else pain, held_s)
