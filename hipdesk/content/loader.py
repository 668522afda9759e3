"""Reading a content file from resources/ against its msgspec schema, with errors that name the entry."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from hipdesk.content.questionnaire import ContentError

T = TypeVar("T")


def entry_named(raw: Any, message: str, lists: tuple[str, ...]) -> str:
    """The id of the entry that a msgspec error path such as `$.tests[3].name` points into."""
    found = re.search(r"\$\.(" + "|".join(map(re.escape, lists)) + r")\[(\d+)\]", message)
    if not found or not isinstance(raw, dict):
        return "(top level)"
    key, index = found.group(1), int(found.group(2))
    try:
        entry = raw[key][index]
    except (KeyError, IndexError, TypeError):
        return f"{key}[{index}]"
    return str(entry["id"]) if isinstance(entry, dict) and "id" in entry else f"{key}[{index}]"


def decode_content(data: bytes, source: Path | str, kind: type[T], lists: tuple[str, ...]) -> T:
    """Decode JSON into `kind`; raise ContentError naming the file, the entry of `lists` and the problem."""
    try:
        raw = msgspec.json.decode(data)
    except msgspec.DecodeError as error:
        raise ContentError(source, "(file)", f"not valid JSON: {error}") from None
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        raise ContentError(source, entry_named(raw, str(error), lists), str(error)) from None
