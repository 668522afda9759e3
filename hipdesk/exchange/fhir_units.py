"""UCUM units for the FHIR export: the content's unit words mapped to the codes a FHIR server understands."""

from __future__ import annotations

from hipdesk.exchange.fhir_errors import FhirExportError

UCUM = "http://unitsofmeasure.org"
SECONDS = "s"

#: The content's unit word → (UCUM code, display). Every `unit` used in resources/questionnaire.json is here
#: (a test checks that); a new word needs its UCUM code added, on purpose, not guessed at run time.
_UNITS: dict[str, tuple[str, str]] = {
    "years": ("a", "years"),
    "months": ("mo", "months"),
    "weeks": ("wk", "weeks"),
    "h": ("h", "hours"),
    "min": ("min", "minutes"),
    "s": ("s", "seconds"),
    "cm": ("cm", "cm"),
    "kg": ("kg", "kg"),
}
#: The answer ids of `distance_unit` → UCUM (miles are international miles).
_DISTANCE_UNITS: dict[str, tuple[str, str]] = {"km": ("km", "km"), "mi": ("[mi_i]", "miles")}


def known_units() -> set[str]:
    """The content unit words that have a UCUM code."""
    return set(_UNITS)


def ucum_coding(unit: str) -> dict[str, str]:
    """The UCUM Coding of a content unit word."""
    if unit not in _UNITS:
        raise FhirExportError(f"unit '{unit}' has no UCUM code in hipdesk/exchange/fhir_units.py")
    code, display = _UNITS[unit]
    return {"system": UCUM, "code": code, "display": display}


def unit_options() -> list[dict[str, str]]:
    """The units a distance may be given in, as UCUM Codings."""
    return [{"system": UCUM, "code": code, "display": display} for code, display in _DISTANCE_UNITS.values()]


def distance_quantity(value: float, distance_unit: str) -> dict[str, object]:
    """A distance as a FHIR Quantity in the unit the person chose (km or mi)."""
    if distance_unit not in _DISTANCE_UNITS:
        raise FhirExportError(f"distance unit '{distance_unit}' is neither km nor mi")
    code, display = _DISTANCE_UNITS[distance_unit]
    return {"value": value, "unit": display, "system": UCUM, "code": code}


def distance_unit_of(quantity: dict[str, object]) -> str | None:
    """The `distance_unit` answer id of a Quantity from a QuestionnaireResponse, or None if it is neither."""
    for unit_id, (code, _) in _DISTANCE_UNITS.items():
        if quantity.get("system") == UCUM and quantity.get("code") == code:
            return unit_id
    return None
