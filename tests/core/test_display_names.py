"""Exam tests and body regions have one source of display names: the FHIR export, the PDF and the screen agree."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader

from hipdesk.actions.exports import report_bytes
from hipdesk.assessment.engine import assess
from hipdesk.content.body_regions import load_catalogue
from hipdesk.content.exam_tests import load_exam_catalog
from hipdesk.content.library_text import load_library_content
from hipdesk.exchange.fhir import questionnaire_resource, response_resource
from hipdesk.report.facts import collect_facts
from hipdesk.report.wording import load_wording
from hipdesk.session import ExamResult, RegionMark, Session

TESTS = ("fadir", "fader_r", "add", "hop")


def _session() -> Session:
    session = Session(id=7, answers={"name": "Names Test", "setting": "clinic", "filled_by": "clinician"},
                      created_at="2026-05-04T10:00:00+00:00")
    for test in TESTS:
        session.exam[(test, "right")] = ExamResult(test, "right", "positive", 4)
    session.regions[("front_thigh", "right")] = RegionMark("front_thigh", "right", 5)
    return session


def _codings(items: list[dict[str, Any]], link_id: str) -> Iterator[dict[str, str]]:
    for item in items:
        if item.get("linkId") == link_id:
            for answer in item.get("answer", []):
                yield answer["valueCoding"]
            for option in item.get("answerOption", []):
                yield option["valueCoding"]
        yield from _codings(item.get("item", []), link_id)


def test_exam_tests_have_the_same_name_in_fhir_pdf_and_on_the_exam_page(questionnaire) -> None:
    session = _session()
    on_screen = {test: load_exam_catalog().test(test).name for test in TESTS}  # what the exam page shows
    assert on_screen["fadir"] == "FADIR" and on_screen["fader_r"] == "FADER-R (resisted)"

    response = response_resource(questionnaire, session)
    in_fhir = {c["code"]: c["display"] for c in _codings(response["item"], "exam_result.test")}
    offered = {c["code"]: c["display"] for c in _codings(questionnaire_resource(questionnaire)["item"], "exam_result.test")}
    facts = collect_facts(questionnaire, session, load_wording())
    in_pdf_facts = {row.test: row.name for row in facts.exam}
    assert in_fhir == in_pdf_facts == on_screen
    assert all(offered[test] == on_screen[test] for test in TESTS)
    assert not {"Fadir", "Fader r", "Add"} & set(in_fhir.values())

    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(report_bytes(questionnaire, session))).pages)
    for name in on_screen.values():
        assert name in pdf_text


def test_regions_have_the_same_name_in_fhir_pdf_library_and_body_map(questionnaire) -> None:
    session = _session()
    catalogue = load_catalogue()
    body_map = catalogue.region_label("front_thigh", "right")  # the list beside the body map
    assert body_map == "Right front of thigh"
    response = response_resource(questionnaire, session)
    in_fhir = [c["display"] for c in _codings(response["item"], "body_region.region")]
    facts = collect_facts(questionnaire, session, load_wording())
    assert in_fhir == [facts.regions[0].name] == ["Front of thigh"]
    assert load_library_content().region_label("front_thigh", "right") == "Front of thigh (right)"


def test_the_assessment_cites_tests_and_regions_by_the_catalogue_names(questionnaire) -> None:
    session = _session()
    session.regions[("outer_hip", "right")] = RegionMark("outer_hip", "right", 6)
    texts = [e.text for cause in assess(questionnaire, session).causes for e in cause.points_towards]
    assert any(load_catalogue().region("outer_hip").cited_name() in text for text in texts)
    cited = {test.cited_name() for test in load_exam_catalog().tests}
    assert any(f"Examination: {name} (right)" in text for text in texts for name in cited)
