"""The exam step: home shows only the two self-checks, a clinician gets every test, results are stored at once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.exam_tests import load_exam_catalog
from hipdesk.exchange.answers_file import dumps, loads
from hipdesk.session import ExamResult
from hipdesk.ui.context import UiContext
from hipdesk.ui.exam_page import ExamPage
from hipdesk.ui.theme import LIGHT, style_sheet
from hipdesk.ui.wizard import AssessmentWizard

HOME_TESTS = ["trochanter_palpation", "single_leg_stance_30s"]


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def beeps() -> list[int]:
    return []


def _page(qtbot, questionnaire, store, clock, beeps, answers: dict[str, Any]) -> tuple[ExamPage, SessionEditor]:
    session = store.create_session(answers)
    editor = SessionEditor(store, questionnaire, session)
    page = ExamPage(questionnaire.page("exam"), UiContext(questionnaire, store), clock=clock,
                    beep=lambda: beeps.append(1))
    page.setStyleSheet(style_sheet(LIGHT, 100))  # the window's style sheet, as inside the window
    qtbot.addWidget(page)
    page.bind(editor)
    page.entered()
    return page, editor


def _stored(store, editor: SessionEditor) -> dict:
    return store.load_session(editor.session_id).exam


def test_home_shows_exactly_the_two_self_checks_and_never_a_hop_test(qtbot, questionnaire, store, clock, beeps) -> None:
    page, _ = _page(qtbot, questionnaire, store, clock, beeps,
                    {"setting": "home", "filled_by": "clinician", "pain_on_impact": "yes"})
    assert page.mode() == "home"
    assert list(page.checklist().blocks) == HOME_TESTS
    assert page.toggle.isHidden()  # no way to clinician mode at home, whoever fills in
    assert page.findChild(QWidget, "test_hop") is None
    assert page.findChild(QWidget, "hop__left__positive") is None
    assert "hop" not in page.checklist().blocks["trochanter_palpation"].name_label.text().lower()
    reminder = page.impact_label.text()
    assert "impact" in reminder and "<b>Yes</b>" in reminder
    assert "Hold a wall" in page.findChild(QWidget, "holdWall_single_leg_stance_30s").text()
    # Home wording speaks to the person.
    assert "your hip" in page.checklist().blocks["trochanter_palpation"].name_label.text()


def test_clinician_in_a_clinic_gets_every_test_grouped_with_evidence_on_demand(qtbot, questionnaire, store, clock,
                                                                               beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "clinician"})
    assert page.mode() == "clinician" and page.toggle.isChecked()
    blocks = page.checklist().blocks
    assert len(blocks) == 21
    hop = blocks["hop"]
    assert hop.details.isHidden()
    hop.details_button.click()
    assert not hop.details.isHidden()
    assert "source of this figure is unclear" in hop.details.text()
    hop.rows["left"].buttons["positive"].click()
    hop.rows["left"].pain.setValue(4)  # "4"
    assert _stored(store, editor)[("hop", "left")] == ExamResult("hop", "left", "positive", 4, None)


def test_a_clinician_completes_the_exam_on_a_session_a_patient_filled_in(qtbot, questionnaire, store, clock,
                                                                         beeps) -> None:
    patient = store.create_session({"setting": "clinic", "filled_by": "patient", "painful_side": "right"})
    store.set_current_page(patient.id, "exam")
    wizard = AssessmentWizard(UiContext(questionnaire, store))
    qtbot.addWidget(wizard)
    wizard.open_session(patient.id)
    page = wizard.current_page()
    assert isinstance(page, ExamPage)
    assert page.mode() == "home" and not page.toggle.isHidden() and not page.toggle.isChecked()
    page.toggle.setChecked(True)
    assert page.mode() == "clinician"
    fadir = page.checklist().blocks["fadir"].rows["right"]
    assert "painful side" in fadir.side_label.text()
    fadir.buttons["negative"].click()
    fadir.pain.setValue(0)  # "0"
    page.checklist().blocks["leg_length"].rows["both"].buttons["positive"].click()
    exam = store.load_session(patient.id).exam
    assert exam[("fadir", "right")] == ExamResult("fadir", "right", "negative", 0)
    assert exam[("leg_length", "left")].result == exam[("leg_length", "right")].result == "positive"
    # Back and forth keeps it: the page shows what the session holds.
    wizard.back()
    wizard.next()
    assert wizard.current_page() is page and page.toggle.isChecked()
    assert page.checklist().blocks["fadir"].rows["right"].buttons["negative"].isChecked()


def test_a_test_marked_not_done_keeps_no_pain(qtbot, questionnaire, store, clock, beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "clinician"})
    row = page.checklist().blocks["ober"].rows["left"]
    assert not row.pain.isEnabled()
    row.buttons["positive"].click()
    row.pain.setValue(3)
    row.buttons["not_done"].click()
    assert row.pain.text() == "–" and not row.pain.isEnabled()
    assert _stored(store, editor)[("ober", "left")] == ExamResult("ober", "left", "not_done", None)


def test_stance_timer_counts_signals_at_30_s_and_records_time_and_pain(qtbot, questionnaire, store, clock, beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps,
                         {"setting": "home", "filled_by": "patient", "painful_side": "left"})
    row = page.checklist().blocks["single_leg_stance_30s"].rows["left"]
    timer = row.timer
    assert timer is not None and row.results_box.isHidden()  # at home the result follows from time and pain
    timer.start_button.click()
    assert timer.is_running() and timer.display.text() == "30 s left"
    clock.now += 12.2
    with qtbot.waitSignal(timer.ticker.timeout, timeout=2000):
        pass
    assert timer.display.text() == "18 s left"
    assert ("single_leg_stance_30s", "left") not in _stored(store, editor)
    clock.now += 20.0
    with qtbot.waitSignal(timer.target_reached, timeout=2000):
        pass  # the next real tick sees 32 s on the fake clock
    assert not timer.is_running()
    assert beeps == [1]
    assert "done" in timer.display.text()
    page.resize(1000, 1600)  # room for the whole page (inside the window it scrolls)
    page.show()
    qtbot.waitUntil(lambda: timer.display.height() > 12)  # laid out
    shown = timer.display.grab().toImage()
    assert shown.pixelColor(shown.width() // 2, 1).name() == "#1b7f3b"  # drawn on green, as the style says
    assert timer.result_label.text() == "Held for 30 s"
    assert _stored(store, editor)[("single_leg_stance_30s", "left")] == ExamResult(
        "single_leg_stance_30s", "left", "not_done", None, 30.0)
    row.pain.setValue(1)  # "1": held 30 s with little pain
    assert _stored(store, editor)[("single_leg_stance_30s", "left")].result == "negative"
    row.pain.setValue(2)  # "2" counts as positive
    assert _stored(store, editor)[("single_leg_stance_30s", "left")] == ExamResult(
        "single_leg_stance_30s", "left", "positive", 2, 30.0)


def test_stopping_early_records_the_time_held(qtbot, questionnaire, store, clock, beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "clinician"})
    row = page.checklist().blocks["single_leg_stance_30s"].rows["right"]
    assert row.timer is not None
    row.timer.start_button.click()
    clock.now += 9.46
    row.timer.stop_button.click()
    assert beeps == []
    assert row.timer.result_label.text() == "Held for 9.5 s"
    row.pain.setValue(4)  # "4"
    assert row.buttons["positive"].isChecked()  # derived, and shown to the clinician
    assert _stored(store, editor)[("single_leg_stance_30s", "right")] == ExamResult(
        "single_leg_stance_30s", "right", "positive", 4, 9.5)


def test_a_self_check_that_hurts_7_or_more_says_stop_now(qtbot, questionnaire, store, clock, beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "home", "filled_by": "patient"})
    palpation = page.checklist().blocks["trochanter_palpation"]
    palpation.rows["right"].buttons["positive"].click()
    palpation.rows["right"].pain.setValue(6)  # "6"
    assert palpation.stop_label.isHidden()
    palpation.rows["right"].pain.setValue(7)  # "7"
    assert not palpation.stop_label.isHidden()
    assert palpation.stop_label.text().startswith("Stop now")

    stance = page.checklist().blocks["single_leg_stance_30s"]
    timer = stance.rows["left"].timer
    assert timer is not None
    timer.start_button.click()
    clock.now += 10.0
    stance.rows["left"].pain.setValue(9)  # "9" while standing: the countdown ends at once
    assert not timer.is_running()
    assert not stance.stop_label.isHidden() and "9/10" in stance.stop_label.text()
    assert _stored(store, editor)[("single_leg_stance_30s", "left")] == ExamResult(
        "single_leg_stance_30s", "left", "positive", 9, 10.0)


def test_bind_none_clears_every_widget_and_a_new_page_restores_the_session(qtbot, questionnaire, store, clock,
                                                                          beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "home", "filled_by": "patient"})
    blocks = page.checklist().blocks
    blocks["trochanter_palpation"].rows["left"].buttons["positive"].click()
    blocks["trochanter_palpation"].rows["left"].pain.setValue(8)  # "8": stop shown
    timer = blocks["single_leg_stance_30s"].rows["right"].timer
    assert timer is not None
    timer.start_button.click()
    clock.now += 30.0
    timer.tick()
    page.bind(None)
    for block in page.checklist().blocks.values():
        assert block.stop_label.isHidden()
        for row in block.rows.values():
            assert row.result() is None and row.pain_value() is None
    assert timer.result_label.text() == "Not timed yet"
    assert page.impact_label.text().endswith("<b>not answered yet (you can go Back to the pain step)</b>")

    again, _ = _page(qtbot, questionnaire, store, clock, beeps, {})
    again.bind(SessionEditor(store, questionnaire, store.load_session(editor.session_id)))
    restored = again.checklist().blocks
    assert restored["trochanter_palpation"].rows["left"].pain.value() == 8
    assert not restored["trochanter_palpation"].stop_label.isHidden()
    assert restored["single_leg_stance_30s"].rows["right"].timer.result_label.text() == "Held for 30 s"


def test_clinician_results_are_kept_when_the_toggle_goes_off_and_round_trip(qtbot, questionnaire, store, clock,
                                                                           beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "patient"})
    page.toggle.setChecked(True)
    page.checklist().blocks["seated_piriformis"].rows["left"].buttons["negative"].click()
    page.toggle.setChecked(False)
    assert list(page.checklist().blocks) == HOME_TESTS
    assert "1 result" in page.kept_label.text() and not page.kept_label.isHidden()
    session = store.load_session(editor.session_id)
    assert loads(questionnaire, dumps(questionnaire, session)).exam == session.exam
    # Opening the session again starts in clinician mode, since it holds clinician results.
    again, _ = _page(qtbot, questionnaire, store, clock, beeps, {})
    again.bind(SessionEditor(store, questionnaire, session))
    assert again.mode() == "clinician"


def test_every_catalog_test_gets_a_block(qtbot, questionnaire, store, clock, beeps) -> None:
    page, _ = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "clinician"})
    assert list(page.checklist().blocks) == [t.id for _g, tests in load_exam_catalog().grouped("clinician") for t in tests]


def test_switching_the_setting_to_home_takes_the_clinician_tests_away(qtbot, questionnaire, store, clock, beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps, {"setting": "clinic", "filled_by": "patient"})
    page.toggle.setChecked(True)
    assert "hop" in page.checklist().blocks
    editor.set_answer("setting", "home")
    page.entered()  # the person went Back, changed the answer, and came here again
    assert page.mode() == "home" and page.toggle.isHidden()
    assert list(page.checklist().blocks) == HOME_TESTS
    assert page.findChild(QWidget, "examChecklist_clinician") is None
    assert page.findChild(QWidget, "hop__left__positive") is None


def test_leaving_the_step_ends_a_running_countdown(qtbot, questionnaire, store, clock, beeps) -> None:
    session = store.create_session({"setting": "home", "filled_by": "patient"})
    store.set_current_page(session.id, "exam")
    wizard = AssessmentWizard(UiContext(questionnaire, store))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_session(session.id)
    page = wizard.current_page()
    assert isinstance(page, ExamPage)
    timer = page.checklist().blocks["single_leg_stance_30s"].rows["left"].timer
    assert timer is not None
    timer.start_button.click()
    assert timer.is_running()
    wizard.back()
    assert not timer.is_running()
    assert store.load_session(session.id).exam == {}


def test_a_new_painful_side_relabels_the_same_rows_and_keeps_their_entries(qtbot, questionnaire, store, clock,
                                                                        beeps) -> None:
    page, editor = _page(qtbot, questionnaire, store, clock, beeps,
                         {"setting": "clinic", "filled_by": "clinician", "painful_side": "right"})
    row = page.checklist().blocks["fadir"].rows["left"]
    row.buttons["positive"].click()
    assert "painful side" not in row.side_label.text()
    editor.set_answer("painful_side", "left")
    page.entered()
    assert page.checklist().blocks["fadir"].rows["left"] is row  # updated in place, not built again
    assert "painful side" in row.side_label.text() and "painful side" in row.buttons["positive"].accessibleName()
    assert "painful side" not in page.checklist().blocks["fadir"].rows["right"].side_label.text()
    assert row.result() == "positive"


def test_a_clinicians_checklist_built_ahead_in_pieces_is_the_whole_list(qtbot, questionnaire, store, clock,
                                                                         beeps) -> None:
    """Built while the person reads the page before, a group at a time (the window answers in between); bound,
    it is the same 21-test clinician list as one built at once, with the painful side's labels."""
    answers = {"setting": "clinic", "filled_by": "clinician", "painful_side": "left"}
    session = store.create_session(answers)
    editor = SessionEditor(store, questionnaire, session)
    page = ExamPage(questionnaire.page("exam"), UiContext(questionnaire, store), clock=clock,
                    beep=lambda: beeps.append(1))
    qtbot.addWidget(page)
    pieces = 0
    for _piece in page.build_pieces(editor):
        pieces += 1
        assert page.editor is None  # nothing bound yet: only widgets are made
    assert pieces >= 3
    page.bind(editor)
    page.entered()
    assert page.mode() == "clinician" and page.toggle.isChecked()
    whole, _ = _page(qtbot, questionnaire, store, clock, beeps, answers)
    assert list(page.checklist().blocks) == list(whole.checklist().blocks) and len(page.checklist().blocks) == 21
    assert page.painful == whole.painful == {"left"}
    assert list(page.build_pieces(editor)) == []  # built once


def test_side_names_stay_whole_and_in_one_column_at_any_text_size(qtbot, questionnaire, store) -> None:
    """The side names had a fixed 150 px: at 200 % "Right (painful side)" was cut to "Right (painful sid". The column
    is as wide as the longest side name in the row's font, also after View → Text size with the page built, and the
    answers of both sides still line up."""
    from PySide6.QtWidgets import QApplication, QLabel

    from hipdesk.ui.exam_rows import SideRow
    from hipdesk.ui.main_window import MainWindow

    session = store.create_session({"setting": "clinic", "filled_by": "clinician", "name": "Side Names",
                                    "painful_side": "right"})
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    window.wizard.open_session(session.id)
    window.wizard.go_to_page("exam")
    for percent in (100, 200, 100):
        window.set_text_size(percent)
        QApplication.processEvents()
        rows = [row for row in window.wizard.current_page().findChildren(SideRow) if row.isVisible()]
        assert rows and any("painful" in row.side_label.text() for row in rows)
        for row in rows:
            label: QLabel = row.side_label
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), (percent, label.text())
        starts = {row.results_box.mapTo(window, row.results_box.rect().topLeft()).x() for row in rows
                  if not row.is_stance and row.results_box.isVisible()}
        assert len(starts) == 1, (percent, starts)  # one column of answers
