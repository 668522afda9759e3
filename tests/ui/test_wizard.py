"""The intake wizard: pages from content, autosave, branching, validation, Back/Next, resume, progress."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel

from hipdesk.ui.main_window import MainWindow
from tests.ui.conftest import click, fill_about, fill_start, find, type_into


def stored(win: MainWindow) -> dict:
    assert win.wizard.editor is not None
    return win.ctx.store.load_session(win.wizard.editor.session_id).answers


def error_text(win: MainWindow, item_id: str) -> str:
    label = find(win, f"error_{item_id}")
    assert isinstance(label, QLabel)
    return label.text()


def test_first_page_is_start_with_disclaimer(window) -> None:
    assert window.current_page_id() == "start"
    disclaimer = find(window, "disclaimer")
    assert "does not diagnose" in disclaimer.text()


def test_start_answer_stays_checked_when_it_opens_the_session(window) -> None:
    click(window, "filled_by", "clinician")
    assert find(window, "filled_by__clinician").isChecked()


def test_start_refuses_next_until_answered(window) -> None:
    assert not window.wizard.next()
    assert error_text(window, "filled_by") == "Please answer this question."
    assert window.ctx.store.list_sessions() == []  # refusing Next stores nothing


def test_each_answer_is_stored_when_given(window) -> None:
    fill_start(window)
    assert stored(window) == {"filled_by": "patient", "setting": "home", "distance_unit": "km"}
    type_into(window, "age", "52")
    assert stored(window)["age"] == 52
    click(window, "sex", "male")
    assert stored(window)["sex"] == "male"


def test_age_out_of_range_is_refused_with_reason(window) -> None:
    fill_start(window)
    type_into(window, "age", "400")
    assert "from 10 to 110" in error_text(window, "age")
    assert "age" not in stored(window)
    click(window, "sex", "female")
    click(window, "painful_side", "left")
    assert not window.wizard.next()
    assert window.current_page_id() == "about"
    assert find(window, "age__input").text() == "400"  # what was typed is kept for correcting


def test_future_date_and_bad_date_are_refused(window) -> None:
    fill_start(window)
    type_into(window, "birth_date", "2999-01-01")
    assert "future" in error_text(window, "birth_date")
    type_into(window, "birth_date", "1980-02-30")
    assert "real date" in error_text(window, "birth_date")
    assert "birth_date" not in stored(window)


def test_date_of_birth_replaces_the_age_question(window) -> None:
    fill_start(window)
    assert find(window, "row_age").isVisible()
    type_into(window, "birth_date", "1980-05-01")
    assert not window.findChild(QLabel, "label_age").isVisibleTo(window)
    click(window, "sex", "female")
    click(window, "painful_side", "left")
    assert window.wizard.next()  # age is not required once it is not asked


def test_negative_distance_is_refused_in_chosen_unit(window) -> None:
    fill_start(window)
    fill_about(window)
    click(window, "distance_unit", "mi")
    type_into(window, "weekly_distance", "-5")
    assert error_text(window, "weekly_distance") == "A distance cannot be negative."
    type_into(window, "weekly_distance", "500")
    assert "miles" in error_text(window, "weekly_distance")
    type_into(window, "weekly_distance", "20")
    assert stored(window)["weekly_distance"] == 20.0
    assert stored(window)["distance_unit"] == "mi"


def test_distance_unit_is_remembered_for_next_session(window) -> None:
    fill_start(window)
    fill_about(window)
    click(window, "distance_unit", "mi")
    window.wizard.close_session()
    fill_start(window)
    assert stored(window)["distance_unit"] == "mi"


def test_branching_skips_and_stores_not_asked(window) -> None:
    fill_start(window)
    fill_about(window, sex="male")
    assert window.wizard.next()  # training
    assert window.current_page_id() == "pain"
    click(window, "pain_during_run", "yes")
    assert find(window, "row_pain_start_minutes").isVisible()
    type_into(window, "pain_start_minutes", "20")
    click(window, "pain_during_run", "no")
    assert not window.findChild(QLabel, "label_pain_start_minutes").isVisibleTo(window)
    editor = window.wizard.editor
    assert editor is not None
    not_asked = window.ctx.store.not_asked(editor.session_id)
    assert {"pain_start_minutes", "pain_run_score", "bs_periods", "pregnant"} <= not_asked
    assert "pain_start_minutes" not in editor.effective_answers()


def test_menstrual_questions_only_for_female(window) -> None:
    fill_start(window)
    fill_about(window, sex="female")
    editor = window.wizard.editor
    assert editor is not None
    assert editor.applies("bs_periods") and editor.applies("pregnant")


def test_back_and_next_never_lose_an_answer(window) -> None:
    fill_start(window)
    type_into(window, "name", "Ana <&> Ünlü")
    fill_about(window, age="33")
    click(window, "distance_unit", "km")
    type_into(window, "weekly_distance", "42.5")
    window.wizard.back()
    assert window.current_page_id() == "about"
    assert find(window, "name__input").text() == "Ana <&> Ünlü"
    assert find(window, "age__input").text() == "33"
    assert window.wizard.next()
    assert find(window, "weekly_distance__input").text() == "42.5"


def test_progress_shows_steps_and_what_is_left(window) -> None:
    progress = find(window, "progressLabel")
    assert progress.text() == "Step 1 of 9: Start · 8 steps left"
    fill_start(window)
    assert progress.text() == "Step 2 of 9: About you · 7 steps left"
    steps = window.wizard.steps.text()
    assert "<b>▶ About you</b>" in steps
    assert "✓ Start" in steps and "▶ Start" not in steps
    assert window.wizard.steps.accessibleName() == "Steps. Now: About you. Done: Start."


def test_resume_continues_at_the_page_left(qtbot, questionnaire, store, window) -> None:
    fill_start(window)
    type_into(window, "name", "Runner A")
    fill_about(window)
    click(window, "distance_unit", "km")
    window.close()

    again = MainWindow(questionnaire, store)
    qtbot.addWidget(again)
    again.show()
    drafts = find(again, "draftList")
    assert drafts.count() == 1 and "Runner A" in drafts.item(0).text()
    find(again, "continueButton").click()
    assert again.current_page_id() == "training"
    assert again.wizard.editor is not None
    assert again.wizard.editor.session.answers["name"] == "Runner A"
    again.wizard.back()
    assert find(again, "name__input").text() == "Runner A"


def test_finish_marks_complete_and_starts_over(window) -> None:
    fill_start(window)
    editor = window.wizard.editor
    assert editor is not None
    session_id = editor.session_id
    fill_about(window)
    window.wizard.go_to_page("summary")
    assert window.wizard.next_button.text() == "Finish"
    assert window.wizard.next()
    assert window.ctx.store.load_session(session_id).status == "complete"
    assert window.views.currentWidget().objectName() == "doneScreen"  # what was saved, and where
    window.views.currentWidget().findChild(QAbstractButton, "doneNewButton").click()
    assert window.current_page_id() == "start"
    assert window.wizard.editor is None
    assert find(window, "filled_by__patient").isChecked() is False


def test_import_answers_file_opens_it_as_a_new_session(window, tmp_path) -> None:
    from pathlib import Path

    vignette = Path(__file__).resolve().parents[1] / "vignettes" / "gtps_lateral_hip.json"
    window.ctx.open_file = lambda *_: str(vignette)
    find(window, "importAnswersButton").click()
    editor = window.wizard.editor
    assert editor is not None
    assert editor.session.answers["sex"] == "female"
    assert ("outer_hip", "right") in editor.session.regions or ("outer_hip", "left") in editor.session.regions


def test_import_of_a_bad_file_is_explained_and_stores_nothing(window, tmp_path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": 400}}', encoding="utf-8")
    messages = []
    window.ctx.open_file = lambda *_: str(bad)
    window.ctx.inform = lambda _parent, title, text: messages.append((title, text))
    find(window, "importAnswersButton").click()
    assert messages and "answers.age" in messages[0][1]
    assert window.ctx.store.list_sessions() == []
    assert window.current_page_id() == "start"


def test_the_start_page_imports_a_fhir_questionnaire_response_too(window, tmp_path) -> None:
    import json

    from hipdesk.exchange.fhir import response_resource
    from tests import samples

    path = tmp_path / "from-a-form-client.json"
    path.write_text(json.dumps(response_resource(window.ctx.questionnaire, samples.typical_session())), encoding="utf-8")
    window.ctx.open_file = lambda *_: str(path)
    find(window, "importAnswersButton").click()
    editor = window.wizard.editor
    assert editor is not None
    assert editor.session.answers["name"] == "Anna Müller"
    assert editor.session.regions[("outer_hip", "right")].intensity == 7


def test_continuing_a_session_that_is_gone_says_so_and_stays(window) -> None:
    """The start page listed a draft that is no longer in the file: a message, the start page, no traceback."""
    fill_start(window)
    draft_id = window.wizard.editor.session_id
    window.wizard.close_session()
    window.wizard.current_page().refresh_drafts()
    assert draft_id in window.wizard.current_page().draft_ids
    told: list[tuple[str, str]] = []
    window.ctx.inform = lambda _parent, title, text: told.append((title, text))
    with window.ctx.store.transaction() as conn:  # gone from under the list (as a damaged page reads)
        conn.execute("DELETE FROM sessions WHERE id = ?", (draft_id,))
    window.wizard.open_session(draft_id)
    assert told and told[0][0] == "Session not found" and str(draft_id) in told[0][1]
    assert window.current_page_id() == "start" and window.wizard.editor is None
    assert draft_id not in window.wizard.current_page().draft_ids


def test_the_next_page_is_built_ahead_in_pieces_and_the_window_answers_in_between(qtbot, window) -> None:
    """While the person reads, the next page is built one piece per turn of the event loop, so a click then
    waits for one piece at most (a whole page took up to ~150 ms); Next finds it ready."""
    from PySide6.QtCore import QTimer

    wizard = window.wizard
    window.show()
    ticks_while_building: list[int] = []
    watcher = QTimer(window)
    watcher.setInterval(0)
    watcher.timeout.connect(lambda: ticks_while_building.append(1) if 1 in wizard._building else None)
    watcher.start()
    qtbot.waitUntil(lambda: wizard.pages[1] is not None, timeout=5000)
    watcher.stop()
    assert len(ticks_while_building) >= 2  # other events ran while the page was half built
    fill_start(window)
    page = wizard.pages[1]
    wizard.next()
    assert window.current_page_id() == "about" and wizard.current_page() is page


def test_next_during_a_build_ahead_finishes_that_page_at_once(qtbot, window) -> None:
    wizard = window.wizard
    window.show()
    wizard._ahead.stop()  # the pieces by hand: the first two of the next page
    wizard._build_ahead()
    wizard._build_ahead()
    wizard._ahead.stop()
    assert 1 in wizard._building and wizard.pages[1] is None  # half built
    fill_start(window)
    wizard.next()
    assert window.current_page_id() == "about" and wizard.pages[1] is not None and 1 not in wizard._building
    fill_about(window)
    assert window.ctx.store.load_session(wizard.editor.session_id).answers.get("sex") == "female"


def test_a_summary_built_ahead_in_pieces_shows_every_section(qtbot, window) -> None:
    """The summary's long column is laid out in two pieces, the first with half of it hidden for a moment:
    after every piece, and on the page when the person gets there, no section is missing."""
    from tests import samples

    typical = samples.typical_session()
    typical.status = "draft"
    session_id = window.ctx.store.save_whole_session(typical)
    wizard = window.wizard
    window.show()
    wizard.open_session(session_id)
    summary_index = len(wizard.content_pages) - 1
    while wizard.index < summary_index - 1:
        assert wizard.next(), wizard.current_page_id()
    wizard._ahead.stop()  # the pieces by hand, checking the summary after each one
    hidden_after_piece: list[list[str]] = []
    for _ in range(200):
        wizard._build_ahead()
        wizard._ahead.stop()
        page = wizard.pages[summary_index]
        if page is not None and not page.body.isHidden():  # filled in for this session (prepared)
            hidden_after_piece.append(sorted(w.objectName() for w in page.long_column() if w.isHidden()))
        if wizard._ahead_work is None and page is not None and not wizard._building:
            break
    page = wizard.pages[summary_index]
    assert page is not None and len(hidden_after_piece) >= 3  # laid out and drawn in pieces
    page.refresh()  # what the page itself hides (e.g. a section with nothing to say)
    own = sorted(w.objectName() for w in page.long_column() if w.isHidden())
    assert all(hidden == own for hidden in hidden_after_piece)
    wizard.next()
    assert wizard.current_page() is page
    shown = [w for w in page.long_column() if not w.isHidden()]
    assert len(shown) > 10 and all(w.isVisible() for w in shown)


def _full_session_on_the_exam_page(window):  # type: ignore[no-untyped-def]
    """A typical session with every answer, opened at 1366 x 768 and walked to the examination page."""
    from tests import samples

    typical = samples.typical_session()
    typical.status = "draft"
    session_id = window.ctx.store.save_whole_session(typical)
    window.resize(1366, 768)
    window.show()
    wizard = window.wizard
    wizard.open_session(session_id)
    while wizard.current_page_id() != "exam":
        assert wizard.next(), wizard.current_page_id()
    return wizard


def test_the_summary_opens_at_its_top_not_at_its_first_button(qtbot, window) -> None:
    """The summary's first focusable widget (Save PDF) is under the whole assessment: arriving there must not
    scroll the triage out of view (it did). A page whose first field is on screen still gets the focus there."""
    from PySide6.QtWidgets import QScrollArea

    wizard = _full_session_on_the_exam_page(window)
    # As when the person reads: the summary is built, laid out and drawn ahead; then Next.
    qtbot.waitUntil(lambda: wizard.pages[-1] is not None and wizard._ahead_work is None, timeout=5000)
    assert wizard.next()
    scroll = wizard.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=3000)  # a long page, laid out
    assert scroll.verticalScrollBar().value() == 0
    triage = find(window, "triageBanner")
    assert not triage.visibleRegion().isEmpty()
    assert window.focusWidget() is wizard.current_page()  # (the window's focus: offscreen it is never active)
    wizard.back()
    wizard.back()  # History: its first question is on screen and has the focus
    focused = window.focusWidget()
    assert focused is not None and wizard.current_page().isAncestorOf(focused)


def test_the_summary_opens_at_its_top_when_reached_before_it_was_built_ahead(qtbot, window) -> None:
    """A quick Next on the examination page reaches the summary before it was built ahead: it is built on the
    click, not yet laid out when the focus is placed. It must still open at its top, the triage in view."""
    from PySide6.QtWidgets import QScrollArea

    wizard = _full_session_on_the_exam_page(window)
    assert wizard.pages[-1] is None  # nothing ran between the clicks: the summary is not built yet
    assert wizard.next()
    scroll = wizard.stack.currentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=3000)
    qtbot.wait(300)  # whatever the event loop does next (layout, the build ahead of the page before)
    assert scroll.verticalScrollBar().value() == 0
    assert not find(window, "triageBanner").visibleRegion().isEmpty()
    # The focus is not left on "Save PDF…" below the screen (a key would press a button nobody sees).
    assert window.focusWidget() is wizard.current_page()


def test_every_step_name_fits_in_the_step_list_at_every_text_size(qtbot, window) -> None:
    """The step list was 170 px at every text size: at 200 % "Examination" was cut off and "About you" broke in
    two. Its width now grows with the text."""
    from PySide6.QtGui import QFont, QFontMetrics

    window.resize(1024, 600)
    window.show()
    steps = window.wizard.steps
    try:
        for size in (100, 150, 200):
            window.set_text_size(size)
            qtbot.wait(10)
            bold = QFont(steps.font())
            bold.setBold(True)
            widest = max(QFontMetrics(bold).horizontalAdvance(f"▶ {page.step}") for page in window.wizard.content_pages)
            room = steps.contentsRect().width() - 8  # the paragraphs' 4 px margins
            assert widest <= room, f"{size} %: {widest} px of text in {room} px"
    finally:
        window.set_text_size(100)


def test_with_large_text_a_page_opens_at_its_left_edge(qtbot, questionnaire, store) -> None:
    """At 200 % on a 1024 × 700 window the examination page is wider than the view. Arriving by Next, Qt scrolled to
    the first field and centred it (it is wider than the view): the page opened scrolled sideways, "Examination" cut
    to "mination". It opens at its left edge, its title whole, and the first field still has the focus."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    session = store.create_session({"setting": "clinic", "filled_by": "clinician", "name": "Wide Page"})
    win = MainWindow(questionnaire, store)
    qtbot.addWidget(win)
    win.resize(1024, 700)
    win.show()
    win.set_text_size(200)
    win.wizard.open_session(session.id)
    win.wizard.go_to_page("history")
    QApplication.processEvents()
    assert win.wizard.next()
    QApplication.processEvents()
    scroll = win.wizard.stack.currentWidget()
    assert isinstance(scroll, QScrollArea) and win.current_page_id() == "exam"
    page = win.wizard.current_page()
    assert scroll.horizontalScrollBar().maximum() > 0  # the page is wider than the view at this size
    assert scroll.horizontalScrollBar().value() == 0
    title = page.title_label
    assert title.mapTo(scroll, title.rect().topLeft()).x() >= 0  # the title starts inside the view
    assert page.focusWidget() is not None and page.focusWidget() is not page
