"""The body-region catalogue: `resources/body/regions.json`, checked on load (no Qt).

Each region of `vocab.REGIONS` has a display name, a SNOMED CT body-structure code and, per side,
its outline in one or more views of the figure. The views are drawn as the person sees their own
body (see `convention` in the file): in the front (mirror) and back views the person's right is on
the picture's right, and each side view shows that side. The Qt body map and the PDF figure both
draw from this one catalogue: the PDF every view in a row (`figure_layout`), the screen a close-up
pane of a few views at a time (`panes`, laid out by `hipdesk.ui.bodymap_geometry`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import msgspec

from hipdesk.content import vocab
from hipdesk.content.loader import ContentError, decode_content, read_content
from hipdesk.content.resources import resource_path
from hipdesk.session import SIDES, RegionMark, Side

Point = tuple[float, float]


class Code(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """A SNOMED CT code. `exact` is False when the code names a broader structure than the region."""

    code: str
    display: str
    exact: bool


class Outline(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Where one side of a region is drawn in one view, in that view's figure units (y downwards)."""

    view: str
    side: Literal["left", "right"]
    points: list[Point]


class Region(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One body region: stable id, name in running text ("outer hip"), a hint and its code."""

    id: str
    name: str
    hint: str
    snomed: Code
    outlines: list[Outline] = []
    cited_as: str = ""  # the name where the assessment cites a mark, when it needs more than `name`

    def cited_name(self) -> str:
        """How the assessment's reasons name this region."""
        return self.cited_as or self.name


class View(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One picture of the figure: its title (at most two lines), size, and the body's outline(s) as polygons."""

    id: str
    title: str
    width: float
    height: float
    figure: list[list[Point]]
    side_labels: bool = False  # print "your left" / "your right" under the feet
    shows: Literal["left", "right", "both"] = "both"


class Pane(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Views the on-screen map shows together, enlarged (a button switches between panes); the PDF shows all views."""

    id: str
    label: str
    views: list[str]


class Texts(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The wording of the body map and figure (templates use {SIDE}, {Side}, {region}, {intensity})."""

    your_left: str
    your_right: str
    side_names: dict[str, str]
    side_words: dict[str, str]
    you_marked: str
    mark: str
    nothing_marked: str
    accessible_marked: str
    accessible_unmarked: str
    intensity_label: str
    intensity_for: str
    intensity_none: str
    clear_button: str
    list_label: str
    map_name: str
    map_description: str
    pane_marked: str
    panes_name: str
    legend: str
    figure_caption: str


class Catalogue(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """The whole body-region content."""

    version: int
    convention: str
    text: Texts
    laterality: dict[str, Code]
    views: list[View]
    regions: list[Region]
    panes: list[Pane] = []

    def region(self, region_id: str) -> Region:
        """The region with this id (KeyError if there is none)."""
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(region_id)

    def view(self, view_id: str) -> View:
        """The view with this id (KeyError if there is none)."""
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(view_id)

    def pane_label(self, pane: Pane, marked: int) -> str:
        """A pane's button text, with how many of its marks there are: "Your two sides (2 marked)"."""
        return self.text.pane_marked.format(pane=pane.label, count=marked) if marked else pane.label

    def region_keys(self) -> list[tuple[str, Side]]:
        """Every (region, side) in display order: region by region, left then right."""
        return [(region.id, side) for region in self.regions for side in SIDES]

    def _fill(self, template: str, region: str, side: Side, intensity: int | None = None) -> str:
        return template.format(
            SIDE=self.text.side_words[side],
            Side=self.text.side_names[side],
            region=self.region(region).name,
            intensity="" if intensity is None else intensity,
        )

    def body_site(self, region: str, side: Side) -> tuple[Code, Code]:
        """SNOMED CT codes for export: the region's body structure and its laterality qualifier."""
        return self.region(region).snomed, self.laterality[side]

    def region_label(self, region: str, side: Side) -> str:
        """A region by name with its side, for lists and headings: "Right outer hip"."""
        return f"{self.text.side_names[side]} {self.region(region).name}"

    def mark_text(self, mark: RegionMark) -> str:
        """One mark read back with the side in capitals: "RIGHT outer hip, 6/10"."""
        return self._fill(self.text.mark, mark.region, mark.side, mark.intensity)

    def readback(self, marks: Iterable[RegionMark]) -> str:
        """The sentence that reads the person's choice back, most intense first."""
        ordered = sorted(marks, key=lambda m: (-m.intensity, self._order(m.region), m.side))
        if not ordered:
            return self.text.nothing_marked
        return self.text.you_marked.format(marks="; ".join(self.mark_text(m) for m in ordered))

    def accessible_name(self, region: str, side: Side, intensity: int | None) -> str:
        """What a screen reader says for one region: "Right outer hip, pain 6 of 10"."""
        if intensity is None:
            return self._fill(self.text.accessible_unmarked, region, side)
        return self._fill(self.text.accessible_marked, region, side, intensity)

    def intensity_heading(self, region: str, side: Side) -> str:
        """Heading of the intensity control for the region being set."""
        return self._fill(self.text.intensity_for, region, side)

    def _order(self, region: str) -> int:
        return [r.id for r in self.regions].index(region)


def region_label(region: str, side: Side) -> str:
    """Display label of a region on one side ("Right outer hip"), from the default catalogue."""
    return load_catalogue().region_label(region, side)


#: Default intensity of a region the person has just marked, when they gave no overall pain score.
DEFAULT_INTENSITY = 5


def default_intensity(answers: Mapping[str, Any]) -> int:
    """The intensity a newly marked region starts with, for the person to adjust.

    The pain they reported for now on the previous page is the most likely value; without it,
    the middle of the scale. The page shows the value at once, so it is never silently kept.
    """
    pain_now = answers.get("pain_now")
    if isinstance(pain_now, int) and not isinstance(pain_now, bool) and 0 <= pain_now <= 10:
        return pain_now
    return DEFAULT_INTENSITY


# -- colours shared by the map and the PDF --------------------------------------------------------
# A light-to-dark orange-red ramp: readable on white and in greyscale print (lightness falls with
# intensity). The number is also written on each marked region, so colour is never the only cue.
_RAMP = ((0xFE, 0xF0, 0xD9), (0xFD, 0xCC, 0x8A), (0xFC, 0x8D, 0x59), (0xE3, 0x4A, 0x33), (0xB3, 0x00, 0x00))


def intensity_colour(intensity: int) -> str:
    """Fill colour of a region marked with this intensity, as "#rrggbb"."""
    position = max(0, min(10, intensity)) / 10 * (len(_RAMP) - 1)
    low = int(position)
    high = min(low + 1, len(_RAMP) - 1)
    t = position - low
    rgb = [round(a + (b - a) * t) for a, b in zip(_RAMP[low], _RAMP[high], strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def text_colour_on(intensity: int) -> str:
    """Black or white, whichever reads better on the region's fill."""
    return "#ffffff" if intensity >= 6 else "#000000"


# -- layout of the whole figure (the PDF) ---------------------------------------------------------
TITLE_HEIGHT = 66.0  # room above each view for its title (up to two lines of 26 units: 7 pt in the report)
LABEL_HEIGHT = 36.0  # room below each view for "your left" / "your right"
GAP = 40.0  # between views: keeps one view's "your right" well apart from the next one's "your left"


@dataclass(frozen=True)
class Placement:
    """Where one view sits in the whole figure (figure units, y downwards)."""

    view: View
    x: float
    y: float


@dataclass(frozen=True)
class FigureLayout:
    """The views side by side, with room for titles and side labels."""

    placements: list[Placement]
    width: float
    height: float


def figure_layout(catalogue: Catalogue) -> FigureLayout:
    """Lay the views out in a row, in file order (left side, front, back, right side)."""
    placements = []
    x = 0.0
    for view in catalogue.views:
        placements.append(Placement(view, x, TITLE_HEIGHT))
        x += view.width + GAP
    height = max((v.height for v in catalogue.views), default=0.0) + TITLE_HEIGHT + LABEL_HEIGHT
    return FigureLayout(placements, max(x - GAP, 0.0), height)


#: Narrower outlines carry no number (it would spill over the edge); the region shows it in another view.
NUMBER_MIN_WIDTH = 12.0


def has_room_for_number(points: list[Point]) -> bool:
    """True when an outline is wide enough to write its intensity inside it."""
    xs = [x for x, _ in points]
    return max(xs) - min(xs) >= NUMBER_MIN_WIDTH


def centroid(points: list[Point]) -> Point:
    """The area centroid of a simple polygon (where a region's number is written)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    return (cx / (3 * area), cy / (3 * area))


# -- loading and checks ---------------------------------------------------------------------------
def parse_catalogue(data: bytes, source: Path | str = "regions.json") -> Catalogue:
    """Decode and check the catalogue; raise ContentError naming the file, region and problem."""
    catalogue = decode_content(data, source, Catalogue, ("regions", "views"))
    _check(catalogue, source)
    return catalogue


def _check(catalogue: Catalogue, source: Path | str) -> None:
    views = {}
    for view in catalogue.views:
        if view.id in views:
            raise ContentError(source, view.id, "this view id is used twice")
        if len(view.title.splitlines()) > 2:
            raise ContentError(source, view.id, "a view title has at most two lines")
        if view.width <= 0 or view.height <= 0:
            raise ContentError(source, view.id, "a view needs a positive width and height")
        for polygon in view.figure:
            _check_polygon(polygon, view, view.id, source)
        views[view.id] = view
    for side in SIDES:
        if side not in catalogue.laterality:
            raise ContentError(source, "(laterality)", f"no laterality code for '{side}'")
        if side not in catalogue.text.side_names or side not in catalogue.text.side_words:
            raise ContentError(source, "(text)", f"side_names and side_words need '{side}'")
    ids = [region.id for region in catalogue.regions]
    for region in catalogue.regions:
        if ids.count(region.id) > 1:
            raise ContentError(source, region.id, "this region id is used twice")
        if not region.name.strip():
            raise ContentError(source, region.id, "the name is empty")
        for code in (region.snomed,):
            if not code.code.isdigit() or not 6 <= len(code.code) <= 18:
                raise ContentError(source, region.id, f"'{code.code}' is not a SNOMED CT concept id")
        for side in SIDES:
            if not any(outline.side == side for outline in region.outlines):
                raise ContentError(source, region.id, f"no outline for the {side} side")
        for outline in region.outlines:
            target = views.get(outline.view)
            if target is None:
                raise ContentError(source, region.id, f"outline names unknown view '{outline.view}'")
            if target.shows not in ("both", outline.side):
                raise ContentError(source, region.id, f"the {outline.side} side cannot be drawn in view '{target.id}'")
            _check_polygon(outline.points, target, region.id, source)
    _check_panes(catalogue, source)
    missing = [region for region in vocab.REGIONS if region not in ids]
    if missing:
        raise ContentError(source, missing[0], "this region of the stable vocabulary has no entry")
    try:
        for region in catalogue.regions[:1]:
            catalogue.mark_text(RegionMark(region.id, "right", 5))
            catalogue.accessible_name(region.id, "right", 5)
            catalogue.accessible_name(region.id, "right", None)
            catalogue.intensity_heading(region.id, "right")
            catalogue.text.you_marked.format(marks="")
            catalogue.text.pane_marked.format(pane="", count=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ContentError(source, "(text)", f"a template uses an unknown placeholder: {error}") from None


def _check_panes(catalogue: Catalogue, source: Path | str) -> None:
    """Each pane names known views, no view is in two panes, and every view with regions is in one."""
    if not catalogue.panes:
        return
    placed: dict[str, str] = {}
    ids = [pane.id for pane in catalogue.panes]
    for pane in catalogue.panes:
        if ids.count(pane.id) > 1:
            raise ContentError(source, pane.id, "this pane id is used twice")
        if not pane.label.strip() or not pane.views:
            raise ContentError(source, pane.id, "a pane needs a label and at least one view")
        for view_id in pane.views:
            if view_id not in {view.id for view in catalogue.views}:
                raise ContentError(source, pane.id, f"pane names unknown view '{view_id}'")
            if view_id in placed:
                raise ContentError(source, pane.id, f"view '{view_id}' is already in pane '{placed[view_id]}'")
            placed[view_id] = pane.id
    for region in catalogue.regions:
        for outline in region.outlines:
            if outline.view not in placed:
                raise ContentError(source, region.id, f"view '{outline.view}' is in no pane: the map could not show it")


def _check_polygon(points: list[Point], view: View, owner: str, source: Path | str) -> None:
    if len(points) < 3:
        raise ContentError(source, owner, f"an outline in view '{view.id}' needs at least three points")
    for x, y in points:
        if not (0 <= x <= view.width and 0 <= y <= view.height):
            raise ContentError(source, owner, f"point ({x}, {y}) lies outside view '{view.id}'")


@cache
def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and check the body-region catalogue (by default the one in resources/body/)."""
    path = path or resource_path("body", "regions.json")
    data = read_content(path)
    return parse_catalogue(data, path)
