"""A server that refuses a session: the reason is kept and shown, the session stays whole, and it goes once fixed."""

from __future__ import annotations

from hipdesk.actions.fhir_sending import Backoff, configure_server, identity_of, send_again, send_due
from hipdesk.exchange.fhir_transaction import PATIENT_SYSTEM
from hipdesk.session import now_iso
from hipdesk.storage.outbox import Outbox
from tests import samples


def test_a_refused_session_keeps_the_servers_reason_and_goes_after_the_cause_is_fixed(engine, questionnaire, store):
    configure_server(store, engine.base_url, engine.token)
    session = samples.typical_session()
    session.answers.pop("age")
    session.answers["birth_date"] = "1979-05-02"
    session.finished_at = now_iso()
    session_id = store.save_whole_session(session)
    before = store.load_session(session_id)
    # The clinic's record system already holds this person twice: the server cannot tell which one is meant.
    key = identity_of(store, before).person_key
    for _ in range(2):
        status, _ = engine.post({"resourceType": "Patient", "identifier": [{"system": PATIENT_SYSTEM, "value": key}]},
                                "Patient")
        assert status == 201

    result = send_due(store, questionnaire, backoff=Backoff(0.01, 0.01))

    assert result.refused == [session_id]
    delivery = Outbox(store).delivery(session_id)
    assert delivery is not None and delivery.state == "refused"
    assert "412" in delivery.reason and "Multiple resources found matching condition" in delivery.reason
    assert store.load_session(session_id) == before  # nothing of the session is lost or changed
    assert engine.search("QuestionnaireResponse") == []  # and nothing half-stored on the server
    assert send_due(store, questionnaire).refused == []  # not tried again by itself

    duplicate = engine.search("Patient")[1]
    engine.delete(f"Patient/{duplicate['id']}")
    send_again(store, session_id)
    assert send_due(store, questionnaire).sent == [session_id]
    (response,) = engine.search("QuestionnaireResponse")
    assert response["subject"]["reference"] == f"Patient/{engine.search('Patient')[0]['id']}"
