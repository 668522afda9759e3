"""Reading GPX and TCX files: small files as a whole tree (searched in C), large ones as a stream.

A file of up to `TREE_LIMIT` bytes (a day-long run at one point a second is about 15 MB of GPX) is parsed
at once and its elements are found with ElementTree's C search, which is several times faster than
handling every element in Python. A larger file is streamed element by element, so memory stays small.
expat (2.4 or later, as Python ships it) refuses entity expansion bombs, and ElementTree never fetches
external entities, so a hostile file cannot reach the network or exhaust memory this way.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from hipdesk.activities.model import ActivityFileError

TREE_LIMIT = 16 * 1024 * 1024
# expat's codes for input that stops in the middle: "no element found", "unclosed token", "partial character"
_CUT_SHORT = {3, 5, 6}


def _problem(error: ET.ParseError, kind: str) -> ActivityFileError:
    line = error.position[0]
    if error.code in _CUT_SHORT:
        return ActivityFileError("truncated", f"The {kind} file stops in the middle (line {line}): it was not copied completely.")
    return ActivityFileError("corrupt", f"The {kind} file is damaged ({error}); nothing was read from it.")


def xml_tree(data: bytes, kind: str) -> ET.Element | None:
    """The whole document when it is small enough to hold (else None: stream it with `xml_ends`)."""
    if len(data) > TREE_LIMIT:
        return None
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise _problem(error, kind) from None


def xml_ends(data: bytes, kind: str) -> Iterator[ET.Element]:
    """Each element of `data` as it closes; a malformed file raises ActivityFileError (truncated or corrupt)."""
    try:
        for _event, element in ET.iterparse(io.BytesIO(data), events=("end",)):
            yield element
    except ET.ParseError as error:
        raise _problem(error, kind) from None


def namespace(root: ET.Element) -> str:
    """The root's namespace as ElementTree writes it in tags ("{uri}"), or "" for none."""
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
