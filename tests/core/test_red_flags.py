"""Red flags: every rule can be raised, cites its answers, and 'unsure' never lowers urgency."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hipdesk.assessment import TRIAGE_LEVELS, raised_red_flags
from hipdesk.assessment.conditions import RuleError
from hipdesk.assessment.rulefiles import load_flag_rules
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.resources import resource_path
from hipdesk.session import ExamResult, RegionMark, Session

#: The fewest answers that raise each red flag (the regions/exam key holds body-map and exam entries).
TRIGGERS: dict[str, dict[str, Any]] = {
    "fracture_after_fall": {"bear_weight": "cannot", "fall_or_blow": "yes"},
    "leg_deformed": {"rf_leg_deformed": "yes"},
    "septic_arthritis": {"rf_fever": "yes", "rf_hot_swollen_joint": "yes"},
    "cauda_equina": {"rf_saddle_numbness": "yes"},
    "femoral_stress_fracture": {"sym_groin_pain": "yes", "pain_on_impact": "yes"},
    "cannot_bear_weight": {"bear_weight": "cannot", "onset": "gradual", "fall_or_blow": "no"},
    "progressive_weakness": {"rf_progressive_weakness": "yes"},
    "steroids_avn": {"med_steroids": "yes"},
    "serious_illness": {"rf_weight_loss": "yes"},
    "older_adult_fall": {"fall_or_blow": "yes", "age": 70, "pain_now": 3},
    "growth_plate": {"age": 13, "limping": "yes", "sym_groin_pain": "yes"},
    "apophyseal_avulsion": {"age": 15, "onset": "sudden", "onset_sprint_kick": "yes"},
}
OTHER_TRIGGERS = {
    "cauda_equina": ["rf_bladder_bowel", "rf_sexual_dysfunction", "rf_both_legs_back_pain"],
    "serious_illness": ["rf_cancer_history", "rf_night_sweats", "rf_constant_night_pain"],
}


def level_index(questionnaire: Questionnaire, answers: dict[str, Any], **extra: Any) -> int:
    """Urgency as an index into TRIAGE_LEVELS (no flag = self_care)."""
    flags = raised_red_flags(questionnaire, Session(answers=answers, **extra))
    return TRIAGE_LEVELS.index(flags[0].level) if flags else len(TRIAGE_LEVELS) - 1


def test_every_rule_has_a_trigger(questionnaire: Questionnaire) -> None:
    assert {rule.id for rule in load_flag_rules(questionnaire).flags} == set(TRIGGERS)


@pytest.mark.parametrize("flag_id", sorted(TRIGGERS))
def test_each_flag_is_raised_and_cites_its_answers(questionnaire: Questionnaire, flag_id: str) -> None:
    answers = TRIGGERS[flag_id]
    flags = {flag.id: flag for flag in raised_red_flags(questionnaire, Session(answers=dict(answers)))}
    assert flag_id in flags
    cited = {e.ref.removeprefix("value:") for e in flags[flag_id].because}
    assert cited <= set(answers) and cited, flags[flag_id].because
    answered = [e for e in flags[flag_id].because if not e.ref.startswith("value:")]
    assert all(" — " in e.text for e in answered)  # question and answer in words
    assert flags[flag_id].action and flags[flag_id].source


@pytest.mark.parametrize("flag_id", sorted(TRIGGERS))
def test_unsure_never_gives_lower_urgency_than_no_or_unanswered(questionnaire: Questionnaire, flag_id: str) -> None:
    base = TRIGGERS[flag_id]
    yesno = [key for key, value in base.items() if value == "yes"]
    assert yesno or flag_id in ("cannot_bear_weight",)
    for item_id in yesno:
        unsure = level_index(questionnaire, {**base, item_id: "unsure"})
        no = level_index(questionnaire, {**base, item_id: "no"})
        unanswered = level_index(questionnaire, {k: v for k, v in base.items() if k != item_id})
        assert unsure <= no and unsure <= unanswered, item_id
        assert unsure == level_index(questionnaire, base), f"'unsure' to {item_id} must count like 'yes'"


@pytest.mark.parametrize(("flag_id", "item_id"), [(f, i) for f, items in OTHER_TRIGGERS.items() for i in items])
def test_every_question_of_a_flag_raises_it(questionnaire: Questionnaire, flag_id: str, item_id: str) -> None:
    for answer in ("yes", "unsure"):
        flags = raised_red_flags(questionnaire, Session(answers={item_id: answer}))
        assert [f.id for f in flags] == [flag_id]


def test_unsure_on_every_yes_no_question_never_lowers_urgency(questionnaire: Questionnaire) -> None:
    """Across every trigger, flipping any yes/no answer between no, unsure and unanswered."""
    yesno_items = [item.id for item in questionnaire.items() if item.type == "yesno"]
    for base in TRIGGERS.values():
        for item_id in yesno_items:
            unsure = level_index(questionnaire, {**base, item_id: "unsure"})
            assert unsure <= level_index(questionnaire, {**base, item_id: "no"}), item_id
            assert unsure <= level_index(questionnaire, {k: v for k, v in base.items() if k != item_id}), item_id


def test_most_urgent_first_and_conflicts_keep_the_higher_urgency(questionnaire: Questionnaire) -> None:
    # "can walk normally" and "the leg looks deformed" conflict: the emergency stands.
    answers = {"bear_weight": "normal", "rf_leg_deformed": "yes", "med_steroids": "yes"}
    flags = raised_red_flags(questionnaire, Session(answers=answers))
    assert [f.level for f in flags] == ["emergency", "urgent"]
    assert flags[0].id == "leg_deformed"


def test_nothing_raised_for_a_quiet_session(questionnaire: Questionnaire) -> None:
    answers = {"bear_weight": "normal", "fall_or_blow": "no", "rf_fever": "no", "pain_lying_on_side": "yes"}
    assert raised_red_flags(questionnaire, Session(answers=answers)) == []


def test_body_map_and_exam_raise_the_stress_fracture_flag(questionnaire: Questionnaire) -> None:
    session = Session(answers={})
    session.regions[("groin", "right")] = RegionMark("groin", "right", 6)
    session.exam[("hop", "right")] = ExamResult("hop", "right", "positive", pain=7)
    [flag] = raised_red_flags(questionnaire, session)
    assert flag.id == "femoral_stress_fracture"
    assert [e.text for e in flag.because] == [
        "Body map: right groin / front of hip, 6/10",
        "Examination: hop test (right): positive, pain 7/10",
    ]


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(resource_path("rules"), folder)
    return folder


def _edit_flag(folder: Path, flag_id: str, **changes: Any) -> None:
    path = folder / "red_flags.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for rule in data["flags"]:
        if rule["id"] == flag_id:
            rule.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("condition", "problem"),
    [
        ({"item": "rf_fever", "equals": "yes"}, "'unsure' must count like 'yes'"),
        ({"not": {"item": "rf_fever", "equals": "no"}}, "may not use 'not'"),
        ({"item": "no_such_question", "equals": "yes"}, "unknown question id 'no_such_question'"),
        ({"item": "bear_weight", "equals": "maybe"}, "'bear_weight' has no answer 'maybe'"),
        ({"region": "elbow"}, "unknown region 'elbow'"),
        ({"exam": "hop", "result": "sore"}, "result 'positive' or 'negative'"),
        ({"value": "shoe_size", "at_least": 3}, "unknown computed value 'shoe_size'"),
        ({"item": "rf_fever", "equals": "yes", "one_of": ["yes"]}, "exactly one of"),
    ],
)
def test_a_broken_rule_is_refused_naming_file_and_rule(
    questionnaire: Questionnaire, tmp_path: Path, condition: dict[str, Any], problem: str
) -> None:
    folder = _copy_rules(tmp_path)
    _edit_flag(folder, "leg_deformed", condition=condition)
    with pytest.raises(RuleError) as caught:
        load_flag_rules(questionnaire, folder)
    message = str(caught.value)
    assert "red_flags.json" in message and "rule 'leg_deformed'" in message and problem in message


def test_a_rule_file_that_is_not_json_is_refused(questionnaire: Questionnaire, tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    (folder / "red_flags.json").write_text("{ nope", encoding="utf-8")
    with pytest.raises(RuleError, match="red_flags.json.*not valid JSON"):
        load_flag_rules(questionnaire, folder)
