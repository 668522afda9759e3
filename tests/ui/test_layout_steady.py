"""The window fits small screens with Next and Back in view; answers stay by their question; nothing jumps."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from hipdesk.ui.question_form import QUESTION_WIDTH, QuestionForm
from tests.ui.conftest import click, fill_about, fill_start, find, type_into

# 1920 × 1080 at 200 % leaves 960 × 540 device-independent pixels, less a panel: 960 × 510 is the tightest.
SMALLEST = (960, 510)


def _top(window, widget: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).y()


def test_the_window_fits_1024x600_and_200_percent_of_1920x1080(window) -> None:
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= SMALLEST[0] and hint.height() <= SMALLEST[1], hint


def test_next_and_back_are_on_screen_on_every_page_of_the_smallest_window(qtbot, window) -> None:
    window.resize(*SMALLEST)
    qtbot.waitUntil(lambda: window.height() == SMALLEST[1])
    fill_start(window)
    fill_about(window)
    for page in window.ctx.questionnaire.pages:
        window.wizard.go_to_page(page.id)
        QApplication.processEvents()
        for button in (window.wizard.back_button, window.wizard.next_button):
            bottom = _top(window, button) + button.height()
            assert button.isVisible() and bottom <= window.height(), f"{page.id}: {button.text()} at {bottom}"
        scroll = window.wizard.stack.currentWidget()
        assert scroll.height() < window.height()  # the page scrolls inside; the window does not grow


def test_answers_stay_beside_their_question_on_a_wide_window(qtbot, questionnaire) -> None:
    items = [item for item in questionnaire.page("symptoms").items if item.type == "yesno"]
    form = QuestionForm(items, questionnaire)
    qtbot.addWidget(form)
    form.resize(1900, 3000)
    form.show()
    QApplication.processEvents()
    for item in items:
        row = form.rows[item.id]
        gap = row.input.mapTo(form, QPoint(0, 0)).x() - row.label.mapTo(form, QPoint(0, 0)).x()
        assert gap <= QUESTION_WIDTH + 24, f"{item.id}: answers {gap} px from the question"


def test_a_danger_sign_message_does_not_move_the_questions(qtbot, window) -> None:
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("symptoms")
    QApplication.processEvents()
    below = find(window, "row_rf_fever")
    before = _top(window, below)
    click(window, "rf_saddle_numbness", "yes")
    QApplication.processEvents()
    assert window.wizard.banner.isVisible()
    assert _top(window, below) == before


def test_a_message_that_clears_keeps_its_space_while_the_page_is_on_screen(qtbot, window) -> None:
    fill_start(window)
    type_into(window, "age", "400")
    QApplication.processEvents()
    error = find(window, "error_age")
    assert error.text()
    below = find(window, "row_sex")
    before = _top(window, below)
    type_into(window, "age", "40")
    QApplication.processEvents()
    assert error.text() == ""  # the message is gone …
    assert _top(window, below) == before  # … and the next question did not move up under the pointer
