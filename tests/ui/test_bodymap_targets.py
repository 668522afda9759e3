"""The drawn body map's click targets are at least 24 × 24 px at 100 % (WCAG 2.5.8), measured on the real widget.

Every pixel around each region is asked of the map's own hit test (what a click there would select);
the largest square of pixels that all select the region must be 24 px or more, a click at its centre
must select exactly that region, and a click beyond the padding selects nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPainterPathStroker
from PySide6.QtWidgets import QApplication

from hipdesk.content.body_regions import load_catalogue
from hipdesk.ui.bodymap_geometry import HIT_PADDING_PX, MIN_SCALE
from hipdesk.ui.bodymap_view import BodyMapView, RegionItem
from hipdesk.ui.bodymap_widget import BodyMapWidget
from tests.ui.conftest import fill_about, fill_start

TARGET_PX = 24


@dataclass
class Square:
    """The largest square of viewport pixels that all select one outline: top-left corner and side."""

    x: int
    y: int
    side: int

    def centre(self) -> QPoint:
        return QPoint(self.x + self.side // 2, self.y + self.side // 2)


def _hit_map(view: BodyMapView, item: RegionItem, area: QRect) -> list[list[bool]]:
    """For each pixel of `area` (viewport coordinates): does a click there select this very outline?"""
    rows = []
    for y in range(area.top(), area.bottom() + 1):
        rows.append([view.item_at(view.mapToScene(QPoint(x, y))) is item for x in range(area.left(), area.right() + 1)])
    return rows


def _largest_square(hits: list[list[bool]], area: QRect) -> Square:
    best = Square(0, 0, 0)
    previous = [0] * len(hits[0]) if hits else []
    for j, row in enumerate(hits):
        current = [0] * len(row)
        for i, hit in enumerate(row):
            if hit:
                current[i] = 1 + min(previous[i], current[i - 1], previous[i - 1]) if i else 1
                if current[i] > best.side:
                    side = current[i]
                    best = Square(area.left() + i - side + 1, area.top() + j - side + 1, side)
        previous = current
    return best


def _search_area(view: BodyMapView, item: RegionItem) -> QRect:
    """The outline's box on screen, widened by more than the padding, within the viewport."""
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    margin = int(HIT_PADDING_PX) + 4
    return box.adjusted(-margin, -margin, margin, margin).intersected(view.viewport().rect())


def _pane_items(widget: BodyMapWidget) -> list[RegionItem]:
    views = set(widget.view.pane_views(widget.view.pane))
    return [item for items in widget.view.items_by_key.values() for item in items if item.view_id in views]


def _click(qtbot, widget: BodyMapWidget, point: QPoint) -> None:
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _measure_every_target(qtbot, widget: BodyMapWidget) -> dict[str, int]:
    """Walk every pane (by its button) and every outline in it; click each square's centre. Returns sides in px."""
    view = widget.view
    sides = {}
    for index in range(len(view.panes)):
        qtbot.mouseClick(widget.pane_buttons.button(index), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        assert view.pane == index
        for item in _pane_items(widget):
            name = f"{item.key[0]}/{item.key[1]}/{item.view_id}"
            area = _search_area(view, item)
            square = _largest_square(_hit_map(view, item, area), area)
            sides[name] = square.side
            if square.side == 0:
                continue
            _click(qtbot, widget, square.centre())
            assert list(widget.marks) == [item.key], name  # exactly this region, nothing else
            _click(qtbot, widget, square.centre())
            assert widget.marks == {}, name
    return sides


def _assert_all_at_least_24(sides: dict[str, int]) -> None:
    small = {name: side for name, side in sides.items() if side < TARGET_PX}
    assert small == {}, f"targets under {TARGET_PX} px: {small}"
    assert len(sides) == sum(len(region.outlines) for region in load_catalogue().regions)


def test_every_region_target_holds_a_24_px_square_in_a_1024_by_600_window(qtbot, window) -> None:
    window.resize(1024, 600)
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("bodymap")
    QApplication.processEvents()
    page = window.wizard.current_page()
    widget = page.body_map
    qtbot.waitUntil(lambda: widget.view.isVisible())
    assert window.wizard.next_button.isVisible() and window.wizard.back_button.isVisible()
    sides = _measure_every_target(qtbot, widget)
    _assert_all_at_least_24(sides)
    # What the clicks did was stored, and undone again.
    assert window.ctx.store.load_session(page.editor.session_id).regions == {}


def test_the_map_never_draws_the_figure_below_the_scale_those_squares_were_measured_at(qtbot) -> None:
    """At its smallest the map still draws at MIN_SCALE; smaller windows scroll the page instead of shrinking it."""
    widget = BodyMapWidget(load_catalogue())
    qtbot.addWidget(widget)
    widget.resize(300, 200)  # asks for less than the map's minimum
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    assert view.size() == view.minimumSize()
    for index in range(len(view.panes)):
        view.show_pane(index)
        assert view.transform().m11() >= MIN_SCALE - 0.005


def test_a_click_counts_only_on_or_near_its_own_outline_and_never_beyond_the_padding(qtbot) -> None:
    """Every pixel that selects an outline lies inside it or within the padding of it; inside always selects it."""
    widget = BodyMapWidget(load_catalogue())
    qtbot.addWidget(widget)
    widget.resize(widget.minimumSizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    scale = view.transform().m11()
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * (HIT_PADDING_PX + 1.5) / scale)  # half a pixel's rounding, and a pixel more
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)  # every point within the distance, corners included
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    for index in range(len(view.panes)):
        view.show_pane(index)
        QApplication.processEvents()
        items = _pane_items(widget)
        reach = {item: stroker.createStroke(item.path()).united(item.path()) for item in items}
        outside_all: list[QPoint] = []
        for item in items:
            area = _search_area(view, item)
            for y in range(area.top(), area.bottom() + 1, 2):
                for x in range(area.left(), area.right() + 1, 2):
                    point = QPoint(x, y)
                    scene = view.mapToScene(point)
                    hit = view.item_at(scene)
                    inside = [other for other in items if other.path().contains(scene)]
                    if inside:
                        assert hit in inside, (item.key, x, y)  # the real outline always counts
                    if hit is not None:
                        assert reach[hit].contains(scene), (hit.key, x, y)  # never beyond the padding
                    elif not any(r.contains(scene) for r in reach.values()):
                        outside_all.append(point)
        assert outside_all, "some pixels lie beyond every target's padding"
        # A person clicking there selects nothing.
        for point in outside_all[:: max(1, len(outside_all) // 25)]:
            _click(qtbot, widget, point)
        assert widget.marks == {}
        assert widget.readback.text().startswith("Nothing marked")


@pytest.mark.parametrize("key", [("outer_hip", "right"), ("groin", "left"), ("sacroiliac", "right")])
def test_choosing_a_region_in_the_list_shows_a_pane_that_draws_it(qtbot, key) -> None:
    widget = BodyMapWidget(load_catalogue())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    for index in range(len(widget.view.panes)):
        widget.view.show_pane(index)
        widget.region_list.setFocus()
        widget.region_list.setCurrentItem(widget.list_items[key])
        qtbot.keyClick(widget.region_list, Qt.Key.Key_Space)
        shown = set(widget.view.pane_views(widget.view.pane))
        assert any(item.view_id in shown for item in widget.view.items_by_key[key])
        assert widget.pane_buttons.checkedId() == widget.view.pane
        assert "1 marked" in widget.pane_buttons.button(widget.view.pane).text()
        qtbot.keyClick(widget.region_list, Qt.Key.Key_Space)
        assert widget.marks == {}


def test_each_pane_button_names_its_views_and_counts_the_marks_they_show(qtbot) -> None:
    catalogue = load_catalogue()
    widget = BodyMapWidget(catalogue)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    labels = [widget.pane_buttons.button(i).text() for i in range(len(widget.view.panes))]
    assert labels == [pane.label for pane in catalogue.panes]
    widget.set_marks({("outer_thigh", "right"): 4, ("front_knee", "left"): 2, ("groin", "left"): 3})
    # Outer thigh is drawn only in the side views, front of knee only in the front view; groin in both.
    assert [widget.pane_buttons.button(i).text() for i in range(2)] == [
        "Front and back (2 marked)", "Your two sides (2 marked)"]
    for button in widget.pane_buttons.buttons():
        assert button.height() >= TARGET_PX and button.width() >= TARGET_PX
        assert button.accessibleName() == button.text()
    widget.clear()
    assert widget.view.pane == 0 and widget.pane_buttons.checkedId() == 0


def test_clicking_just_beside_the_thin_outer_hip_of_the_front_view_marks_it(qtbot) -> None:
    """The front view's outer hip is a sliver at the body's edge: a click a few pixels outside it still counts."""
    widget = BodyMapWidget(load_catalogue())
    qtbot.addWidget(widget)
    widget.resize(widget.minimumSizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    item = next(i for i in view.items_by_key[("outer_hip", "right")] if i.view_id == "front")
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    beside = QPoint(box.right() + 8, box.center().y())  # 8 px out into the empty space beside the body
    assert not item.path().contains(view.mapToScene(beside))
    qtbot.mouseMove(view.viewport(), beside)
    qtbot.waitUntil(lambda: view.hovered == ("outer_hip", "right"), timeout=2000)
    assert item.brush().style() != Qt.BrushStyle.NoBrush  # the highlight shows what a click will take
    _click(qtbot, widget, beside)
    assert widget.marks == {("outer_hip", "right"): 5}
    far = QPoint(box.right() + int(HIT_PADDING_PX) + 6, box.center().y())
    assert view.item_at(QPointF(view.mapToScene(far))) is None
