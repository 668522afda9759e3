"""FHIR R4 export: a Questionnaire generated from the content, and a session's QuestionnaireResponse.

Every question's `linkId` is its stable item id. Pages become groups. Body-map marks and exam results
are repeating groups (`body_region`, `exam_result`) whose answers carry SNOMED CT body-site and
laterality codes. Numbers with a unit carry it as UCUM (`questionnaire-unit`); distances are
quantities in km or miles, as the person chose. `export_bundle` puts both resources in one
`collection` Bundle (what `hipdesk export-fhir` writes); `hipdesk.exchange.fhir_transaction` builds
what is sent to a clinic's server.
"""

from __future__ import annotations

import uuid
from typing import Any

import msgspec

from hipdesk import __version__
from hipdesk.content import vocab
from hipdesk.content.body_sites import BodySites, load_body_sites, readable_id
from hipdesk.content.branching import effective_answers
from hipdesk.content.exam_tests import exam_test_name
from hipdesk.content.questionnaire import Condition, Item, Questionnaire
from hipdesk.exchange.fhir_check import FhirOutputInvalid, check_bundle
from hipdesk.exchange.fhir_errors import FhirExportError
from hipdesk.exchange.fhir_units import SECONDS, distance_quantity, ucum_coding, unit_options
from hipdesk.session import EXAM_OUTCOMES, SIDES, Session

SNOMED = "http://snomed.info/sct"
# Local code systems for HipDesk's own ids (a URN: no web address is implied or contacted).
ANSWER_SYSTEM = "urn:hipdesk:answer"
REGION_SYSTEM = "urn:hipdesk:body-region"
EXAM_TEST_SYSTEM = "urn:hipdesk:exam-test"
EXAM_RESULT_SYSTEM = "urn:hipdesk:exam-result"
#: The Questionnaire's canonical URL: an identifier, never fetched (example.org is reserved for no one's site).
QUESTIONNAIRE_URL = "http://fhir.hipdesk.example.org/Questionnaire/hipdesk"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
UNIT_OPTION = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption"

REGION_GROUP = "body_region"
EXAM_GROUP = "exam_result"

_TYPES = {"yesno": "choice", "choice": "choice", "multi": "choice", "integer": "integer", "scale": "integer",
          "number": "decimal", "distance": "quantity", "date": "date", "text": "string"}


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _option_codings(questionnaire: Questionnaire, item: Item) -> list[dict[str, str]]:
    return [_coding(ANSWER_SYSTEM, option_id, questionnaire.answer_label(item, option_id)) for option_id in item.option_ids()]


def _answer_value(questionnaire: Questionnaire, item: Item, value: Any, distance_unit: str = "km") -> dict[str, Any]:
    """One answer[x] for a scalar value of `item` (a distance in the session's unit)."""
    kind = _TYPES[item.type]
    if kind == "quantity":
        return {"valueQuantity": distance_quantity(float(value), distance_unit)}
    if kind == "choice":
        return {"valueCoding": _coding(ANSWER_SYSTEM, str(value), questionnaire.answer_label(item, value))}
    if kind == "integer":
        return {"valueInteger": int(value)}
    if kind == "decimal":
        return {"valueDecimal": float(value)}
    if kind == "date":
        return {"valueDate": str(value)}
    return {"valueString": str(value)}


def _enable_when(questionnaire: Questionnaire, item: Item) -> list[dict[str, Any]]:
    index = questionnaire.item_index()
    result: list[dict[str, Any]] = []
    for condition in item.enable_when:
        target = index[condition.item]
        result += _condition(questionnaire, item, target, condition)
    return result


def _condition(questionnaire: Questionnaire, item: Item, target: Item, condition: Condition) -> list[dict[str, Any]]:
    def compare(operator: str, value: Any) -> dict[str, Any]:
        answer = _answer_value(questionnaire, target, value)
        key, payload = next(iter(answer.items()))
        if key == "valueCoding":
            payload = {"system": payload["system"], "code": payload["code"]}
        return {"question": target.id, "operator": operator, key.replace("value", "answer", 1): payload}

    if condition.answered is not None:
        return [{"question": target.id, "operator": "exists", "answerBoolean": condition.answered}]
    if condition.equals is not None:
        return [compare("=", condition.equals)]
    if condition.contains is not None:
        return [compare("=", condition.contains)]  # "=" on a repeating answer holds when any answer matches
    if condition.at_least is not None:
        return [compare(">=", condition.at_least)]
    if condition.one_of is not None:
        if len(item.enable_when) != 1:
            raise FhirExportError(f"item '{item.id}': 'one_of' beside other conditions has no FHIR enableWhen form")
        return [compare("=", value) for value in condition.one_of]
    raise FhirExportError(f"item '{item.id}': a condition without an operator")


def _question(questionnaire: Questionnaire, item: Item) -> dict[str, Any]:
    entry: dict[str, Any] = {"linkId": item.id, "text": item.label, "type": _TYPES[item.type]}
    if item.type == "text" and item.multiline:
        entry["type"] = "text"
    if item.required:
        entry["required"] = True
    if item.type == "multi":
        entry["repeats"] = True
    if _TYPES[item.type] == "choice":
        entry["answerOption"] = [{"valueCoding": coding} for coding in _option_codings(questionnaire, item)]
    if item.type == "text":
        entry["maxLength"] = item.max_length
    if _TYPES[item.type] == "quantity":
        entry["extension"] = [{"url": UNIT_OPTION, "valueCoding": coding} for coding in unit_options()]
    if _TYPES[item.type] in ("integer", "decimal"):
        extensions: list[dict[str, Any]] = []
        if item.unit:
            extensions.append({"url": UNIT, "valueCoding": ucum_coding(item.unit)})
        for url, bound in ((MIN_VALUE, item.min), (MAX_VALUE, item.max)):
            if bound is not None:
                key = "valueInteger" if _TYPES[item.type] == "integer" else "valueDecimal"
                extensions.append({"url": url, key: int(bound) if key == "valueInteger" else float(bound)})
        if extensions:
            entry["extension"] = extensions
    if item.enable_when:
        entry["enableWhen"] = _enable_when(questionnaire, item)
        if len(entry["enableWhen"]) > 1:
            one_of = any(condition.one_of is not None for condition in item.enable_when)
            entry["enableBehavior"] = "any" if one_of else item.enable_behavior
    return entry


def _region_group(sites: BodySites) -> dict[str, Any]:
    codes = {site.code: site.display for site in sites.regions.values()}
    return {
        "linkId": REGION_GROUP, "text": "Painful body region", "type": "group", "repeats": True,
        "item": [
            {"linkId": f"{REGION_GROUP}.region", "text": "Region", "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _coding(REGION_SYSTEM, region, sites.name(region))} for region in vocab.REGIONS]},
            {"linkId": f"{REGION_GROUP}.site", "text": "Body site", "type": "choice",
             "answerOption": [{"valueCoding": _coding(SNOMED, code, display)} for code, display in codes.items()]},
            {"linkId": f"{REGION_GROUP}.laterality", "text": "Side", "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _coding(SNOMED, sites.laterality[side].code, sites.laterality[side].display)}
                              for side in SIDES]},
            {"linkId": f"{REGION_GROUP}.intensity", "text": "Pain 0–10", "type": "integer",
             "extension": [{"url": MIN_VALUE, "valueInteger": 0}, {"url": MAX_VALUE, "valueInteger": 10}]},
        ],
    }


def _exam_group(sites: BodySites, exam_names: dict[str, str] | None) -> dict[str, Any]:
    return {
        "linkId": EXAM_GROUP, "text": "Examination test result", "type": "group", "repeats": True,
        "item": [
            {"linkId": f"{EXAM_GROUP}.test", "text": "Test", "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _coding(EXAM_TEST_SYSTEM, test, exam_test_name(test, exam_names))}
                              for test in vocab.EXAM_TESTS]},
            {"linkId": f"{EXAM_GROUP}.laterality", "text": "Side", "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _coding(SNOMED, sites.laterality[side].code, sites.laterality[side].display)}
                              for side in SIDES]},
            {"linkId": f"{EXAM_GROUP}.result", "text": "Result", "type": "choice", "required": True,
             "answerOption": [{"valueCoding": _coding(EXAM_RESULT_SYSTEM, outcome, readable_id(outcome))}
                              for outcome in EXAM_OUTCOMES]},
            {"linkId": f"{EXAM_GROUP}.pain", "text": "Pain on the test 0–10", "type": "integer",
             "extension": [{"url": MIN_VALUE, "valueInteger": 0}, {"url": MAX_VALUE, "valueInteger": 10}]},
            {"linkId": f"{EXAM_GROUP}.value", "text": "Measured value (seconds for the single-leg stance)",
             "type": "decimal", "extension": [{"url": UNIT, "valueCoding": ucum_coding(SECONDS)},
                                              {"url": MIN_VALUE, "valueDecimal": 0.0}]},
        ],
    }


def questionnaire_resource(
    questionnaire: Questionnaire, body_sites: BodySites | None = None, exam_names: dict[str, str] | None = None
) -> dict[str, Any]:
    """The FHIR Questionnaire for the content: one group per page, each question with linkId = item id."""
    sites = body_sites or load_body_sites()
    groups = []
    for page in questionnaire.pages:
        children = [_question(questionnaire, item) for item in page.items]
        if page.kind == "bodymap":
            children.append(_region_group(sites))
        if page.kind == "exam":
            children.append(_exam_group(sites, exam_names))
        if children:
            groups.append({"linkId": f"page.{page.id}", "text": page.title, "type": "group", "item": children})
    return {
        "resourceType": "Questionnaire",
        "id": "hipdesk",
        "url": QUESTIONNAIRE_URL,
        "version": str(questionnaire.version),
        "name": "HipDesk",
        "title": questionnaire.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": questionnaire.disclaimer,
        "item": groups,
    }


def _answers_for(questionnaire: Questionnaire, item: Item, value: Any, distance_unit: str) -> list[dict[str, Any]]:
    values = value if item.type == "multi" and isinstance(value, list) else [value]
    return [_answer_value(questionnaire, item, v, distance_unit) for v in values]


def response_resource(
    questionnaire: Questionnaire,
    session: Session,
    body_sites: BodySites | None = None,
    exam_names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The session as a QuestionnaireResponse: only answers to questions that applied; marks and exam as groups."""
    sites = body_sites or load_body_sites()
    answers = effective_answers(questionnaire, session.answers)
    distance_unit = str(answers.get("distance_unit", "km"))
    groups = []
    for page in questionnaire.pages:
        children: list[dict[str, Any]] = []
        for item in page.items:
            if item.id in answers:
                children.append({"linkId": item.id, "text": item.label,
                                 "answer": _answers_for(questionnaire, item, answers[item.id], distance_unit)})
        if page.kind == "bodymap":
            for mark in session.region_list():
                site = sites.regions.get(mark.region)
                side = sites.laterality[mark.side]
                parts = [{"linkId": f"{REGION_GROUP}.region", "answer": [
                    {"valueCoding": _coding(REGION_SYSTEM, mark.region, sites.name(mark.region))}]}]
                if site is not None:
                    parts.append({"linkId": f"{REGION_GROUP}.site",
                                  "answer": [{"valueCoding": _coding(SNOMED, site.code, site.display)}]})
                parts.append({"linkId": f"{REGION_GROUP}.laterality",
                              "answer": [{"valueCoding": _coding(SNOMED, side.code, side.display)}]})
                parts.append({"linkId": f"{REGION_GROUP}.intensity", "answer": [{"valueInteger": mark.intensity}]})
                children.append({"linkId": REGION_GROUP, "item": parts})
        if page.kind == "exam":
            for result in session.exam_list():
                side = sites.laterality[result.side]
                parts = [
                    {"linkId": f"{EXAM_GROUP}.test", "answer": [{"valueCoding": _coding(
                        EXAM_TEST_SYSTEM, result.test, exam_test_name(result.test, exam_names))}]},
                    {"linkId": f"{EXAM_GROUP}.laterality", "answer": [{"valueCoding": _coding(SNOMED, side.code, side.display)}]},
                    {"linkId": f"{EXAM_GROUP}.result", "answer": [{"valueCoding": _coding(
                        EXAM_RESULT_SYSTEM, result.result, readable_id(result.result))}]},
                ]
                if result.pain is not None:
                    parts.append({"linkId": f"{EXAM_GROUP}.pain", "answer": [{"valueInteger": result.pain}]})
                if result.value is not None:
                    parts.append({"linkId": f"{EXAM_GROUP}.value", "answer": [{"valueDecimal": float(result.value)}]})
                children.append({"linkId": EXAM_GROUP, "item": parts})
        if children:
            groups.append({"linkId": f"page.{page.id}", "text": page.title, "item": children})
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{QUESTIONNAIRE_URL}|{questionnaire.version}",
        "status": "completed" if session.status == "complete" else "in-progress",
        "authored": session.finished_at or session.updated_at or session.created_at,
        "item": groups,
    }
    if session.id is not None:
        resource["id"] = f"session-{session.id}"
    return resource


def export_bundle(questionnaire: Questionnaire, session: Session, **options: Any) -> dict[str, Any]:
    """A `collection` Bundle holding the Questionnaire and the session's QuestionnaireResponse.

    The bundle is checked before it is returned (FhirExportError when a value is not valid FHIR).
    """
    seed = f"{session.id}|{session.created_at}"
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "meta": {"tag": [{"system": "urn:hipdesk:export", "code": f"hipdesk-{__version__}"}]},
        "entry": [
            {"fullUrl": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{QUESTIONNAIRE_URL}|{questionnaire.version}')}",
             "resource": questionnaire_resource(questionnaire, **options)},
            {"fullUrl": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'urn:hipdesk:session|' + seed)}",
             "resource": response_resource(questionnaire, session, **options)},
        ],
    }
    try:
        check_bundle(bundle)
    except FhirOutputInvalid as error:
        raise FhirExportError(f"the export would not be valid FHIR, so it was not written: {error}.") from None
    return bundle


def dumps(resource: dict[str, Any]) -> bytes:
    """UTF-8 JSON, indented, characters kept as typed."""
    return msgspec.json.format(msgspec.json.encode(resource), indent=2)
