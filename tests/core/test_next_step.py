"""One next step: the most urgent level's action once; weaker flags only as reasons (banner, summary, PDF, JSON)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hipdesk.assessment.engine import assess
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import RegionMark, Session

CASES = Path(__file__).resolve().parents[1] / "vignettes"


def test_emergency_with_urgent_flags_gives_only_the_emergency_action(questionnaire: Questionnaire) -> None:
    session = Session(answers={"fall_or_blow": "yes", "bear_weight": "cannot", "age": 72, "med_steroids": "yes",
                               "pain_now": 8, "pain_worst": 9})
    session.regions[("groin", "left")] = RegionMark("groin", "left", 8)
    result = assess(questionnaire, session)
    step = result.next_step
    assert result.triage == "emergency" and step is not None and step.level == "emergency"
    assert step.action == "Call emergency services or go to the emergency department now."
    assert step.details == ["Do not put weight on the leg or try to walk on it; wait for help."]
    levels = {flag.id: flag.level for flag in result.red_flags}
    assert levels["steroids_avn"] == "urgent" and levels["older_adult_fall"] == "urgent"  # listed as reasons…
    assert not any("24–48" in detail or "same day" in detail for detail in step.details)  # …without their actions


def test_assess_json_has_one_next_step_and_reasons_without_actions() -> None:
    out = subprocess.run([sys.executable, "-m", "hipdesk", "assess", "--answers",
                          str(CASES / "v2_sudden_inability_no_fall.json")], capture_output=True, check=True)
    data = json.loads(out.stdout)
    assert data["next_step"]["level"] == data["triage"] == "emergency"
    assert "emergency department now" in data["next_step"]["action"]
    assert all("action" not in flag for flag in data["red_flags"] + data["see_clinician"])
    assert not any("MRI" in detail for detail in data["next_step"]["details"])  # the urgent flag's note stays out
    assert data["unanswered_warning_signs"] == []


def test_a_book_a_visit_reason_says_how_soon_and_whom(questionnaire: Questionnaire) -> None:
    session = Session(answers={"sym_leg_numbness": "yes", "spreads_below_knee": "yes", "bear_weight": "normal"})
    result = assess(questionnaire, session)
    assert result.triage == "soon" and result.next_step is not None
    assert "1–2 weeks" in result.next_step.action and "physiotherapist" in result.next_step.action
    assert any("examine the nerves" in detail for detail in result.next_step.details)
