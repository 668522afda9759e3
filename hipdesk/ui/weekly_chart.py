"""The weekly-distance bar chart of the watch-file record, drawn with QPainter (no QtCharts in Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from hipdesk.activities.chart import WeeklyChart

BAR = QColor("#3b6c9e")
RECENT = QColor("#2f5f8f")
MARKED = QColor("#b0541a")  # the last two weeks when the rise is more than 30 %


class WeeklyChartView(QWidget):
    """Eight weekly bars; the last two weeks' and the two before's averages drawn across their bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyChart")
        self.chart: WeeklyChart | None = None
        self.setMinimumHeight(200)

    def set_chart(self, chart: WeeklyChart | None) -> None:
        """Show this chart (None: nothing)."""
        self.chart = chart
        if chart is not None:
            values = ", ".join(f"{label}: {value:.1f}" for label, value in zip(chart.labels, chart.values, strict=True))
            self.setAccessibleName(f"{chart.title}, {chart.unit} a week. {values}. {chart.change_text}")
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(560, 220)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        chart = self.chart
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if chart is None:
            return
        metrics = painter.fontMetrics()
        line_h = metrics.height()
        top, bottom = 8 + line_h * 2, self.height() - 8 - line_h * 2
        left, right = 12.0, self.width() - 12.0
        plot = QRectF(left, top, max(right - left, 10), max(bottom - top, 10))
        highest = max((*chart.values, chart.recent_average, chart.before_average or 0.0, 1.0))
        slot = plot.width() / len(chart.values)

        def y_at(value: float) -> float:
            return plot.bottom() - plot.height() * value / highest

        painter.setPen(QColor("#222"))
        painter.drawText(QRectF(8, 2, self.width() - 16, line_h), Qt.AlignmentFlag.AlignLeft, chart.title)
        recent_colour = MARKED if chart.rise_marked else RECENT
        for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            x = plot.left() + slot * index
            bar = QRectF(x + slot * 0.15, y_at(value), slot * 0.7, plot.bottom() - y_at(value))
            painter.fillRect(bar, recent_colour if index >= len(chart.values) - 2 else BAR)
            # The value inside the bar's top (white), so the dashed averages above never cover it.
            inside = bar.height() > line_h + 4
            painter.setPen(QColor("white") if inside else QColor("#222"))
            value_top = bar.top() + 2 if inside else bar.top() - line_h
            painter.drawText(QRectF(x, value_top, slot, line_h), Qt.AlignmentFlag.AlignCenter, f"{value:.0f}")
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(x, plot.bottom() + 2, slot, line_h), Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(QColor("#888"), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        # The two averages the change compares, each drawn across its own two bars.
        pen = QPen(QColor("#222"), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        spans = [(len(chart.values) - 2, chart.recent_average)]
        if chart.before_average is not None:
            spans.insert(0, (len(chart.values) - 4, chart.before_average))
        for first, average in spans:
            y = y_at(average)
            painter.drawLine(QPointF(plot.left() + slot * first, y), QPointF(plot.left() + slot * (first + 2), y))
        painter.setPen(QColor(MARKED if chart.rise_marked else "#222"))
        if chart.change_pct is not None:
            label_rect = QRectF(plot.left() + slot * (len(chart.values) - 4), plot.bottom() + line_h + 2, slot * 4, line_h)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter, f"two-week change {chart.change_pct:+.0f} %")
        painter.end()
