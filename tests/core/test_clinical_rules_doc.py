"""docs/clinical-rules.md explains every rule with its source and is regenerated from the rule files."""

from __future__ import annotations

from pathlib import Path

from hipdesk.assessment.explain import render
from hipdesk.assessment.rulefiles import load_rules
from hipdesk.content import vocab
from hipdesk.content.questionnaire import Questionnaire

DOC = Path(__file__).resolve().parents[2] / "docs" / "clinical-rules.md"


def test_the_document_is_up_to_date(questionnaire: Questionnaire) -> None:
    expected = render(questionnaire, load_rules(questionnaire))
    assert DOC.read_text(encoding="utf-8") == expected, (
        "docs/clinical-rules.md is out of date: run `python -m hipdesk.assessment.explain > docs/clinical-rules.md`"
    )


def test_every_rule_and_cause_is_explained_with_a_source(questionnaire: Questionnaire) -> None:
    text = DOC.read_text(encoding="utf-8")
    rules = load_rules(questionnaire)
    for group in (rules.flags, rules.see_clinician, rules.advice, rules.cautions, rules.risk_factors, rules.training_notes):
        for rule in group:
            assert f"`{rule.id}`" in text and rule.source in text
    for cause in vocab.CAUSES:
        assert f"### `{cause}`" in text
