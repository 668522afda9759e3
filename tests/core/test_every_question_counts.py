"""Every question feeds a rule or the report (or is plainly about the session itself); every exam test counts."""

from __future__ import annotations

from hipdesk.assessment.conditions import ExamTest, ItemTest
from hipdesk.assessment.rulefiles import load_rules
from hipdesk.content import vocab
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.report.wording import load_wording

#: Questions about the session rather than the person's hip: they steer the app, not the assessment.
ABOUT_THE_SESSION = {"filled_by", "setting", "distance_unit"}
#: Used by code rather than a rule file: the age (with the date of birth), and the side findings count for.
USED_BY_THE_ENGINE = {"age", "birth_date", "painful_side", "weekly_distance", "recent_weekly_distance", "height_cm",
                      "weight_kg", "onset_date"}


def _rule_leaves(questionnaire: Questionnaire) -> list[object]:
    rules = load_rules(questionnaire)
    conditions = [rule.condition for rule in rules.flags + rules.see_clinician]
    conditions += [c for rule in rules.flags + rules.see_clinician for c in rule.supporting]
    conditions += [part for rule in rules.flags if rule.lower for part in (rule.lower.when, rule.lower.unless)]
    conditions += [p.condition for cause in rules.causes for p in cause.towards + cause.away]
    conditions += [r.condition for group in (rules.advice, rules.cautions, rules.risk_factors, rules.training_notes)
                   for r in group if r.condition is not None]
    return [leaf for condition in conditions for leaf in condition.leaves()]


def test_every_question_feeds_a_rule_or_the_report(questionnaire: Questionnaire) -> None:
    used = {leaf.item for leaf in _rule_leaves(questionnaire) if isinstance(leaf, ItemTest)}
    wording = load_wording()
    reported = set(wording.header_items + wording.pain_items + wording.training_items + wording.symptom_items
                   + wording.history_items) | {"name", "sex"}
    unused = {item.id for item in questionnaire.items()} - used - reported - ABOUT_THE_SESSION - USED_BY_THE_ENGINE
    assert unused == set()


def test_the_answers_the_issue_named_now_drive_a_rule(questionnaire: Questionnaire) -> None:
    used = {leaf.item for leaf in _rule_leaves(questionnaire) if isinstance(leaf, ItemTest)}
    for item_id in ("shoe_age_months", "pain_after_run", "sym_swelling", "sym_difficulty_walking", "hip_surgery_before"):
        assert item_id in used, item_id


def test_every_examination_test_counts_somewhere(questionnaire: Questionnaire) -> None:
    used = {leaf.test for leaf in _rule_leaves(questionnaire) if isinstance(leaf, ExamTest)}
    # The hop test is never prompted at home; it is a clinician's finding like the others.
    assert set(vocab.EXAM_TESTS) - used == set()
