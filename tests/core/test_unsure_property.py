"""Property: for any answers, changing one yes/no answer to 'unsure' never gives a lower triage than 'no' or no answer."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdesk.assessment import TRIAGE_LEVELS
from hipdesk.assessment.engine import assess
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.content.vocab import REGIONS
from hipdesk.session import RegionMark, Session

QUESTIONNAIRE = load_questionnaire()
YESNO = [item.id for item in QUESTIONNAIRE.items() if item.type == "yesno"]
CHOICES = {item.id: item.option_ids() for item in QUESTIONNAIRE.items() if item.type == "choice"}

answers_strategy = st.fixed_dictionaries(
    {},
    optional={
        **{item_id: st.sampled_from(["yes", "no", "unsure"]) for item_id in YESNO},
        **{item_id: st.sampled_from(options) for item_id, options in CHOICES.items()},
        "pain_worst": st.integers(0, 10),
        "age": st.integers(10, 110),
    },
)


def triage_index(answers: dict[str, Any], regions: list[str]) -> int:
    session = Session(answers=answers)
    for region in regions:
        session.regions[(region, "left")] = RegionMark(region, "left", 5)
    return TRIAGE_LEVELS.index(assess(QUESTIONNAIRE, session).triage)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answers_strategy, regions=st.lists(st.sampled_from(REGIONS), max_size=3), item_id=st.sampled_from(YESNO))
def test_unsure_never_lowers_the_triage(answers: dict[str, Any], regions: list[str], item_id: str) -> None:
    unsure = triage_index({**answers, item_id: "unsure"}, regions)
    assert unsure <= triage_index({**answers, item_id: "no"}, regions)
    assert unsure <= triage_index({k: v for k, v in answers.items() if k != item_id}, regions)
