"""Watch files from the training page: button and drag and drop, progress with Cancel, marks, the chart."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from hipdesk.ui import watch_import
from hipdesk.ui.main_window import MainWindow
from hipdesk.ui.watch_import import WatchImportPanel
from hipdesk.ui.weekly_chart import WeeklyChartView
from tests.core.activity_files import write_fit, write_gpx, write_tcx
from tests.ui.conftest import fill_about, fill_start, find, type_into


def to_training(win: MainWindow) -> WatchImportPanel:
    fill_start(win)
    fill_about(win)
    assert win.current_page_id() == "training"
    return win.findChild(WatchImportPanel)


def runs_folder(tmp_path: Path, recent_km: float = 45, before_km: float = 30) -> Path:
    """Two runs a week for 8 weeks (FIT), one of them also as a GPX export, and two bad files."""
    folder = tmp_path / "watch"
    folder.mkdir()
    today = dt.date.today()
    for week in range(8):
        for n, fraction in enumerate((0.4, 0.6)):
            start = dt.datetime.combine(today - dt.timedelta(days=7 * week + 2 + 3 * n), dt.time(7), dt.UTC)
            km = (recent_km if week < 2 else before_km) * fraction
            write_fit(folder / f"w{week}-{n}.fit", start, km, km * 6, zone_hours=0)
    write_gpx(folder / "export.gpx", dt.datetime.combine(today - dt.timedelta(days=2), dt.time(7), dt.UTC), 18, 108)
    write_tcx(folder / "ride.tcx", dt.datetime.combine(today - dt.timedelta(days=4), dt.time(7), dt.UTC), 40, 90, sport="Biking")
    (folder / "empty.fit").write_bytes(b"")
    return folder


def wait_done(qtbot, panel: WatchImportPanel) -> None:
    qtbot.waitUntil(lambda: not panel.busy, timeout=30_000)


def field_text(win: MainWindow, item_id: str) -> str:
    edit = find(win, f"{item_id}__input")
    assert isinstance(edit, QLineEdit)
    return edit.text()


def test_import_a_folder_fills_the_answers_marks_them_and_draws_the_chart(window, qtbot, tmp_path: Path) -> None:
    panel = to_training(window)
    window.ctx.open_folder = lambda *_: str(runs_folder(tmp_path))
    find(window, "importWatchFolder").click()
    assert panel.busy and find(window, "cancelWatchImport").isVisible()  # the window went on at once
    wait_done(qtbot, panel)
    answers = window.ctx.store.load_session(window.wizard.editor.session_id).answers
    assert (answers["weekly_distance"], answers["recent_weekly_distance"], answers["longest_run"]) == (30.0, 45.0, 27.0)
    assert field_text(window, "weekly_distance") == "30" and field_text(window, "recent_weekly_distance") == "45"
    for item_id in ("weekly_distance", "recent_weekly_distance", "longest_run"):
        assert find(window, f"watchMark_{item_id}").text() == "from your watch files"
    status = find(window, "watchStatus").text()
    assert "16 new runs from 19 files" in status and "1 runs were in more than one file" in status
    problems = find(window, "watchProblems").text()
    assert "empty.fit: The file is empty" in problems and "ride.tcx: This is not a run (Biking)" in problems
    chart = find(window, "weeklyChart")
    assert isinstance(chart, WeeklyChartView) and chart.chart is not None
    assert chart.chart.values[-2:] == (45.0, 45.0) and chart.chart.rise_marked
    assert find(window, "watchChange").text().startswith("Last two weeks against the two before: +50 % (")
    note = find(window, "watchRiseNote").text()
    assert "may raise the risk of distance-related injuries" in note and "causes" not in note
    assert not panel.cancel_button.isVisible() and not panel.progress.isVisible()
    # Still editable: changing an answer drops its mark, the others stay.
    type_into(window, "weekly_distance", "35")
    assert not window.findChild(QLabel, "watchMark_weekly_distance").isVisible()
    assert find(window, "watchMark_longest_run").isVisible()


def test_drag_and_drop_files_onto_the_page(window, qtbot, tmp_path: Path) -> None:
    panel = to_training(window)
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    run = write_gpx(tmp_path / "run.gpx", start, 12.0, 70)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(run))])
    page = window.findChild(QWidget, "page_training")
    enter = QDragEnterEvent(page.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(page.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    wait_done(qtbot, panel)
    assert window.wizard.editor.session.answers["recent_weekly_distance"] == 6.0
    assert field_text(window, "longest_run") == "12"


def test_a_large_folder_shows_progress_and_cancel_stores_nothing(window, qtbot, tmp_path: Path, monkeypatch) -> None:
    panel = to_training(window)
    folder = tmp_path / "many"
    folder.mkdir()
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    for n in range(300):
        write_tcx(folder / f"run{n:03}.tcx", start - dt.timedelta(hours=3 * n), 5, 30, points=50)
    real_read = watch_import.read_files

    def read_pausing_after_five(paths, progress=None, should_stop=None, now=None):
        # The real reading, held after the fifth file until Cancel is seen: the test does not race the worker.
        def progress_then_pause(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 20
            while done == 5 and not should_stop() and time.monotonic() < deadline:
                time.sleep(0.01)

        return real_read(paths, progress_then_pause, should_stop, now)

    monkeypatch.setattr(watch_import, "read_files", read_pausing_after_five)
    panel.start_import([folder])
    # The window handles events while the worker reads: the progress bar moves and Cancel can be clicked.
    qtbot.waitUntil(lambda: panel.progress.value() == 5 and panel.progress.maximum() == 300, timeout=20_000)
    assert find(window, "watchStatus").text() == "Reading 5 of 300 files…"
    find(window, "cancelWatchImport").click()
    wait_done(qtbot, panel)
    assert find(window, "watchStatus").text() == "Import cancelled: nothing was changed."
    answers = window.ctx.store.load_session(window.wizard.editor.session_id).answers
    assert "weekly_distance" not in answers and "watch_record" not in answers
    assert not panel.chart.isVisible()


@pytest.mark.parametrize("unit", ["mi"])
def test_miles_are_filled_in_miles(window, qtbot, tmp_path: Path, unit: str) -> None:
    panel = to_training(window)
    find(window, f"distance_unit__{unit}").click()
    run = write_fit(tmp_path / "run.fit", dt.datetime.now(dt.UTC) - dt.timedelta(days=1), 16.09344, 90)
    panel.start_import([run])
    wait_done(qtbot, panel)
    assert field_text(window, "longest_run") == "10"
    assert panel.chart.chart is not None and panel.chart.chart.unit == "miles"


def test_no_watch_import_at_the_front_desk(qtbot, questionnaire, store) -> None:
    from hipdesk.ui.context import UiContext
    from hipdesk.ui.training_page import TrainingPage

    page_content = next(p for p in questionnaire.pages if p.kind == "training")
    page = TrainingPage(page_content, UiContext(questionnaire, store, kiosk=True))
    qtbot.addWidget(page)
    page.show()
    assert not page.watch.isVisible() and not page.acceptDrops()  # a file dialog would open the clinic's folders
    assert page.form.rows["weekly_distance"].isVisible()  # the questions themselves are still asked
