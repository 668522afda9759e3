"""What a clinic's FHIR server receives for one finished session: transaction Bundles of conditional creates.

Each resource carries an identifier that is unique across every station (this station's id plus the
session), and each entry is a create `ifNoneExist` that identifier, so sending a session again, after a
lost answer or a crash, leaves one copy on the server. In clinic mode the person is a Patient (name,
birth date, sex), created only if no Patient has their identifier. Each marked body region is an
Observation: LOINC pain score, SNOMED CT body site refined by laterality, UCUM `{score}`.

Servers limit how many conditional entries one transaction may hold (Medplum: 8), so a session with
many regions is sent as several Bundles; the first holds the Patient and the QuestionnaireResponse, the
later ones refer to them by the ids the server gave (`with_server_ids`).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from hipdesk.content.body_sites import BodySites, load_body_sites
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.fhir import SNOMED, response_resource
from hipdesk.session import RegionMark, Session

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
PAIN_SCORE = {"system": LOINC, "code": "72514-3",
              "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
LATERALITY_ATTRIBUTE = "272741003"  # SNOMED CT |Laterality (attribute)|, refines a body structure
SURVEY = {"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey", "display": "Survey"}
SESSION_SYSTEM = "urn:hipdesk:session"  # value: "<station id>/<session id>"
PATIENT_SYSTEM = "urn:hipdesk:person"  # value: a hash of name + birth date, or "<station id>/session-<id>"
#: Entries one transaction may hold when it has conditional creates (Medplum refuses more than 8).
MAX_ENTRIES = 8
_GENDERS = {"female": "female", "male": "male"}  # "Other / prefer not to say" has no one FHIR code: left out


@dataclass(frozen=True)
class Identity:
    """Who sends: the station's id (one per database, made once) and, in clinic mode, the person's key."""

    station_id: str
    person_key: str | None = None


def person_key(name: str, birth_date: str | None, station_id: str, session_id: int | None) -> str:
    """The Patient identifier value: the same person (name and birth date) gets the same key on every station,
    as the session library matches a person (case-folded name and date of birth).

    Without a birth date a name alone could join two people, so the Patient is then this session's own.
    """
    name_key = " ".join(name.casefold().split())
    if birth_date:
        return hashlib.sha256(f"{name_key}|{birth_date}".encode()).hexdigest()[:40]
    return f"{station_id}/session-{session_id}"


def session_identifier(identity: Identity, session: Session) -> dict[str, str]:
    """The QuestionnaireResponse's identifier: unique across stations."""
    return {"system": SESSION_SYSTEM, "value": f"{identity.station_id}/{session.id}"}


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}"


def _create(resource: dict[str, Any], full_url: str, identifier: dict[str, str]) -> dict[str, Any]:
    return {"fullUrl": full_url, "resource": resource, "request": {
        "method": "POST", "url": resource["resourceType"],
        "ifNoneExist": f"identifier={identifier['system']}|{identifier['value']}"}}


def _patient(session: Session, identifier: dict[str, str]) -> dict[str, Any]:
    answers = session.answers
    patient: dict[str, Any] = {"resourceType": "Patient", "identifier": [identifier],
                               "name": [{"text": str(answers["name"])}]}
    if isinstance(answers.get("birth_date"), str):
        patient["birthDate"] = answers["birth_date"]
    gender = _GENDERS.get(str(answers.get("sex")))
    if gender:
        patient["gender"] = gender
    return patient


def _body_site(sites: BodySites, mark: RegionMark) -> dict[str, Any]:
    """SNOMED CT body structure refined by laterality (a post-coordinated expression), and the region in words."""
    site = sites.regions.get(mark.region)
    side = sites.laterality[mark.side]
    text = f"{mark.side.capitalize()} {sites.name(mark.region).lower()}"
    if site is None:
        return {"text": text}
    return {"coding": [{"system": SNOMED, "code": f"{site.code}:{LATERALITY_ATTRIBUTE}={side.code}",
                        "display": f"{site.display}, {side.display.lower()}"}], "text": text}


def _observation(sites: BodySites, session: Session, mark: RegionMark, identifier: dict[str, str],
                 subject: str | None, response_url: str) -> dict[str, Any]:
    observation: dict[str, Any] = {
        "resourceType": "Observation", "identifier": [identifier], "status": "final",
        "category": [{"coding": [SURVEY]}], "code": {"coding": [PAIN_SCORE], "text": "Pain 0–10"},
        "effectiveDateTime": session.finished_at or session.updated_at,
        "valueQuantity": {"value": mark.intensity, "unit": "score", "system": UCUM, "code": "{score}"},
        "bodySite": _body_site(sites, mark), "derivedFrom": [{"reference": response_url}],
    }
    if subject:
        observation["subject"] = {"reference": subject}
    return observation


def transaction_bundles(questionnaire: Questionnaire, session: Session, identity: Identity,
                        body_sites: BodySites | None = None) -> list[dict[str, Any]]:
    """The transaction Bundles for one session, in the order they must be sent (see the module's note)."""
    sites = body_sites or load_body_sites()
    qr_identifier = session_identifier(identity, session)
    key = qr_identifier["value"]
    entries: list[dict[str, Any]] = []
    subject = None
    clinic = session.answers.get("setting") == "clinic" and bool(str(session.answers.get("name") or "").strip())
    if clinic and identity.person_key:
        patient_identifier = {"system": PATIENT_SYSTEM, "value": identity.person_key}
        subject = _urn(PATIENT_SYSTEM, identity.person_key)
        entries.append(_create(_patient(session, patient_identifier), subject, patient_identifier))
    response = response_resource(questionnaire, session, sites)
    response.pop("id", None)  # the server names it; the identifier is what stays the same
    response["identifier"] = qr_identifier
    if subject:
        response["subject"] = {"reference": subject}
    response_url = _urn(SESSION_SYSTEM, key)
    entries.append(_create(response, response_url, qr_identifier))
    for mark in session.region_list():
        identifier = {"system": SESSION_SYSTEM, "value": f"{key}/{mark.region}/{mark.side}"}
        entries.append(_create(_observation(sites, session, mark, identifier, subject, response_url),
                               _urn(SESSION_SYSTEM, identifier["value"]), identifier))
    return [{"resourceType": "Bundle", "type": "transaction", "entry": entries[start:start + MAX_ENTRIES]}
            for start in range(0, len(entries), MAX_ENTRIES)]


def server_ids(bundle: dict[str, Any], response: dict[str, Any]) -> dict[str, str]:
    """fullUrl → "Type/id" from a transaction-response (its entries follow the request's order)."""
    result = {}
    for sent, answered in zip(bundle.get("entry", []), response.get("entry", []), strict=False):
        # "Type/id", "Type/id/_history/1" or an absolute URL ending so (servers differ)
        parts = str((answered.get("response") or {}).get("location") or "").split("/")
        kind = sent["resource"]["resourceType"]
        if kind in parts[:-1]:
            result[sent["fullUrl"]] = f"{kind}/{parts[parts.index(kind) + 1]}"
    return result


def with_server_ids(bundle: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """The Bundle with references to resources of an earlier Bundle replaced by the server's ids."""
    def replace(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: (ids.get(v, v) if k == "reference" and isinstance(v, str) else replace(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [replace(v) for v in value]
        return value

    return replace(bundle)
