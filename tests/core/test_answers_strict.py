"""Every value of an answers file is checked as strictly as the window checks it (issue 17).

Named cases from the issue (session dates, exam values, long values in messages), a property test
asserting that whatever a file gets accepted with is something the window would also have stored,
safe suggested file names, and a FHIR export that refuses to write invalid FHIR.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdesk.cli import main as cli
from hipdesk.content.body_regions import load_catalogue
from hipdesk.content.exam_tests import STANCE_TARGET_S, STANCE_TEST, result_from_entry
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.validation import parse_answer
from hipdesk.exchange import fhir
from hipdesk.exchange.answers_file import AnswersFileError, loads
from hipdesk.report.export import default_file_name
from hipdesk.session import ExamResult, Session

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
CREATED = "2026-11-25T09:12:00+00:00"
FINISHED = "2026-11-25T09:40:00+00:00"


def document(**session: Any) -> dict[str, Any]:
    """A small valid file; `session` replaces fields of its session section."""
    return {
        "format": "hipdesk-answers", "format_version": 1,
        "session": {"status": "complete", "created_at": CREATED, "finished_at": FINISHED, "current_page": "summary",
                    **session},
        "answers": {"filled_by": "patient", "setting": "home", "age": 38, "pain_now": 4},
        "regions": [{"region": "outer_hip", "side": "left", "intensity": 6}],
        "exam": [{"test": STANCE_TEST, "side": "left", "result": "positive", "pain": 5, "value": 18.5}],
    }


def refusal(questionnaire: Questionnaire, doc: dict[str, Any]) -> str:
    with pytest.raises(AnswersFileError) as caught:
        loads(questionnaire, json.dumps(doc), now=NOW)
    return str(caught.value)


def test_the_valid_file_is_accepted_with_its_times(questionnaire: Questionnaire) -> None:
    session = loads(questionnaire, json.dumps(document()), now=NOW)
    assert (session.created_at, session.finished_at, session.status) == (CREATED, FINISHED, "complete")
    assert session.exam[(STANCE_TEST, "left")].value == 18.5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("created_at", "2026-11-25T09:12:00\x00+00:00", "not an ISO 8601"),
        ("created_at", "\u202e2026-11-25T09:12:00+00:00", "not an ISO 8601"),
        ("created_at", "../../../etc/x", "not an ISO 8601"),
        ("created_at", "2026-11-25T09:12:00", "needs an offset"),
        ("created_at", "2026-11-25", "needs an offset"),
        ("created_at", "2026-13-01T00:00:00+00:00", "not an ISO 8601"),
        ("created_at", "1900-01-01T00:00:00+00:00", "before 2000"),
        ("created_at", 12, "wrong content"),
        ("finished_at", "2027-01-01T00:00:00+00:00", "in the future"),
        ("finished_at", "2026-11-25T09:00:00+00:00", "earlier than created_at"),
        ("finished_at", None, "a complete session needs"),
        ("current_page", "../../etc", "unknown page"),
    ],
)
def test_session_fields_are_checked(questionnaire: Questionnaire, field: str, value: Any, message: str) -> None:
    assert message in refusal(questionnaire, document(**{field: value}))


def test_a_draft_has_no_finishing_time(questionnaire: Questionnaire) -> None:
    assert "a draft has not been finished" in refusal(questionnaire, document(status="draft"))
    session = loads(questionnaire, json.dumps(document(status="draft", finished_at=None)), now=NOW)
    assert session.status == "draft" and session.finished_at is None


def test_times_are_compared_as_moments_not_as_text(questionnaire: Questionnaire) -> None:
    # 10:30+02:00 is 08:30 UTC: before 09:12 UTC although the text sorts after it.
    assert "earlier than created_at" in refusal(questionnaire, document(finished_at="2026-11-25T10:30:00+02:00"))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"test": STANCE_TEST, "side": "left", "result": "negative", "pain": 0, "value": 1e308}, "value must be from 0 to 30 s"),
        ({"test": STANCE_TEST, "side": "left", "result": "negative", "pain": 0, "value": -30}, "value must be from 0 to 30 s"),
        ({"test": "fader", "side": "left", "result": "positive", "pain": 3, "value": 12}, "has no measured value"),
        ({"test": "fader", "side": "left", "result": "not_done", "pain": 3}, "a test not done has no pain"),
        ({"test": "fader", "side": "left", "result": "positive", "pain": 11}, "pain must be"),
    ],
)
def test_exam_values_are_checked(questionnaire: Questionnaire, entry: dict[str, Any], message: str) -> None:
    doc = document()
    doc["exam"] = [entry]
    assert message in refusal(questionnaire, doc)


def test_the_same_region_or_test_twice_is_refused(questionnaire: Questionnaire) -> None:
    doc = document()
    doc["regions"].append({"region": "outer_hip", "side": "left", "intensity": 2})
    assert "given twice" in refusal(questionnaire, doc)
    doc = document()
    doc["exam"].append(dict(doc["exam"][0]))
    assert "given twice" in refusal(questionnaire, doc)


@pytest.mark.parametrize("where", ["created_at", "answers", "region", "page", "choice", "format"])
def test_long_values_are_cut_in_the_message(questionnaire: Questionnaire, where: str) -> None:
    huge = "\u202e" + "x" * 1_900_000
    doc = document()
    if where == "created_at":
        doc["session"]["created_at"] = huge
    elif where == "answers":
        doc["answers"][huge] = 1
    elif where == "region":
        doc["regions"][0]["region"] = huge
    elif where == "page":
        doc["session"]["current_page"] = huge
    elif where == "choice":
        doc["answers"]["surfaces"] = [huge]
    else:
        doc["format"] = huge
    message = refusal(questionnaire, doc)
    assert len(message) < 300
    assert "\u202e" not in message and "\\u202e" in message


# -- property: accepted means the window would have stored the same ----------------------------------------
REGION_IDS = sorted(region.id for region in load_catalogue().regions)
moments = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2030, 1, 1),
                       timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5)), None]))
date_texts = (moments.map(lambda m: m.isoformat()) | st.text(max_size=30) | st.none()
              | st.sampled_from(["../x", "2026-11-25T09:12:00+00:00\u202e", "2026-02-30T00:00:00+00:00", "",
                                 "2027-01-01T00:00:00+00:00", "2026-12-01T12:30:00+00:00"]))
numbers = st.none() | st.integers(-100, 100) | st.floats(allow_nan=False) | st.sampled_from([1e308, -30, 30, 30.01, 0])
regions = st.lists(st.fixed_dictionaries({
    "region": st.sampled_from([*REGION_IDS, "elbow"]), "side": st.sampled_from(["left", "right"]),
    "intensity": st.integers(-2, 12)}), max_size=3)
exams = st.lists(st.fixed_dictionaries({
    "test": st.sampled_from([STANCE_TEST, "fader", "leg_length", "hop"]), "side": st.sampled_from(["left", "right"]),
    "result": st.sampled_from(["positive", "negative", "not_done"]),
    "pain": st.none() | st.integers(-1, 11), "value": numbers}), max_size=3)


def window_would_store(questionnaire: Questionnaire, session: Session) -> bool:
    """What the window's own checks say of every stored value: the field check, the exam page, the timer."""
    items = questionnaire.item_index()
    unit = session.answers.get("distance_unit", "km")
    for item_id, value in session.answers.items():
        if parse_answer(items[item_id], value, distance_unit=unit, today=NOW.date()) != value:
            return False
    for mark in session.regions.values():
        if mark.region not in REGION_IDS or not 0 <= mark.intensity <= 10:
            return False
    for r in session.exam.values():
        if r.value is not None and not (r.test == STANCE_TEST and 0 <= r.value <= STANCE_TARGET_S):
            return False  # only the stance timer records a value, from 0 to its target
        by_hand = result_from_entry(r.test, r.side, r.result, r.pain, r.value, chosen_by_hand=True)
        by_timer = result_from_entry(r.test, r.side, r.result, r.pain, r.value) if r.test == STANCE_TEST else None
        if r not in (by_hand, by_timer):
            return False
    for stamp in (session.created_at, session.finished_at):
        if stamp is not None:
            moment = dt.datetime.fromisoformat(stamp)
            if moment.tzinfo is None or moment > NOW + dt.timedelta(minutes=5):
                return False
    if session.finished_at and dt.datetime.fromisoformat(session.finished_at) < dt.datetime.fromisoformat(
            session.created_at):
        return False
    return session.current_page in [page.id for page in questionnaire.pages] and (
        (session.status == "complete") == (session.finished_at is not None))


def _mutate(doc: dict[str, Any], field: str, data: st.DataObject) -> None:
    """Make one part of a valid file hostile (one at a time, so most files get as far as the checks)."""
    if field in ("created_at", "finished_at"):
        doc["session"][field] = data.draw(date_texts)
    elif field == "status":
        doc["session"]["status"] = "draft"
    elif field == "current_page":
        doc["session"]["current_page"] = data.draw(st.sampled_from(["start", "exam", "nowhere"]))
    elif field == "regions":
        doc["regions"] = data.draw(regions)
    elif field == "exam":
        doc["exam"] = data.draw(exams)
    else:
        doc["answers"]["pain_now"] = data.draw(numbers)


@given(st.data())
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_whatever_is_accepted_the_window_would_accept(questionnaire: Questionnaire, data: st.DataObject) -> None:
    doc = document()
    fields = ["created_at", "finished_at", "status", "current_page", "regions", "exam", "answers"]
    for field in data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=2, unique=True)):
        _mutate(doc, field, data)
    try:
        session = loads(questionnaire, json.dumps(doc), now=NOW)
    except AnswersFileError as error:
        assert len(str(error)) < 400
        return
    assert window_would_store(questionnaire, session)


# -- what the values reach: file names, FHIR ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["../../../etc/x", "a/b\\c", "Zoë\u202eexe.fdp", "tab\there\x00nul", "\u2028line"])
def test_suggested_file_names_are_safe(name: str) -> None:
    session = Session(answers={"name": name}, created_at="../../../etc/passwd", finished_at=None)
    file_name = default_file_name(session, ".pdf", today=dt.date(2026, 12, 1))
    assert "/" not in file_name and "\\" not in file_name and ".." not in file_name
    assert all(ch.isprintable() and ch not in "\u202e\u2028" for ch in file_name)
    assert file_name.startswith("HipDesk-") and file_name.endswith("-2026-12-01.pdf")


def test_fhir_export_checks_its_own_output(questionnaire: Questionnaire) -> None:
    bad_date = Session(status="complete", created_at=CREATED, finished_at="../../../e")
    with pytest.raises(fhir.FhirExportError, match="would not be valid FHIR.*authored: not a FHIR dateTime"):
        fhir.export_bundle(questionnaire, bad_date)
    bad_value = Session(status="complete", created_at=CREATED, finished_at=FINISHED)
    bad_value.exam[(STANCE_TEST, "left")] = ExamResult(STANCE_TEST, "left", "positive", 5, math.inf)
    with pytest.raises(fhir.FhirExportError, match="valueDecimal: not a finite number"):
        fhir.export_bundle(questionnaire, bad_value)
    good = Session(status="complete", created_at=CREATED, finished_at=FINISHED)
    assert fhir.export_bundle(questionnaire, good)["entry"][1]["resource"]["authored"] == FINISHED


def test_export_fhir_command_writes_nothing_for_a_bad_stored_value(tmp_path: Path, questionnaire: Questionnaire,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from hipdesk.storage.store import SessionStore

    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    session = Session(status="complete", created_at=CREATED, finished_at="1e+308 s")
    session_id = store.save_whole_session(session)
    store.close()
    out = tmp_path / "out.json"
    code = cli.main(["--db", str(db), "export-fhir", "--session", str(session_id), "-o", str(out)])
    assert code == 2 and "would not be valid FHIR" in capsys.readouterr().err
    assert not out.exists()
