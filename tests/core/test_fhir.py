"""FHIR R4 export, validated with fhir.resources (R4B models: fhir.resources 8 ships R4B, not 4.0.1 R4;
Questionnaire and QuestionnaireResponse are the same in both for what we use)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from hipdesk.exchange.fhir import SNOMED, dumps, export_bundle, questionnaire_resource, response_resource
from tests import samples

VALUE_TYPES = {"choice": {"valueCoding"}, "integer": {"valueInteger"}, "decimal": {"valueDecimal"},
               "date": {"valueDate"}, "string": {"valueString"}, "text": {"valueString"}, "quantity": {"valueQuantity"}}
UCUM = "http://unitsofmeasure.org"


def walk(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        yield from walk(item.get("item", []))


def test_questionnaire_is_valid_and_every_item_id_is_a_link_id(questionnaire):
    resource = questionnaire_resource(questionnaire)
    FhirQuestionnaire.model_validate(resource)
    link_ids = [item["linkId"] for item in walk(resource["item"])]
    assert len(link_ids) == len(set(link_ids))
    assert {item.id for item in questionnaire.items()} <= set(link_ids)
    for item in walk(resource["item"]):
        for condition in item.get("enableWhen", []):
            assert condition["question"] in link_ids


def test_questionnaire_maps_types_options_and_enable_when(questionnaire):
    items = {item["linkId"]: item for item in walk(questionnaire_resource(questionnaire)["item"])}
    assert items["sex"]["type"] == "choice"
    assert [o["valueCoding"]["code"] for o in items["painful_side"]["answerOption"]] == ["left", "right", "both"]
    assert items["surfaces"]["repeats"] is True
    assert items["pain_now"]["type"] == "integer"
    assert items["weekly_distance"]["type"] == "quantity"
    assert items["birth_date"]["type"] == "date"
    assert items["pain_run_score"]["enableWhen"] == [
        {"question": "pain_during_run", "operator": "=", "answerCoding": {"system": "urn:hipdesk:answer", "code": "yes"}}
    ]
    assert items["age"]["enableWhen"] == [{"question": "birth_date", "operator": "exists", "answerBoolean": False}]


def test_response_is_valid_and_answers_match_the_questionnaire(questionnaire):
    q_items = {i["linkId"]: i for i in walk(questionnaire_resource(questionnaire)["item"])}
    session = samples.maximal_session(questionnaire)
    resource = response_resource(questionnaire, session)
    QuestionnaireResponse.model_validate(resource)
    for item in walk(resource["item"]):
        assert item["linkId"] in q_items
        for answer in item.get("answer", []):
            assert set(answer) <= VALUE_TYPES[q_items[item["linkId"]]["type"]]
    assert resource["status"] == "completed"


def test_skipped_questions_are_left_out_of_the_response(questionnaire):
    session = samples.typical_session()
    session.answers.update({"pain_during_run": "no", "pain_run_score": 9})
    link_ids = {item["linkId"] for item in walk(response_resource(questionnaire, session)["item"])}
    assert "pain_during_run" in link_ids
    assert "pain_run_score" not in link_ids


def test_body_regions_carry_snomed_site_and_laterality(questionnaire):
    resource = response_resource(questionnaire, samples.typical_session())
    groups = [item for item in walk(resource["item"]) if item["linkId"] == "body_region"]
    assert len(groups) == 3
    first = {part["linkId"]: part["answer"][0] for part in groups[0]["item"]}
    assert first["body_region.region"]["valueCoding"]["code"] == "outer_hip"
    assert first["body_region.site"]["valueCoding"]["system"] == SNOMED
    assert first["body_region.laterality"]["valueCoding"] == {"system": SNOMED, "code": "24028007", "display": "Right"}
    assert first["body_region.intensity"] == {"valueInteger": 7}


def test_bundle_round_trips_as_valid_json_with_typed_text_intact(questionnaire):
    session = samples.maximal_session(questionnaire)
    data = dumps(export_bundle(questionnaire, session))
    Bundle.model_validate_json(data)
    parsed = json.loads(data)
    assert [e["resource"]["resourceType"] for e in parsed["entry"]] == ["Questionnaire", "QuestionnaireResponse"]
    answers = {i["linkId"]: i["answer"] for i in walk(parsed["entry"][1]["resource"]["item"]) if "answer" in i}
    assert answers["name"] == [{"valueString": samples.TRICKY_NAME}]
    assert answers["notes"] == [{"valueString": samples.TRICKY_NOTES}]


@pytest.mark.parametrize("make", [samples.minimal_session, samples.typical_session])
def test_small_sessions_validate(questionnaire, make):
    Bundle.model_validate(export_bundle(questionnaire, make()))


def test_numbers_carry_ucum_units_and_exam_pain_its_limits(questionnaire):
    items = {item["linkId"]: item for item in walk(questionnaire_resource(questionnaire)["item"])}

    def extension(link_id: str, name: str) -> list[Any]:
        return [e for e in items[link_id].get("extension", []) if e["url"].endswith(name)]

    assert extension("height_cm", "questionnaire-unit")[0]["valueCoding"] == {"system": UCUM, "code": "cm", "display": "cm"}
    assert extension("weight_kg", "questionnaire-unit")[0]["valueCoding"]["code"] == "kg"
    assert extension("years_running", "questionnaire-unit")[0]["valueCoding"]["code"] == "a"
    assert extension("exam_result.value", "questionnaire-unit")[0]["valueCoding"]["code"] == "s"
    assert [e["valueCoding"]["code"] for e in extension("weekly_distance", "unitOption")] == ["km", "[mi_i]"]
    assert [e["valueInteger"] for e in extension("exam_result.pain", "Value")] == [0, 10]
    for item in questionnaire.items():
        if item.unit:  # every unit word of the content has its UCUM code
            assert extension(item.id, "questionnaire-unit"), item.id


def test_distances_are_quantities_in_the_unit_the_person_chose(questionnaire):
    session = samples.typical_session()
    session.answers["distance_unit"] = "mi"
    answers = {i["linkId"]: i["answer"] for i in walk(response_resource(questionnaire, session)["item"]) if "answer" in i}
    assert answers["weekly_distance"] == [{"valueQuantity": {"value": 30.0, "unit": "miles", "system": UCUM,
                                                             "code": "[mi_i]"}}]


def test_the_transaction_for_a_server_validates_with_the_r4_models(questionnaire):
    """A second, independent validator of what is sent (Medplum's runs in tests/fhir)."""
    from fhir.resources.R4B.observation import Observation
    from fhir.resources.R4B.patient import Patient

    from hipdesk.exchange.fhir_transaction import Identity, transaction_bundles

    for session in (samples.typical_session(), samples.maximal_session(questionnaire)):
        for bundle in transaction_bundles(questionnaire, session, Identity("station", "person")):
            Bundle.model_validate(bundle)
            for entry in bundle["entry"]:
                model = {"Patient": Patient, "Observation": Observation,
                         "QuestionnaireResponse": QuestionnaireResponse}[entry["resource"]["resourceType"]]
                model.model_validate(entry["resource"])
