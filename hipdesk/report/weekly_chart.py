"""The weekly-distance bar chart of the watch-file record, as a reportlab Drawing for the PDF."""

from __future__ import annotations

from reportlab.lib import colors

from hipdesk.activities.chart import WeeklyChart
from hipdesk.report.shapes import Drawing, Line, Rect, String

BAR = colors.HexColor("#3b6c9e")
RECENT = colors.HexColor("#2f5f8f")
MARKED = colors.HexColor("#b0541a")
INK = colors.HexColor("#222222")


def weekly_chart_drawing(chart: WeeklyChart, width: float, height: float, font_name: str) -> Drawing:
    """Eight bars, the last two coloured (orange when the rise is above 30 %), the two-week averages dashed."""
    drawing = Drawing(width, height)
    size = 7.5
    title_h, label_h = 12.0, 22.0
    plot_left, plot_right = 4.0, width - 4.0
    plot_bottom, plot_top = label_h, height - title_h - size - 2
    drawing.add(String(0, height - size - 1, chart.title, fontName=font_name, fontSize=size + 0.5,
                       fillColor=INK))
    highest = max((*chart.values, chart.recent_average, chart.before_average or 0.0, 1.0))
    slot = (plot_right - plot_left) / len(chart.values)

    def y_at(value: float) -> float:
        return plot_bottom + (plot_top - plot_bottom) * value / highest

    recent_colour = MARKED if chart.rise_marked else RECENT
    last_two = len(chart.values) - 2
    for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = plot_left + slot * index
        colour = recent_colour if index >= last_two else BAR
        drawing.add(Rect(x + slot * 0.15, plot_bottom, slot * 0.7, y_at(value) - plot_bottom, fillColor=colour,
                         strokeColor=None))
        centre = x + slot / 2
        inside = y_at(value) - plot_bottom > size + 4  # inside the bar's top, clear of the dashed averages
        drawing.add(String(centre, y_at(value) - size - 1 if inside else y_at(value) + 2, f"{value:.0f}",
                           fontName=font_name, fontSize=size, textAnchor="middle",
                           fillColor=colors.white if inside else INK))
        drawing.add(String(centre, plot_bottom - size - 2, label, fontName=font_name, fontSize=size,
                           textAnchor="middle", fillColor=INK))
    drawing.add(Line(plot_left, plot_bottom, plot_right, plot_bottom, strokeColor=colors.grey, strokeWidth=0.5))
    spans = [(last_two, chart.recent_average)]
    if chart.before_average is not None:
        spans.insert(0, (last_two - 2, chart.before_average))
    for first, average in spans:
        y = y_at(average)
        drawing.add(Line(plot_left + slot * first, y, plot_left + slot * (first + 2), y, strokeColor=INK,
                         strokeWidth=1, strokeDashArray=[3, 2]))
    if chart.change_pct is not None:
        drawing.add(String(plot_left + slot * last_two, 1, f"two-week change {chart.change_pct:+.0f} %",
                           fontName=font_name, fontSize=size, textAnchor="middle",
                           fillColor=MARKED if chart.rise_marked else INK))
    return drawing
