"""The report's fonts, registered from resources/fonts: DejaVu Sans, and Droid Sans Fallback for CJK.

reportlab embeds TrueType fonts as subsets with a ToUnicode map, so every character stays
extractable. DejaVu has no CJK glyphs; `font_runs` splits text into runs that each font can show.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from hipdesk.content.resources import resource_path

BODY = "HipSans"
BOLD = "HipSans-Bold"
FALLBACK = "HipCJK"

_lock = threading.Lock()


def _register(name: str, filename: str) -> TTFont:
    # Asked with getFont, reportlab would first parse every AFM file it ships (about 0.2 s) looking for the name.
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        assert isinstance(font, TTFont)
        return font
    font = TTFont(name, str(resource_path("fonts", filename)))
    pdfmetrics.registerFont(font)
    return font


@cache
def register_body_fonts() -> frozenset[int]:
    """Register DejaVu Sans (regular, bold) as one family; return the code points it can show."""
    with _lock:
        regular = _register(BODY, "DejaVuSans.ttf")
        _register(BOLD, "DejaVuSans-Bold.ttf")
        for bold, italic, face in ((0, 0, BODY), (1, 0, BOLD), (0, 1, BODY), (1, 1, BOLD)):
            addMapping(BODY, bold, italic, face)
        return frozenset(regular.face.charToGlyph)


@cache
def register_fallback_font() -> frozenset[int]:
    """Register Droid Sans Fallback (only when a text needs it: it is large) and return its code points."""
    with _lock:
        font = _register(FALLBACK, "DroidSansFallback.ttf")
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FALLBACK, bold, italic, FALLBACK)  # no bold CJK face: keep the regular one
        return frozenset(font.face.charToGlyph)


def needs_fallback(text: str) -> bool:
    """True when some character of `text` is missing from DejaVu Sans (line breaks aside)."""
    covered = register_body_fonts()
    return any(ord(ch) not in covered and ch not in "\r\n\t" for ch in text)


def font_runs(text: str) -> list[tuple[str | None, str]]:
    """Split `text` into (font, run) pairs: None for the body font, FALLBACK where DejaVu has no glyph.

    A character neither font has stays in the body run (it shows as a missing glyph, but the text
    is still extractable rather than silently dropped).
    """
    if not needs_fallback(text):
        return [(None, text)] if text else []
    covered = register_body_fonts()
    fallback = register_fallback_font()
    runs: list[tuple[str | None, str]] = []
    for ch in text:
        code = ord(ch)
        font = FALLBACK if code not in covered and code in fallback else None
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def is_wide(ch: str) -> bool:
    """True for CJK ideographs and kana/hangul, which may break between any two characters."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x2FFFF
    )
