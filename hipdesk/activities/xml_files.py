"""Reading GPX and TCX files as a stream of XML (never the whole track in memory)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from hipdesk.activities.model import ActivityFileError

# expat's codes for input that stops in the middle: "no element found", "unclosed token", "partial character"
_CUT_SHORT = {3, 5, 6}


def xml_ends(data: bytes, kind: str) -> Iterator[ET.Element]:
    """Each element of `data` as it closes; a malformed file raises ActivityFileError (truncated or corrupt).

    expat (2.4 or later, as Python ships it) refuses entity expansion bombs, and ElementTree never fetches
    external entities, so a hostile file cannot reach the network or exhaust memory this way.
    """
    try:
        for _event, element in ET.iterparse(io.BytesIO(data), events=("end",)):
            yield element
    except ET.ParseError as error:
        line = error.position[0]
        if error.code in _CUT_SHORT:
            raise ActivityFileError(
                "truncated", f"The {kind} file stops in the middle (line {line}): it was not copied completely."
            ) from None
        raise ActivityFileError("corrupt", f"The {kind} file is damaged ({error}); nothing was read from it.") from None
