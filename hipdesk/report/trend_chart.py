"""The PDF report's trend chart: a person's 0–10 series over their sessions as a reportlab drawing (no Qt).

The series come from `hipdesk.library.trends`; the on-screen chart (`hipdesk.ui.trend_chart`) uses the same colours.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor, black, lightgrey, white

from hipdesk.library.trends import DASHES, PALETTE, TrendSeries, legend_columns
from hipdesk.report.shapes import Circle, Drawing, Line, Path, PolyLine, Rect, String

DOT_DIAMETER = 5.4  # pt: the dot at each session (as the 2.2 pt circle with its 1 pt outline was)


def trend_drawing(
    series: Sequence[TrendSeries],
    dates: Sequence[str],
    width: float = 480,
    height: float = 200,
    title: str = "",
    font_name: str = "Helvetica",
) -> Drawing:
    """A line chart of 0–10 series over the person's sessions, for the PDF; meaningful changes are ringed."""
    # The legend goes below the plot in 2 columns (3 when many), and the drawing grows with it: the plot never
    # shrinks under its legend, and the next flowable (the second chart) starts below it.
    columns = legend_columns(len(series))
    legend_height = 12.0 * -(-len(series) // columns)
    height = max(height, (18 if title else 6) + 100 + 28 + legend_height)
    drawing = Drawing(width, height)
    top = height - (18 if title else 6)
    left, right, bottom = 28.0, width - 10.0, 28.0 + legend_height
    if title:
        drawing.add(String(0, height - 12, title, fontName=font_name, fontSize=10))
    plot_h = max(top - bottom, 20.0)
    count = max(len(dates), 1)

    def x_at(index: int) -> float:
        return left + (right - left) * (index + 0.5) / count

    def y_at(value: float) -> float:
        return bottom + plot_h * value / 10

    for value in range(0, 11, 2):
        drawing.add(Line(left, y_at(value), right, y_at(value), strokeColor=lightgrey, strokeWidth=0.5))
        drawing.add(String(left - 4, y_at(value) - 3, str(value), fontName=font_name, fontSize=7, textAnchor="end"))
    drawing.add(Rect(left, bottom, right - left, plot_h, fillColor=None, strokeColor=black, strokeWidth=0.6))
    label_width = 40.0  # a YYYY-MM-DD date at 6.5 pt, with a gap
    step = max(1, int(len(dates) * label_width // max(right - left, 1)) + 1)
    for index, date in enumerate(dates):
        if index % step == 0:
            drawing.add(String(x_at(index), bottom - 10, date, fontName=font_name, fontSize=6.5, textAnchor="middle"))
    for number, line in enumerate(series):
        colour = HexColor(PALETTE[number % len(PALETTE)])
        dash = DASHES[number // len(PALETTE) % len(DASHES)]  # more series than colours: the line style tells them apart
        coords = [(x_at(p.index), y_at(p.value)) for p in line.points]
        if len(coords) > 1:
            drawing.add(PolyLine([c for xy in coords for c in xy], strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash))
        # A dot at each session with a value: one path of single-point strokes with round ends (each is drawn as
        # a filled circle), not a circle shape per point, which cost ~1 ms per 20 points with 30 sessions charted.
        dots = Path(strokeColor=colour, strokeWidth=DOT_DIAMETER, strokeLineCap=1, fillColor=None)
        for point, (x, y) in zip(line.points, coords, strict=True):
            dots.moveTo(x, y)
            dots.lineTo(x, y)
            if point.meaningful:
                drawing.add(Circle(x, y, 5, fillColor=None, strokeColor=colour, strokeWidth=1.2))
        drawing.add(dots)
        row, column = divmod(number, columns)
        lx = left + column * (right - left) / columns
        ly = 4 + legend_height - 12 * (row + 1) + 2
        if dash is None:
            drawing.add(Rect(lx, ly + 2, 10, 4, fillColor=colour, strokeColor=white))
        else:
            drawing.add(Line(lx, ly + 4, lx + 10, ly + 4, strokeColor=colour, strokeWidth=1.4, strokeDashArray=dash))
        drawing.add(String(lx + 14, ly + 1, line.label, fontName=font_name, fontSize=7.5))
    return drawing
