"""The shipped fonts reach Qt, so Greek, Cyrillic and Chinese names are drawn, not shown as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QRawFont

from hipdesk.ui.fonts import register_shipped_fonts


def covers(family: str, text: str) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    return raw.familyName() == family and all(raw.supportsCharacter(ord(ch)) for ch in text)


def test_shipped_fonts_cover_greek_cyrillic_and_chinese(qapp) -> None:
    families = register_shipped_fonts()
    assert {"DejaVu Sans", "Droid Sans Fallback"} <= set(families)
    assert covers("DejaVu Sans", "ΩαЖжÜñ")
    assert covers("Droid Sans Fallback", "王小明")
