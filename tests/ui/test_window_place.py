"""The window opens where and as large as it was left; a damaged remembered place never stops the start."""

from __future__ import annotations

import pytest

from hipdesk.storage.settings import GEOMETRY_SETTING
from hipdesk.ui.main_window import MIN_HEIGHT, MIN_WIDTH, MainWindow


def open_window(qtbot, questionnaire, store) -> MainWindow:
    win = MainWindow(questionnaire, store)
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_window_opens_again_at_the_size_it_was_closed_at(qtbot, questionnaire, store) -> None:
    first = open_window(qtbot, questionnaire, store)
    first.resize(MIN_WIDTH + 61, MIN_HEIGHT + 37)
    qtbot.waitUntil(lambda: first.width() == MIN_WIDTH + 61)
    first.close()
    assert isinstance(store.get_setting(GEOMETRY_SETTING), str)
    again = open_window(qtbot, questionnaire, store)
    assert (again.width(), again.height()) == (MIN_WIDTH + 61, MIN_HEIGHT + 37)


@pytest.mark.parametrize("damaged", ["é is not base64", "AAA", "", 42, ["x"]])
def test_a_damaged_remembered_place_gives_the_default_size(qtbot, questionnaire, store, damaged) -> None:
    fresh = open_window(qtbot, questionnaire, store)
    default = (fresh.width(), fresh.height())
    fresh.close()
    store.set_setting(GEOMETRY_SETTING, damaged)
    win = open_window(qtbot, questionnaire, store)
    assert (win.width(), win.height()) == default
    assert win.current_page_id() == questionnaire.pages[0].id
