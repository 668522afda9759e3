"""Example sessions and assessments (minimal, typical, maximal) for tests, the benchmark and previews."""

from __future__ import annotations

from hipdesk.assessment.model import Assessment, CauseResult, Evidence, RedFlag, UnansweredQuestion
from hipdesk.content import vocab
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import EXAM_OUTCOMES, ExamResult, RegionMark, Session, Side

TRICKY_NAME = 'Zoë <O\'Brien> & "Ζωή" Жанна 王小明'
TRICKY_NOTES = "Knee op 2019 <left> & a \"bad\" fall.\nΕλληνικά, кириллица, 中文说明。\nL'été — déjà vu."


def minimal_session() -> Session:
    """Only the start page and an age: what a person sees after skipping almost everything."""
    return Session(id=1, created_at="2026-11-20T09:00:00+00:00",
                   answers={"filled_by": "patient", "setting": "home", "age": 34})


def minimal_assessment() -> Assessment:
    """Nothing raised, nothing suggested, and the warning-sign questions left unanswered (so none is ruled out)."""
    unanswered = [
        UnansweredQuestion("bear_weight", "Can you stand and walk on that leg?", "pain"),
        UnansweredQuestion("rf_saddle_numbness", "Numbness between the legs or around the back passage?", "symptoms"),
        UnansweredQuestion("rf_fever", "Fever, chills or feeling generally unwell?", "symptoms"),
    ]
    return Assessment(triage="self_care", red_flags=[], causes=[], unanswered_warnings=unanswered)


def typical_session() -> Session:
    """A runner with outer hip pain after a mileage jump, seen at the clinic."""
    session = Session(id=2, status="complete", created_at="2026-11-24T10:15:00+00:00",
                      finished_at="2026-11-24T10:32:00+00:00")
    session.answers.update({
        "filled_by": "clinician", "setting": "clinic", "name": "Anna Müller", "age": 47, "sex": "female",
        "painful_side": "right", "distance_unit": "km", "years_running": 6, "weekly_distance": 30.0,
        "recent_weekly_distance": 45.0, "longest_run": 21.1, "surfaces": ["road", "cambered_road"],
        "shoe_age_months": 14, "recent_race": "yes", "strength_work": "none", "cross_training": ["cycling"],
        "onset": "gradual", "onset_date": "2026-10-01", "fall_or_blow": "no", "bear_weight": "painful",
        "pain_during_run": "yes", "pain_start_minutes": 20, "pain_after_run": "yes", "pain_at_night": "yes",
        "pain_lying_on_side": "yes", "pain_after_sitting": "no", "pain_stairs_hills": "yes",
        "pain_rising_chair": "yes", "pain_crossing_legs": "unsure", "pain_on_impact": "no",
        "pain_now": 4, "pain_worst": 7, "pain_run_score": 6, "pain_quality": ["ache"], "mechanical": ["none"],
        "limping": "no", "morning_stiffness": "none", "spreads_below_knee": "no",
        "sym_buttock_ache": "no", "sym_leg_numbness": "no", "sym_difficulty_walking": "yes",
        "sym_groin_pain": "no", "sym_lateral_burning": "yes", "sym_swelling": "no", "sym_back_pain": "no",
        "rf_saddle_numbness": "no", "rf_bladder_bowel": "no", "rf_fever": "no", "rf_constant_night_pain": "no",
        "bs_previous_stress_fracture": "no", "bs_periods": "irregular",
        "conditions": ["ulcer_bleeding"], "pregnant": "no", "med_blood_thinner": "no", "med_antidepressant": "yes",
        "med_steroids": "no", "alcohol_3plus": "no", "tried": ["rest", "ice", "nsaid"],
        "notes": "Pain worse after the half marathon on 12 October.",
    })
    for mark in (RegionMark("outer_hip", "right", 7), RegionMark("outer_thigh", "right", 4),
                 RegionMark("buttock", "right", 2)):
        session.regions[(mark.region, mark.side)] = mark
    for result in (ExamResult("trochanter_palpation", "right", "positive", 6),
                   ExamResult("trochanter_palpation", "left", "negative", 0),
                   ExamResult("single_leg_stance_30s", "right", "positive", 5, 18.0),
                   ExamResult("fadir", "right", "negative", 1), ExamResult("hop", "right", "not_done")):
        session.exam[(result.test, result.side)] = result
    return session


def typical_assessment() -> Assessment:
    """What the engine might say for the typical session (illustrative wording)."""
    return Assessment(
        triage="soon",
        red_flags=[],
        causes=[
            CauseResult("gtps", "Gluteal tendon pain (greater trochanteric pain syndrome)", 0.8,
                        [Evidence("region:outer_hip:right", "Outer hip marked 7/10"),
                         Evidence("pain_lying_on_side", "Pain lying on that side"),
                         Evidence("exam:trochanter_palpation:right", "Tender bony point (right)")],
                        [Evidence("spreads_below_knee", "Does not spread below the knee")]),
            CauseResult("itbs", "Iliotibial band syndrome", 0.3,
                        [Evidence("surfaces", "Runs on cambered roads")],
                        [Evidence("region:outer_knee", "No outer knee pain marked")]),
        ],
        training_note="Weekly distance rose by about half over two weeks; a fast rise may raise the risk of this kind of pain.",
        advice=["Ease running while it hurts; keep walking and cycling if they are comfortable.",
                "Avoid crossing the legs and hanging on one hip; a pillow between the knees at night."],
        cautions=["NSAIDs such as ibuprofen: ask a doctor first (past stomach ulcer or bleeding; "
                  "SSRI antidepressant raises the bleeding risk)."],
        disclaimer="",
    )


def maximal_session(questionnaire: Questionnaire) -> Session:
    """Every question answered, every region on both sides, every test on both sides, tricky text."""
    session = typical_session()
    session.id = 3
    for item in questionnaire.items():
        if item.id in session.answers:
            continue
        if item.type == "yesno":
            session.answers[item.id] = "yes"
        elif item.type in ("choice",):
            session.answers[item.id] = item.options[0].id
        elif item.type == "multi":
            session.answers[item.id] = [o.id for o in item.options if not o.exclusive]
    session.answers.update({"name": TRICKY_NAME, "notes": TRICKY_NOTES, "height_cm": 168.0, "weight_kg": 61.5,
                            "exercise_hours": 14.0, "conditions": [o.id for o in questionnaire.item("conditions").options
                                                                    if not o.exclusive]})
    session.answers.pop("age", None)
    session.answers["birth_date"] = "1978-03-14"
    sides: tuple[Side, Side] = ("left", "right")
    for number, region in enumerate(vocab.REGIONS):
        for side in sides:
            session.regions[(region, side)] = RegionMark(region, side, (number + (side == "right") * 3) % 11)
    for number, test in enumerate(vocab.EXAM_TESTS):
        for side in sides:
            outcome = EXAM_OUTCOMES[(number + (side == "left")) % 3]
            session.exam[(test, side)] = ExamResult(test, side, outcome, None if outcome == "not_done" else number % 11)
    return session


def maximal_assessment() -> Assessment:
    """Every cause and several red flags, with long evidence lists."""
    flags = [
        RedFlag("cauda_equina", "emergency", "Possible nerve compression (cauda equina)",
                "Call emergency services or go to the emergency department now.",
                [Evidence("rf_saddle_numbness", "Numbness between the legs"),
                 Evidence("rf_bladder_bowel", "New bladder or bowel trouble")]),
        RedFlag("bone_stress", "urgent", "Possible bone stress injury", "Stop running; see a doctor within 48 hours.",
                [Evidence("pain_on_impact", "Impact hurts"), Evidence("pain_at_night", "Night pain"),
                 Evidence("bs_previous_stress_fracture", "Stress fracture before")]),
        RedFlag("systemic", "urgent", "Signs of a general illness", "See a doctor soon.",
                [Evidence("rf_weight_loss", "Unexplained weight loss"), Evidence("rf_night_sweats", "Night sweats")]),
    ]
    causes = [
        CauseResult(cause, cause.replace("_", " ").capitalize(), 1 - n / 20,
                    [Evidence(f"e{n}{k}", f"Reason {k + 1} pointing towards {cause}") for k in range(4)],
                    [Evidence(f"a{n}{k}", f"Reason {k + 1} pointing away") for k in range(2)])
        for n, cause in enumerate(vocab.CAUSES)
    ]
    return Assessment(
        triage="emergency", red_flags=flags, causes=causes,
        training_note="Weekly distance rose by half over two weeks; a fast rise may raise the risk.",
        advice=[f"Advice line {n + 1}: rest from running while it hurts, ice, strength work as options." for n in range(5)],
        cautions=[f"Caution {n + 1}: ask a doctor before taking anti-inflammatory medicines." for n in range(4)],
    )
