"""The transaction Bundles of a finished session, sent to the real FHIR engine and validated independently."""

from __future__ import annotations

from typing import Any

import pytest

from hipdesk.content import vocab
from hipdesk.exchange.fhir import QUESTIONNAIRE_URL, questionnaire_resource
from hipdesk.exchange.fhir_client import SendFailed, ServerConfig, send_bundles
from hipdesk.exchange.fhir_transaction import (
    MAX_ENTRIES,
    PATIENT_SYSTEM,
    SESSION_SYSTEM,
    Identity,
    person_key,
    transaction_bundles,
)
from tests import samples
from tests.fhir.engine import FhirEngine, validate

STATION = "station-a1"


def identity_for(session: Any) -> Identity:
    return Identity(STATION, person_key(session.answers.get("name", ""), session.answers.get("birth_date"),
                                        STATION, session.id))


def config(engine: FhirEngine) -> ServerConfig:
    return ServerConfig(engine.base_url, engine.token)


def test_a_clinic_session_is_stored_once_with_patient_and_pain_observations(engine, questionnaire):
    session = samples.typical_session()
    bundles = transaction_bundles(questionnaire, session, identity_for(session))
    assert [b["type"] for b in bundles] == ["transaction"]

    send_bundles(config(engine), bundles)
    send_bundles(config(engine), transaction_bundles(questionnaire, session, identity_for(session)))  # again

    responses = engine.search("QuestionnaireResponse", identifier=f"{SESSION_SYSTEM}|{STATION}/2")
    assert len(responses) == 1
    response = responses[0]
    assert response["questionnaire"] == f"{QUESTIONNAIRE_URL}|{questionnaire.version}"
    assert response["authored"] == "2026-11-24T10:32:00+00:00"
    patients = engine.search("Patient")
    assert len(patients) == 1
    assert patients[0]["name"] == [{"text": "Anna Müller"}]
    assert patients[0]["gender"] == "female"
    assert response["subject"] == {"reference": f"Patient/{patients[0]['id']}"}
    assert engine.search("QuestionnaireResponse", subject=f"Patient/{patients[0]['id']}") == [response]

    observations = engine.search("Observation", subject=f"Patient/{patients[0]['id']}")
    by_site = {o["bodySite"]["text"]: o for o in observations}
    assert sorted(by_site) == ["Right buttock", "Right outer hip", "Right outer thigh"]
    hip = by_site["Right outer hip"]
    assert hip["code"]["coding"][0]["system"] == "http://loinc.org"
    assert hip["code"]["coding"][0]["code"] == "72514-3"
    assert hip["valueQuantity"] == {"value": 7, "unit": "score", "system": "http://unitsofmeasure.org", "code": "{score}"}
    # SNOMED CT hip region structure, refined by |Laterality| = |Right|
    assert hip["bodySite"]["coding"][0]["code"] == "29836001:272741003=24028007"
    assert hip["derivedFrom"] == [{"reference": f"QuestionnaireResponse/{response['id']}"}]


def test_the_same_person_from_two_stations_is_one_patient(engine, questionnaire):
    session = samples.typical_session()
    session.answers.pop("age")
    session.answers["birth_date"] = "1979-05-02"
    for station in ("front-desk", "room-2"):
        key = person_key("  anna MÜLLER ", "1979-05-02", station, 9)
        send_bundles(config(engine), transaction_bundles(questionnaire, session, Identity(station, key)))
    patients = engine.search("Patient", identifier=f"{PATIENT_SYSTEM}|{person_key('Anna Müller', '1979-05-02', 'x', 1)}")
    assert len(patients) == 1
    assert patients[0]["birthDate"] == "1979-05-02"
    assert len(engine.search("QuestionnaireResponse", subject=f"Patient/{patients[0]['id']}")) == 2


def test_a_session_with_many_regions_goes_in_several_bundles_that_refer_to_the_server_ids(engine, questionnaire):
    session = samples.maximal_session(questionnaire)
    bundles = transaction_bundles(questionnaire, session, identity_for(session))
    marks = len(session.regions)
    assert marks == 2 * len(vocab.REGIONS)
    assert len(bundles) > 1 and all(len(b["entry"]) <= MAX_ENTRIES for b in bundles)

    send_bundles(config(engine), bundles)
    send_bundles(config(engine), bundles)

    (response,) = engine.search("QuestionnaireResponse", identifier=f"{SESSION_SYSTEM}|{STATION}/3")
    observations = engine.search("Observation", **{"derived-from": f"QuestionnaireResponse/{response['id']}"})
    assert len(observations) == marks
    assert len({o["identifier"][0]["value"] for o in observations}) == marks
    assert {o["subject"]["reference"] for o in observations} == {response["subject"]["reference"]}


def test_a_home_session_has_no_patient(engine, questionnaire):
    session = samples.typical_session()
    session.answers["setting"] = "home"
    send_bundles(config(engine), transaction_bundles(questionnaire, session, identity_for(session)))
    assert engine.search("Patient") == []
    (response,) = engine.search("QuestionnaireResponse")
    assert "subject" not in response


def test_a_wrong_token_is_refused_with_the_servers_reason(engine, questionnaire):
    session = samples.typical_session()
    with pytest.raises(SendFailed) as failure:
        send_bundles(ServerConfig(engine.base_url, "not-the-token"),
                     transaction_bundles(questionnaire, session, identity_for(session)))
    assert failure.value.temporary is False
    assert "401" in failure.value.reason and "Unauthorized" in failure.value.reason
    assert engine.search("QuestionnaireResponse") == []


def test_a_stopped_server_is_a_temporary_failure(engine, questionnaire):
    engine.stop()
    session = samples.typical_session()
    with pytest.raises(SendFailed) as failure:
        send_bundles(config(engine), transaction_bundles(questionnaire, session, identity_for(session)))
    assert failure.value.temporary is True
    assert "no answer" in failure.value.reason


def test_every_exported_resource_passes_medplums_validator(questionnaire):
    resources = [questionnaire_resource(questionnaire)]
    for session in (samples.minimal_session(), samples.typical_session(), samples.maximal_session(questionnaire)):
        session.status = "complete"
        for bundle in transaction_bundles(questionnaire, session, identity_for(session)):
            resources += [entry["resource"] for entry in bundle["entry"]]
    kinds = {r["resourceType"] for r in resources}
    assert kinds == {"Questionnaire", "QuestionnaireResponse", "Patient", "Observation"}
    errors = validate(resources)
    assert errors == [[] for _ in resources]
    # the validator is not blind: a broken response is reported
    broken = dict(resources[1], status="finished-ish", item=[{"linkId": "x", "answer": [{"valueInteger": "7"}]}])
    assert validate([broken]) != [[]]
