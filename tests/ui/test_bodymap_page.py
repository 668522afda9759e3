"""The body-map step: marks are stored as they are made, shown again on resume, cleared for the next person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.body_regions import load_catalogue
from hipdesk.exchange import answers_file
from hipdesk.session import RegionMark
from hipdesk.ui.bodymap_page import BodyMapPage
from hipdesk.ui.context import UiContext
from hipdesk.ui.wizard import AssessmentWizard

CATALOGUE = load_catalogue()


def _click_region(qtbot, page: BodyMapPage, region: str, side: str) -> None:
    """Click the region in the first view that draws it, pressing that view's pane button first."""
    view = page.body_map.view
    view_id = next(o.view for o in CATALOGUE.region(region).outlines if o.side == side)
    pane = next(i for i in range(len(view.panes)) if view_id in view.pane_views(i))
    qtbot.mouseClick(page.body_map.pane_buttons.button(pane), Qt.MouseButton.LeftButton)
    point: QPointF = view.scene_centre((region, side), view_id)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(point))


@pytest.fixture
def ctx(questionnaire, store) -> UiContext:
    return UiContext(questionnaire, store)


@pytest.fixture
def page(qtbot, ctx) -> BodyMapPage:
    widget = BodyMapPage(ctx.questionnaire.page("bodymap"), ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _editor(ctx: UiContext, answers: dict | None = None) -> SessionEditor:
    session = ctx.store.create_session(answers or {})
    return SessionEditor(ctx.store, ctx.questionnaire, session)


def test_marks_are_stored_as_made_and_shown_again_after_reload(qtbot, ctx, page) -> None:
    editor = _editor(ctx, {"pain_now": 6})
    page.bind(editor)
    _click_region(qtbot, page, "outer_hip", "right")  # starts at the pain given for "now"
    _click_region(qtbot, page, "buttock", "left")
    page.body_map.region_list.setCurrentItem(page.body_map.list_items[("buttock", "left")])
    page.body_map.intensity.setValue(3)
    stored = ctx.store.load_session(editor.session_id)
    assert stored.regions == {
        ("outer_hip", "right"): RegionMark("outer_hip", "right", 6),
        ("buttock", "left"): RegionMark("buttock", "left", 3),
    }
    assert page.body_map.readback.text() == "You marked: RIGHT outer hip, 6/10; LEFT buttock, 3/10"

    page.bind(None)  # the session is closed: nothing of it stays on screen
    assert page.body_map.marks == {}
    assert page.body_map.readback.text().startswith("Nothing marked")
    assert all(item.checkState() == Qt.CheckState.Unchecked for item in page.body_map.list_items.values())

    page.bind(SessionEditor(ctx.store, ctx.questionnaire, ctx.store.load_session(editor.session_id)))
    assert page.body_map.marks == {("outer_hip", "right"): 6, ("buttock", "left"): 3}
    assert page.body_map.list_items[("outer_hip", "right")].data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Right outer hip, pain 6 of 10"
    )
    assert page.body_map.view.numbers[("buttock", "left")][0].text() == "3"


def test_clicking_a_marked_region_clears_it_in_the_store(qtbot, ctx, page) -> None:
    editor = _editor(ctx)
    page.bind(editor)
    _click_region(qtbot, page, "groin", "left")
    assert ctx.store.load_session(editor.session_id).regions == {("groin", "left"): RegionMark("groin", "left", 5)}
    _click_region(qtbot, page, "groin", "left")
    assert ctx.store.load_session(editor.session_id).regions == {}


def test_spreads_below_knee_is_asked_on_the_page_and_stored(qtbot, ctx, page) -> None:
    editor = _editor(ctx)
    page.bind(editor)
    button = page.form.rows["spreads_below_knee"].input.buttons["yes"]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ctx.store.load_session(editor.session_id).answers["spreads_below_knee"] == "yes"


def test_marks_made_on_the_page_survive_an_answers_file_round_trip(qtbot, ctx, page) -> None:
    editor = _editor(ctx)
    page.bind(editor)
    _click_region(qtbot, page, "outer_thigh", "right")
    _click_region(qtbot, page, "lower_back", "left")
    data = answers_file.dumps(ctx.questionnaire, ctx.store.load_session(editor.session_id))
    imported = answers_file.loads(ctx.questionnaire, data)
    assert imported.regions == editor.session.regions
    new_id = ctx.store.save_whole_session(imported)
    page.bind(SessionEditor(ctx.store, ctx.questionnaire, ctx.store.load_session(new_id)))
    assert page.body_map.marks == {("outer_thigh", "right"): 5, ("lower_back", "left"): 5}


def test_wizard_shows_the_body_map_as_step_five_and_restores_it_on_resume(qtbot, ctx) -> None:
    wizard = AssessmentWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.resize(1280, 800)
    wizard.show()
    editor = wizard._new_session()
    wizard.go_to_page("bodymap")
    page = wizard.current_page()
    assert isinstance(page, BodyMapPage) and wizard.index == 4
    qtbot.waitExposed(wizard)
    _click_region(qtbot, page, "outer_hip", "right")
    session_id = editor.session_id
    wizard.close_session()
    assert page.body_map.marks == {}
    wizard.open_session(session_id)
    assert wizard.current_page_id() == "bodymap"
    assert page.body_map.marks == {("outer_hip", "right"): 5}
    assert page.body_map.readback.text() == "You marked: RIGHT outer hip, 5/10"
