"""The drawn body map: close-up panes of the figure as `QGraphicsPathItem`s built from the catalogue's outlines.

A click counts inside a region's real outline or, a little beside it, for the nearest outline
(`bodymap_geometry`): every region gets a hit area of at least 24 × 24 px at `MIN_SCALE`, hit areas
never overlap, and a click further from every outline selects nothing. Pens are cosmetic and the pane
is refitted on every resize, so it stays crisp at any size and pixel ratio.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QSizePolicy,
    QWidget,
)

from hipdesk.content.body_regions import (
    Catalogue,
    Point,
    centroid,
    has_room_for_number,
    intensity_colour,
    text_colour_on,
)
from hipdesk.session import Side
from hipdesk.ui.bodymap_geometry import (
    HIT_PADDING_PX,
    LABEL_HEIGHT,
    LABEL_SIZE,
    TITLE_SIZE,
    PaneLayout,
    Rect,
    Target,
    in_rect,
    make_target,
    minimum_size,
    nearest_target,
    pane_layouts,
)

Key = tuple[str, Side]

class FigureColours(NamedTuple):
    """The picture's colours (a marked region's fill is its intensity colour in every scheme)."""

    background: QColor
    body_fill: QColor
    body_line: QColor
    region_line: QColor
    hover_fill: QColor
    focus_line: QColor
    marked_line: QColor
    text: QColor


#: On a light scheme: the printed figure's colours (hipdesk/report/body_figure.py), but for the dashed lines between regions: on
# screen they must be seen against the body (WCAG 1.4.11, 3:1; #9aa5b1 was 2.2:1), paper keeps them pale.
LIGHT_FIGURE = FigureColours(QColor("#ffffff"), QColor("#eef1f4"), QColor("#6b7785"), QColor("#7d8894"),
                             QColor("#cfe3ff"), QColor("#0b57d0"), QColor("#222222"), QColor("#000000"))


def _mix(under: QColor, over: QColor, share: float) -> QColor:
    return QColor(*(round(a + (b - a) * share) for a, b in ((under.red(), over.red()), (under.green(), over.green()),
                                                           (under.blue(), over.blue()))))


def figure_colours(palette: QPalette) -> FigureColours:
    """The light figure on a light scheme; on a dark one (dark, high contrast) the figure is drawn from the scheme's
    own background and text, so that the page is not a white sheet in a dark window."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    if base.lightness() >= 128:
        return LIGHT_FIGURE
    chosen = palette.color(QPalette.ColorRole.Highlight)
    return FigureColours(background=base, body_fill=_mix(base, text, 0.12), body_line=_mix(base, text, 0.62),
                         region_line=_mix(base, text, 0.5), hover_fill=_mix(base, chosen, 0.4), focus_line=chosen,
                         marked_line=text, text=text)


NUMBER_SIZE = 11.0  # figure units: about 14 px at the close-up's smallest scale


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


def _rect_path(rect: Rect) -> QPainterPath:
    path = QPainterPath()
    path.addRect(QRectF(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]))
    return path


class RegionItem(QGraphicsPathItem):
    """One side of one region in one view, drawn with its real outline (the view decides what a click hits)."""

    def __init__(self, key: Key, view_id: str, path: QPainterPath, tooltip: str) -> None:
        super().__init__(path)
        self.key = key
        self.view_id = view_id
        self.setToolTip(tooltip)
        self.setZValue(2)


class BodyMapView(QGraphicsView):
    """The drawn figure, one close-up pane at a time. Emits `region_clicked(region, side)` for a click on a region."""

    region_clicked = Signal(str, str)
    pane_changed = Signal(int)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("bodyMapView")
        self.setAccessibleName(catalogue.text.map_name)
        self.setAccessibleDescription(catalogue.text.map_description)
        # The list beside the map is the keyboard route to every region; the picture is for the mouse.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The viewport is made here rather than asked for with viewport(): handed Qt's own, PySide would guess its
        # class by trying the QtWidgets classes one by one (~70 enum types, 36 ms when this page is built).
        viewport = QWidget()
        self.setViewport(viewport)
        viewport.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (after: setViewport sets its own) else Tab stops on the picture
        self.setMouseTracking(True)  # hover shows which region a click would take, padding included
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.figure = figure_colours(self.palette())
        self.setBackgroundBrush(QBrush(self.figure.background))
        self.panes: list[PaneLayout] = pane_layouts(catalogue)
        # Never smaller than the close-up at MIN_SCALE: below that the page scrolls instead.
        self.setMinimumSize(*minimum_size(self.panes))
        # Ignored: take whatever height the page has; the pane scales to fit.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.scene_ = QGraphicsScene(self)
        self.setScene(self.scene_)
        self.items_by_key: dict[Key, list[RegionItem]] = {}
        self.body_items: list[QGraphicsPathItem] = []  # the figure's outline, recoloured with the scheme
        self.label_items: list[QGraphicsSimpleTextItem] = []  # titles and "your left" / "your right"
        self.numbers: dict[Key, list[QGraphicsSimpleTextItem]] = {}
        self.number_centres: dict[QGraphicsSimpleTextItem, Point] = {}
        self.targets: list[list[tuple[Rect, list[Target]]]] = []  # per pane: each view's crop and its outlines
        self.target_items: list[RegionItem] = []  # by Target.index
        self.marks: dict[Key, int] = {}
        self.current: Key | None = None
        self.hovered: Key | None = None
        self.pane = 0
        self._build()
        self.show_pane(0)

    def _lines(self, text: str, x: float, y: float, size: float) -> None:
        """Centred lines of text ending at y (a view's title)."""
        lines = text.splitlines()
        for number, line in enumerate(lines):
            self.label_items.append(self._text(line, x, y - (len(lines) - 1 - number) * size * 1.15, size))

    def _text(self, text: str, x: float, y: float, size: float, bold: bool = True) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        font = QFont()
        font.setPixelSize(max(1, round(size)))
        font.setBold(bold)
        item.setFont(font)
        rect = item.boundingRect()
        item.setPos(x - rect.width() / 2, y - rect.height() / 2)
        item.setZValue(3)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # a click on a label is a click on the map
        item.setBrush(QBrush(self.figure.text))
        self.scene_.addItem(item)
        return item

    def _build(self) -> None:
        text = self.catalogue.text
        for layout in self.panes:
            pane_targets: list[tuple[Rect, list[Target]]] = []
            for place in layout.views:
                targets: list[Target] = []
                pane_targets.append((place.crop, targets))
                view = place.view
                x0, y0, x1, y1 = place.crop
                self._lines(view.title, (x0 + x1) / 2, y0 - TITLE_SIZE * 0.75, TITLE_SIZE)
                crop = _rect_path(place.crop)
                for polygon in view.figure:
                    # Cut to the close-up: the head and feet would run into the titles and labels.
                    shape = _path(polygon, place.x, place.y).intersected(crop)
                    if shape.isEmpty():
                        continue
                    body = self.scene_.addPath(shape, _pen(self.figure.body_line, 1.4), QBrush(self.figure.body_fill))
                    body.setZValue(1)
                    self.body_items.append(body)
                if view.side_labels:
                    y = y1 + LABEL_HEIGHT / 2
                    # Anchored to the view's outer edges: as far apart as they can be, never overlapping.
                    left = self._text(text.your_left, x0, y, LABEL_SIZE)
                    left.setX(x0 + 2)
                    right = self._text(text.your_right, x0, y, LABEL_SIZE)
                    right.setX(x1 - 2 - right.boundingRect().width())
                    self.label_items += [left, right]
                for region in self.catalogue.regions:
                    for outline in region.outlines:
                        if outline.view != view.id:
                            continue
                        key: Key = (region.id, outline.side)
                        tip = f"{self.catalogue.region_label(*key)}: {region.hint}"
                        item = RegionItem(key, view.id, _path(outline.points, place.x, place.y).intersected(crop), tip)
                        self.scene_.addItem(item)
                        self.items_by_key.setdefault(key, []).append(item)
                        points = [(x + place.x, y + place.y) for x, y in outline.points]
                        targets.append(make_target(len(self.target_items), points))
                        self.target_items.append(item)
                        if not has_room_for_number(outline.points):
                            continue
                        cx, cy = centroid(outline.points)
                        number = self._text("", place.x + cx, place.y + cy, NUMBER_SIZE)
                        number.setAcceptHoverEvents(False)
                        self.number_centres[number] = (place.x + cx, place.y + cy)
                        self.numbers.setdefault(key, []).append(number)
            self.targets.append(pane_targets)
        self._restyle()

    # -- panes ------------------------------------------------------------------------------------
    def pane_views(self, index: int) -> list[str]:
        """The view ids pane `index` shows."""
        return [place.view.id for place in self.panes[index].views]

    def panes_showing(self, key: Key) -> list[int]:
        """The panes in which this region (on this side) is drawn."""
        views = {item.view_id for item in self.items_by_key.get(key, [])}
        return [index for index in range(len(self.panes)) if views & set(self.pane_views(index))]

    def show_pane(self, index: int) -> None:
        """Show pane `index` (fitted to the view); the hover highlight is dropped."""
        self.pane = index
        x0, y0, x1, y1 = self.panes[index].rect
        self.scene_.setSceneRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self._fit()
        if self.hovered is not None:
            self._hover(None)
        self.pane_changed.emit(index)

    def _fit(self) -> None:
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def scene_centre(self, key: Key, view_id: str) -> QPointF:
        """Where the centroid of this region's outline in this view is in the scene (for tests and tools)."""
        outline = next(o for o in self.catalogue.region(key[0]).outlines if o.side == key[1] and o.view == view_id)
        place = next(p for layout in self.panes for p in layout.views if p.view.id == view_id)
        cx, cy = centroid(outline.points)
        return QPointF(place.x + cx, place.y + cy)

    # -- showing ----------------------------------------------------------------------------------
    def set_state(self, marks: Mapping[Key, int], current: Key | None) -> None:
        """Show these marks (key -> intensity) and which region the intensity control edits."""
        self.marks = dict(marks)
        self.current = current
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new colour scheme (the window's palette changed): draw the figure in it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.recolour()

    def recolour(self) -> None:
        """Take the figure's colours from the palette now (see figure_colours)."""
        figure = figure_colours(self.palette())
        if figure == self.figure:
            return
        self.figure = figure
        self.setBackgroundBrush(QBrush(figure.background))
        for body in self.body_items:
            body.setPen(_pen(figure.body_line, 1.4))
            body.setBrush(QBrush(figure.body_fill))
        for label in self.label_items:
            label.setBrush(QBrush(figure.text))
        self._restyle()

    def _hover(self, key: Key | None) -> None:
        if key == self.hovered:
            return
        self.hovered = key
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if key else Qt.CursorShape.ArrowCursor)
        self._restyle()

    def _restyle(self) -> None:
        for key, items in self.items_by_key.items():
            intensity = self.marks.get(key)
            if intensity is not None:
                brush = QBrush(QColor(intensity_colour(intensity)))
                pen = _pen(self.figure.marked_line, 1.6)
            elif key == self.hovered:
                brush = QBrush(self.figure.hover_fill)
                pen = _pen(self.figure.focus_line, 1.4)
            else:
                brush = QBrush(Qt.BrushStyle.NoBrush)
                pen = _pen(self.figure.region_line, 1.0, Qt.PenStyle.DashLine)
            if key == self.hovered and intensity is not None:
                pen = _pen(self.figure.focus_line, 2.4)
            if key == self.current:
                pen = _pen(self.figure.focus_line, 3.0)
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
    def item_at(self, scene_point: QPointF) -> RegionItem | None:
        """The region outline a click at this scene point is for: inside it, or the nearest within the padding."""
        scale = self.transform().m11() or 1.0
        x, y = scene_point.x(), scene_point.y()
        for crop, targets in self.targets[self.pane]:
            if in_rect(crop, x, y):
                target = nearest_target(targets, x, y, HIT_PADDING_PX / scale)
                return None if target is None else self.target_items[target.index]
        return None

    def region_at(self, scene_point: QPointF) -> Key | None:
        """The region a click at this scene point selects, if any."""
        item = self.item_at(scene_point)
        return None if item is None else item.key

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A left click on (or just beside) a region selects or clears it."""
        if event.button() == Qt.MouseButton.LeftButton:
            key = self.region_at(self.mapToScene(event.position().toPoint()))
            if key is not None:
                self.region_clicked.emit(*key)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Highlight the region a click here would take (every view of it)."""
        self._hover(self.region_at(self.mapToScene(event.position().toPoint())))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Drop the highlight when the pointer leaves the picture."""
        self._hover(None)
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Scale the pane to the space available, keeping its proportions."""
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Fit again when shown: the first resize may come before the final size is known."""
        super().showEvent(event)
        self._fit()
