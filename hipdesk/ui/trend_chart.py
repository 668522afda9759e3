"""Pain trend charts drawn with QPainter (PySide6-Essentials has no QtCharts).

Laid out as the PDF's chart (`hipdesk.report.trend_chart`): the same colours, a line style per round through
them (solid, dashed, dotted), the legend in 2 columns (3 beyond 8 series) below the plot. The library shows the
same sessions as the report, the latest `hipdesk.library.trends.TREND_SESSIONS`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from hipdesk.content.library_text import LibraryContent
from hipdesk.library.trends import DASHES, PALETTE, PersonTrend, TrendSeries, legend_columns, shown_note


def _pen(number: int, width: float) -> QPen:
    """The line of series `number`: its colour, and past the palette a dashed or dotted line (as in the PDF)."""
    pen = QPen(QColor(PALETTE[number % len(PALETTE)]), width)
    dash = DASHES[number // len(PALETTE) % len(DASHES)]
    if dash is not None:
        pen.setDashPattern([max(part / width, 0.5) for part in dash])  # Qt's pattern is in line widths
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


class TrendChart(QWidget):
    """A 0–10 line chart of some series over a person's sessions; meaningful changes are ringed."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.series: tuple[TrendSeries, ...] = ()
        self.dates: tuple[str, ...] = ()
        self.setMinimumHeight(170)

    def set_data(self, series: Sequence[TrendSeries], dates: Sequence[str]) -> None:
        """Show these series (x = session position, labelled by date)."""
        self.series = tuple(series)
        self.dates = tuple(dates)
        legend_rows = -(-len(self.series) // legend_columns(len(self.series)))
        self.setMinimumHeight(170 + legend_rows * self.fontMetrics().height())  # the plot keeps its height
        self.setAccessibleName(self.title + ": " + "; ".join(
            f"{s.label} " + ", ".join(f"{p.date} {p.value}" for p in s.points) for s in self.series
        ))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(560, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        columns = legend_columns(len(self.series))
        legend_rows = -(-len(self.series) // columns)
        painter.setPen(QColor("#222"))
        painter.drawText(QRectF(8, 4, self.width() - 16, line_h), Qt.AlignmentFlag.AlignLeft, self.title)
        left = 8 + metrics.horizontalAdvance("10") + 6
        top = 8 + line_h
        right = self.width() - 12
        bottom = self.height() - 8 - line_h * (legend_rows + 1) - 6
        plot = QRectF(left, top, max(right - left, 10), max(bottom - top, 10))
        count = max(len(self.dates), 1)

        def x_at(index: int) -> float:
            return plot.left() + plot.width() * (index + 0.5) / count

        def y_at(value: float) -> float:
            return plot.bottom() - plot.height() * value / 10

        for value in range(0, 11, 2):
            painter.setPen(QPen(QColor("#ddd"), 1))
            painter.drawLine(QPointF(plot.left(), y_at(value)), QPointF(plot.right(), y_at(value)))
            painter.setPen(QColor("#444"))
            painter.drawText(QRectF(0, y_at(value) - line_h / 2, left - 4, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(QPen(QColor("#888"), 1))
        painter.drawRect(plot)
        widest = metrics.horizontalAdvance("0000-00-00") + 8
        step = max(1, int(len(self.dates) * widest // max(plot.width(), 1)) + 1)
        painter.setPen(QColor("#444"))
        for index, date in enumerate(self.dates):
            if index % step == 0:
                painter.drawText(QRectF(x_at(index) - widest / 2, plot.bottom() + 2, widest, line_h),
                                 Qt.AlignmentFlag.AlignHCenter, date)
        column_w = plot.width() / columns
        for number, series in enumerate(self.series):
            pen = _pen(number, 2)
            colour = pen.color()
            points = [QPointF(x_at(p.index), y_at(p.value)) for p in series.points]
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Segment by segment (an antialiased wide polyline costs Qt's stroker ~20x as much), the dash pattern
            # carried on from one segment to the next.
            run = 0.0
            for start, end in zip(points, points[1:], strict=False):
                pen.setDashOffset(run / pen.widthF())
                painter.setPen(pen)
                painter.drawLine(start, end)
                run += math.hypot(end.x() - start.x(), end.y() - start.y())
            painter.setPen(QPen(colour, 1.5))
            for point, where in zip(series.points, points, strict=True):
                painter.setBrush(colour)
                painter.drawEllipse(where, 3, 3)
                if point.meaningful:
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(where, 7, 7)
            row, column = divmod(number, columns)
            lx = plot.left() + column * column_w
            ly = plot.bottom() + line_h + 6 + row * line_h
            painter.setPen(_pen(number, 3))
            painter.drawLine(QPointF(lx, ly + line_h / 2), QPointF(lx + 16, ly + line_h / 2))
            painter.setPen(QColor("#222"))
            label_w = column_w - 24
            label = metrics.elidedText(series.label, Qt.TextElideMode.ElideRight, int(label_w))
            painter.drawText(QRectF(lx + 20, ly, label_w, line_h), Qt.AlignmentFlag.AlignLeft, label)
        painter.end()


class TrendsPanel(QWidget):
    """A person's trends: the score chart, the region chart and the meaningful changes in words."""

    def __init__(self, content: LibraryContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setObjectName("trendsPanel")
        texts = content.texts
        self.heading = QLabel()
        self.heading.setObjectName("trendsHeading")
        self.heading.setStyleSheet("font-weight: 700;")
        self.shown = QLabel()  # "The latest 30 of 1001 sessions, from …" when the history is longer
        self.shown.setObjectName("trendShown")
        self.shown.setWordWrap(True)
        self.shown.hide()
        self.scores_chart = TrendChart(texts["trends_scores"])
        self.scores_chart.setObjectName("trendScores")
        self.regions_chart = TrendChart(texts["trends_regions"])
        self.regions_chart.setObjectName("trendRegions")
        self.changes = QLabel()
        self.changes.setObjectName("trendChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.shown)
        layout.addWidget(self.scores_chart, 1)
        layout.addWidget(self.regions_chart, 1)
        layout.addWidget(self.changes)
        self.trend: PersonTrend | None = None

    def show_trend(self, trend: PersonTrend) -> None:
        """Show one person's trend."""
        texts = self.content.texts
        self.trend = trend
        self.heading.setText(texts["trends_title"].format(name=trend.name))
        self.shown.setText(shown_note(trend, self.content))
        self.shown.setVisible(bool(self.shown.text()))
        self.scores_chart.set_data(trend.scores, trend.dates)
        self.regions_chart.set_data(trend.regions, trend.dates)
        self.regions_chart.setVisible(bool(trend.regions))
        lines = [texts["trends_legend"]]
        latest, changes = trend.latest_changes()
        if latest is None:
            lines = [texts["trends_empty"]]
        elif changes:
            lines.append(texts["trends_latest"].format(date=latest))
        else:
            lines.append(texts["trends_latest_none"].format(date=latest))
        for series, point, before in changes:
            direction = texts["better"] if point.value < before else texts["worse"]
            lines.append(texts["trends_change"].format(
                label=series.label, before=before, after=point.value, direction=direction
            ))
        self.changes.setText("\n".join(lines))
