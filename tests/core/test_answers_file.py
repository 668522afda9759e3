"""The JSON answers file: round trip through the store, and clear refusals."""

from __future__ import annotations

import json

import pytest

from hipdesk.actions.editing import SessionEditor
from hipdesk.exchange.answers_file import AnswersFileError, dumps, loads
from hipdesk.session import ExamResult


def make_session(store, questionnaire):
    editor = SessionEditor(store, questionnaire, store.create_session({"distance_unit": "mi"}))
    for item_id, value in {
        "filled_by": "patient", "setting": "clinic", "name": 'Zoë "Z" <Ω> 王', "age": "38", "sex": "female",
        "painful_side": "left", "weekly_distance": "25", "recent_weekly_distance": "40", "surfaces": ["road", "downhill"],
        "pain_during_run": "no", "bear_weight": "painful", "pain_now": 4, "pain_worst": 7, "sym_swelling": "unsure",
        "notes": "line one\nline two & more",
    }.items():
        editor.set_answer(item_id, value)
    editor.set_region("outer_hip", "left", 6)
    editor.set_region("outer_thigh", "left", 3)
    editor.set_exam(ExamResult("single_leg_stance_30s", "left", "positive", 5, 18.5))
    editor.set_exam(ExamResult("trochanter_palpation", "left", "positive", 6))
    return editor


def test_round_trip_through_file_and_store(store, questionnaire) -> None:
    editor = make_session(store, questionnaire)
    original = store.load_session(editor.session_id)
    data = dumps(questionnaire, original)
    parsed = json.loads(data)
    assert parsed["answers"]["weekly_distance"] == 25.0 and parsed["answers"]["distance_unit"] == "mi"
    assert "pain_start_minutes" in parsed["not_asked"] and "pain_start_minutes" not in parsed["answers"]
    assert {"region": "outer_hip", "side": "left", "intensity": 6} in parsed["regions"]

    imported = loads(questionnaire, data)
    new_id = store.save_whole_session(imported)
    again = store.load_session(new_id)
    assert again.answers == original.answers
    assert again.regions == original.regions
    assert again.exam == original.exam
    assert dumps(questionnaire, again) == data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["answers"].update(favourite_colour="blue"), "unknown item id 'favourite_colour'"),
        (lambda d: d["answers"].update(age=400), "answers.age: Enter a number from 10 to 110"),
        (lambda d: d["answers"].update(sex="banana"), "answers.sex"),
        (lambda d: d["regions"].append({"region": "elbow", "side": "left", "intensity": 2}), "unknown region id 'elbow'"),
        (lambda d: d["regions"].append({"region": "groin", "side": "middle", "intensity": 2}), "regions"),
        (lambda d: d["exam"].append({"test": "x_ray", "side": "left", "result": "positive"}), "unknown test id 'x_ray'"),
        (lambda d: d.update(format="other"), "'format' must be"),
        (lambda d: d.update(format_version=9), "format_version 9"),
        (lambda d: d.update(extra=1), "unknown field"),
    ],
)
def test_bad_files_are_refused_with_a_reason(store, questionnaire, change, message) -> None:
    editor = make_session(store, questionnaire)
    data = json.loads(dumps(questionnaire, store.load_session(editor.session_id)))
    change(data)
    with pytest.raises(AnswersFileError) as caught:
        loads(questionnaire, json.dumps(data))
    assert message in str(caught.value)


def test_malformed_json_is_refused(questionnaire) -> None:
    with pytest.raises(AnswersFileError, match="not valid JSON"):
        loads(questionnaire, b"{\"format\": ")
    with pytest.raises(AnswersFileError, match="wrong content"):
        loads(questionnaire, b"[" * 100_000)
    deep = b'{"format": "hipdesk-answers", "format_version": 1, "answers": {"notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
    with pytest.raises(AnswersFileError):
        loads(questionnaire, deep)
    with pytest.raises(AnswersFileError, match="too large"):
        loads(questionnaire, b" " * 3_000_000)
