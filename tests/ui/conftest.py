"""Fixtures for GUI tests: a main window over a temporary database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from hipdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, questionnaire, store) -> MainWindow:
    """The main window, shown, with dialogs answered by the test instead of a person."""
    win = MainWindow(questionnaire, store)
    win.ctx.ask = lambda *_: True
    win.ctx.inform = lambda *_: None
    qtbot.addWidget(win)
    win.show()
    return win


def find(win: QWidget, name: str) -> QWidget:
    """The visible widget with this objectName (the item's stable id)."""
    found = [w for w in win.findChildren(QWidget, name) if w.isVisibleTo(win)]
    assert found, f"no visible widget named {name}"
    return found[0]


def click(win: QWidget, item_id: str, option: str) -> None:
    """Click one answer button of a question."""
    button = find(win, f"{item_id}__{option}")
    assert isinstance(button, QAbstractButton)
    button.click()


def type_into(win: QWidget, item_id: str, text: str, qtbot=None) -> QLineEdit:
    """Type into a question's line edit the way a person would (textEdited fires), then leave it."""
    edit = find(win, f"{item_id}__input")
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    edit.del_()
    edit.insert(text)
    edit.editingFinished.emit()
    return edit


def fill_start(win: MainWindow, filled_by: str = "patient", setting: str = "home") -> None:
    """Answer the start page and go on."""
    click(win, "filled_by", filled_by)
    click(win, "setting", setting)
    assert win.wizard.next()


def fill_about(win: MainWindow, age: str = "45", sex: str = "female", side: str = "right") -> None:
    """Answer the required questions of 'About you' and go on."""
    type_into(win, "age", age)
    click(win, "sex", sex)
    click(win, "painful_side", side)
    assert win.wizard.next()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A real modal dialog would wait for a person forever: fail loudly instead (use the ctx seams)."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(*_args, **_kwargs):
        raise AssertionError("a modal dialog was opened in a test; replace it through its seam")

    for owner, names in ((QMessageBox, ("question", "information", "warning", "critical")),
                         (QFileDialog, ("getOpenFileName", "getSaveFileName", "getExistingDirectory")),
                         (QInputDialog, ("getText", "getInt"))):
        for name in names:
            monkeypatch.setattr(owner, name, staticmethod(refuse))


@pytest.fixture
def slow_renderer(monkeypatch) -> list:
    """Every PDF render takes 0.5 s of busy CPU, like a big report (holding the GIL between switches).

    Returns the list of threads the renders ran on, so a test can check they were not the GUI thread."""
    import threading
    import time

    from hipdesk.report.renderer import ReportRenderer

    real_render = ReportRenderer.render
    rendering_threads: list[threading.Thread] = []

    def slow_render(self, *args, **kwargs):
        rendering_threads.append(threading.current_thread())
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            sum(range(1000))
        return real_render(self, *args, **kwargs)

    monkeypatch.setattr(ReportRenderer, "render", slow_render)
    return rendering_threads
