"""The menu bar, its shortcuts, the user guide, About, and what the window remembers between starts."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextBrowser

from hipdesk import __version__
from hipdesk.ui.main_window import MainWindow
from tests.ui.conftest import click, fill_about, fill_start


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _press(window, keys: str) -> None:
    """Press a key combination the way a person does: to the widget that has the focus."""
    sequence = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, sequence.key(), sequence.keyboardModifiers())


def _menu_titles(window) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_menu_bar_has_file_sessions_view_help_with_the_usual_keys(window) -> None:
    assert _menu_titles(window) == ["File", "Sessions", "View", "Help"]
    keys = {name: [k.toString() for k in action.shortcuts()] for name, action in window.actions_.items()}
    assert "Ctrl+S" in keys["savePdfAction"]
    assert "Ctrl+P" in keys["printAction"]
    assert "Ctrl+Q" in keys["quitAction"]
    assert "F1" in keys["userGuideAction"]
    assert "Ctrl++" in keys["largerTextAction"] and "Ctrl+-" in keys["smallerTextAction"]
    assert "Ctrl+0" in keys["normalTextAction"]
    assert "Ctrl+L" in keys["sessionsAction"]


def test_ctrl_s_saves_the_report_of_the_session_on_screen(qtbot, window, tmp_path) -> None:
    _active(qtbot, window)
    fill_start(window)
    fill_about(window)
    target = tmp_path / "report.pdf"
    asked: list[str] = []

    def save_dialog(_parent, _title, proposed, _filter):
        asked.append(proposed)
        return str(target)

    window.library_exporter().save_dialog = save_dialog
    with qtbot.waitSignal(window.library_exporter().exported, timeout=20_000):  # made in the background
        _press(window, "Ctrl+S")
    assert asked and asked[0].endswith(".pdf")
    assert len(pypdf.PdfReader(target).pages) >= 1


def test_print_job_is_named_like_the_pdf_file(qtbot, window, tmp_path) -> None:
    _active(qtbot, window)
    fill_start(window)
    fill_about(window)
    names: list[str] = []

    def print_dialog(_parent, printer: QPrinter) -> bool:
        names.append(printer.docName())
        return False  # cancelled: nothing printed

    window.library_exporter().print_dialog = print_dialog
    _press(window, "Ctrl+P")
    proposed: list[str] = []
    window.library_exporter().save_dialog = lambda _p, _t, path, _f: proposed.append(path) or ""
    window.save_pdf()
    assert names and proposed and names[0] == Path(proposed[0]).name


def test_without_a_session_ctrl_s_says_why_and_saves_nothing(qtbot, window) -> None:
    told: list[str] = []
    window.ctx.inform = lambda _parent, title, _text: told.append(title)
    _active(qtbot, window)
    _press(window, "Ctrl+S")
    assert told == ["No report yet"]


def test_f1_shows_the_user_guide_shipped_with_the_app(qtbot, window) -> None:
    _active(qtbot, window)
    _press(window, "F1")
    guide = window._windows["guide"]
    assert guide.isVisible()
    text = guide.findChild(QTextBrowser).toPlainText()
    assert "Keyboard" in text and "Ctrl+S" in text and "does not diagnose" in text


def test_about_shows_the_version_and_every_licence(qtbot, window) -> None:
    about = window.show_about()
    assert __version__ in about.findChild(QLabel, "aboutText").text()
    names = [about.component_list.item(row).text() for row in range(about.component_list.count())]
    for expected in ("PySide6-Essentials", "reportlab", "msgspec", "pillow", "pypdfium2", "Python"):
        assert any(name.startswith(expected) for name in names), expected
    about.component_list.setCurrentRow(next(row for row, name in enumerate(names) if name.startswith("PySide6")))
    shown = about.findChild(QPlainTextEdit, "licenceText").toPlainText()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown and "Version 3" in shown
    about.component_list.setCurrentRow(next(row for row, name in enumerate(names) if name.startswith("pypdfium2")))
    assert "PDFium" in about.licence.toPlainText()


def test_text_size_keys_change_the_text_and_the_size_is_remembered(qtbot, questionnaire, store, window) -> None:
    _active(qtbot, window)
    normal = QApplication.font().pointSizeF()
    title_before = window.wizard.current_page().title_label.sizeHint().height()
    _press(window, "Ctrl++")
    _press(window, "Ctrl++")
    assert window.text_size == 125
    assert QApplication.font().pointSizeF() > normal
    qtbot.waitUntil(lambda: window.wizard.current_page().title_label.sizeHint().height() > title_before)
    window.close()
    again = MainWindow(questionnaire, store)
    qtbot.addWidget(again)
    assert again.text_size == 125 and QApplication.font().pointSizeF() > normal
    again.show()
    _active(qtbot, again)
    _press(again, "Ctrl+0")
    assert again.text_size == 100 and QApplication.font().pointSizeF() == normal


def test_window_size_and_place_are_remembered(qtbot, questionnaire, store, window) -> None:
    window.resize(700, 500)  # the offscreen screen is 800 × 600
    qtbot.waitUntil(lambda: window.size().width() == 700)
    window.close()
    again = MainWindow(questionnaire, store)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_colour_choice_is_remembered(qtbot, questionnaire, store, window) -> None:
    window.actions_["colours_dark"].trigger()
    assert window.palette().window().color().lightness() < 60
    window.close()
    again = MainWindow(questionnaire, store)
    qtbot.addWidget(again)
    assert again.colour_choice == "dark" and again.actions_["colours_dark"].isChecked()
    again.set_colours("light")


def test_focus_is_on_the_first_field_of_each_new_page(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    first_item = window.ctx.questionnaire.page("about").items[0].id
    assert QApplication.focusWidget() is window.findChild(QLineEdit, f"{first_item}__input")
    fill_about(window)
    focused = QApplication.focusWidget()
    assert focused is not None and window.wizard.current_page().isAncestorOf(focused)
    first_item = window.ctx.questionnaire.page("training").items[0].id
    assert focused.objectName().startswith(first_item)


def test_enter_in_a_field_goes_next_and_enter_on_back_goes_back(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    click(window, "sex", "female")
    click(window, "painful_side", "right")
    age = window.findChild(QLineEdit, "age__input")
    age.setFocus()
    QTest.keyClicks(age, "44")
    QTest.keyClick(age, Qt.Key.Key_Return)
    assert window.current_page_id() == "training"
    window.wizard.back_button.setFocus()
    QTest.keyClick(window.wizard.back_button, Qt.Key.Key_Return)
    assert window.current_page_id() == "about"


def test_enter_on_a_page_with_a_missing_answer_explains_and_stays(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    age = window.findChild(QLineEdit, "age__input")
    QTest.keyClick(age, Qt.Key.Key_Enter)
    assert window.current_page_id() == "about"
    error = window.findChild(QLabel, "error_sex")
    assert error is not None and error.isVisible() and error.text()


def test_space_stops_the_stance_timer(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("exam")
    page = window.wizard.current_page()
    timer = page.checklist().blocks["single_leg_stance_30s"].rows["left"].timer
    assert timer is not None
    timer.start_button.setFocus()
    QTest.keyClick(timer.start_button, Qt.Key.Key_Space)
    assert timer.is_running()
    assert QApplication.focusWidget() is timer.stop_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert not timer.is_running() and timer.held_s is not None
    assert QApplication.focusWidget() is timer.start_button  # Space again: another try, nothing else opens


def test_alt_n_on_the_last_page_goes_through_finish(qtbot, window) -> None:
    _active(qtbot, window)
    fill_start(window)
    fill_about(window)
    session_id = window.wizard.editor.session_id
    window.wizard.go_to_page("summary")
    assert window.wizard.next_button.text() == "Finish"
    _press(window, "Alt+N")
    assert window.ctx.store.load_session(session_id).status == "complete"


def test_ctrl_q_closes_the_window(qtbot, window) -> None:
    _active(qtbot, window)
    _press(window, "Ctrl+Q")
    assert not window.isVisible()
