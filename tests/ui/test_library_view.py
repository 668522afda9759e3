"""The session browser, driven like a user: browse, search, sort, continue, follow-up, delete, trends."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.storage.store import SessionStore
from hipdesk.ui.context import UiContext
from hipdesk.ui.library_view import COLUMNS, SessionLibrary
from hipdesk.ui.main_window import MainWindow

CLINIC = {"setting": "clinic", "filled_by": "clinician"}


def add(store: SessionStore, q: Questionnaire, day: str, done: bool = True, **answers: object) -> int:
    session = store.create_session(answers)
    assert session.id is not None
    if done:
        store.finish_session(session.id)
    store.conn.execute("UPDATE sessions SET created_at = ? WHERE id = ?", (f"{day}T10:00:00+00:00", session.id))
    library.refresh_summary(store, q, session.id)
    return session.id


@pytest.fixture
def ctx(store: SessionStore, questionnaire: Questionnaire) -> UiContext:
    return UiContext(questionnaire, store)


def make_library(qtbot, ctx: UiContext) -> SessionLibrary:
    view = SessionLibrary(ctx)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    return view


def shown(view: SessionLibrary, column: str) -> list[str]:
    model = view.table.model()
    c = COLUMNS.index(column)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_browse_fetches_pages_lazily_as_the_view_scrolls(qtbot, ctx: UiContext) -> None:
    rows = [(f"2026-01-{n % 28 + 1:02d}T10:00:00+00:00", f"2026-01-{n % 28 + 1:02d}") for n in range(450)]
    with ctx.store.transaction() as conn:
        conn.executemany("INSERT INTO sessions (created_at, updated_at, summary_at) VALUES (?, ?, 'x')", rows)
    view = make_library(qtbot, ctx)
    assert view.model.rowCount() == 200
    assert view.table.horizontalHeader().model().headerData(0, Qt.Orientation.Horizontal) == "Date"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > 200)
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == 450
    dates = shown(view, "date")
    assert dates == sorted(dates, reverse=True)


def test_search_by_name_and_date_range(qtbot, ctx: UiContext) -> None:
    q = ctx.questionnaire
    add(ctx.store, q, "2026-02-01", **CLINIC, name="Anna Müller", birth_date="1980-04-02")
    add(ctx.store, q, "2026-02-10", **CLINIC, name="Ben Okafor", birth_date="1975-01-01")
    add(ctx.store, q, "2026-03-05", **CLINIC, name="anna Schmidt", birth_date="1990-01-01")
    view = make_library(qtbot, ctx)
    assert len(shown(view, "person")) == 3
    view.search.setText("ANNA")
    assert len(shown(view, "person")) == 3  # typing: searched once the person pauses
    qtbot.waitUntil(lambda: sorted(shown(view, "person")) == ["Anna Müller", "anna Schmidt"])
    view.search.setText("üller")
    view.apply_search()  # Enter: at once
    assert shown(view, "person") == ["Anna Müller"]
    view.search.setText("anna")
    view.apply_search()
    view.date_to.setDate(QDate(2026, 2, 28))
    assert shown(view, "person") == ["Anna Müller"]
    view.search.clear()
    view.date_from.setDate(QDate(2026, 2, 10))
    assert shown(view, "person") == ["Ben Okafor"]


def test_clicking_a_header_sorts(qtbot, ctx: UiContext) -> None:
    q = ctx.questionnaire
    for day, name, pain in (("2026-01-01", "A", 3), ("2026-01-02", "B", 9), ("2026-01-03", "C", 6)):
        add(ctx.store, q, day, **CLINIC, name=name, pain_now=pain, pain_worst=pain)
    view = make_library(qtbot, ctx)
    assert shown(view, "person") == ["C", "B", "A"]  # newest first
    header = view.table.horizontalHeader()
    column = COLUMNS.index("worst_pain")
    spot = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    first = shown(view, "worst_pain")
    assert sorted(first) == ["3/10", "6/10", "9/10"] and first in (["9/10", "6/10", "3/10"], ["3/10", "6/10", "9/10"])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert shown(view, "worst_pain") == first[::-1]  # a second click turns the order round
    view.table.sortByColumn(COLUMNS.index("person"), Qt.SortOrder.AscendingOrder)
    assert shown(view, "person") == ["A", "B", "C"]


def test_open_continues_a_draft_or_opens_a_summary(qtbot, ctx: UiContext) -> None:
    q = ctx.questionnaire
    complete = add(ctx.store, q, "2026-01-01", **CLINIC, name="Done")
    draft = add(ctx.store, q, "2026-01-02", done=False, **CLINIC, name="Draft")
    view = make_library(qtbot, ctx)
    assert not view.open_button.isEnabled()
    view.select_row(0)
    assert view.open_button.text().replace("&", "") == "Continue draft"
    with qtbot.waitSignal(view.continue_requested) as blocker:
        view.open_button.click()
    assert blocker.args == [draft]
    view.select_row(1)
    assert view.open_button.text().replace("&", "") == "Open summary"
    with qtbot.waitSignal(view.open_summary_requested) as blocker:
        view.open_button.click()
    assert blocker.args == [complete]
    with qtbot.waitSignal(view.export_requested) as blocker:
        view.export_button.click()
    assert blocker.args == [complete]


def test_follow_up_copies_history_and_starts_pain_fresh(qtbot, ctx: UiContext) -> None:
    q = ctx.questionnaire
    first = add(ctx.store, q, "2026-01-01", **CLINIC, name="Anna Müller", birth_date="1980-04-02", sex="female",
                weekly_distance=40.0, med_steroids="yes", pain_now=7, pain_worst=8, rf_fever="no")
    view = make_library(qtbot, ctx)
    view.select_row(0)
    assert view.follow_up_button.isEnabled()
    with qtbot.waitSignal(view.continue_requested) as blocker:
        view.follow_up_button.click()
    new_id = blocker.args[0]
    assert new_id != first
    stored = ctx.store.load_session(new_id)
    assert stored.answers["name"] == "Anna Müller" and stored.answers["med_steroids"] == "yes"
    assert stored.answers["weekly_distance"] == 40.0
    assert not {"pain_now", "pain_worst", "rf_fever", "filled_by"} & set(stored.answers)
    assert shown(view, "status")[0] == "Draft" and len(shown(view, "status")) == 2


def test_follow_up_is_not_offered_without_a_person(qtbot, ctx: UiContext) -> None:
    add(ctx.store, ctx.questionnaire, "2026-01-01", **CLINIC, name="No birth date", age=30)
    view = make_library(qtbot, ctx)
    view.select_row(0)
    assert not view.follow_up_button.isEnabled() and not view.trends_button.isEnabled()


def test_delete_asks_then_erases_the_bytes(qtbot, ctx: UiContext, tmp_path: Path) -> None:
    q = ctx.questionnaire
    add(ctx.store, q, "2026-01-01", **CLINIC, name="Keep Me", birth_date="1970-01-01")
    add(ctx.store, q, "2026-01-02", **CLINIC, name="Erasable Wombatname", birth_date="1966-06-06")
    asked: list[str] = []
    answer = [False]
    ctx.ask = lambda _parent, _title, text: asked.append(text) or answer[0]
    view = make_library(qtbot, ctx)
    view.select_row(0)
    view.delete_button.click()
    assert "Erasable Wombatname" in asked[0] and "2026-01-02" in asked[0]
    assert shown(view, "person") == ["Erasable Wombatname", "Keep Me"]  # refused: nothing deleted
    answer[0] = True
    with qtbot.waitSignal(view.session_deleted):
        view.delete_button.click()
    assert shown(view, "person") == ["Keep Me"]
    files = [p for p in ctx.store.path.parent.iterdir() if p.name.startswith(ctx.store.path.name)]
    data = b"".join(p.read_bytes() for p in files)
    assert b"Wombatname" not in data and b"wombatname" not in data and b"1966-06-06" not in data
    assert b"Keep Me" in data


def test_trends_show_the_selected_persons_chart_data(qtbot, ctx: UiContext) -> None:
    q = ctx.questionnaire
    for day, now in (("2026-01-01", 8), ("2026-01-08", 7), ("2026-01-15", 4)):
        add(ctx.store, q, day, setting="home", name="Runner", pain_now=now, pain_worst=now)
    add(ctx.store, q, "2026-01-16", setting="home", name="Someone else", pain_now=1, pain_worst=1)
    view = make_library(qtbot, ctx)
    view.search.setText("runner")
    view.apply_search()
    view.select_row(0)
    view.trends_button.click()
    assert view.trends_area.isVisible()
    assert view.trends.heading.text() == "Pain trends for Runner"
    chart = view.trends.scores_chart
    assert [s.key for s in chart.series] == ["pain_now", "pain_worst"]
    assert [(p.value, p.meaningful) for p in chart.series[0].points] == [(8, False), (7, False), (4, True)]
    assert chart.dates == ("2026-01-01", "2026-01-08", "2026-01-15")
    assert "latest check (2026-01-15)" in view.trends.changes.text()
    assert "• Pain now: 7 → 4 (better)" in view.trends.changes.text()
    assert not view.trends.regions_chart.isVisible()  # no body-map marks yet
    assert not view.trends.shown.isVisible()  # every session is in the chart: nothing to say
    assert not chart.grab().isNull()


def test_trends_of_a_long_history_show_the_latest_30_sessions_and_say_so(qtbot, ctx: UiContext) -> None:
    import datetime as dt

    q = ctx.questionnaire
    days = [(dt.date(2025, 1, 1) + dt.timedelta(days=7 * n)).isoformat() for n in range(33)]
    for number, day in enumerate(days):
        session_id = add(ctx.store, q, day, setting="home", name="Long Runner", pain_now=number % 11,
                         pain_worst=(number * 3) % 11)
        for region in ("outer_hip", "buttock", "groin", "outer_thigh", "outer_knee", "lower_back", "front_thigh",
                       "back_thigh", "sacroiliac", "deep_buttock", "below_knee")[: 1 + number % 11]:
            ctx.store.save_region(session_id, region, "right" if number % 2 else "left", 1 + number % 10)
    view = make_library(qtbot, ctx)
    view.resize(1024, 900)
    view.search.setText("long runner")
    view.apply_search()
    view.select_row(0)
    view.trends_button.click()
    panel = view.trends
    assert panel.shown.isVisible()
    assert panel.shown.text() == f"The latest 30 of 33 sessions, from {days[3]}."
    assert panel.scores_chart.dates == tuple(days[3:])
    assert len(panel.regions_chart.series) == 22  # both sides of 11 areas, each its own line
    assert max(len(s.points) for s in panel.regions_chart.series) <= 30
    # The legend fits under the plot: the chart is tall enough for 8 rows of 3 columns.
    qtbot.waitUntil(lambda: panel.regions_chart.height() >= panel.regions_chart.minimumHeight())
    assert panel.regions_chart.minimumHeight() >= 170 + 8 * panel.regions_chart.fontMetrics().height()


def test_main_window_switches_to_the_library_and_continues_a_draft(qtbot, questionnaire: Questionnaire,
                                                                   store: SessionStore) -> None:
    draft = store.create_session({"setting": "home", "filled_by": "patient", "name": "Resumer"})
    assert draft.id is not None
    store.set_current_page(draft.id, "training")
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    window.sessions_action.trigger()
    assert window.views.currentWidget() is window.library
    assert window.library is not None
    assert shown(window.library, "person") == ["Resumer"]  # the stale summary was refreshed on opening
    window.library.select_row(0)
    window.library.open_button.click()
    assert window.views.currentWidget() is window.wizard
    assert window.current_page_id() == "training"
    assert window.wizard.editor is not None and window.wizard.editor.session_id == draft.id


def test_kiosk_hides_the_session_list(qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    window = MainWindow(questionnaire, store, kiosk=True)
    qtbot.addWidget(window)
    assert not window.sessions_action.isVisible()


def test_answers_given_in_the_wizard_reach_the_list_after_a_page_change(qtbot, questionnaire: Questionnaire,
                                                                       store: SessionStore) -> None:
    draft = store.create_session({"setting": "clinic", "filled_by": "patient"})
    assert draft.id is not None
    store.set_current_page(draft.id, "about")
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    view = window.show_library()
    view.select_row(0)
    view.open_button.click()
    editor = window.wizard.editor
    assert editor is not None
    editor.set_answer("name", "Wizard Person")
    editor.set_answer("birth_date", "1985-04-23")
    editor.set_answer("pain_now", "4")
    window.wizard.back()  # any page change refreshes the list columns
    row = library.fetch_rows(store, library.LibraryQuery())[0]
    assert (row.person_name, row.worst_pain, row.person_id is not None) == ("Wizard Person", 4, True)
    window.ctx.ask = lambda *_: True  # finish without the warning-sign questions
    window.wizard.finish()
    assert library.fetch_rows(store, library.LibraryQuery())[0].status == "complete"
    window.show_library()
    assert shown(view, "status") == ["Complete"] and shown(view, "person") == ["Wizard Person"]


def test_main_window_opens_a_complete_sessions_summary_and_forgets_a_deleted_one(
        qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    done = add(store, questionnaire, "2026-01-01", **CLINIC, name="Finished Person")
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    view = window.show_library()
    view.select_row(0)
    view.open_button.click()
    assert window.current_page_id() == "summary"
    assert window.wizard.editor is not None and window.wizard.editor.session_id == done
    window.show_library()
    window.ctx.ask = lambda *_args: True
    view.select_row(0)
    view.delete_button.click()
    assert window.wizard.editor is None  # the wizard no longer shows the deleted session
    assert window.current_page_id() == "start"


def test_an_empty_date_field_opens_its_calendar_on_this_month(qtbot, ctx: UiContext) -> None:
    view = make_library(qtbot, ctx)
    assert view.date_from.text() == "Any date"
    calendar = view.date_from.calendarWidget()
    QApplication.sendEvent(calendar, QShowEvent())
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert view.current_query().date_from is None  # showing the month chose nothing


def test_enter_on_a_line_opens_it(qtbot, ctx: UiContext) -> None:
    draft = add(ctx.store, ctx.questionnaire, "2026-01-02", done=False, **CLINIC, name="Keyboard User")
    view = make_library(qtbot, ctx)
    view.table.setFocus()
    view.select_row(0)
    with qtbot.waitSignal(view.continue_requested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [draft]


def test_export_pdf_from_the_library_writes_the_report(qtbot, questionnaire: Questionnaire, store: SessionStore,
                                                      tmp_path: Path) -> None:
    add(store, questionnaire, "2026-05-01", name="Export Me", pain_now=3, pain_worst=6)
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    view = window.show_library()
    target = tmp_path / "out.pdf"
    window.library_exporter().save_dialog = lambda *_: str(target)  # the file dialog, answered
    view.table.selectRow(0)
    with qtbot.waitSignal(window.library_exporter().exported):
        view.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o777 == 0o600


def test_columns_grow_with_the_text_size_and_the_table_scrolls_sideways(qtbot, questionnaire: Questionnaire,
                                                                        store: SessionStore) -> None:
    """At 200 % text the columns kept their pixel widths: dates, names and headings were cut to "2026-1…". Every
    column now fits its heading and the date; names keep a readable width; what does not fit scrolls sideways.
    At 100 % the names still take the room left over."""
    add(store, questionnaire, "2026-11-30", name="Maria Castellanos", **CLINIC)  # (about 22 letters show whole)
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    library = window.show_library()
    table = library.table
    header = table.horizontalHeader()
    for percent in (200, 100, 200):
        window.set_text_size(percent)
        QApplication.processEvents()
        text_width = table.fontMetrics().horizontalAdvance
        for column, name in enumerate(COLUMNS):
            heading = library.model.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(heading) + 16, (percent, name)
        for name in ("date", "person", "status"):
            cell = library.model.index(0, COLUMNS.index(name)).data()
            assert header.sectionSize(COLUMNS.index(name)) >= text_width(cell) + 8, (percent, name, cell)
        spare = table.viewport().width() - header.length()
        if percent == 200:
            assert table.horizontalScrollBar().maximum() > 0  # the rest is a sideways scroll away
        else:
            assert spare <= 1 and table.horizontalScrollBar().maximum() == 0  # names fill the row


@pytest.mark.parametrize("scheme", ["dark", "contrast", "light"])
def test_emergency_and_urgent_are_readable_in_every_colour_scheme(qtbot, questionnaire: Questionnaire,
                                                                  store: SessionStore, scheme: str) -> None:
    """"Emergency" was written in a fixed dark red: 2.3:1 on the dark scheme's rows. It takes the scheme's error
    colour, also when the colours change with the list open; measured on the drawn cell (WCAG 1.4.3, 4.5:1)."""
    from hipdesk.actions.imports import import_answers_file
    from tests.ui.contrast import text_contrast

    vignette = Path(__file__).resolve().parents[1] / "vignettes" / "cancer_history_night_pain.json"
    session_id = import_answers_file(store, questionnaire, vignette)
    store.finish_session(session_id)
    from hipdesk.assessment import engine_assess

    library.refresh_summary(store, questionnaire, session_id, engine_assess())
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    view = window.show_library()
    window.set_colours(scheme)  # after the list is open
    QApplication.processEvents()
    cell = view.model.index(0, COLUMNS.index("triage"))
    assert cell.data() in ("Emergency", "Urgent"), cell.data()
    rect = view.table.visualRect(cell)
    image = view.table.viewport().grab(rect).toImage()
    value, text, back = text_contrast(image.copy(2, 2, image.width() - 4, image.height() - 4))
    assert value >= 4.5, f"{scheme}: {value:.2f} ({text:06x} on {back:06x})"
    assert text == int(window.colours.error[1:], 16)  # the scheme's own error colour
