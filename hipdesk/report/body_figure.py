"""The body figure with the marked regions as a reportlab vector drawing, for the PDF report (no Qt).

It draws the same outlines and layout as the on-screen body map (`hipdesk.content.body_regions`): regions
coloured by intensity with the number written on them, "your left" / "your right" under the front
and back views, and a small 0–10 legend.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.graphics.shapes import Drawing, Group, Polygon, Rect, String
from reportlab.lib import colors

from hipdesk.content.body_regions import (
    LABEL_HEIGHT,
    Catalogue,
    Point,
    centroid,
    figure_layout,
    has_room_for_number,
    intensity_colour,
    load_catalogue,
    text_colour_on,
)
from hipdesk.session import RegionMark

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
BODY_FILL = colors.HexColor("#eef1f4")
BODY_STROKE = colors.HexColor("#6b7785")
REGION_STROKE = colors.HexColor("#a9b3bd")
MARKED_STROKE = colors.HexColor("#222222")
LEGEND_HEIGHT = 40.0  # figure units below the views


def figure_drawing(marks: Iterable[RegionMark], width: float, catalogue: Catalogue | None = None) -> Drawing:
    """The figure `width` points wide, with `marks` coloured by intensity; height keeps the proportions."""
    catalogue = catalogue or load_catalogue()
    layout = figure_layout(catalogue)
    total_height = layout.height + LEGEND_HEIGHT
    scale = width / layout.width
    drawing = Drawing(width, total_height * scale)
    # Figure units run downwards like the screen; flip once here so every shape below uses them as is.
    root = Group(transform=(scale, 0, 0, -scale, 0, total_height * scale))
    drawing.add(root)
    by_key = {(mark.region, mark.side): mark for mark in marks}

    for place in layout.placements:
        view = place.view

        def at(points: list[Point], dx: float = place.x, dy: float = place.y) -> list[float]:
            return [c for x, y in points for c in (x + dx, y + dy)]

        lines = view.title.splitlines()
        for number, line in enumerate(lines):
            baseline = place.y - 8 - (len(lines) - 1 - number) * 17
            root.add(_text(place.x + view.width / 2, baseline, line, 15, FONT_BOLD))
        for polygon in view.figure:
            root.add(Polygon(at(polygon), fillColor=BODY_FILL, strokeColor=BODY_STROKE, strokeWidth=1.2))
        for region in catalogue.regions:
            for outline in region.outlines:
                if outline.view != view.id:
                    continue
                mark = by_key.get((region.id, outline.side))
                if mark is None:
                    root.add(Polygon(at(outline.points), fillColor=None, strokeColor=REGION_STROKE, strokeWidth=0.7))
                    continue
                root.add(Polygon(at(outline.points), fillColor=colors.HexColor(intensity_colour(mark.intensity)),
                                 strokeColor=MARKED_STROKE, strokeWidth=1.2))
                if not has_room_for_number(outline.points):
                    continue
                cx, cy = centroid(outline.points)
                root.add(_text(place.x + cx, place.y + cy + 5, str(mark.intensity), 14, FONT_BOLD,
                               text_colour_on(mark.intensity)))
        if view.side_labels:
            base = place.y + view.height + LABEL_HEIGHT - 8
            # Anchored to the view's outer edges, as on screen: as far apart as they can be.
            root.add(_text(place.x + 2, base, catalogue.text.your_left, 16, FONT_BOLD, anchor="start"))
            root.add(_text(place.x + view.width - 2, base, catalogue.text.your_right, 16, FONT_BOLD, anchor="end"))
    _legend(root, catalogue, layout.height + 6, layout.width)
    return drawing


def _text(x: float, y: float, text: str, size: float, font: str = FONT, colour: str = "#000000",
          anchor: str = "middle") -> Group:
    """Text with its baseline at (x, y) in figure units; un-flipped so it reads the right way up."""
    group = Group(transform=(1, 0, 0, -1, x, y))
    group.add(String(0, 0, text, fontName=font, fontSize=size, fillColor=colors.HexColor(colour), textAnchor=anchor))
    return group


def _legend(root: Group, catalogue: Catalogue, top: float, width: float) -> None:
    """Eleven swatches 0–10 with their numbers, centred under the views."""
    box = 20.0
    label_width = 90.0
    start = (width - (label_width + 11 * box)) / 2
    legend = _text(start + label_width / 2, top + box / 2 + 5, catalogue.text.legend, 14, FONT_BOLD)
    root.add(legend)
    for value in range(11):
        x = start + label_width + value * box
        root.add(Rect(x, top, box, box, fillColor=colors.HexColor(intensity_colour(value)),
                      strokeColor=BODY_STROKE, strokeWidth=0.5))
        root.add(_text(x + box / 2, top + box / 2 + 4.5, str(value), 11, FONT, text_colour_on(value)))
