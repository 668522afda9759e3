"""The PDF report: exact text (escaping, Unicode fonts), page count, "Page x of y", page sizes."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from reportlab.graphics.shapes import Drawing, Rect

from hipdesk.report import ReportRenderer
from hipdesk.report.markup import markup
from hipdesk.session import RegionMark
from tests import samples

FIXED = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def renderer(questionnaire):
    return ReportRenderer(questionnaire, clock=lambda: FIXED)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_markup_escapes_markup_characters_and_keeps_line_breaks():
    assert markup('a<b>&"\'\nz') == "a&lt;b&gt;&amp;\"'<br/>z"


def test_markup_sets_chinese_in_the_fallback_font():
    assert markup("名 x") == '<font name="HipCJK">名</font> x'


def test_typed_text_reaches_the_pdf_exactly(renderer, questionnaire):
    session = samples.maximal_session(questionnaire)
    text = "\n".join(pdf_pages(renderer.render(session, samples.maximal_assessment())))
    assert f"Name or label: {samples.TRICKY_NAME}" in text
    for line in samples.TRICKY_NOTES.splitlines():
        assert line in text
    assert "&amp;" not in text and "&lt;" not in text


def test_user_text_with_markup_cannot_inject_tags(renderer, questionnaire):
    session = samples.typical_session()
    session.answers["notes"] = '<b>bold?</b> <font name="x">f</font> <br/> &amp;'
    text = " ".join(pdf_pages(renderer.render(session, samples.typical_assessment())))
    assert '<b>bold?</b> <font name="x">f</font> <br/> &amp;' in re.sub(r"\s+", " ", text)


def test_the_unicode_fonts_are_embedded(renderer, questionnaire):
    data = renderer.render(samples.maximal_session(questionnaire), samples.maximal_assessment())
    fonts = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # Embedded subsets are named "AAAAAA+<PostScript name>". (Helvetica is listed too: reportlab's
    # canvas preamble selects it once, but no text is drawn in it.)
    assert any(name.endswith("+DejaVuSans") for name in fonts)
    assert any(name.endswith("+DejaVuSans-Bold") for name in fonts)
    assert any("DroidSansFallback" in name for name in fonts)


def test_typical_session_fits_one_or_two_pages_with_page_x_of_y(renderer):
    pages = pdf_pages(renderer.render(samples.typical_session(), samples.typical_assessment()))
    assert 1 <= len(pages) <= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "generated 2026-11-25 14:30" in page
        assert "HipDesk 0.1.0" in page


def test_minimal_session_is_one_page_and_says_what_is_missing(renderer):
    pages = pdf_pages(renderer.render(samples.minimal_session(), samples.minimal_assessment()))
    assert len(pages) == 1
    assert "Page 1 of 1" in pages[0]
    assert "Warning-sign questions not answered" in pages[0]
    assert "Numbness between the legs or around the back passage?" in pages[0]
    assert "None of the warning signs" not in pages[0]  # unanswered is not "no"
    assert "No body regions were marked." in pages[0]
    assert "not a diagnosis" in pages[0].lower() or "does not diagnose" in pages[0]


def test_triage_and_red_flags_come_before_everything_else(renderer, questionnaire):
    text = "\n".join(pdf_pages(renderer.render(samples.maximal_session(questionnaire), samples.maximal_assessment())))
    urgency = text.index("Urgency: EMERGENCY")
    assert urgency < text.index("Possible nerve compression") < text.index("Where it hurts") < text.index("Possible causes")
    assert "Because: Numbness between the legs; New bladder or bowel trouble" in text


def test_sections_show_regions_symptoms_exam_causes_and_advice(renderer):
    text = "\n".join(pdf_pages(renderer.render(samples.typical_session(), samples.typical_assessment())))
    flat = re.sub(r"\s+", " ", text)
    assert "Outer hip 7/10" in flat
    assert "Present Pain during runs; Pain after runs; Pain at night" in flat
    assert "Not sure Pain crossing legs or on one leg" in flat
    assert "Single-leg stance, 30 seconds" in flat and "positive (5/10, 18 s)" in flat
    assert "Points towards: Outer hip marked 7/10" in flat
    assert "Change in weekly distance +50 %" in flat
    assert "SSRI antidepressant raises the bleeding risk" in flat
    assert "HipDesk does not diagnose." in flat


def test_letter_and_a4_page_sizes(questionnaire):
    for size, width in (("A4", 595), ("Letter", 612)):
        data = ReportRenderer(questionnaire, page_size=size).render(samples.typical_session(), samples.typical_assessment())
        box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
        assert round(float(box.width)) == width


def test_figure_hook_is_drawn_beside_the_region_list(questionnaire):
    seen: list[tuple[list[RegionMark], float]] = []

    def figure(marks: list[RegionMark], width: float) -> Drawing:
        seen.append((marks, width))
        drawing = Drawing(width, 100)
        drawing.add(Rect(0, 0, width, 100))
        return drawing

    renderer = ReportRenderer(questionnaire, figure=figure)
    text = "\n".join(pdf_pages(renderer.render(samples.typical_session(), samples.typical_assessment())))
    assert seen and seen[0][0][0] == RegionMark("outer_hip", "right", 7)
    assert 0 < seen[0][1] < renderer.width
    assert "Drawn as the person sees their own body." in text


def test_long_chinese_notes_wrap_and_stay_whole(renderer):
    session = samples.typical_session()
    note = "跑步后髋关节外侧疼痛，晚上侧卧时加重。" * 8
    session.answers["notes"] = note
    pages = pdf_pages(renderer.render(session, samples.typical_assessment()))
    text = re.sub(r"\s+", "", "".join(pages))
    assert note in text
    assert len(pages) <= 2
