"""The PDF body figure: marked regions coloured, left/right labelled, renders into a PDF page."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Polygon, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from hipdesk.content.body_regions import figure_layout, intensity_colour, load_catalogue
from hipdesk.report.body_figure import figure_drawing
from hipdesk.report.renderer import ReportRenderer
from hipdesk.session import RegionMark
from tests import samples


def _walk(node):
    yield node
    for child in getattr(node, "contents", []):
        yield from _walk(child)


def _strings(drawing: Drawing) -> list[str]:
    return [node.text for node in _walk(drawing) if isinstance(node, String)]


def test_marked_regions_are_filled_by_intensity_and_others_are_not() -> None:
    marks = [RegionMark("outer_hip", "right", 6), RegionMark("buttock", "left", 2)]
    drawing = figure_drawing(marks, 400)
    catalogue = load_catalogue()
    fills = [node.fillColor for node in _walk(drawing) if isinstance(node, Polygon)]
    six = colors.HexColor(intensity_colour(6))
    two = colors.HexColor(intensity_colour(2))
    outer_hip_right = [o for o in catalogue.region("outer_hip").outlines if o.side == "right"]
    assert sum(1 for fill in fills if fill == six) >= len(outer_hip_right)
    assert any(fill == two for fill in fills)
    outlines = sum(len(region.outlines) for region in catalogue.regions)
    marked = sum(1 for r in ("outer_hip", "buttock") for o in catalogue.region(r).outlines
                 if o.side == {"outer_hip": "right", "buttock": "left"}[r])
    assert sum(1 for fill in fills if fill is None) == outlines - marked  # the others: outline only
    texts = _strings(drawing)
    assert texts.count("your left") == 2 and texts.count("your right") == 2
    assert "6" in texts and "2" in texts
    assert abs(drawing.width - 400) < 1e-6 and drawing.height > 250


def test_figure_renders_onto_a_pdf_page_with_its_labels() -> None:
    drawing = figure_drawing([RegionMark("outer_hip", "right", 6)], 480)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(520, drawing.height + 40))
    renderPDF.draw(drawing, pdf, 20, 20)
    pdf.showPage()
    pdf.save()
    text = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text()
    for expected in ("your left", "your right", "Your RIGHT", "as in a mirror", "Pain 0", "6"):
        assert expected in text


def test_every_text_is_upright() -> None:
    """The figure is drawn flipped (screen coordinates); each string must be flipped back."""
    drawing = figure_drawing([], 300)
    for node in _walk(drawing):
        if isinstance(node, Group) and any(isinstance(child, String) for child in node.contents):
            assert node.transform[3] < 0  # cancels the root's flip


def _texts_in_points(drawing: Drawing, width: float) -> list[tuple[str, float, float, float, float]]:
    """Each string as (text, left, right, baseline, size), in points on the page."""
    scale = width / figure_layout(load_catalogue()).width
    placed = []
    for node in _walk(drawing):
        if isinstance(node, Group) and node.contents and isinstance(node.contents[0], String):
            string = node.contents[0]
            x, y = node.transform[4], node.transform[5]
            length = stringWidth(string.text, string.fontName, string.fontSize)
            left = {"start": x, "middle": x - length / 2, "end": x - length}[string.textAnchor]
            placed.append((string.text, left * scale, (left + length) * scale, y * scale, string.fontSize * scale))
    return placed


def test_the_report_figure_labels_are_at_least_6_pt_and_never_overlap(questionnaire) -> None:
    """In the PDF as rendered (the figure beside the region table), every word and number is readable."""
    drawn: list[tuple[Drawing, float]] = []

    def figure(marks, width):
        drawing = figure_drawing(marks, width)
        drawn.append((drawing, width))
        return drawing

    marks = {(r, s): RegionMark(r, s, 10) for r in ("outer_hip", "outer_thigh", "buttock", "groin") for s in ("left", "right")}
    session = samples.typical_session()
    session.regions = marks
    pdf = ReportRenderer(questionnaire, figure=figure).render(session, samples.typical_assessment())
    assert pdf.startswith(b"%PDF") and len(drawn) == 1
    drawing, width = drawn[0]
    texts = _texts_in_points(drawing, width)
    assert {"your left", "your right", "Front", "Pain 0–10", "10"} <= {text for text, *_ in texts}
    small = [(text, round(size, 1)) for text, _, _, _, size in texts if size < 6.0]
    assert small == []
    for i, (text, left, right, base, size) in enumerate(texts):
        for other, left2, right2, base2, size2 in texts[i + 1:]:
            same_line = abs(base - base2) < max(size, size2)
            assert not (same_line and left < right2 + 0.5 and left2 < right + 0.5), (text, other)
