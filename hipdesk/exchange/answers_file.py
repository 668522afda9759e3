"""The JSON answers file (docs/answers-format.md): export a session, import one, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import msgspec

from hipdesk.content import vocab
from hipdesk.content.body_regions import load_catalogue
from hipdesk.content.branching import applicable_items
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.validation import InvalidAnswer, parse_answer
from hipdesk.session import ExamResult, RegionMark, Session

FORMAT = "hipdesk-answers"
FORMAT_VERSION = 1
MAX_BYTES = 2_000_000  # a real answers file is a few kB; refuse anything absurd before parsing it


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


def loads(questionnaire: Questionnaire, data: bytes | str) -> Session:
    """Parse and check an answers file; raise AnswersFileError naming the problem. Returns an unsaved Session."""
    if len(data) > MAX_BYTES:
        raise AnswersFileError(f"the file is too large ({len(data)} bytes; an answers file is at most {MAX_BYTES}).")
    try:
        parsed = msgspec.json.decode(data, type=_AnswersFile)
    except msgspec.ValidationError as error:
        raise AnswersFileError(f"wrong content: {error}") from None
    except (msgspec.DecodeError, RecursionError, UnicodeDecodeError) as error:
        raise AnswersFileError(f"not valid JSON: {error}") from None
    if parsed.format != FORMAT:
        raise AnswersFileError(f"'format' must be '{FORMAT}', not '{parsed.format}'.")
    if parsed.format_version != FORMAT_VERSION:
        raise AnswersFileError(f"format_version {parsed.format_version} is not supported (this HipDesk reads 1).")
    items = questionnaire.item_index()
    unit = parsed.answers.get("distance_unit", "km")
    session = Session(status=parsed.session.status, current_page=parsed.session.current_page)
    if parsed.session.created_at:
        session.created_at = parsed.session.created_at
    session.finished_at = parsed.session.finished_at
    if parsed.session.current_page not in [page.id for page in questionnaire.pages]:
        raise AnswersFileError(f"session.current_page: unknown page '{parsed.session.current_page}'.")
    unknown = [item_id for item_id in parsed.answers if item_id not in items]
    if unknown:  # named before any value is checked: a wrong id usually means a wrong file
        raise AnswersFileError(f"answers: unknown item id '{unknown[0]}'.")
    for item_id, raw in parsed.answers.items():
        item = items[item_id]
        try:
            value = parse_answer(item, raw, distance_unit=unit if isinstance(unit, str) else "km")
        except InvalidAnswer as error:
            raise AnswersFileError(f"answers.{item_id}: {error}") from None
        if value is not None:
            session.answers[item_id] = value
    # The body-map catalogue holds every stable region id and any region added since.
    region_ids = {region.id for region in load_catalogue().regions}
    for mark in parsed.regions:
        if mark.region not in region_ids:
            raise AnswersFileError(f"regions: unknown region id '{mark.region}'.")
        if not 0 <= mark.intensity <= 10:
            raise AnswersFileError(f"regions: {mark.region} {mark.side}: intensity must be 0–10.")
        session.regions[(mark.region, mark.side)] = RegionMark(mark.region, mark.side, mark.intensity)
    for result in parsed.exam:
        if result.test not in vocab.EXAM_TESTS:
            raise AnswersFileError(f"exam: unknown test id '{result.test}'.")
        if result.pain is not None and not 0 <= result.pain <= 10:
            raise AnswersFileError(f"exam: {result.test} {result.side}: pain must be 0–10.")
        session.exam[(result.test, result.side)] = ExamResult(
            result.test, result.side, result.result, result.pain, result.value
        )
    return session


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
