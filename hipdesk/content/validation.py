"""Turns what a person typed (or what an answers file holds) into a stored answer, or says why not."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from typing import Any

from hipdesk.content.questionnaire import Item

DISTANCE_UNITS = {"km": "km", "mi": "miles"}


#: A value quoted in a message is cut to this many characters: a 2 MB value must not freeze a dialog.
SHOWN_MAX_CHARS = 40


class InvalidAnswer(ValueError):
    """The answer cannot be stored; the message is shown next to the field."""


def shown_value(value: object, limit: int = SHOWN_MAX_CHARS) -> str:
    """A value as it may appear in a message: control, format (bidi) and lone surrogate characters escaped, cut short."""
    text = value if isinstance(value, str) else repr(value)
    cut = len(text) > limit
    text = text[:limit]
    visible = "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") else f"\\u{ord(ch):04x}" for ch in text
    )
    return visible + ("…" if cut else "")


def _number_text(raw: Any) -> float:
    if isinstance(raw, bool):
        raise InvalidAnswer("Enter a number.")
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:  # an integer with hundreds of digits (answers files can hold any JSON number)
            raise InvalidAnswer("Enter a number, for example 12 or 12.5.") from None
    elif isinstance(raw, str):
        text = raw.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise InvalidAnswer("Enter a number, for example 12 or 12.5.") from None
    else:
        raise InvalidAnswer("Enter a number.")
    if not math.isfinite(value):
        raise InvalidAnswer("Enter a number, for example 12 or 12.5.")
    return value


def _range_message(item: Item, unit: str) -> str:
    low = "" if item.min is None else f"{item.min:g}"
    high = "" if item.max is None else f"{item.max:g}"
    suffix = f" {unit}" if unit else ""
    if low and high:
        return f"Enter a number from {low} to {high}{suffix}."
    if low:
        return f"Enter a number of at least {low}{suffix}."
    return f"Enter a number up to {high}{suffix}."


def _check_range(item: Item, value: float, unit: str) -> None:
    if (item.min is not None and value < item.min) or (item.max is not None and value > item.max):
        raise InvalidAnswer(_range_message(item, unit))


def _parse_date(item: Item, raw: Any, today: dt.date) -> str:
    if not isinstance(raw, str):
        raise InvalidAnswer("Enter a date as YYYY-MM-DD.")
    try:
        date = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidAnswer("Enter a real date as YYYY-MM-DD, for example 2024-03-31.") from None
    if date > today:
        raise InvalidAnswer("This date is in the future.")
    years_ago = (today - date).days / 365.25
    # For dates, min and max are limits in years before today (for example a date of birth).
    if item.min is not None and years_ago < item.min:
        raise InvalidAnswer(f"This date must be at least {item.min:g} years ago.")
    if item.max is not None and years_ago > item.max:
        raise InvalidAnswer(f"This date must be within the last {item.max:g} years.")
    return date.isoformat()


def _parse_text(item: Item, raw: Any) -> str:
    if not isinstance(raw, str):
        raise InvalidAnswer("Enter text.")
    if len(raw) > item.max_length:
        raise InvalidAnswer(f"Please keep this to {item.max_length} characters (now {len(raw)}).")
    allowed_controls = "\n\t" if item.multiline else "\t"
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed_controls for ch in raw):
        raise InvalidAnswer("This text holds control characters; please retype it.")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in raw):
        raise InvalidAnswer("This text holds characters that cannot be stored; please retype it.")
    return raw


def _parse_options(item: Item, raw: Any) -> Any:
    allowed = item.option_ids()
    if item.type == "multi":
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise InvalidAnswer("Choose from the list.")
        unknown = [v for v in raw if v not in allowed]
        if unknown:
            raise InvalidAnswer(f"'{shown_value(unknown[0])}' is not one of the choices.")
        chosen = [option_id for option_id in allowed if option_id in raw]
        exclusive = [o.id for o in item.options if o.exclusive and o.id in chosen]
        if exclusive and len(chosen) > 1:
            label = item.option_label(exclusive[0])
            raise InvalidAnswer(f"'{label}' cannot be ticked together with other choices.")
        return chosen
    if not isinstance(raw, str) or raw not in allowed:
        raise InvalidAnswer("Choose one of the answers.")
    return raw


def parse_answer(item: Item, raw: Any, *, distance_unit: str = "km", today: dt.date | None = None) -> Any:
    """Return the value to store for `raw`, or raise InvalidAnswer with a message for the person.

    Returns None when the field was emptied (the answer is then removed, not stored as "no").
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()) or (item.type == "multi" and raw == []):
        return None
    today = today or dt.date.today()
    if item.type in ("yesno", "choice", "multi"):
        return _parse_options(item, raw)
    if item.type == "text":
        return _parse_text(item, raw)
    if item.type == "date":
        return _parse_date(item, raw, today)
    value = _number_text(raw)
    unit = DISTANCE_UNITS.get(distance_unit, distance_unit) if item.type == "distance" else item.unit
    if item.type in ("integer", "scale"):
        if value != int(value):
            raise InvalidAnswer("Enter a whole number.")
        _check_range(item, value, unit)
        return int(value)
    if item.type == "distance" and value < 0:
        raise InvalidAnswer("A distance cannot be negative.")
    _check_range(item, value, unit)
    return value
