"""The whole flow works with the keyboard alone, and every control has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QPlainTextEdit, QWidget

from tests.ui.conftest import find


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_to(win, target: QWidget, limit: int = 400) -> None:
    """Press Tab until `target` (or, for a radio group, one of its buttons) has the focus; then arrows."""
    group = target.group() if isinstance(target, QAbstractButton) and target.group() else None
    members = group.buttons() if group else [target]
    for _ in range(limit):
        if focused() in members:
            break
        QTest.keyClick(focused() or win, Qt.Key.Key_Tab)
    else:
        raise AssertionError(f"Tab never reached {target.objectName()}")
    for _ in range(len(members)):
        if focused() is target:
            return
        before = focused()
        QTest.keyClick(before, Qt.Key.Key_Right)  # arrow keys move inside a radio group
        if focused() is before:
            QTest.keyClick(before, Qt.Key.Key_Down)  # a group laid out as a column
    assert focused() is target, f"arrows never reached {target.objectName()}"


def press_space_on(win, name: str) -> None:
    button = find(win, name)
    tab_to(win, button)
    QTest.keyClick(button, Qt.Key.Key_Space)
    assert button.isChecked(), name


def type_keys(win, item_id: str, text: str) -> None:
    edit = find(win, f"{item_id}__input")
    tab_to(win, edit)
    QTest.keyClicks(edit, text)


def alt(win, key: Qt.Key) -> None:
    QTest.keyClick(focused() or win, key, Qt.KeyboardModifier.AltModifier)


def test_complete_flow_with_keyboard_only(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None or window.isActiveWindow())
    press_space_on(window, "filled_by__patient")
    press_space_on(window, "setting__home")
    alt(window, Qt.Key.Key_N)
    assert window.current_page_id() == "about"
    type_keys(window, "age", "41")
    press_space_on(window, "sex__female")
    press_space_on(window, "painful_side__right")
    alt(window, Qt.Key.Key_N)
    assert window.current_page_id() == "training"
    alt(window, Qt.Key.Key_N)
    assert window.current_page_id() == "pain"
    press_space_on(window, "bear_weight__painful")
    press_space_on(window, "pain_now__3")
    press_space_on(window, "pain_worst__6")
    for _ in range(5):  # body map, symptoms, history, examination, summary
        alt(window, Qt.Key.Key_N)
    assert window.current_page_id() == "summary"
    editor = window.wizard.editor
    assert editor is not None
    session_id = editor.session_id
    alt(window, Qt.Key.Key_N)  # Next is Finish on the last step
    session = window.ctx.store.load_session(session_id)
    assert session.status == "complete"
    assert session.answers["age"] == 41 and session.answers["pain_worst"] == 6


def name_of(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else a button's own text."""
    if widget.accessibleName():
        return widget.accessibleName()
    return widget.text() if isinstance(widget, QAbstractButton) else ""


def test_every_control_has_an_accessible_name(window) -> None:
    for page_id in [page.id for page in window.ctx.questionnaire.pages]:
        window.wizard.go_to_page(page_id)
        page = window.wizard.current_page()
        controls = [w for w in page.findChildren(QWidget)
                    if isinstance(w, QAbstractButton | QLineEdit | QPlainTextEdit) and w.isVisibleTo(page)]
        unnamed = [w.objectName() or type(w).__name__ for w in controls if not name_of(w)]
        assert unnamed == [], f"{page_id}: {unnamed}"


def test_tab_never_stops_on_the_body_map_picture(qtbot, window) -> None:
    """The region list beside the picture is the keyboard route to every region: a Tab stop on the picture (or on
    the widget it is drawn in) would show nothing focused."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.wizard.go_to_page("bodymap")
    view = find(window, "bodyMapView")
    start = window.wizard.next_button
    start.setFocus()
    seen = [start]
    for _ in range(200):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = focused()
        if widget is None or widget in seen:
            break
        seen.append(widget)
    assert len(seen) > 3  # the walk went round the page
    assert view not in seen and view.viewport() not in seen
