"""Fonts shipped in resources/fonts, made known to Qt so any script a person types can be shown."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from hipdesk.content.resources import resource_path

#: Qt falls back to these for characters the system's fonts lack (Greek, Cyrillic, Chinese).
SHIPPED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallback.ttf")


def register_shipped_fonts() -> list[str]:
    """Add the shipped fonts to the application; returns the family names Qt now knows from them."""
    families: list[str] = []
    for name in SHIPPED_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families
