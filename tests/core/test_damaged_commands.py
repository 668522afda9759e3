"""Headless commands on damaged, too-new and odd database files: the bytes never change (issue 17).

Every command is run on each kind of damage; the database and its -wal are compared byte for byte
before and after. Reading commands open read-only; writing commands refuse; all exit 2 with a message
naming the file, and "damaged" is told apart from "no such session".
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from hipdesk.cli import main as cli
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.answers_file import dumps
from hipdesk.storage.recovery import CHECK_REQUEST_SUFFIX, open_store
from hipdesk.storage.store import SCHEMA_VERSION, SessionStore
from tests import samples


def _good_db(path: Path, sessions: int = 40) -> None:
    store = SessionStore(path)
    for n in range(sessions):
        store.create_session({"name": f"Person {n} " + "x" * 200, "age": 30})
    store.close()


def _truncated(path: Path) -> None:
    _good_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(40_000))


def _pages_overwritten(path: Path) -> None:
    _good_db(path)
    data = bytearray(path.read_bytes())
    rng = random.Random(2)
    for page in range(2, len(data) // 4096):
        start = page * 4096 + 100
        data[start:start + 2000] = rng.randbytes(2000)
    path.write_bytes(bytes(data))


def _other_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('holiday')")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    _good_db(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _damaged_with_wal(path: Path) -> None:
    """A crash left the latest answers in the -wal; then the main file was damaged."""
    _good_db(path)
    store = SessionStore(path)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(5):
        store.create_session({"name": f"Latest {n}"})
    shutil.copy(f"{path}-wal", f"{path}.saved-wal")
    main = bytearray(path.read_bytes())
    store.close()
    middle = len(main) // 4096 // 2 * 4096  # pages of older sessions, which the -wal does not hold again
    main[middle - 32768:middle + 32768] = random.Random(3).randbytes(65536)  # wide: the name index lies between
    path.write_bytes(bytes(main))
    shutil.move(f"{path}.saved-wal", f"{path}-wal")
    Path(f"{path}-shm").unlink(missing_ok=True)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncated, "random bytes": _random_bytes, "pages overwritten": _pages_overwritten,
    "another program's database": _other_program, "newer schema": _newer, "damaged with a -wal": _damaged_with_wal,
}


def _commands(tmp_path: Path, db: Path) -> dict[str, list[str]]:
    answers = tmp_path / "answers.json"
    answers.write_bytes(dumps(load_questionnaire(), samples.typical_session()))
    out = tmp_path / "out"
    return {
        "list": ["--db", str(db), "list"],
        "list --json, --db after": ["list", "--json", "--db", str(db)],
        "export-answers": ["--db", str(db), "export-answers", "--session", "1", "-o", str(out / "a.json")],
        "report --session": ["report", "--db", str(db), "--session", "1", "-o", str(out / "r.pdf")],
        "export-fhir --session": ["--db", str(db), "export-fhir", "--session", "1", "-o", str(out / "f.json")],
        "import-answers": ["--db", str(db), "import-answers", "--answers", str(answers)],
        "import-fhir": ["import-fhir", str(answers), "--db", str(db)],
        "import-activities": ["--db", str(db), "import-activities", str(tmp_path)],
    }


def _bytes(db: Path) -> dict[str, bytes | None]:
    return {suffix: Path(f"{db}{suffix}").read_bytes() if Path(f"{db}{suffix}").exists() else None
            for suffix in ("", "-wal")}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_no_command_changes_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    db = tmp_path / "data" / "hipdesk.db"
    db.parent.mkdir()
    DAMAGE[damage](db)
    (tmp_path / "out").mkdir()
    before = _bytes(db)
    for name, argv in _commands(tmp_path, db).items():
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code == 2, f"{name} on a {damage} file: exit {code}, {err}"
        assert err.startswith("hipdesk: ") and "Traceback" not in err, name
        assert str(db) in err, f"{name}: the message must name the file: {err}"
        word = "newer" if damage == "newer schema" else ("another program" if "program" in damage else "damaged")
        assert word in err, f"{name} on a {damage} file says: {err}"
        assert "no session with id" not in err
        assert _bytes(db) == before, f"{name} changed the {damage} file"
    assert list((tmp_path / "out").iterdir()) == [], "nothing is written from a damaged file"


def test_the_latest_answers_in_the_wal_survive_the_commands_and_move_aside_with_the_file(tmp_path: Path,
                                                                                          capsys) -> None:
    db = tmp_path / "hipdesk.db"
    _damaged_with_wal(db)
    wal = Path(f"{db}-wal").read_bytes()
    for argv in _commands(tmp_path, db).values():
        cli.main(argv)
    capsys.readouterr()
    assert Path(f"{db}{CHECK_REQUEST_SUFFIX}").exists(), "the next window start checks the file page by page"
    result = open_store(db)
    result.store.close()
    assert result.moved_to is not None and Path(f"{result.moved_to}-wal").read_bytes() == wal


def test_a_missing_session_is_not_called_damage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "hipdesk.db"
    _good_db(db, sessions=3)
    before = _bytes(db)
    assert cli.main(["report", "--session", "99", "-o", str(tmp_path / "r.pdf"), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "no session with id 99" in err and "damaged" not in err and "hipdesk list" in err
    assert _bytes(db) == before, "a reading command does not write"


def test_reading_commands_read_the_latest_answers_from_the_wal_without_merging_it(tmp_path: Path, capsys) -> None:
    db = tmp_path / "hipdesk.db"
    _good_db(db, sessions=2)
    writer = SessionStore(db)  # the window is open: its latest answers are still in the -wal
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")
    latest = writer.create_session({"name": "Still in the WAL", "age": 51})
    before = _bytes(db)
    assert cli.main(["--db", str(db), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [line["id"] for line in listed][0] == latest.id and listed[0]["person"] == "Still in the WAL"
    assert _bytes(db) == before
    writer.close()


def test_list_shows_id_person_date_status_and_triage_and_searches(tmp_path: Path, capsys) -> None:
    db = tmp_path / "hipdesk.db"
    store = SessionStore(db)
    first = store.create_session({"name": "Ada Lovelace", "age": 36})
    store.create_session({"name": "Grace Hopper", "age": 40})
    store.close()
    assert cli.main(["list", "--db", str(db)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["id", "person", "date", "status", "triage"]
    assert any(line.split()[:3] == [str(first.id), "Ada", "Lovelace"] and "draft" in line for line in table[1:])
    assert cli.main(["--db", str(db), "list", "hopper", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [line["person"] for line in found] == ["Grace Hopper"]
    assert set(found[0]) == {"id", "person", "date", "status", "triage"}
    assert found[0]["triage"] in ("emergency", "urgent", "soon", "self_care")
