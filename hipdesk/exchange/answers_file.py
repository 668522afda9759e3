"""The JSON answers file (docs/answers-format.md): export a session, import one, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import msgspec

from hipdesk.content import vocab
from hipdesk.content.body_regions import load_catalogue
from hipdesk.content.branching import applicable_items
from hipdesk.content.exam_tests import exam_result_problem
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.validation import InvalidAnswer, parse_answer, shown_value
from hipdesk.session import EXAM_OUTCOMES, SIDES, ExamResult, RegionMark, Session

FORMAT = "hipdesk-answers"
FORMAT_VERSION = 1
MAX_BYTES = 2_000_000  # a real answers file is a few kB; refuse anything absurd before parsing it
#: Session times may be this far ahead of this computer's clock (another station's clock may run fast).
CLOCK_SLACK = dt.timedelta(minutes=5)
#: No HipDesk session is older than this.
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
# Python's fromisoformat skips some characters (a NUL before the offset): only these may appear at all.
_ISO_CHARACTERS = frozenset("0123456789-:+.TWZ ")


class AnswersFileError(ValueError):
    """The answers file cannot be used; the message says where and why."""


class _Region(msgspec.Struct, forbid_unknown_fields=True):
    region: str
    side: Literal["left", "right"]
    intensity: int


class _Exam(msgspec.Struct, forbid_unknown_fields=True):
    test: str
    side: Literal["left", "right"]
    result: Literal["positive", "negative", "not_done"]
    pain: int | None = None
    value: float | None = None


class _SessionMeta(msgspec.Struct, forbid_unknown_fields=True):
    status: Literal["draft", "complete"] = "draft"
    created_at: str | None = None
    finished_at: str | None = None
    current_page: str = "start"


class _AnswersFile(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    format_version: int
    answers: dict[str, Any]
    content_version: int | None = None
    session: _SessionMeta = msgspec.field(default_factory=_SessionMeta)
    not_asked: list[str] = []
    regions: list[_Region] = []
    exam: list[_Exam] = []


def session_to_dict(questionnaire: Questionnaire, session: Session) -> dict[str, Any]:
    """The answers-file form of a session."""
    applicable = applicable_items(questionnaire, session.answers)
    order = [item.id for item in questionnaire.items()]
    answers = {i: session.answers[i] for i in order if i in session.answers and i in applicable}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "content_version": questionnaire.version,
        "session": {
            "status": session.status,
            "created_at": session.created_at,
            "finished_at": session.finished_at,
            "current_page": session.current_page,
        },
        "answers": answers,
        "not_asked": [i for i in order if i not in applicable],
        "regions": [
            {"region": m.region, "side": m.side, "intensity": m.intensity} for m in session.region_list()
        ],
        "exam": [
            {"test": r.test, "side": r.side, "result": r.result, "pain": r.pain, "value": r.value}
            for r in session.exam_list()
        ],
    }


def dumps(questionnaire: Questionnaire, session: Session) -> bytes:
    """The answers file as UTF-8 JSON bytes."""
    return msgspec.json.format(msgspec.json.encode(session_to_dict(questionnaire, session)), indent=2)


def loads(questionnaire: Questionnaire, data: bytes | str, *, now: dt.datetime | None = None) -> Session:
    """Parse and check an answers file; raise AnswersFileError naming the problem. Returns an unsaved Session."""
    if len(data) > MAX_BYTES:
        raise AnswersFileError(f"the file is too large ({len(data)} bytes; an answers file is at most {MAX_BYTES}).")
    try:
        parsed = msgspec.json.decode(data, type=_AnswersFile)
    except msgspec.ValidationError as error:
        raise AnswersFileError(f"wrong content: {shown_value(str(error), 200)}") from None
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as error:
        raise AnswersFileError(f"not valid JSON: {shown_value(str(error), 200)}") from None
    if parsed.format != FORMAT:
        raise AnswersFileError(f"'format' must be '{FORMAT}', not '{shown_value(parsed.format)}'.")
    if parsed.format_version != FORMAT_VERSION:
        raise AnswersFileError(f"format_version {parsed.format_version} is not supported (this HipDesk reads 1).")
    meta = parsed.session
    return checked_session(
        questionnaire, parsed.answers,
        status=meta.status, created_at=meta.created_at, finished_at=meta.finished_at, current_page=meta.current_page,
        regions=[RegionMark(m.region, m.side, m.intensity) for m in parsed.regions],
        exam=[ExamResult(r.test, r.side, r.result, r.pain, r.value) for r in parsed.exam],
        now=now,
    )


def checked_session(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    status: str = "draft",
    created_at: str | None = None,
    finished_at: str | None = None,
    current_page: str = "start",
    regions: Iterable[RegionMark] = (),
    exam: Iterable[ExamResult] = (),
    now: dt.datetime | None = None,
) -> Session:
    """A Session from values read from outside (an answers file, a FHIR resource), checked as the window checks.

    Every answer goes through the window's own `parse_answer`; dates are ISO 8601 with an offset, not in
    the future, created before finished; page, region and test ids come from the content; exam results
    are ones the exam page could store. Raises AnswersFileError naming the field; long values are cut.
    """
    now = now or dt.datetime.now().astimezone()
    if status not in ("draft", "complete"):
        raise AnswersFileError(f"session.status: must be 'draft' or 'complete', not '{shown_value(status)}'.")
    if current_page not in [page.id for page in questionnaire.pages]:
        raise AnswersFileError(f"session.current_page: unknown page '{shown_value(current_page)}'.")
    created = _moment("session.created_at", created_at, now) if created_at is not None else None
    finished = _moment("session.finished_at", finished_at, now) if finished_at is not None else None
    if status == "complete" and finished is None:
        raise AnswersFileError("session.finished_at: a complete session needs the time it was finished.")
    if status == "draft" and finished is not None:
        raise AnswersFileError("session.finished_at: a draft has not been finished (finished_at must be null).")
    if created is not None and finished is not None and finished < created:
        raise AnswersFileError("session.finished_at: earlier than created_at.")
    session = Session(status="complete" if status == "complete" else "draft", current_page=current_page)
    # A file without a start time is taken as started when it was finished, else now.
    session.created_at = session.updated_at = (created or finished or now).isoformat(timespec="seconds")
    if finished is not None:
        session.finished_at = session.updated_at = finished.isoformat(timespec="seconds")
    session.answers = _checked_answers(questionnaire, answers, now.date())
    # The body-map catalogue holds every stable region id and any region added since.
    region_ids = {region.id for region in load_catalogue().regions}
    for mark in regions:
        where = f"regions: {shown_value(mark.region)} {mark.side}"
        if mark.region not in region_ids:
            raise AnswersFileError(f"regions: unknown region id '{shown_value(mark.region)}'.")
        if mark.side not in SIDES:
            raise AnswersFileError(f"{where}: side must be left or right.")
        if isinstance(mark.intensity, bool) or not isinstance(mark.intensity, int) or not 0 <= mark.intensity <= 10:
            raise AnswersFileError(f"{where}: intensity must be 0–10.")
        if (mark.region, mark.side) in session.regions:
            raise AnswersFileError(f"{where}: given twice.")
        session.regions[(mark.region, mark.side)] = mark
    for result in exam:
        where = f"exam: {shown_value(result.test)} {result.side}"
        if result.test not in vocab.EXAM_TESTS:
            raise AnswersFileError(f"exam: unknown test id '{shown_value(result.test)}'.")
        if result.side not in SIDES or result.result not in EXAM_OUTCOMES:
            raise AnswersFileError(f"{where}: side must be left or right, result one of {', '.join(EXAM_OUTCOMES)}.")
        problem = exam_result_problem(result)
        if problem:
            raise AnswersFileError(f"{where}: {problem}.")
        if (result.test, result.side) in session.exam:
            raise AnswersFileError(f"{where}: given twice.")
        session.exam[(result.test, result.side)] = result
    return session


def _checked_answers(questionnaire: Questionnaire, answers: Mapping[str, Any], today: dt.date) -> dict[str, Any]:
    items = questionnaire.item_index()
    unknown = [item_id for item_id in answers if item_id not in items]
    if unknown:  # named before any value is checked: a wrong id usually means a wrong file
        raise AnswersFileError(f"answers: unknown item id '{shown_value(unknown[0])}'.")
    unit = answers.get("distance_unit", "km")
    checked: dict[str, Any] = {}
    for item_id, raw in answers.items():
        try:
            value = parse_answer(items[item_id], raw, distance_unit=unit if isinstance(unit, str) else "km", today=today)
        except InvalidAnswer as error:
            raise AnswersFileError(f"answers.{item_id}: {error}") from None
        if value is not None:
            checked[item_id] = value
    return checked


def _moment(field: str, raw: Any, now: dt.datetime) -> dt.datetime:
    """A date and time as the window writes it: ISO 8601 with an offset, not in the future, not absurdly old."""
    if not isinstance(raw, str) or len(raw) > 40 or not set(raw) <= _ISO_CHARACTERS:
        raise AnswersFileError(f"{field}: '{shown_value(raw)}' is not an ISO 8601 date and time.")
    try:
        moment = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise AnswersFileError(f"{field}: '{shown_value(raw)}' is not an ISO 8601 date and time.") from None
    if moment.tzinfo is None:
        raise AnswersFileError(f"{field}: '{raw}' needs an offset from UTC (for example +00:00).")
    if moment > now + CLOCK_SLACK:
        raise AnswersFileError(f"{field}: '{raw}' is in the future.")
    if moment < EARLIEST:
        raise AnswersFileError(f"{field}: '{raw}' is before {EARLIEST.year}.")
    return moment


def read_answers_file(questionnaire: Questionnaire, path: Path) -> Session:
    """Read an answers file from disk (see `loads`)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AnswersFileError(f"{path}: the file is too large ({size} bytes).")
        data = path.read_bytes()
    except OSError as error:
        raise AnswersFileError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        return loads(questionnaire, data)
    except AnswersFileError as error:
        raise AnswersFileError(f"{path}: {error}") from None
