"""The body map: a click on a region's outline marks it, in every pane; the keyboard reaches every region.

Target sizes, padding and clicks beside an outline: tests/ui/test_bodymap_targets.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from hipdesk.content.body_regions import load_catalogue
from hipdesk.ui.bodymap_widget import BodyMapWidget

CATALOGUE = load_catalogue()
OUTLINES = [
    (region.id, outline.side, outline.view, index)
    for region in CATALOGUE.regions
    for index, outline in enumerate(region.outlines)
]


@pytest.fixture
def body_map(qtbot):
    widget = BodyMapWidget(CATALOGUE)
    qtbot.addWidget(widget)
    widget.resize(1600, 1000)  # large: one pixel is well under one figure unit
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click(qtbot, widget: BodyMapWidget, scene_point: QPointF) -> None:
    view = widget.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def _show_view(qtbot, widget: BodyMapWidget, view_id: str) -> None:
    """Press the button of the pane that shows this view, as a person would."""
    index = next(i for i in range(len(widget.view.panes)) if view_id in widget.view.pane_views(i))
    qtbot.mouseClick(widget.pane_buttons.button(index), Qt.MouseButton.LeftButton)
    assert widget.view.pane == index and widget.pane_buttons.checkedId() == index


@pytest.mark.parametrize(("region", "side", "view_id", "index"), OUTLINES,
                         ids=[f"{r}-{s}-{v}" for r, s, v, _ in OUTLINES])
def test_click_at_centre_of_outline_selects_that_region_only(qtbot, body_map, region, side, view_id, index) -> None:
    _show_view(qtbot, body_map, view_id)
    point = body_map.view.scene_centre((region, side), view_id)
    with qtbot.waitSignal(body_map.mark_changed) as signal:
        _click(qtbot, body_map, point)
    assert signal.args == [region, side, 5]
    assert body_map.marks == {(region, side): 5}
    assert body_map.readback.text() == f"You marked: {side.upper()} {CATALOGUE.region(region).name}, 5/10"
    _click(qtbot, body_map, point)  # the same click again clears it
    assert body_map.marks == {}


def test_a_click_on_the_figure_far_from_every_region_selects_nothing(qtbot, body_map) -> None:
    """The head and shoulders of the close-up and the space between the views: nothing there to mark."""
    view = body_map.view
    for pane in range(len(view.panes)):
        view.show_pane(pane)
        x0, y0, x1, y1 = view.panes[pane].rect
        for point in (QPointF(x0 + 1, y0 + 1), QPointF((x0 + x1) / 2, y0 + 2), QPointF(x1 - 1, y1 - 1)):
            assert view.region_at(point) is None
            _click(qtbot, body_map, point)
    assert body_map.marks == {}
    assert body_map.readback.text().startswith("Nothing marked")


def test_keyboard_marks_a_region_and_sets_its_intensity(qtbot, body_map) -> None:
    marks: list[tuple] = []
    body_map.mark_changed.connect(lambda *args: marks.append(args))
    listing = body_map.region_list
    listing.setFocus()
    listing.setCurrentRow(0)
    target = CATALOGUE.region_keys().index(("outer_hip", "right"))
    for _ in range(target):
        qtbot.keyClick(listing, Qt.Key.Key_Down)
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert body_map.marks == {("outer_hip", "right"): 5}
    # Tab moves on to the intensity control, where the arrow keys change the value.
    qtbot.keyClick(listing, Qt.Key.Key_Tab)
    assert body_map.intensity.hasFocus()
    qtbot.keyClick(body_map.intensity, Qt.Key.Key_Right)
    assert body_map.marks == {("outer_hip", "right"): 6}
    assert marks[-1] == ("outer_hip", "right", 6)
    item = body_map.list_items[("outer_hip", "right")]
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Right outer hip, pain 6 of 10"
    assert item.checkState() == Qt.CheckState.Checked
    assert body_map.intensity.accessibleName() == "Right outer hip, pain 6 of 10"
    assert body_map.readback.text() == "You marked: RIGHT outer hip, 6/10"
    # The map shows the same mark: filled, with its number written on it.
    number = body_map.view.numbers[("outer_hip", "right")][0]
    assert number.text() == "6"
    # Space on the same row clears it again, everywhere.
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Space)
    assert body_map.marks == {}
    assert number.text() == ""
    assert body_map.list_items[("outer_hip", "right")].data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Right outer hip, not marked"
    )


def test_list_holds_every_region_on_both_sides_in_step_with_the_map(qtbot, body_map) -> None:
    assert body_map.region_list.count() == 2 * len(CATALOGUE.regions)
    body_map.set_marks({("groin", "left"): 3})
    assert body_map.list_items[("groin", "left")].checkState() == Qt.CheckState.Checked
    assert body_map.view.numbers[("groin", "left")][0].text() == "3"
    assert body_map.region_list.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_hover_highlights_the_region_under_the_pointer(qtbot, body_map) -> None:
    _show_view(qtbot, body_map, "right_side")
    target = body_map.view.mapFromScene(body_map.view.scene_centre(("outer_hip", "right"), "right_side"))
    qtbot.mouseMove(body_map.view.viewport(), QPoint(2, 2))
    qtbot.mouseMove(body_map.view.viewport(), target)
    qtbot.waitUntil(lambda: body_map.view.hovered == ("outer_hip", "right"), timeout=2000)
    item = body_map.view.items_by_key[("outer_hip", "right")][0]
    other = body_map.view.items_by_key[("outer_hip", "left")][0]
    assert item.brush().style() != Qt.BrushStyle.NoBrush
    assert other.brush().style() == Qt.BrushStyle.NoBrush
    assert body_map.view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseMove(body_map.view.viewport(), QPoint(2, 2))
    qtbot.waitUntil(lambda: body_map.view.hovered is None, timeout=2000)
    assert item.brush().style() == Qt.BrushStyle.NoBrush


def test_clear_button_removes_the_chosen_region(qtbot, body_map) -> None:
    body_map.toggle(("buttock", "left"))
    assert body_map.clear_button.isEnabled()
    qtbot.mouseClick(body_map.clear_button, Qt.MouseButton.LeftButton)
    assert body_map.marks == {}
    assert not body_map.intensity.isEnabled()


def test_your_right_label_sits_under_the_persons_right_regions(qtbot, body_map) -> None:
    """Left/right safety on screen: in the front and back views "your right" is on the side of the right regions."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    view = body_map.view
    labels = [item for item in view.scene().items() if isinstance(item, QGraphicsSimpleTextItem)]
    crops = {place.view.id: place.crop for layout in view.panes for place in layout.views}
    for view_id in ("front", "back"):
        x0, _, x1, y1 = crops[view_id]
        inside = [label for label in labels if x0 <= label.sceneBoundingRect().center().x() <= x1
                  and label.sceneBoundingRect().top() >= y1 - 1 and label.sceneBoundingRect().top() < y1 + 40]
        right = next(label for label in inside if label.text() == "your right").sceneBoundingRect().center().x()
        left = next(label for label in inside if label.text() == "your left").sceneBoundingRect().center().x()
        right_regions = [item.sceneBoundingRect().center().x() for (_, side), items in view.items_by_key.items()
                         for item in items if side == "right" and item.view_id == view_id]
        assert right_regions and right > left
        assert all(x > (x0 + x1) / 2 for x in right_regions)


@pytest.mark.parametrize("size", [(700, 420), (1024, 600), (1900, 1000)])
def test_figure_fills_the_map_at_every_size(qtbot, size) -> None:
    widget = BodyMapWidget(CATALOGUE)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    for pane in range(len(view.panes)):
        view.show_pane(pane)
        shown = view.mapFromScene(view.sceneRect()).boundingRect()
        port = view.viewport().rect()
        assert port.contains(shown.adjusted(1, 1, -1, -1))
        # Scaled to fit one direction fully (a vector figure: no fixed pixel size, nothing clipped).
        assert shown.width() >= port.width() - 6 or shown.height() >= port.height() - 6


def test_a_digit_in_the_list_marks_the_current_region_with_that_intensity(qtbot, body_map) -> None:
    listing = body_map.region_list
    listing.setFocus()
    listing.setCurrentItem(body_map.list_items[("outer_knee", "left")])
    qtbot.keyClick(listing, Qt.Key.Key_7)
    assert body_map.marks == {("outer_knee", "left"): 7}
    qtbot.keyClick(listing, Qt.Key.Key_2)
    assert body_map.marks == {("outer_knee", "left"): 2}
    assert body_map.readback.text() == "You marked: LEFT outer knee, 2/10"


def test_the_picture_is_drawn_in_the_colour_scheme_chosen(qtbot, window) -> None:
    """In the dark and high-contrast schemes the picture was a white sheet in a dark window: it now takes the scheme's
    background and text, with outlines and words that stand out (3:1 and 4.5:1); light is the printed figure's, with
    darker dashed lines between regions (on screen they must stand out from the body)."""
    from PySide6.QtWidgets import QApplication

    from hipdesk.ui import theme
    from hipdesk.ui.bodymap_view import LIGHT_FIGURE, BodyMapView
    from tests.ui.contrast import ratio

    window.wizard.go_to_page("bodymap")
    view = window.findChild(BodyMapView)
    try:
        window.set_colours("light")
        assert view.figure == LIGHT_FIGURE and view.backgroundBrush().color() == LIGHT_FIGURE.background
        # The dashed lines between regions are seen against the body in light too (they were 2.2:1).
        assert ratio(LIGHT_FIGURE.region_line.rgb(), LIGHT_FIGURE.body_fill.rgb()) >= 3
        assert ratio(LIGHT_FIGURE.body_line.rgb(), LIGHT_FIGURE.background.rgb()) >= 3
        for choice, scheme in (("dark", theme.DARK), ("contrast", theme.HIGH_CONTRAST)):
            window.set_colours(choice)
            figure = view.figure
            background = figure.background.rgb()
            assert view.backgroundBrush().color().name() == scheme.base
            assert all(label.brush().color().name() == scheme.text for label in view.label_items)
            assert ratio(figure.text.rgb(), background) >= 4.5
            assert ratio(figure.body_line.rgb(), background) >= 3
            assert ratio(figure.region_line.rgb(), figure.body_fill.rgb()) >= 3
            assert ratio(figure.focus_line.rgb(), figure.body_fill.rgb()) >= 3
            assert all(body.brush().color() == figure.body_fill for body in view.body_items)
        window.set_colours("light")  # and back: the printed figure's colours again
        assert view.figure == LIGHT_FIGURE
        assert all(label.brush().color() == LIGHT_FIGURE.text for label in view.label_items)
    finally:
        theme.apply_view(QApplication.instance(), "system", 100)
