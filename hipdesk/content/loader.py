"""The one door for content files: every file in resources/ is read and checked here, and fails the same way.

A broken file raises ContentError naming the file, the entry and the problem. Each content module
declares its schema (msgspec records; the questionnaire its own hand checks, for start-up time) and the
checks a schema cannot express, and reads its file through `read_content` / `load_content`.
msgspec is imported only when a msgspec-checked file is read: the questionnaire, read before the
first page shows, does without it.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hipdesk.content import resources

if TYPE_CHECKING:
    from collections.abc import Iterable

T = TypeVar("T")


class ContentError(Exception):
    """A content file is broken; the message names the file, the item and the problem."""

    def __init__(self, path: Path | str, item: str, problem: str) -> None:
        super().__init__(f"{path}: item '{item}': {problem}")
        self.path = str(path)
        self.item = item
        self.problem = problem


def read_content(path: Path) -> bytes:
    """The bytes of one content file; ContentError when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(path, "(file)", f"cannot be read: {error.strerror or error}") from None


def entry_named(raw: Any, message: str, lists: Iterable[str]) -> str:
    """The id of the entry that a msgspec error path such as `$.tests[3].name` points into.

    Outside such a list, the keys of the path and a missing field (`$.triage` missing `urgent` → `triage.urgent`).
    """
    listed = re.match(r"\$\[(\d+)\]", message.rsplit("- at `", 1)[-1])
    if listed and isinstance(raw, list) and int(listed.group(1)) < len(raw):  # a file that is one list
        entry = raw[int(listed.group(1))]
        return str(entry.get("id") or entry.get("name") or f"[{listed.group(1)}]") if isinstance(entry, dict) else "(top level)"
    found = re.search(r"\$\.(" + "|".join(map(re.escape, lists)) + r")\[(\d+)\]", message)
    if not found or not isinstance(raw, dict):
        keys = re.search(r"\$((?:\.\w+)*)", message)
        path = keys.group(1)[1:].split(".") if keys and keys.group(1) else []
        missing = re.search(r"missing required field `(\w+)`", message)
        path += [missing.group(1)] if missing else []
        return ".".join(path) or "(top level)"
    key, index = found.group(1), int(found.group(2))
    try:
        entry = raw[key][index]
    except (KeyError, IndexError, TypeError):
        return f"{key}[{index}]"
    return str(entry["id"]) if isinstance(entry, dict) and "id" in entry else f"{key}[{index}]"


def decode_json(data: bytes, source: Path | str) -> Any:
    """Plain JSON (no schema yet); ContentError when it is not JSON."""
    import msgspec

    try:
        return msgspec.json.decode(data)
    except msgspec.DecodeError as error:
        raise ContentError(source, "(file)", f"not valid JSON: {error}") from None


def decode_content(data: bytes, source: Path | str, kind: type[T], lists: tuple[str, ...] = ()) -> T:
    """Decode JSON into `kind`; raise ContentError naming the file, the entry of `lists` and the problem."""
    import msgspec

    raw = decode_json(data, source)
    try:
        return msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        raise ContentError(source, entry_named(raw, str(error), lists), str(error)) from None


def load_content(path: Path, kind: type[T], lists: tuple[str, ...] = ()) -> T:
    """Read one content file and decode it into `kind` (ContentError on any problem)."""
    return decode_content(read_content(path), path, kind, lists)


def content_text(path: Path, *keys: str) -> str:
    """One text of a content file, looked up without its schema or msgspec: for start-up, where every
    millisecond counts. The whole file is checked against its schema when the app starts
    (`hipdesk.actions.content_check`); this still refuses a missing or empty text the same way.
    """
    import json  # already loaded at start-up by the questionnaire

    try:
        value: Any = json.loads(read_content(path))
    except (ValueError, RecursionError) as error:
        raise ContentError(path, "(file)", f"not valid JSON: {error}") from None
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, ".".join(keys), "this text is missing")
    return value


def content_files() -> list[Path]:
    """Every content file in resources/ (the JSON files; fonts are not content)."""
    return sorted(resources.resources_dir().rglob("*.json"))


def content_fingerprint(files: Iterable[Path] | None = None) -> str:
    """A short fingerprint of the content files' names and bytes: it changes when any file changes.

    Lets start-up skip checking content that was already checked (CRC-32: cheap, and `zlib` is loaded anyway).
    """
    root = resources.resources_dir()
    crc = 0
    for path in content_files() if files is None else files:
        crc = zlib.crc32(str(path.relative_to(root)).encode("utf-8"), crc)
        crc = zlib.crc32(read_content(path), crc)
    return f"{crc:08x}"

