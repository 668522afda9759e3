"""What the report lists: symptoms present/absent/unsure from the answers that apply, exam per side."""

from __future__ import annotations

from hipdesk.activities.load import weekly_change
from hipdesk.report.facts import collect_facts
from hipdesk.report.wording import load_wording
from hipdesk.session import ExamResult, Session
from tests import samples


def test_not_asked_questions_are_never_listed_as_absent(questionnaire):
    # pain_start_minutes and pain_run_score apply only when runs hurt; a stale answer must not show.
    session = Session(answers={"pain_during_run": "no", "pain_run_score": 7, "pain_at_night": "unsure",
                               "sym_swelling": "no"})
    facts = collect_facts(questionnaire, session, load_wording(), exam_names={})
    assert facts.absent == ["Pain during runs", "Swelling"]
    assert facts.unsure == ["Pain at night"]
    assert facts.present == []
    assert all(label != "Pain during a run" for label, _ in facts.pain)


def test_unanswered_questions_are_not_listed_at_all(questionnaire):
    facts = collect_facts(questionnaire, samples.minimal_session(), load_wording(), exam_names={})
    assert facts.present == facts.absent == facts.unsure == []
    assert ("Age", "34") in facts.header


def test_exam_results_are_grouped_by_test_in_clinical_order(questionnaire):
    session = Session()
    for result in (ExamResult("fadir", "left", "negative", 0), ExamResult("trochanter_palpation", "right", "positive", 6)):
        session.exam[(result.test, result.side)] = result
    facts = collect_facts(questionnaire, session, load_wording(), exam_names={"fadir": "FADIR"})
    assert [row.name for row in facts.exam] == ["Trochanter palpation", "FADIR"]
    assert facts.exam[0].sides["right"].result == "positive"
    assert "left" not in facts.exam[0].sides


def test_weekly_change_in_percent():
    assert weekly_change({"weekly_distance": 20.0, "recent_weekly_distance": 30.0}) == 50
    assert weekly_change({"weekly_distance": 0.0, "recent_weekly_distance": 30.0}) is None
    assert weekly_change({}) is None


def test_default_file_name_is_safe_and_readable():
    from hipdesk.report.export import default_file_name

    session = Session(id=7, created_at="2026-11-24T10:00:00+00:00", answers={"name": "Zoë / O'Brien: <x> 王"})
    assert default_file_name(session, ".pdf") == "HipDesk-Zoë-OBrien-x-王-2026-11-24.pdf"
    assert default_file_name(Session(id=7, created_at="2026-11-24T10:00:00+00:00"), ".json") == (
        "HipDesk-session-7-2026-11-24.json"
    )
