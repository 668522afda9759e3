"""The FHIR export looks at its own output before it is written: every value must be valid FHIR R4.

The checks are the R4 primitive-type rules (https://hl7.org/fhir/R4/datatypes.html) for the values a
HipDesk export holds, so a bad stored value gives a clear refusal instead of a file a server rejects.
"""

from __future__ import annotations

import math
import re
from typing import Any

_YEAR = r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
FHIR_DATE = re.compile(rf"{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?\Z")
FHIR_DATETIME = re.compile(
    rf"{_YEAR}(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
    r"(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?\Z"
)
_INT32 = (-(2**31), 2**31 - 1)
_RESPONSE_STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


class FhirOutputInvalid(ValueError):
    """The export would not be valid FHIR; the message names the place and the value's problem."""


def check_bundle(bundle: dict[str, Any]) -> None:
    """Raise FhirOutputInvalid unless every QuestionnaireResponse in the bundle holds only valid values."""
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        if resource.get("resourceType") == "QuestionnaireResponse":
            check_response(resource, f"entry[{index}]")


def check_response(resource: dict[str, Any], where: str = "QuestionnaireResponse") -> None:
    """Raise FhirOutputInvalid unless `resource` (a QuestionnaireResponse) holds only valid FHIR values."""
    if resource.get("status") not in _RESPONSE_STATUSES:
        raise FhirOutputInvalid(f"{where}.status: not a QuestionnaireResponse status")
    authored = resource.get("authored")
    if authored is not None and not (isinstance(authored, str) and FHIR_DATETIME.match(authored)):
        raise FhirOutputInvalid(f"{where}.authored: not a FHIR dateTime")
    _check_items(resource.get("item", []), f"{where}.item")


def _check_items(items: list[dict[str, Any]], where: str) -> None:
    for index, item in enumerate(items):
        place = f"{where}[{index}]"
        link_id = item.get("linkId")
        if not isinstance(link_id, str) or not link_id or not _is_fhir_string(link_id):
            raise FhirOutputInvalid(f"{place}.linkId: missing or not a FHIR string")
        for number, answer in enumerate(item.get("answer", [])):
            _check_answer(answer, f"{place}({link_id}).answer[{number}]")
            _check_items(answer.get("item", []), f"{place}.answer[{number}].item")
        _check_items(item.get("item", []), f"{place}.item")


def _check_answer(answer: dict[str, Any], where: str) -> None:
    for key, value in answer.items():
        if key == "valueDecimal" and not (_is_number(value) and math.isfinite(value)):
            raise FhirOutputInvalid(f"{where}.valueDecimal: not a finite number")
        if key == "valueQuantity":
            number: Any = value.get("value") if isinstance(value, dict) else None
            if not (_is_number(number) and math.isfinite(number)):
                raise FhirOutputInvalid(f"{where}.valueQuantity.value: not a finite number")
        if key == "valueInteger" and not (_is_number(value) and isinstance(value, int) and
                                          _INT32[0] <= value <= _INT32[1]):
            raise FhirOutputInvalid(f"{where}.valueInteger: not a 32-bit whole number")
        if key == "valueDate" and not (isinstance(value, str) and FHIR_DATE.match(value)):
            raise FhirOutputInvalid(f"{where}.valueDate: not a FHIR date")
        if key == "valueString" and not (isinstance(value, str) and value.strip() and _is_fhir_string(value)):
            raise FhirOutputInvalid(f"{where}.valueString: empty, or holds control characters")
        if key == "valueCoding":
            code = value.get("code") if isinstance(value, dict) else None
            if not isinstance(code, str) or not re.fullmatch(r"[^\s]+( [^\s]+)*", code):
                raise FhirOutputInvalid(f"{where}.valueCoding.code: not a FHIR code")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_fhir_string(text: str) -> bool:
    """FHIR strings hold no control characters but tab, CR and LF, and (being UTF-8) no lone surrogates."""
    return not any((ord(ch) < 32 and ch not in "\t\r\n") or 0xD800 <= ord(ch) <= 0xDFFF for ch in text)
