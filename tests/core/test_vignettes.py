"""Clinical vignettes (tests/vignettes/*.json): expected triage, red flags and a cause in the top three."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hipdesk.assessment.engine import assess
from hipdesk.assessment.rulefiles import load_flag_rules
from hipdesk.content import vocab
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import read_answers_file

FOLDER = Path(__file__).resolve().parents[1] / "vignettes"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))


def test_every_vignette_file_has_an_expectation_and_there_are_at_least_twelve() -> None:
    files = {path.stem for path in FOLDER.glob("*.json") if path.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 12


def test_the_vignettes_cover_every_red_flag_and_every_cause(questionnaire: Questionnaire) -> None:
    flags = {flag for case in EXPECTED.values() for flag in case["flags"]}
    assert flags == {rule.id for rule in load_flag_rules(questionnaire).flags}
    assert {case["top3"] for case in EXPECTED.values()} == set(vocab.CAUSES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_vignette(questionnaire: Questionnaire, name: str) -> None:
    expected = EXPECTED[name]
    result = assess(questionnaire, read_answers_file(questionnaire, FOLDER / f"{name}.json"))
    causes = [cause.id for cause in result.causes]
    assert result.triage == expected["triage"], expected["about"]
    assert sorted(flag.id for flag in result.red_flags) == sorted(expected["flags"])
    assert expected["top3"] in causes[:3], causes
    if "first" in expected:
        assert causes[0] == expected["first"], causes
    for cause in result.causes:
        assert cause.points_towards, cause.id  # every listed cause says why
