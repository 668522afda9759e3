"""The PDF carries every section the summary shows, gives one next step, and no page holds only the disclaimer."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from hipdesk.assessment.engine import assess
from hipdesk.exchange.answers_file import read_answers_file
from hipdesk.report.renderer import ReportRenderer
from tests.core.test_vignettes import EXPECTED, FOLDER, TODAY

FIXED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def renderer(questionnaire):
    return ReportRenderer(questionnaire, clock=lambda: FIXED)


def report(renderer, questionnaire, name: str) -> tuple[list[str], object]:
    session = read_answers_file(questionnaire, FOLDER / f"{name}.json")
    result = assess(questionnaire, session, today=TODAY)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(renderer.render(session, result))).pages]
    return [re.sub(r"\s+", " ", page) for page in pages], result


def test_no_page_of_any_case_holds_only_the_disclaimer(renderer, questionnaire) -> None:
    for name in sorted(EXPECTED):
        pages, result = report(renderer, questionnaire, name)
        for page in pages[1:]:
            rest = page.replace(result.disclaimer, "").replace("Not a diagnosis.", "")
            rest = re.sub(r"\S+ · HipDesk [\d.]+ · generated [\d: -]+|Page \d+ of \d+|\(no name given\)", "", rest)
            assert len(rest.strip()) > 40, (name, page)  # something besides the statement and the footer


def test_book_a_visit_report_says_why_how_soon_and_whom(renderer, questionnaire) -> None:
    pages, result = report(renderer, questionnaire, "v2_nerve_signs_piriformis")
    text = " ".join(pages)
    assert result.triage == "soon"
    assert "Reasons to book a visit" in text and "Nerve signs" in text
    assert "within about 1–2 weeks" in text and "physiotherapist" in text
    assert "to examine the nerves and the lower back" in text


def test_emergency_report_gives_one_action_and_no_self_care(renderer, questionnaire) -> None:
    pages, result = report(renderer, questionnaire, "v2_cauda_equina_with_gtps_features")
    text = " ".join(pages)
    assert result.triage == "emergency"
    assert text.count("emergency department now") == 1
    for self_care in ("bridges", "build up your running", "ibuprofen) are options", "Resting from running"):
        assert self_care not in text


def test_unanswered_warning_signs_and_risk_factors_reach_the_report(renderer, questionnaire) -> None:
    pages, _ = report(renderer, questionnaire, "v2_warning_questions_skipped")
    text = " ".join(pages)
    assert "Warning-sign questions not answered" in text
    assert "Fever, chills or feeling generally unwell?" in text
    assert "None of the warning signs" not in text
    pages, result = report(renderer, questionnaire, "v2_reds_low_energy_runner")
    text = " ".join(pages)
    assert "For the clinician: risk factors" in text and "BMI under 21" in text
    assert result.risk_factors


def test_no_disclaimer_only_page_whatever_the_length_of_the_notes(renderer, questionnaire) -> None:
    # Longer notes push the end of the report down line by line: some lengths used to leave the
    # statement alone on the last page.
    from tests import samples

    for lines in range(0, 72, 4):
        session = samples.typical_session()
        session.answers["notes"] = "\n".join(f"Note line {number}" for number in range(lines))
        result = assess(questionnaire, session, today=TODAY)
        data = renderer.render(session, result)
        last = re.sub(r"\s+", " ", pypdf.PdfReader(io.BytesIO(data)).pages[-1].extract_text())
        rest = last.replace(re.sub(r"\s+", " ", result.disclaimer), "").replace("Not a diagnosis.", "")
        rest = re.sub(r"\S+ \S+ · HipDesk [\d.]+ · generated [\d: -]+|Page \d+ of \d+", "", rest)
        assert len(rest.strip()) > 40, (lines, last)
