"""Clinical cases (tests/vignettes/*.json), written from clinical.md as a person would answer them.

Each case names the expected triage, the causes that must be in the top three, and the flags, reasons,
advice and medicine cautions that must and must not appear (expected.json). The cases with
`with_flags` were written for assessment v2 before its rules were changed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from hipdesk.assessment.engine import assess
from hipdesk.assessment.model import TRIAGE_LEVELS, Assessment
from hipdesk.assessment.rulefiles import load_rules
from hipdesk.content import vocab
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import read_answers_file

FOLDER = Path(__file__).resolve().parents[1] / "vignettes"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
#: The cases with a date of birth are read on a fixed day, so the ages they imply never drift.
TODAY = dt.date(2026, 12, 1)


def _assess(questionnaire: Questionnaire, name: str) -> Assessment:
    return assess(questionnaire, read_answers_file(questionnaire, FOLDER / f"{name}.json"), today=TODAY)


def _listed(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def test_every_case_file_has_an_expectation_and_there_are_at_least_45() -> None:
    files = {path.stem for path in FOLDER.glob("*.json") if path.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 45


def test_the_cases_expect_every_level_and_every_cause(questionnaire: Questionnaire) -> None:
    assert {case["triage"] for case in EXPECTED.values()} == set(TRIAGE_LEVELS)
    assert {cause for case in EXPECTED.values() for cause in _listed(case.get("top3", []))} >= set(vocab.CAUSES)


#: Self-care, exercise, running and over-the-counter medicine suggestions: never before a doctor has seen a danger sign.
SELF_CARE_ADVICE = {"rest", "strength", "return_gradually", "gtps_load", "pain_relief", "until_visit"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_advice_fits_the_level_in_every_case(questionnaire: Questionnaire, name: str) -> None:
    result = _assess(questionnaire, name)
    applied = set(result.advice_ids)
    if result.triage in ("emergency", "urgent"):
        assert not applied & SELF_CARE_ADVICE, (name, applied)
        assert "stop_running_now" in applied
    else:
        assert "stop_running_now" not in applied and "no_weight_bearing" not in applied
        assert "rest" in applied  # self-care options where the level allows them


def test_every_rule_applies_in_at_least_one_case(questionnaire: Questionnaire) -> None:
    rules = load_rules(questionnaire)
    seen: set[str] = set()
    for name in EXPECTED:
        result = _assess(questionnaire, name)
        seen |= {flag.id for flag in result.reasons()}
        seen |= set(result.advice_ids) | set(result.caution_ids) | set(result.risk_factor_ids)
    groups = (rules.flags, rules.see_clinician, rules.advice, rules.cautions, rules.risk_factors)
    every = {rule.id for group in groups for rule in group}
    assert every - seen == set()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_case(questionnaire: Questionnaire, name: str) -> None:
    expected = EXPECTED[name]
    result = _assess(questionnaire, name)
    why = expected["about"]
    causes = [cause.id for cause in result.causes]
    flags = {flag.id for flag in result.red_flags}
    reasons = {reason.id for reason in result.see_clinician}
    assert result.triage == expected["triage"], why
    if "flags" in expected:  # the first cases list every flag they raise
        assert flags == set(expected["flags"]), why
    assert set(expected.get("with_flags", [])) <= flags, why
    assert not set(expected.get("no_flags", [])) & flags, why
    assert set(expected.get("reasons", [])) <= reasons, why
    assert not set(expected.get("no_reasons", [])) & reasons, why
    for cause in _listed(expected.get("top3", [])):
        assert cause in causes[:3], (why, causes)
    if "first" in expected:
        assert causes[0] == expected["first"], (why, causes)
    assert not set(expected.get("not_listed", [])) & set(causes), (why, causes)
    for key, applied in (("advice", result.advice_ids), ("cautions", result.caution_ids),
                         ("risk_factors", result.risk_factor_ids)):
        assert set(expected.get(key, [])) <= set(applied), (why, key, applied)
        assert not set(expected.get(f"no_{key}", [])) & set(applied), (why, key, applied)
    if "unanswered" in expected:
        assert bool(result.unanswered_warnings) == expected["unanswered"], (why, result.unanswered_warnings)
    for cause in result.causes:
        assert cause.points_towards, cause.id  # every listed cause says why
    # One next step: the most urgent level's, whatever else was raised.
    assert result.next_step is not None and result.next_step.level == result.triage
