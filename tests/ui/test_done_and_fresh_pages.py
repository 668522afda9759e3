"""The ordinary window: Finish leads to a done screen, and a new or follow-up session starts every page fresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea

from hipdesk.ui.main_window import MainWindow
from tests.ui.conftest import fill_about, fill_start, type_into


def _to_summary(window: MainWindow) -> int:
    fill_start(window, setting="home")
    type_into(window, "name", "Rita Runner")
    fill_about(window)
    assert window.wizard.editor is not None
    session_id = window.wizard.editor.session_id
    window.wizard.go_to_page("summary")
    return session_id


def _summary_bar(window: MainWindow):
    page = window.wizard.current_page()
    assert page.objectName() == "page_summary"
    return page.export_bar


def test_finish_at_home_shows_what_was_saved_and_where(qtbot, window: MainWindow, tmp_path: Path) -> None:
    session_id = _to_summary(window)
    bar = _summary_bar(window)
    pdf = tmp_path / "report.pdf"
    bar.exporter.save_dialog = lambda *_: str(pdf)
    with qtbot.waitSignal(bar.exported, timeout=20_000):
        assert bar.save_pdf()
    assert window.wizard.next()  # Finish
    done = window.views.currentWidget()
    assert done.objectName() == "doneScreen" and done.isVisible()
    shown = " ".join(label.text() for label in done.findChildren(QLabel) if label.isVisibleTo(window))
    assert f"Session #{session_id} (Rita Runner)" in shown
    assert str(window.ctx.store.path) in shown, "where the answers are saved"
    assert str(pdf) in shown, "what was saved during the session"
    assert "Follow-up check" in shown and "PDF" in shown, "the next steps"
    assert window.ctx.store.load_session(session_id).status == "complete"

    again = tmp_path / "again.pdf"
    window.library_exporter().save_dialog = lambda *_: str(again)
    with qtbot.waitSignal(window.library_exporter().exported, timeout=20_000):
        done.findChild(QAbstractButton, "donePdfButton").click()
    assert again.read_bytes().startswith(b"%PDF")
    assert str(again) in done.findChild(QLabel, "donePdfStatus").text()

    done.findChild(QAbstractButton, "doneNewButton").click()
    assert window.views.currentWidget() is window.wizard
    assert window.current_page_id() == "start" and window.wizard.editor is None


def test_done_screen_leads_to_the_sessions_for_a_follow_up(window: MainWindow) -> None:
    _to_summary(window)
    assert window.wizard.next()
    window.views.currentWidget().findChild(QAbstractButton, "doneSessionsButton").click()
    assert window.views.currentWidget() is window.library


def test_a_follow_up_starts_every_page_at_the_top_with_no_export_state(qtbot, window: MainWindow,
                                                                       tmp_path: Path) -> None:
    first = _to_summary(window)
    bar = _summary_bar(window)
    bar.exporter.save_dialog = lambda *_: str(tmp_path / "first.pdf")
    with qtbot.waitSignal(bar.exported, timeout=20_000):
        assert bar.save_pdf()
    assert "first.pdf" in bar.status.text()
    window.wizard.go_to_page("symptoms")  # a long page, scrolled down to its end
    window.resize(900, 560)
    areas = [window.wizard.stack.widget(i) for i in range(window.wizard.stack.count())]
    scrolled = [area for area in areas if isinstance(area, QScrollArea) and area.verticalScrollBar().maximum() > 0]
    assert scrolled, "some page is taller than the window"
    for area in scrolled:
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    window.wizard.go_to_page("summary")
    assert window.wizard.next()  # Finish

    library = window.show_library()
    library.select_row(0)
    library.follow_up_button.click()
    assert window.wizard.editor is not None and window.wizard.editor.session_id != first
    for area in scrolled:
        assert area.verticalScrollBar().value() == 0, area.widget().objectName()
    window.wizard.go_to_page("summary")
    assert _summary_bar(window).status.text() == "" and _summary_bar(window).saved == []


def test_the_next_steps_heading_grows_with_the_text_size(window: MainWindow) -> None:
    """The "what next" heading had its own fixed 13 pt: at 200 % it was smaller than the text under it."""
    session_id = _to_summary(window)
    done = window.show_done(session_id)
    heading = next(label for label in done.findChildren(QLabel) if done.text.next_title in label.text())
    step_text = next(label for label in done.findChildren(QLabel) if "PDF" in label.text() and label is not heading)
    sizes = {}
    for percent in (100, 200):
        window.set_text_size(percent)
        QApplication.processEvents()
        sizes[percent] = (heading.fontInfo().pointSizeF(), step_text.fontInfo().pointSizeF(), heading.fontInfo().bold())
    assert sizes[200][0] >= 1.9 * sizes[100][0]
    assert all(heading_size >= text_size and bold for heading_size, text_size, bold in sizes.values())
