"""One intensity colour ramp: on the PDF page the body figure and the table beside it colour a region alike."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Polygon
from reportlab.lib import colors
from reportlab.platypus import Table

from hipdesk.content.body_regions import load_catalogue
from hipdesk.report.body_figure import BODY_FILL, figure_drawing
from hipdesk.report.facts import collect_facts
from hipdesk.report.renderer import ReportRenderer
from hipdesk.session import RegionMark, Session

MARKS = [RegionMark("outer_hip", "right", 5), RegionMark("buttock", "left", 2), RegionMark("outer_thigh", "right", 9),
         RegionMark("groin", "left", 10), RegionMark("lower_back", "right", 0)]


def _polygons(node):
    if isinstance(node, Polygon):
        yield node
    for child in getattr(node, "contents", []):
        yield from _polygons(child)


def _hex(colour: colors.Color) -> str:
    return colour.hexval().lower().replace("0x", "#")


def test_figure_and_table_give_each_intensity_the_same_colour(questionnaire) -> None:
    session = Session(answers={"name": "Colour Check"}, created_at="2026-05-04T10:00:00+00:00")
    for mark in MARKS:
        session.regions[(mark.region, mark.side)] = mark
    renderer = ReportRenderer(questionnaire, figure=figure_drawing)
    facts = collect_facts(questionnaire, session, renderer.wording)
    side_by_side = next(f for f in renderer.where_section(facts) if isinstance(f, Table))
    drawing, (table, *_rest) = side_by_side._cellvalues[0]
    assert isinstance(drawing, Drawing) and isinstance(table, Table)

    # The table: each region's row, the cell of the marked side, its background.
    names = [row[0].text for row in table._cellvalues[1:]]
    in_table = {}
    for command, (column, row), _end, colour in table._bkgrndcmds:
        if command == "BACKGROUND" and row > 0:
            in_table[(names[row - 1], ("left", "right")[column - 1])] = _hex(colour)

    # The figure: the fill of every polygon drawn for the same marks (one per view that shows it).
    catalogue = load_catalogue()
    fills = [_hex(p.fillColor) for p in _polygons(drawing) if p.fillColor is not None and p.fillColor != BODY_FILL]
    for mark in MARKS:
        row = next(r for r in facts.regions if (r.region, r.side) == (mark.region, mark.side))
        colour = in_table[(row.name, mark.side)]
        outlines = [o for o in catalogue.region(mark.region).outlines if o.side == mark.side]
        assert fills.count(colour) >= len(outlines), (mark, colour)
    outer_hip = next(r.name for r in facts.regions if r.region == "outer_hip")
    assert in_table[(outer_hip, "right")] == "#fc8d59"  # intensity 5 as in the figure, no longer #db866c
    assert len(set(in_table.values())) == len(MARKS)  # five intensities, five colours
