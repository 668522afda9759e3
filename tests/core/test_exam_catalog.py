"""The exam tests load and are checked; the exam step's rules (mode, stance result, stop) hold."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from hipdesk.actions.editing import SessionEditor
from hipdesk.content import vocab
from hipdesk.content.exam_tests import (
    default_mode,
    has_clinician_results,
    load_exam_catalog,
    may_use_clinician_mode,
    must_stop,
    painful_sides,
    stance_outcome,
)
from hipdesk.content.loader import ContentError
from hipdesk.content.resources import resource_path
from hipdesk.exchange.answers_file import dumps, loads
from hipdesk.session import ExamResult


def test_every_stable_test_is_in_the_catalog_once_with_its_texts() -> None:
    catalog = load_exam_catalog()
    assert sorted(test.id for test in catalog.tests) == sorted(vocab.EXAM_TESTS)
    for test in catalog.tests:
        assert test.name and test.how_to and test.positive_suggests and test.evidence


def test_home_mode_offers_only_the_two_self_checks_and_never_the_hop_test() -> None:
    catalog = load_exam_catalog()
    home = [test.id for test in catalog.tests_for("home")]
    assert home == ["trochanter_palpation", "single_leg_stance_30s"]
    assert "hop" not in home
    assert len(catalog.tests_for("clinician")) == 21
    groups = [group.id for group, _tests in catalog.grouped("clinician")]
    assert groups == ["lateral_hip_tendons", "joint", "hip_flexor", "deep_gluteal", "bone_stress", "it_band", "other"]


def test_evidence_is_as_uncertain_as_the_source() -> None:
    catalog = load_exam_catalog()
    hop = catalog.test("hop").evidence
    assert "70 %" in hop and "unclear" in hop
    assert "no accuracy data" in catalog.test("ober").evidence.lower()
    assert "38 %" in catalog.test("single_leg_stance_30s").evidence


def _broken(tmp_path: Path, change: Callable[[dict], None]) -> Path:
    data = json.loads(resource_path("exam_tests.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "exam_tests.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _test(data: dict, test_id: str) -> dict:
    return next(test for test in data["tests"] if test["id"] == test_id)


@pytest.mark.parametrize(
    ("change", "named", "problem"),
    [
        (lambda d: _test(d, "hop").update(home_safe=True), "hop", "self-checks"),
        (lambda d: _test(d, "ober").pop("evidence"), "ober", "evidence"),
        (lambda d: _test(d, "fadir").update(group="nowhere"), "fadir", "unknown group"),
        (lambda d: _test(d, "noble").update(id="noble_test"), "noble_test", "stable exam test ids"),
        (lambda d: d["tests"].remove(_test(d, "fulcrum")), "fulcrum", "missing"),
        (lambda d: _test(d, "thomas").update(per_side="yes"), "thomas", "Expected `bool`"),
    ],
)
def test_broken_content_is_refused_naming_file_and_test(tmp_path: Path, change, named: str, problem: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(ContentError) as caught:
        load_exam_catalog(path)
    assert caught.value.item == named
    assert problem in str(caught.value)
    assert "exam_tests.json" in str(caught.value)


def test_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "exam_tests.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ContentError, match="not valid JSON"):
        load_exam_catalog(path)


def test_mode_comes_from_who_fills_in_and_where() -> None:
    assert default_mode({"setting": "clinic", "filled_by": "clinician"}) == "clinician"
    assert default_mode({"setting": "clinic", "filled_by": "patient"}) == "home"
    assert default_mode({"setting": "home", "filled_by": "clinician"}) == "home"
    assert default_mode({}) == "home"
    assert may_use_clinician_mode({"setting": "clinic", "filled_by": "patient"})
    assert not may_use_clinician_mode({"setting": "home", "filled_by": "clinician"})


def test_at_a_kiosk_only_staff_get_the_clinician_checklist() -> None:
    clinic = {"setting": "clinic", "filled_by": "clinician"}
    assert not may_use_clinician_mode(clinic, kiosk=True)
    assert may_use_clinician_mode(clinic, kiosk=True, staff_unlocked=True)
    assert not may_use_clinician_mode({"setting": "home"}, kiosk=True, staff_unlocked=True)


def test_painful_sides_read_from_the_answer() -> None:
    assert painful_sides({"painful_side": "both"}) == {"left", "right"}
    assert painful_sides({"painful_side": "left"}) == {"left"}
    assert painful_sides({}) == set()
    assert has_clinician_results({("fadir", "left"): object()})
    assert not has_clinician_results({("trochanter_palpation", "left"): object()})


def test_stance_result_and_stop_rule() -> None:
    assert stance_outcome(30.0, 0) == "negative"
    assert stance_outcome(30.0, 1) == "negative"
    assert stance_outcome(12.0, 2) == "positive"
    assert stance_outcome(30.0, None) == "not_done"
    assert stance_outcome(8.0, 0) == "not_done"  # stopped early without pain: no result
    assert not must_stop(6) and must_stop(7) and must_stop(10) and not must_stop(None)


def test_exam_results_round_trip_through_the_store_and_the_answers_file(store, questionnaire) -> None:
    session = store.create_session({"setting": "clinic", "filled_by": "patient"})
    editor = SessionEditor(store, questionnaire, session)
    editor.set_exam(ExamResult("single_leg_stance_30s", "right", "positive", 4, 17.5))
    editor.set_exam(ExamResult("hop", "left", "not_done"))
    editor.set_exam(ExamResult("fadir", "left", "negative", 0))
    editor.clear_exam("fadir", "left")
    stored = store.load_session(editor.session_id)
    assert stored.exam_list() == [
        ExamResult("hop", "left", "not_done", None, None),
        ExamResult("single_leg_stance_30s", "right", "positive", 4, 17.5),
    ]
    again = loads(questionnaire, dumps(questionnaire, stored))
    assert again.exam == stored.exam


def test_result_from_entry_follows_the_stance_rule_unless_chosen_by_hand() -> None:
    from hipdesk.content.exam_tests import result_from_entry

    assert result_from_entry("single_leg_stance_30s", "left", None, None, None) is None
    assert result_from_entry("single_leg_stance_30s", "left", None, 3, 11.0) == ExamResult(
        "single_leg_stance_30s", "left", "positive", 3, 11.0)
    by_hand = result_from_entry("single_leg_stance_30s", "left", "negative", 3, 11.0, chosen_by_hand=True)
    assert by_hand is not None and by_hand.result == "negative"
    assert result_from_entry("fadir", "right", None, 4) is None
    assert result_from_entry("fadir", "right", "not_done", 4) == ExamResult("fadir", "right", "not_done", None)
    assert result_from_entry("fadir", "right", "positive", 4) == ExamResult("fadir", "right", "positive", 4)
