"""The body-region picker: a vector body map, the intensity control beside it and a list of every region.

The map is a QGraphicsScene of `QGraphicsPathItem`s built from the catalogue's outlines, so a click
counts only inside a region's real outline. The list holds the same regions for the keyboard and
screen readers; both always show the same marks. The widget only shows and reports: the page stores.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from hipdesk.body_regions import (
    LABEL_HEIGHT,
    Catalogue,
    Point,
    centroid,
    figure_layout,
    has_room_for_number,
    intensity_colour,
    text_colour_on,
)
from hipdesk.session import RegionMark, Side

Key = tuple[str, Side]

BODY_FILL = QColor("#eef1f4")
BODY_LINE = QColor("#6b7785")
REGION_LINE = QColor("#9aa5b1")
HOVER_FILL = QColor("#cfe3ff")
FOCUS_LINE = QColor("#0b57d0")
MARKED_LINE = QColor("#222222")


def _path(points: list[Point], dx: float, dy: float) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x + dx, y + dy) for x, y in points]))
    path.closeSubpath()
    return path


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen: the same crisp pixel width at every zoom and device pixel ratio."""
    pen = QPen(colour, width, style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class RegionItem(QGraphicsPathItem):
    """One side of one region in one view; its shape (and so its hit area) is the real outline."""

    def __init__(self, key: Key, path: QPainterPath, tooltip: str) -> None:
        super().__init__(path)
        self.key = key
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip)
        self.setZValue(2)
        self.on_hover: Callable[[Key | None], None] | None = None

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Highlight the region under the pointer (every view of it, through the map)."""
        if self.on_hover:
            self.on_hover(self.key)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Drop the highlight."""
        if self.on_hover:
            self.on_hover(None)
        super().hoverLeaveEvent(event)


class BodyMapView(QGraphicsView):
    """The drawn figure. Emits `region_clicked(region, side)` for a click inside a region's outline."""

    region_clicked = Signal(str, str)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("bodyMapView")
        self.setAccessibleName(catalogue.text.map_name)
        self.setAccessibleDescription(catalogue.text.map_description)
        # The list beside the map is the keyboard route to every region; the picture is for the mouse.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        self.setMinimumSize(340, 260)
        # Ignored: take whatever height the page has; the figure scales to fit (the page must not scroll).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.items_by_key: dict[Key, list[RegionItem]] = {}
        self.numbers: dict[Key, list[QGraphicsSimpleTextItem]] = {}
        self.number_centres: dict[QGraphicsSimpleTextItem, Point] = {}
        self.marks: dict[Key, int] = {}
        self.current: Key | None = None
        self.hovered: Key | None = None
        self._build()

    def _lines(self, text: str, x: float, y: float, size: float) -> None:
        """Centred lines of text ending at y (a view's title)."""
        lines = text.splitlines()
        for number, line in enumerate(lines):
            self._text(line, x, y - (len(lines) - 1 - number) * size * 1.15, size)

    def _text(self, text: str, x: float, y: float, size: float, bold: bool = True) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(int(size))
        font.setBold(bold)
        item.setFont(font)
        rect = item.boundingRect()
        item.setPos(x - rect.width() / 2, y - rect.height() / 2)
        item.setZValue(3)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # a click on a label is a click on the map
        self.scene_.addItem(item)
        return item

    def _build(self) -> None:
        layout = figure_layout(self.catalogue)
        text = self.catalogue.text
        for place in layout.placements:
            view = place.view
            self._lines(view.title, place.x + view.width / 2, place.y - 12, 17)
            for polygon in view.figure:
                body = self.scene_.addPath(_path(polygon, place.x, place.y), _pen(BODY_LINE, 1.4), QBrush(BODY_FILL))
                body.setZValue(1)
            if view.side_labels:
                y = place.y + view.height + LABEL_HEIGHT / 2
                # Anchored to the view's outer edges: as far apart as they can be, never overlapping.
                left = self._text(text.your_left, place.x, y, 16)
                left.setX(place.x + 2)
                right = self._text(text.your_right, place.x, y, 16)
                right.setX(place.x + view.width - 2 - right.boundingRect().width())
            for region in self.catalogue.regions:
                for outline in region.outlines:
                    if outline.view != view.id:
                        continue
                    key: Key = (region.id, outline.side)
                    tip = f"{self.catalogue.region_label(*key)}: {region.hint}"
                    item = RegionItem(key, _path(outline.points, place.x, place.y), tip)
                    item.on_hover = self._hover
                    self.scene_.addItem(item)
                    self.items_by_key.setdefault(key, []).append(item)
                    if not has_room_for_number(outline.points):
                        continue
                    cx, cy = centroid(outline.points)
                    number = self._text("", place.x + cx, place.y + cy, 15)
                    number.setAcceptHoverEvents(False)
                    self.number_centres[number] = (place.x + cx, place.y + cy)
                    self.numbers.setdefault(key, []).append(number)
        self.scene_.setSceneRect(QRectF(-4, 0, layout.width + 8, layout.height))
        self._restyle()

    # -- showing ----------------------------------------------------------------------------------
    def set_state(self, marks: Mapping[Key, int], current: Key | None) -> None:
        """Show these marks (key -> intensity) and which region the intensity control edits."""
        self.marks = dict(marks)
        self.current = current
        self._restyle()

    def _hover(self, key: Key | None) -> None:
        self.hovered = key
        self._restyle()

    def _restyle(self) -> None:
        for key, items in self.items_by_key.items():
            intensity = self.marks.get(key)
            if intensity is not None:
                brush = QBrush(QColor(intensity_colour(intensity)))
                pen = _pen(MARKED_LINE, 1.6)
            elif key == self.hovered:
                brush = QBrush(HOVER_FILL)
                pen = _pen(FOCUS_LINE, 1.4)
            else:
                brush = QBrush(Qt.BrushStyle.NoBrush)
                pen = _pen(REGION_LINE, 1.0, Qt.PenStyle.DashLine)
            if key == self.hovered and intensity is not None:
                pen = _pen(FOCUS_LINE, 2.4)
            if key == self.current:
                pen = _pen(FOCUS_LINE, 3.0)
            for item in items:
                item.setBrush(brush)
                item.setPen(pen)
            for number in self.numbers.get(key, []):
                number.setText("" if intensity is None else str(intensity))
                number.setBrush(QBrush(QColor(text_colour_on(intensity or 0))))
                x, y = self.number_centres[number]
                rect = number.boundingRect()
                number.setPos(x - rect.width() / 2, y - rect.height() / 2)

    # -- input ------------------------------------------------------------------------------------
    def region_at(self, scene_point: QPointF) -> Key | None:
        """The region whose outline contains this scene point, if any (hit test on the real shape)."""
        for item in self.scene_.items(scene_point, Qt.ItemSelectionMode.IntersectsItemShape,
                                      Qt.SortOrder.DescendingOrder):
            if isinstance(item, RegionItem) and item.path().contains(item.mapFromScene(scene_point)):
                return item.key
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A left click inside an outline selects or clears that region."""
        if event.button() == Qt.MouseButton.LeftButton:
            key = self.region_at(self.mapToScene(event.position().toPoint()))
            if key is not None:
                self.region_clicked.emit(*key)
                event.accept()
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Scale the vector figure to the space available, keeping its proportions."""
        super().resizeEvent(event)
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Fit again when shown: the first resize may come before the final size is known."""
        super().showEvent(event)
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class BodyMapWidget(QWidget):
    """Map, read-back, intensity control and region list, kept in step.

    `mark_changed(region, side, intensity)` reports every change the person makes (intensity None
    when a region is cleared); `set_marks` shows stored marks without reporting them back.
    `default_intensity` gives the starting intensity of a newly marked region.
    """

    mark_changed = Signal(str, str, object)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("bodyMap")
        self.marks: dict[Key, int] = {}
        self.current: Key | None = None
        self.default_intensity: Callable[[], int] = lambda: 5
        self._updating = False
        text = catalogue.text

        self.view = BodyMapView(catalogue)
        self.view.region_clicked.connect(lambda region, side: self.toggle((region, side)))

        self.readback = QLabel()
        self.readback.setObjectName("bodyMapReadback")
        self.readback.setWordWrap(True)
        self.readback.setTextFormat(Qt.TextFormat.PlainText)
        self.readback.setStyleSheet("font-weight: 600;")

        self.list_label = QLabel(text.list_label)
        self.list_label.setWordWrap(True)
        self.region_list = QListWidget()
        self.region_list.setObjectName("bodyMapList")
        self.region_list.setAccessibleName(text.list_label)
        self.list_label.setBuddy(self.region_list)
        self.region_list.setMinimumHeight(110)
        self.region_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list_items: dict[Key, QListWidgetItem] = {}
        for key in catalogue.region_keys():
            item = QListWidgetItem(catalogue.region_label(*key))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(catalogue.region(key[0]).hint)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.region_list.addItem(item)
            self.list_items[key] = item
        self.region_list.itemChanged.connect(self._item_changed)
        self.region_list.installEventFilter(self)
        self.region_list.currentItemChanged.connect(self._current_item_changed)

        self.intensity_heading = QLabel()
        self.intensity_heading.setObjectName("bodyMapIntensityHeading")
        self.intensity_heading.setWordWrap(True)
        self.intensity_help = QLabel(text.intensity_label)
        self.intensity_help.setWordWrap(True)
        self.intensity = QSlider(Qt.Orientation.Horizontal)
        self.intensity.setObjectName("bodyMapIntensity")
        self.intensity.setRange(0, 10)
        self.intensity.setPageStep(1)
        self.intensity.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.intensity.setTickInterval(1)
        self.intensity.valueChanged.connect(self._intensity_moved)
        self.intensity_value = QLabel()
        self.intensity_value.setObjectName("bodyMapIntensityValue")
        self.intensity_value.setMinimumWidth(44)
        self.intensity_value.setStyleSheet("font-weight: 700;")
        self.clear_button = QPushButton(text.clear_button)
        self.clear_button.setObjectName("bodyMapClear")
        self.clear_button.clicked.connect(self._clear_current)

        slider_row = QHBoxLayout()
        slider_row.addWidget(self.intensity, 1)
        slider_row.addWidget(self.intensity_value)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        # Top to bottom in the order of Tab: pick an area, say how much it hurts, then the questions.
        side.addWidget(self.readback)
        side.addWidget(self.list_label)
        side.addWidget(self.region_list, 1)
        side.addWidget(self.intensity_heading)
        side.addWidget(self.intensity_help)
        side.addLayout(slider_row)
        side.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        #: Where the page puts its own questions: beside the map, so nothing needs scrolling.
        self.extra = QVBoxLayout()
        self.extra.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.extra)
        self.side_panel = QWidget()
        self.side_panel.setLayout(side)
        self.side_panel.setMinimumWidth(260)
        self.side_panel.setMaximumWidth(360)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.view, 3)
        outer.addWidget(self.side_panel, 1)
        QWidget.setTabOrder(self.region_list, self.intensity)
        QWidget.setTabOrder(self.intensity, self.clear_button)
        self._refresh()

    # -- state ------------------------------------------------------------------------------------
    def set_marks(self, marks: Mapping[Key, int] | list[RegionMark]) -> None:
        """Show these marks (stored ones, on bind or resume); nothing is reported back."""
        if isinstance(marks, list):
            self.marks = {(m.region, m.side): m.intensity for m in marks}
        else:
            self.marks = dict(marks)
        if self.current is not None and self.current not in self.marks:
            self.current = None
        self._refresh()

    def clear(self) -> None:
        """Forget everything shown (the session was closed)."""
        self.current = None
        self.set_marks({})
        self.region_list.setCurrentRow(-1)

    def toggle(self, key: Key) -> None:
        """Mark a region (with the default intensity) or clear it, as a click on the map does."""
        if key in self.marks:
            self._set(key, None)
        else:
            self._set(key, self.default_intensity())
        self.current = key
        self._refresh()

    def _set(self, key: Key, intensity: int | None) -> None:
        if intensity is None:
            self.marks.pop(key, None)
        else:
            self.marks[key] = intensity
        self.mark_changed.emit(key[0], key[1], intensity)

    # -- list and intensity -----------------------------------------------------------------------
    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        key = (key[0], key[1])
        checked = item.checkState() == Qt.CheckState.Checked
        if checked != (key in self.marks):
            self.toggle(key)

    def _current_item_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if self._updating or item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.current = (key[0], key[1])
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """In the list, a digit 0–9 marks the current region with that intensity (a keyboard shortcut)."""
        if watched is self.region_list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            item = self.region_list.currentItem()
            if len(text) == 1 and text.isdigit() and item is not None:
                key = item.data(Qt.ItemDataRole.UserRole)
                key = (key[0], key[1])
                self.current = key
                if self.marks.get(key) != int(text):
                    self._set(key, int(text))
                self._refresh()
                return True
        return super().eventFilter(watched, event)

    def _intensity_moved(self, value: int) -> None:
        if self._updating or self.current is None or self.current not in self.marks:
            return
        if self.marks[self.current] != value:
            self._set(self.current, value)
            self._refresh()

    def _clear_current(self) -> None:
        if self.current is not None and self.current in self.marks:
            self._set(self.current, None)
            self._refresh()
            self.region_list.setFocus()

    # -- showing ----------------------------------------------------------------------------------
    def _refresh(self) -> None:
        catalogue = self.catalogue
        self._updating = True
        try:
            marks = [RegionMark(region, side, value) for (region, side), value in self.marks.items()]
            self.readback.setText(catalogue.readback(marks))
            self.readback.setAccessibleName(self.readback.text())
            for key, item in self.list_items.items():
                value = self.marks.get(key)
                label = catalogue.region_label(*key)
                item.setText(label if value is None else f"{label}: {value}/10")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, catalogue.accessible_name(*key, value))
                item.setCheckState(Qt.CheckState.Checked if value is not None else Qt.CheckState.Unchecked)
                if value is not None:
                    item.setBackground(QBrush(QColor(intensity_colour(value))))
                    item.setForeground(QBrush(QColor(text_colour_on(value))))
                else:
                    item.setBackground(QBrush())  # no brush: the list's own colours
                    item.setForeground(QBrush(self.palette().text()))
            if self.current is not None:
                self.region_list.setCurrentItem(self.list_items[self.current])
            active = self.current is not None and self.current in self.marks
            if active:
                assert self.current is not None
                value = self.marks[self.current]
                self.intensity_heading.setText(catalogue.intensity_heading(*self.current))
                self.intensity.setValue(value)
                self.intensity_value.setText(f"{value}/10")
                self.intensity.setAccessibleName(catalogue.accessible_name(*self.current, value))
            else:
                self.intensity_heading.setText(catalogue.text.intensity_none)
                self.intensity_value.setText("–")
                self.intensity.setAccessibleName(catalogue.text.intensity_none)
            self.intensity.setEnabled(active)
            self.clear_button.setEnabled(active)
            self.view.set_state(self.marks, self.current)
        finally:
            self._updating = False
