"""Walk every page with Tab, as a keyboard and screen-reader user does: every focus stop says what it is.

The name checked is the one an accessibility client reads (QAccessibleInterface.text(Name)), not the
widget's property: on Linux, for instance, a drop-down list is announced by its current entry.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import fill_about, fill_start

WORD = re.compile(r"[^\W\d_]{3,}")  # a name made only of digits or dashes ("–", "A4" …) says nothing


def spoken_name(widget: QWidget) -> str:
    """What an accessibility client reads as the name of this widget."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def focus_stops(window, limit: int = 300) -> list[QWidget]:
    """Every widget Tab reaches, from the focused one round to where it began."""
    start = QApplication.focusWidget()
    assert start is not None, "nothing has the focus"
    seen: list[QWidget] = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
    return seen


def unnamed_stops(window) -> list[str]:
    problems = []
    for widget in focus_stops(window):
        name = spoken_name(widget)
        if not WORD.search(name):
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} named {name!r}")
    return problems


def walk_all_pages(qtbot, window) -> dict[str, list[str]]:
    found = {}
    for page in window.ctx.questionnaire.pages:
        window.wizard.go_to_page(page.id)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        found[page.id] = unnamed_stops(window)
    return found


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_every_focus_stop_on_every_page_has_a_name_at_home(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    fill_about(window)
    problems = walk_all_pages(qtbot, window)
    assert problems == {page.id: [] for page in window.ctx.questionnaire.pages}


def test_every_focus_stop_has_a_name_in_clinician_mode(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window, filled_by="clinician", setting="clinic")
    fill_about(window, side="left")
    window.wizard.go_to_page("exam")
    page = window.wizard.current_page()
    assert page.mode() == "clinician"
    window.wizard.focus_first_field(page)
    assert unnamed_stops(window) == []


def test_no_invisible_focus_stop_between_the_fields_and_next(qtbot, window) -> None:
    """The scroll area around each page once took a Tab press of its own, showing nothing."""
    _active(qtbot, window)
    stops = focus_stops(window)
    assert all(widget.isVisible() for widget in stops)
    assert not [w for w in stops if type(w).__name__ in ("QScrollArea", "QWidget", "QStackedWidget")]
    assert window.wizard.next_button in stops


def test_session_list_focus_stops_have_names(qtbot, window) -> None:
    _active(qtbot, window)
    library = window.show_library()
    library.search.setFocus() if hasattr(library, "search") else library.focusNextChild()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert unnamed_stops(window) == []


def test_the_walk_sees_the_fields(qtbot, window) -> None:
    """The check above looks at real stops: the start page's answers, then Back and Next."""
    _active(qtbot, window)
    names = [spoken_name(w) for w in focus_stops(window)]
    assert any("Next" in name for name in names)
    assert len(names) >= 3
