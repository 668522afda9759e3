"""Answers in from other FHIR form clients: a QuestionnaireResponse for HipDesk's Questionnaire → a Session.

The response may come alone or in a Bundle (HipDesk's own export, a transaction). Its values are read
by linkId (the stable item ids) and then checked by the answers file's `checked_session`, so a FHIR
response gets exactly the checks an answers file gets. Anything HipDesk's Questionnaire does not hold
is refused by name rather than dropped.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec

from hipdesk.content.body_sites import load_body_sites
from hipdesk.content.questionnaire import Item, Questionnaire
from hipdesk.content.validation import shown_value
from hipdesk.exchange.answers_file import MAX_BYTES, AnswersFileError, checked_session
from hipdesk.exchange.fhir import EXAM_GROUP, QUESTIONNAIRE_URL, REGION_GROUP
from hipdesk.exchange.fhir_units import distance_unit_of
from hipdesk.session import ExamResult, RegionMark, Session

_COMPLETE = {"completed": "complete", "amended": "complete", "in-progress": "draft"}
_SCALAR_KEYS = ("valueInteger", "valueDecimal", "valueDate", "valueString")


class FhirImportError(AnswersFileError):
    """The file is not a QuestionnaireResponse HipDesk can take; the message says where and why."""


def _response_in(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise FhirImportError("not a FHIR resource (a JSON object with resourceType).")
    if document.get("resourceType") == "Bundle":
        for entry in document.get("entry") or []:
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if isinstance(resource, dict) and resource.get("resourceType") == "QuestionnaireResponse":
                return resource
        raise FhirImportError("the Bundle holds no QuestionnaireResponse.")
    if document.get("resourceType") != "QuestionnaireResponse":
        raise FhirImportError(f"resourceType must be QuestionnaireResponse, not '{shown_value(document.get('resourceType'))}'.")
    return document


def _check_questionnaire(response: dict[str, Any], questionnaire: Questionnaire) -> None:
    canonical = str(response.get("questionnaire") or "")
    url, _, version = canonical.partition("|")
    if url != QUESTIONNAIRE_URL:
        raise FhirImportError(f"questionnaire: '{shown_value(canonical)}' is not HipDesk's Questionnaire ({QUESTIONNAIRE_URL}).")
    if version and version != str(questionnaire.version):
        raise FhirImportError(f"questionnaire: answers to version {shown_value(version)}; this HipDesk has version "
                              f"{questionnaire.version}.")


def _one(answers: list[Any], where: str) -> dict[str, Any]:
    if len(answers) != 1 or not isinstance(answers[0], dict):
        raise FhirImportError(f"{where}: exactly one answer expected.")
    return answers[0]


def _code(answer: dict[str, Any], where: str) -> str:
    coding = answer.get("valueCoding")
    if not isinstance(coding, dict) or not isinstance(coding.get("code"), str):
        raise FhirImportError(f"{where}: a coded answer (valueCoding) expected.")
    return str(coding["code"])


def _scalar(item: Item, answer: dict[str, Any], where: str, units: list[str]) -> Any:
    if item.type in ("yesno", "choice", "multi"):
        return _code(answer, where)
    if "valueQuantity" in answer and item.type == "distance":
        quantity = answer["valueQuantity"]
        unit = distance_unit_of(quantity) if isinstance(quantity, dict) else None
        if unit is None:
            raise FhirImportError(f"{where}: a distance in km or miles (UCUM km or [mi_i]) expected.")
        units.append(unit)
        return quantity.get("value")
    values = [answer[key] for key in _SCALAR_KEYS if key in answer]
    if len(values) != 1:
        raise FhirImportError(f"{where}: one value of the question's type expected.")
    return values[0]


class _Reader:
    """Walks the response's items; collects answers, region marks and exam results as raw values."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.items = questionnaire.item_index()
        self.answers: dict[str, Any] = {}
        self.regions: list[RegionMark] = []
        self.exam: list[ExamResult] = []
        self.distance_units: list[str] = []
        self.sides = {coded.code: side for side, coded in load_body_sites().laterality.items()}

    def walk(self, items: Any, where: str) -> None:
        for number, item in enumerate(items if isinstance(items, list) else []):
            place = f"{where}[{number}]"
            link_id = item.get("linkId") if isinstance(item, dict) else None
            if not isinstance(link_id, str):
                raise FhirImportError(f"{place}: an item without a linkId.")
            if link_id.startswith("page."):
                self.walk(item.get("item"), f"{place}.item")
            elif link_id == REGION_GROUP:
                self.regions.append(self._region(self._parts(item, place), place))
            elif link_id == EXAM_GROUP:
                self.exam.append(self._exam(self._parts(item, place), place))
            elif link_id in self.items:
                self._answer(self.items[link_id], item.get("answer") or [], f"{place}({link_id})")
            else:
                raise FhirImportError(f"{place}: unknown linkId '{shown_value(link_id)}'.")

    def _answer(self, item: Item, answers: list[Any], where: str) -> None:
        if item.id in self.answers:
            raise FhirImportError(f"{where}: answered twice.")
        if item.type == "multi":
            self.answers[item.id] = [_code(a, where) for a in answers if isinstance(a, dict)]
        elif answers:
            self.answers[item.id] = _scalar(item, _one(answers, where), where, self.distance_units)

    def _parts(self, group: dict[str, Any], where: str) -> dict[str, dict[str, Any]]:
        parts: dict[str, dict[str, Any]] = {}
        for part in group.get("item") or []:
            link_id = str(part.get("linkId", "")) if isinstance(part, dict) else ""
            if link_id in parts:
                raise FhirImportError(f"{where}: '{shown_value(link_id)}' given twice.")
            parts[link_id] = _one(part.get("answer") or [], f"{where}({link_id})")
        return parts

    def _side(self, parts: dict[str, dict[str, Any]], key: str, where: str) -> Any:
        code = _code(parts.get(key) or {}, f"{where}({key})")
        if code not in self.sides:
            raise FhirImportError(f"{where}({key}): laterality must be SNOMED CT Left (7771000) or Right (24028007).")
        return self.sides[code]

    def _region(self, parts: dict[str, dict[str, Any]], where: str) -> RegionMark:
        region = _code(parts.get(f"{REGION_GROUP}.region") or {}, f"{where}(region)")
        intensity = (parts.get(f"{REGION_GROUP}.intensity") or {}).get("valueInteger")
        return RegionMark(region, self._side(parts, f"{REGION_GROUP}.laterality", where), intensity)  # type: ignore[arg-type]

    def _exam(self, parts: dict[str, dict[str, Any]], where: str) -> ExamResult:
        test = _code(parts.get(f"{EXAM_GROUP}.test") or {}, f"{where}(test)")
        result = _code(parts.get(f"{EXAM_GROUP}.result") or {}, f"{where}(result)")
        pain = (parts.get(f"{EXAM_GROUP}.pain") or {}).get("valueInteger")
        value = (parts.get(f"{EXAM_GROUP}.value") or {}).get("valueDecimal")
        return ExamResult(test, self._side(parts, f"{EXAM_GROUP}.laterality", where), result, pain, value)  # type: ignore[arg-type]


def response_to_session(questionnaire: Questionnaire, document: Any, now: dt.datetime | None = None) -> Session:
    """The session a QuestionnaireResponse (or a Bundle holding one) describes, checked like an answers file."""
    response = _response_in(document)
    _check_questionnaire(response, questionnaire)
    status = _COMPLETE.get(str(response.get("status")))
    if status is None:
        raise FhirImportError(f"status: '{shown_value(response.get('status'))}' (completed, amended or in-progress "
                              "can be imported).")
    reader = _Reader(questionnaire)
    reader.walk(response.get("item"), "item")
    answers = reader.answers
    if reader.distance_units:
        chosen = answers.setdefault("distance_unit", reader.distance_units[0])
        if any(unit != chosen for unit in reader.distance_units):
            raise FhirImportError("distances: given in a unit other than the one answered in 'distance_unit'.")
    authored = response.get("authored")
    try:
        return checked_session(
            questionnaire, answers, status=status, created_at=authored if isinstance(authored, str) else None,
            finished_at=authored if status == "complete" and isinstance(authored, str) else None,
            regions=reader.regions, exam=reader.exam, now=now,
        )
    except FhirImportError:
        raise
    except AnswersFileError as error:  # the answers file's own check, named as a FHIR import problem
        text = str(error).replace("session.created_at", "authored").replace("session.finished_at", "authored")
        raise FhirImportError(text) from None


def read_fhir_file(questionnaire: Questionnaire, path: Path) -> Session:
    """Read a QuestionnaireResponse (JSON) from disk; FhirImportError / AnswersFileError name the problem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FhirImportError(f"{path}: the file is too large ({size} bytes).")
        data = path.read_bytes()
    except OSError as error:
        raise FhirImportError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        document = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as error:
        raise FhirImportError(f"{path}: not valid JSON: {shown_value(str(error), 200)}") from None
    try:
        return response_to_session(questionnaire, document)
    except AnswersFileError as error:
        raise FhirImportError(f"{path}: {error}") from None
