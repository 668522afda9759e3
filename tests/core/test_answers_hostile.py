"""Hostile answers files: every one is refused with AnswersFileError (a clear message), never a crash,
and nothing of a refused file is stored. Through `answers_file.loads` and `hipdesk import-answers`.

Both commands that read answers files are driven: `hipdesk import-answers` and `hipdesk assess`.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdesk.cli import main as cli
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import MAX_BYTES, AnswersFileError, dumps, loads
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore

ENVELOPE = {"format": "hipdesk-answers", "format_version": 1}
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=50)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)


def _loads_or_refuses(questionnaire: Questionnaire, data: bytes | str) -> Session | None:
    """Either a checked session or AnswersFileError with a message; any other exception fails the test."""
    try:
        session = loads(questionnaire, data)
    except AnswersFileError as error:
        assert str(error).strip(), "the message must say what is wrong"
        return None
    items = questionnaire.item_index()
    assert set(session.answers) <= set(items)
    return session


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_random_bytes(questionnaire: Questionnaire, data: bytes) -> None:
    _loads_or_refuses(questionnaire, data)


@given(json_values)
@settings(max_examples=300, deadline=None)
def test_any_json_document(questionnaire: Questionnaire, document: Any) -> None:
    _loads_or_refuses(questionnaire, json.dumps(document))


@given(st.data())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_known_ids_with_wrong_values(questionnaire: Questionnaire, data: st.DataObject) -> None:
    ids = [item.id for item in questionnaire.items()]
    answers = data.draw(st.dictionaries(st.sampled_from(ids), json_values | st.integers(-10**400, 10**400), max_size=6))
    session = _loads_or_refuses(questionnaire, json.dumps({**ENVELOPE, "answers": answers}))
    if session is not None:  # what was accepted must survive a round trip unchanged
        again = loads(questionnaire, dumps(questionnaire, session))
        assert again.answers.keys() <= session.answers.keys()


@given(st.dictionaries(st.text(min_size=1, max_size=30), json_scalars, min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_unknown_ids_are_named(questionnaire: Questionnaire, answers: dict[str, Any]) -> None:
    known = set(questionnaire.item_index())
    unknown = [key for key in answers if key not in known]
    if not unknown:
        return
    with pytest.raises(AnswersFileError, match="unknown item id"):
        loads(questionnaire, json.dumps({**ENVELOPE, "answers": answers}))


@given(st.dictionaries(st.sampled_from(["regions", "exam", "session", "not_asked", "content_version", "format_version",
                                        "format", "extra"]), json_values, min_size=1, max_size=4))
@settings(max_examples=300, deadline=None)
def test_wrong_types_in_every_section(questionnaire: Questionnaire, sections: dict[str, Any]) -> None:
    _loads_or_refuses(questionnaire, json.dumps({**ENVELOPE, "answers": {}, **sections}))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        "[" * 100_000 + "]" * 100_000,
        '{"answers": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"a":' * 20_000 + "1" + "}" * 20_000,
        json.dumps({**ENVELOPE, "answers": {"age": 10**400}}),
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": ' + "9" * 5000 + "}}",
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": "' + "9" * 5000 + '"}}',
        json.dumps({**ENVELOPE, "answers": {"weekly_distance": 1e308}}),
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": 1e999}}',
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"age": NaN}}',
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"weekly_distance": Infinity}}',
        '{"format": "hipdesk-answers", "format_version": 1, "answers": {"name": "\\ud800"}}',
        json.dumps({**ENVELOPE, "answers": {"name": "x" * (MAX_BYTES - 100)}}),
        json.dumps({**ENVELOPE, "answers": {}, "regions": [{"region": "outer_hip", "side": "up", "intensity": 3}]}),
        json.dumps({**ENVELOPE, "answers": {}, "exam": [{"test": "hop", "side": "left", "result": "maybe"}]}),
        json.dumps({**ENVELOPE, "format_version": 99, "answers": {}}),
        "\ufeff" + json.dumps({**ENVELOPE, "answers": {}}),
        json.dumps({**ENVELOPE, "answers": {"painful_side": ["left"]}}),
        json.dumps({**ENVELOPE, "answers": {"conditions": "liver"}}),
        json.dumps({**ENVELOPE, "answers": {"birth_date": "2999-01-01"}}),
    ],
    ids=lambda text: text[:40],
)
def test_known_hostile_files(questionnaire: Questionnaire, text: str) -> None:
    assert _loads_or_refuses(questionnaire, text) is None


def test_too_large_files_are_refused_before_parsing(questionnaire: Questionnaire) -> None:
    with pytest.raises(AnswersFileError, match="too large"):
        loads(questionnaire, b" " * (MAX_BYTES + 1))


# -- through the command line: nothing half-imported --------------------------------------------------
def _session_count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
    finally:
        conn.close()


def _through_cli(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    answers = tmp_path / "answers.json"
    answers.write_bytes(content)
    code = cli.main(["--db", str(tmp_path / "hipdesk.db"), "import-answers", "--answers", str(answers)])
    return code, capsys.readouterr().err


@given(json_values | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_import_refuses_hostile_files_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any) -> None:
    db = tmp_path / "hipdesk.db"
    before = _session_count(db)
    content = document.encode("utf-8") if isinstance(document, str) else json.dumps(document).encode()
    code, err = _through_cli(tmp_path, content, capsys)
    if code == 0:
        assert _session_count(db) == before + 1
    else:
        assert code == 2
        assert err.startswith("hipdesk: ") and "Traceback" not in err
        assert _session_count(db) == before


def _assess(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    answers = tmp_path / "answers.json"
    answers.write_bytes(content)
    code = cli.main(["--db", str(tmp_path / "hipdesk.db"), "assess", "--answers", str(answers)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@given(json_values | st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_assess_refuses_hostile_files_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str], document: Any) -> None:
    content = document.encode("utf-8") if isinstance(document, str) else json.dumps(document).encode()
    code, out, err = _assess(tmp_path, content, capsys)
    if code == 0:
        assert json.loads(out)["triage"] in ("emergency", "urgent", "soon", "self_care")
    else:
        assert code == 2 and out == ""
        assert err.startswith("hipdesk: ") and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "hipdesk-answers", "format_version": 1, "answers": {"notes": ' + b"[" * 100_000
         + b"]" * 100_000 + b"}}", "not valid JSON"),
        (b" " * (MAX_BYTES + 10), "too large"),
        (json.dumps({**ENVELOPE, "answers": {"no_such_item": "yes"}}).encode(), "unknown item id 'no_such_item'"),
        (json.dumps({**ENVELOPE, "answers": {"age": "old"}}).encode(), "answers.age"),
        (json.dumps({**ENVELOPE, "answers": {}, "regions": [{"region": "x", "side": "left", "intensity": 1}]}).encode(),
         "unknown region id 'x'"),
    ],
)
def test_assess_names_what_is_wrong(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                    message: str) -> None:
    code, out, err = _assess(tmp_path, content, capsys)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_import_of_a_deeply_nested_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nested = b'{"format": "hipdesk-answers", "format_version": 1, "answers": {"notes": ' + b"[" * 100_000
    code, err = _through_cli(tmp_path, nested + b"]" * 100_000 + b"}}", capsys)
    assert code == 2 and "not valid JSON" in err and "Traceback" not in err
    assert _session_count(tmp_path / "hipdesk.db") == 0


def test_import_of_a_huge_file_is_refused_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _through_cli(tmp_path, b" " * (MAX_BYTES + 10), capsys)
    assert code == 2 and "too large" in err


def test_import_failing_while_storing_leaves_no_part_of_the_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good = {**ENVELOPE, "answers": {"filled_by": "patient", "setting": "clinic", "name": "Half"},
            "regions": [{"region": "outer_hip", "side": "right", "intensity": 4}],
            "exam": [{"test": "trochanter_palpation", "side": "right", "result": "positive", "pain": 5}]}

    def fail(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SessionStore, "_write_not_asked", fail)  # the last step of the import
    code, err = _through_cli(tmp_path, json.dumps(good).encode(), capsys)
    assert code == 2 and err.startswith("hipdesk: ")
    conn = sqlite3.connect(tmp_path / "hipdesk.db")
    for table in ("sessions", "answers", "regions", "exam_results"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
    conn.close()


@pytest.mark.parametrize("name", ["missing.json", "a-folder"])
def test_import_of_a_missing_or_unreadable_path_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    code = cli.main(["--db", str(tmp_path / "hipdesk.db"), "import-answers", "--answers", str(tmp_path / name)])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be read" in err and "Traceback" not in err
