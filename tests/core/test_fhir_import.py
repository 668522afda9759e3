"""QuestionnaireResponses from other FHIR form clients come in with the answers file's checks; HipDesk →
QuestionnaireResponse → HipDesk gives the same session."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from hipdesk.cli import main as cli
from hipdesk.content.branching import effective_answers
from hipdesk.exchange.fhir import export_bundle, response_resource
from hipdesk.exchange.fhir_import import FhirImportError, response_to_session
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore
from tests import samples


def same(a: Session, b: Session, questionnaire) -> None:
    assert b.answers == effective_answers(questionnaire, a.answers)
    assert b.regions == a.regions
    assert b.exam == a.exam
    assert (b.status, b.finished_at) == (a.status, a.finished_at)


def find(items: list[dict[str, Any]], link_id: str) -> dict[str, Any]:
    for item in items:
        if item["linkId"] == link_id:
            return item
        found = find(item.get("item", []), link_id) if item.get("item") else None
        if found:
            return found
    return {}


@pytest.mark.parametrize("kind", ["typical", "maximal"])
def test_hipdesk_to_questionnaire_response_and_back_gives_the_same_session(questionnaire, kind):
    session = samples.typical_session() if kind == "typical" else samples.maximal_session(questionnaire)
    same(session, response_to_session(questionnaire, response_resource(questionnaire, session)), questionnaire)
    same(session, response_to_session(questionnaire, export_bundle(questionnaire, session)), questionnaire)


def test_distances_in_miles_come_back_in_miles(questionnaire):
    session = samples.typical_session()
    session.answers["distance_unit"] = "mi"
    back = response_to_session(questionnaire, response_resource(questionnaire, session))
    assert (back.answers["distance_unit"], back.answers["weekly_distance"]) == ("mi", 30.0)


def test_a_bare_response_as_a_form_client_writes_it_is_read(questionnaire):
    """No page groups, no texts, an in-progress form: what a plain form renderer may post."""
    response = {"resourceType": "QuestionnaireResponse", "status": "in-progress",
                "questionnaire": "http://fhir.hipdesk.example.org/Questionnaire/hipdesk",
                "item": [{"linkId": "setting", "answer": [{"valueCoding": {"code": "clinic"}}]},
                         {"linkId": "pain_now", "answer": [{"valueInteger": 5}]},
                         {"linkId": "surfaces", "answer": [{"valueCoding": {"code": "road"}},
                                                           {"valueCoding": {"code": "trail"}}]}]}
    session = response_to_session(questionnaire, response)
    assert session.status == "draft"
    assert session.answers == {"setting": "clinic", "pain_now": 5, "surfaces": ["road", "trail"]}


def _broken(questionnaire, change) -> dict[str, Any]:
    response = copy.deepcopy(response_resource(questionnaire, samples.typical_session()))
    change(response)
    return response


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r.update(questionnaire="http://other.example/Questionnaire/x"), "is not HipDesk's Questionnaire"),
    (lambda r: r.update(questionnaire=r["questionnaire"].split("|")[0] + "|99"), "answers to version 99"),
    (lambda r: r.update(status="entered-in-error"), "status: 'entered-in-error'"),
    (lambda r: r["item"][0]["item"].append({"linkId": "shoe_size", "answer": [{"valueInteger": 9}]}),
     "unknown linkId 'shoe_size'"),
    (lambda r: find(r["item"], "pain_now").update(answer=[{"valueInteger": 11}]), "pain_now: Enter a number from 0 to 10"),
    (lambda r: find(r["item"], "sex").update(answer=[{"valueCoding": {"code": "robot"}}]), "answers.sex"),
    (lambda r: r.update(authored="2999-01-01T10:00:00+00:00"), "authored: '2999-01-01T10:00:00[+]00:00' is in the future"),
    (lambda r: find(r["item"], "body_region")["item"][-1].update(answer=[{"valueInteger": 12}]), "intensity must be 0–10"),
    (lambda r: find(r["item"], "weekly_distance").update(
        answer=[{"valueQuantity": {"value": 3, "system": "http://unitsofmeasure.org", "code": "m"}}]), "km or miles"),
])
def test_a_response_hipdesk_cannot_take_is_refused_naming_the_place(questionnaire, change, message):
    with pytest.raises(FhirImportError, match=message):
        response_to_session(questionnaire, _broken(questionnaire, change))


def test_hipdesk_import_fhir_stores_the_response_as_a_new_session(questionnaire, tmp_path: Path, capsys):
    session = samples.typical_session()
    path = tmp_path / "response.json"
    path.write_text(json.dumps(response_resource(questionnaire, session)), encoding="utf-8")
    db = tmp_path / "hipdesk.db"
    assert cli.main(["--db", str(db), "import-fhir", str(path)]) == 0
    new_id = int(capsys.readouterr().out)
    store = SessionStore(db)
    try:
        same(session, store.load_session(new_id), questionnaire)
    finally:
        store.close()


def test_hipdesk_import_fhir_refuses_a_bad_file_with_a_message_and_stores_nothing(tmp_path: Path, capsys):
    path = tmp_path / "patient.json"
    path.write_text('{"resourceType": "Patient"}', encoding="utf-8")
    db = tmp_path / "hipdesk.db"
    assert cli.main(["--db", str(db), "import-fhir", str(path)]) == 2
    assert "resourceType must be QuestionnaireResponse" in capsys.readouterr().err
    store = SessionStore(db)
    try:
        assert store.list_sessions() == []
    finally:
        store.close()
