"""The questionnaire content loads, and broken content is refused with file, item and problem named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.content.resources import resource_path


def test_real_content_loads_with_unique_ids(questionnaire) -> None:
    ids = [item.id for item in questionnaire.items()]
    assert len(ids) == len(set(ids))
    assert [page.id for page in questionnaire.pages][0] == "start"
    assert {"rf_saddle_numbness", "rf_fever", "bs_previous_stress_fracture", "pain_now"} <= set(ids)


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads(resource_path("questionnaire.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "questionnaire.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _item(data: dict, item_id: str) -> dict:
    for page in data["pages"]:
        for item in page.get("items", []):
            if item["id"] == item_id:
                return item
    raise KeyError(item_id)


@pytest.mark.parametrize(
    ("change", "item", "problem"),
    [
        (lambda d: _item(d, "pain_now").update(type="slider"), "pain_now", "invalid enum value 'slider'"),
        (lambda d: _item(d, "sex").update(options=[{"id": "female", "label": "Female"}]), "sex", "at least two options"),
        (lambda d: _item(d, "age").update(id="sex"), "sex", "used twice"),
        (lambda d: _item(d, "pain_start_minutes").update(enable_when=[{"item": "no_such", "equals": "yes"}]),
         "pain_start_minutes", "unknown item 'no_such'"),
        (lambda d: _item(d, "pain_start_minutes").update(enable_when=[{"item": "pain_during_run", "equals": "often"}]),
         "pain_start_minutes", "not one of its options"),
        (lambda d: _item(d, "height_cm").update(min=300), "height_cm", "min is larger than max"),
        (lambda d: _item(d, "weight_kg").update(colour="red"), "weight_kg", "unknown field"),
        (lambda d: _item(d, "notes").update(label=" "), "notes", "label is empty"),
    ],
)
def test_broken_content_names_file_item_and_problem(tmp_path: Path, change, item: str, problem: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(ContentError) as caught:
        load_questionnaire(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"item '{item}'" in message
    assert problem.lower() in message.lower()


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "questionnaire.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ContentError, match="not valid JSON"):
        load_questionnaire(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="cannot be read"):
        load_questionnaire(tmp_path / "nope.json")


def test_adding_a_question_to_content_adds_it(tmp_path: Path) -> None:
    def add(d: dict) -> None:
        d["pages"][2]["items"].append({"id": "new_question", "type": "yesno", "label": "A new question?"})

    questionnaire = load_questionnaire(_broken(tmp_path, add))
    assert questionnaire.item("new_question").label == "A new question?"
