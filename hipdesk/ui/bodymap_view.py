"""The drawn body map: a QGraphicsScene of `QGraphicsPathItem`s built from the catalogue's outlines.

A click counts only inside a region's real outline (its path), never its bounding box. Pens are
cosmetic and the figure is refitted on every resize, so it stays crisp at any size and pixel ratio.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QSizePolicy,
    QWidget,
)

from hipdesk.content.body_regions import (
    LABEL_HEIGHT,
    Catalogue,
    Point,
    centroid,
    figure_layout,
    has_room_for_number,
    intensity_colour,
    text_colour_on,
)
from hipdesk.session import Side

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
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # else Tab stops on the picture through it
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
