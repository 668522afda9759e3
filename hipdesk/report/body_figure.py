"""The body figure with the marked regions as a reportlab vector drawing, for the PDF report (no Qt).

It draws the same outlines and layout as the on-screen body map (`hipdesk.content.body_regions`): regions
coloured by intensity with the number written on them, "your left" / "your right" under the front
and back views, and a small 0–10 legend.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from hipdesk.content.body_regions import (
    LABEL_HEIGHT,
    Catalogue,
    Point,
    centroid,
    figure_layout,
    intensity_colour,
    load_catalogue,
    text_colour_on,
)
from hipdesk.report.shapes import Drawing, Group, Polygon, Rect, String
from hipdesk.session import RegionMark

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
BODY_FILL = colors.HexColor("#eef1f4")
BODY_STROKE = colors.HexColor("#6b7785")
REGION_STROKE = colors.HexColor("#a9b3bd")
MARKED_STROKE = colors.HexColor("#222222")
LEGEND_HEIGHT = 48.0  # figure units below the views
# Text sizes in figure units. The report draws the figure about 225 pt wide (0.27 pt a unit): 26 units is
# 7 pt, 24 units 6.5 pt (readable in print; the first figure's 11–16 units were 3–4 pt).
TITLE_SIZE = 26.0
LABEL_SIZE = 23.0
NUMBER_SIZE = 24.0
LEGEND_SIZE = 24.0
LEGEND_BOX = 32.0
# "your left" / "your right" reach this far past their view's edges: the two under one view stay closer
# to each other (13 units) than to the next view's (28), so each pair reads as one view's.
LABEL_OVERHANG = 6.0


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
            baseline = place.y - 10 - (len(lines) - 1 - number) * TITLE_SIZE * 1.12
            root.add(_text(place.x + view.width / 2, baseline, line, TITLE_SIZE, FONT_BOLD))
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
                if not _number_fits(outline.points, str(mark.intensity)):
                    continue  # too narrow here: the table beside the figure gives every intensity
                cx, cy = centroid(outline.points)
                root.add(_text(place.x + cx, place.y + cy + NUMBER_SIZE * 0.35, str(mark.intensity), NUMBER_SIZE,
                               FONT_BOLD, text_colour_on(mark.intensity)))
        if view.side_labels:
            base = place.y + view.height + LABEL_HEIGHT - 8
            # Anchored to the view's outer edges, as on screen: as far apart as they can be.
            root.add(_text(place.x - LABEL_OVERHANG, base, catalogue.text.your_left, LABEL_SIZE, FONT_BOLD,
                           anchor="start"))
            root.add(_text(place.x + view.width + LABEL_OVERHANG, base, catalogue.text.your_right, LABEL_SIZE,
                           FONT_BOLD, anchor="end"))
    _legend(root, catalogue, layout.height + 6, layout.width)
    return drawing


def _number_fits(points: list[Point], text: str) -> bool:
    """True when the number fits across the outline with a little room on each side."""
    xs = [x for x, _ in points]
    return max(xs) - min(xs) >= stringWidth(text, FONT_BOLD, NUMBER_SIZE) + 4


def _text(x: float, y: float, text: str, size: float, font: str = FONT, colour: str = "#000000",
          anchor: str = "middle") -> Group:
    """Text with its baseline at (x, y) in figure units; un-flipped so it reads the right way up."""
    group = Group(transform=(1, 0, 0, -1, x, y))
    group.add(String(0, 0, text, fontName=font, fontSize=size, fillColor=colors.HexColor(colour), textAnchor=anchor))
    return group


def _legend(root: Group, catalogue: Catalogue, top: float, width: float) -> None:
    """Eleven swatches 0–10 with their numbers, centred under the views."""
    box = LEGEND_BOX
    label_width = stringWidth(catalogue.text.legend, FONT_BOLD, LEGEND_SIZE) + 16
    start = (width - (label_width + 11 * box)) / 2
    middle = top + box / 2 + LEGEND_SIZE * 0.35  # baseline that centres the digits in the box
    root.add(_text(start, middle, catalogue.text.legend, LEGEND_SIZE, FONT_BOLD, anchor="start"))
    for value in range(11):
        x = start + label_width + value * box
        root.add(Rect(x, top, box, box, fillColor=colors.HexColor(intensity_colour(value)),
                      strokeColor=BODY_STROKE, strokeWidth=0.5))
        root.add(_text(x + box / 2, middle, str(value), LEGEND_SIZE, FONT, text_colour_on(value)))
