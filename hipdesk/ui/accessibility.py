"""Accessibility interfaces that stay safe while a screen reader reads the widget tree during a screen switch.

Qt's own interface for scroll areas (QAccessibleAbstractScrollArea, used for every QScrollArea and
QGraphicsView: each wizard page, the body map) counts as children only the scroll bars that are visible
at that moment, and its `child(index)` does not check the index. When a screen is hidden (Staff pressed
in the kiosk, a new patient, Next) its scroll bars stop being visible, so a client that counted the
children a moment earlier (an AT-SPI client such as Orca with its cache off) asks for a child that is
no longer there, and Qt reads past the end of a list: SIGSEGV in QAccessibleCache::idForObject
(PySide6 6.11.3). These scroll areas get Qt's generic widget interface instead: the same role, children
that do not come and go with visibility, and an index out of range answered with "no child".
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractScrollArea, QAccessibleWidget

#: Class names for which Qt's widget factory would build the unchecked scroll-area interface.
SCROLL_AREA_KEYS = frozenset({"QScrollArea", "QAbstractScrollArea"})

_installed = False


def scroll_area_interface(key: str, obj: QObject) -> QAccessibleInterface | None:
    """The accessibility factory: a bounds-checked interface for plain scroll areas, nothing for the rest."""
    if key in SCROLL_AREA_KEYS and isinstance(obj, QAbstractScrollArea):
        return QAccessibleWidget(obj, QAccessible.Role.Client)
    return None


def install_safe_scroll_areas() -> None:
    """Install the factory once per process, before any window exists (later factories are asked first)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(scroll_area_interface)
        _installed = True
