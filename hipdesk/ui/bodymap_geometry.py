"""Where the on-screen body map puts things, and which region a click is for (plain geometry, no Qt).

The screen shows the figure as close-up panes (content `panes`: e.g. front and back, or the two sides),
each view cropped to the band where the regions are, so the regions are drawn about twice as large as
in the whole-body figure of the PDF. A click counts for the region whose outline it is in or, within
`HIT_PADDING_PX` of an outline, for the nearest one: padded hit areas never overlap (the nearest
outline wins, so a click is never taken across another region) and a click further out selects nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hipdesk.content.body_regions import Catalogue, Pane, Point, View, figure_layout

#: How far beside an outline a click still counts for it, in screen pixels (WCAG 2.5.8's 24 px targets
#: for the thinnest regions, with the close-up at `MIN_SCALE`).
HIT_PADDING_PX = 16.0
#: Pixels per figure unit the map never goes below (its minimum size is set from this; the page scrolls
#: instead). At 1.25 the smallest padded hit area still holds a 24 × 24 px square.
MIN_SCALE = 1.25
TITLE_HEIGHT = 28.0  # figure units above a cropped view for its two-line title
TITLE_SIZE = 12.0
LABEL_HEIGHT = 18.0  # below the front and back views for "your left" / "your right"
LABEL_SIZE = 11.0
SIDE_MARGIN = 14.0  # beside the body in a crop: room for the padding (16 px at MIN_SCALE is 12.8 units)
TOP_MARGIN = 6.0  # above the highest region
BOTTOM_CUT = 20.0  # the lowest region (below the knee) is tall: its last units are left out for a larger close-up
GAP = 16.0  # between two cropped views
MIN_CROP_WIDTH = 100.0  # a side view's body is narrow: keep room for its title ("Your RIGHT") above it
PANE_SPACING = 2000.0  # panes sit far apart in one scene: only the one shown is ever in sight

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


@dataclass(frozen=True)
class PaneView:
    """One view in a pane: `x`, `y` place the view's origin in the scene; `crop` is the part shown (scene)."""

    view: View
    x: float
    y: float
    crop: Rect


@dataclass(frozen=True)
class PaneLayout:
    """One pane: its views and the scene rectangle the map fits to the window (titles and labels included)."""

    pane: Pane
    views: list[PaneView]
    rect: Rect


def pane_layouts(catalogue: Catalogue) -> list[PaneLayout]:
    """The close-up panes in content order; without panes in the content, one pane with every view."""
    panes = catalogue.panes or [Pane("all", catalogue.text.map_name, [place.view.id for place in
                                                                        figure_layout(catalogue).placements])]
    outlines = [outline for region in catalogue.regions for outline in region.outlines]
    ys = [y for outline in outlines for _, y in outline.points]
    band_top, band_bottom = min(ys) - TOP_MARGIN, max(ys) - BOTTOM_CUT
    layouts = []
    for number, pane in enumerate(panes):
        top = number * PANE_SPACING
        x = 0.0
        placed = []
        for view_id in pane.views:
            view = catalogue.view(view_id)
            xs = [px for outline in outlines if outline.view == view_id for px, _ in outline.points]
            xs += [px for polygon in view.figure for px, py in polygon if band_top <= py <= band_bottom]
            left, right = max(min(xs) - SIDE_MARGIN, 0.0), min(max(xs) + SIDE_MARGIN, view.width)
            if right - left < MIN_CROP_WIDTH:
                middle = (left + right) / 2
                left = max(0.0, min(middle - MIN_CROP_WIDTH / 2, view.width - MIN_CROP_WIDTH))
                right = min(view.width, left + MIN_CROP_WIDTH)
            origin_x, origin_y = x - left, top + TITLE_HEIGHT - band_top
            crop = (x, top + TITLE_HEIGHT, x + right - left, top + TITLE_HEIGHT + band_bottom - band_top)
            placed.append(PaneView(view, origin_x, origin_y, crop))
            x += right - left + GAP
        layouts.append(PaneLayout(pane, placed, (0.0, top, x - GAP, top + TITLE_HEIGHT + band_bottom - band_top
                                                 + LABEL_HEIGHT)))
    return layouts


def minimum_size(layouts: list[PaneLayout]) -> tuple[int, int]:
    """The smallest map (pixels) that shows every pane at `MIN_SCALE` or more."""
    width = max(layout.rect[2] - layout.rect[0] for layout in layouts)
    height = max(layout.rect[3] - layout.rect[1] for layout in layouts)
    # QGraphicsView.fitInView keeps a 2 px margin on every side.
    return math.ceil(width * MIN_SCALE) + 4, math.ceil(height * MIN_SCALE) + 4


def inside(points: list[Point], x: float, y: float) -> bool:
    """True when (x, y) lies inside the polygon (even-odd rule)."""
    result = False
    x0, y0 = points[-1]
    for x1, y1 in points:
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
        x0, y0 = x1, y1
    return result


def distance(points: list[Point], x: float, y: float) -> float:
    """Distance from (x, y) to the polygon: 0 inside it, else to the nearest edge."""
    if inside(points, x, y):
        return 0.0
    best = math.inf
    x0, y0 = points[-1]
    for x1, y1 in points:
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = ((x - x0) * dx + (y - y0) * dy) / length if length else 0.0
        t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
        ex, ey = x - x0 - t * dx, y - y0 - t * dy
        squared = ex * ex + ey * ey
        if squared < best:
            best = squared
        x0, y0 = x1, y1
    return math.sqrt(best)


@dataclass(frozen=True)
class Target:
    """One outline as a click target, in scene coordinates."""

    index: int
    points: list[Point]
    box: Rect


def make_target(index: int, points: list[Point]) -> Target:
    """A target for these scene points (the bounding box is kept to skip far outlines quickly)."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Target(index, points, (min(xs), min(ys), max(xs), max(ys)))


def in_rect(rect: Rect, x: float, y: float) -> bool:
    """True when (x, y) lies in the rectangle (edges included)."""
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def _box_gap(box: Rect, x: float, y: float) -> float:
    """Distance from (x, y) to a box: never more than to anything inside it."""
    x0, y0, x1, y1 = box
    dx = x0 - x if x < x0 else x - x1 if x > x1 else 0.0
    dy = y0 - y if y < y0 else y - y1 if y > y1 else 0.0
    return math.hypot(dx, dy)


def nearest_target(targets: list[Target], x: float, y: float, padding: float) -> Target | None:
    """The target whose outline holds (x, y), else the nearest within `padding`; else None.

    Pass the targets of one cropped view: a click in one view never counts for an outline in another.
    """
    near = []
    for target in targets:
        gap = _box_gap(target.box, x, y)
        if gap <= padding:
            near.append((gap, target.index, target))
    best: Target | None = None
    best_distance = padding
    for gap, _, target in sorted(near):
        if gap > best_distance:
            break  # every later outline is further away than the best one so far
        exact = distance(target.points, x, y)
        if exact == 0.0:
            return target
        if exact <= best_distance:
            best, best_distance = target, exact
    return best
