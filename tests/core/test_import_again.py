"""Importing answers that are stored already: refused without --again (the start page asks: tests/ui)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hipdesk.cli import main as cli
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import dumps
from hipdesk.storage.store import SessionStore
from tests import samples


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
    finally:
        conn.close()


def test_the_same_file_twice_needs_again(tmp_path: Path, questionnaire: Questionnaire, capsys) -> None:
    db, answers = tmp_path / "hipdesk.db", tmp_path / "answers.json"
    answers.write_bytes(dumps(questionnaire, samples.typical_session()))
    assert cli.main(["--db", str(db), "import-answers", "--answers", str(answers)]) == 0
    first = int(capsys.readouterr().out)
    assert cli.main(["import-answers", "--answers", str(answers), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert f"already stored, as session {first}" in err and "--again" in err
    assert _count(db) == 1
    assert cli.main(["--db", str(db), "import-answers", "--again", "--answers", str(answers)]) == 0
    assert int(capsys.readouterr().out) != first and _count(db) == 2


def test_an_exported_session_is_recognised_and_a_changed_one_is_not(tmp_path: Path, questionnaire: Questionnaire,
                                                                    capsys) -> None:
    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    session_id = store.save_whole_session(samples.typical_session())
    store.close()
    exported = tmp_path / "exported.json"
    assert cli.main(["--db", str(db), "export-answers", "--session", str(session_id), "-o", str(exported)]) == 0
    assert cli.main(["--db", str(db), "import-answers", "--answers", str(exported)]) == 2
    assert f"session {session_id}" in capsys.readouterr().err
    changed = exported.read_text(encoding="utf-8").replace('"pain_now": 4', '"pain_now": 5')
    assert changed != exported.read_text(encoding="utf-8")
    exported.write_text(changed, encoding="utf-8")
    assert cli.main(["--db", str(db), "import-answers", "--answers", str(exported)]) == 0
