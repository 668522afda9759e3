"""The session library's core: people, list columns, search/sort/pages, follow-up and deletion."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from hipdesk.assessment.model import Assessment, CauseResult
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.library.sessions import LibraryQuery
from hipdesk.session import Session
from hipdesk.storage.store import MIGRATIONS, SCHEMA_VERSION, SessionStore

CLINIC = {"setting": "clinic", "filled_by": "patient"}


def add(store: SessionStore, q: Questionnaire, day: str, regions: dict[str, int] | None = None, **answers: Any) -> int:
    """A stored session on `day` (YYYY-MM-DD) with its list columns refreshed."""
    session = store.create_session(answers)
    assert session.id is not None
    for region, intensity in (regions or {}).items():
        store.save_region(session.id, region, "right", intensity)
    store.conn.execute("UPDATE sessions SET created_at = ? WHERE id = ?", (f"{day}T10:00:00+00:00", session.id))
    library.refresh_summary(store, q, session.id)
    return session.id


def row(store: SessionStore, session_id: int) -> sqlite3.Row:
    store.conn.row_factory = sqlite3.Row
    try:
        return store.conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    finally:
        store.conn.row_factory = None


def test_fresh_database_has_library_columns_and_indexes(store: SessionStore) -> None:
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(sessions)")}
    assert {"person_name", "name_key", "triage", "top_cause", "worst_pain", "summary_at"} <= columns
    indexes = {r[1] for r in store.conn.execute("PRAGMA index_list(sessions)")}
    assert {"sessions_by_created", "sessions_by_name", "sessions_by_person", "sessions_stale"} <= indexes
    assert store.conn.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_a_version_2_file_migrates_with_a_backup(tmp_path: Path, questionnaire: Questionnaire) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO sessions (created_at, updated_at) VALUES ('2026-01-02T10:00:00+00:00', 'x')")
    conn.commit()
    conn.close()
    store = SessionStore(path)
    try:
        assert list(tmp_path.glob("old.db.v2-*.bak"))
        assert library.refresh_stale(store, questionnaire) == 1
        assert [r.id for r in library.fetch_rows(store, LibraryQuery())] == [1]
    finally:
        store.close()


def test_clinic_sessions_link_by_name_and_birth_date_ignoring_case(store: SessionStore, questionnaire: Questionnaire) -> None:
    first = add(store, questionnaire, "2026-01-01", **CLINIC, name="Anna Müller", birth_date="1980-04-02")
    again = add(store, questionnaire, "2026-02-01", **CLINIC, name="  anna   MÜLLER ", birth_date="1980-04-02")
    other_birth = add(store, questionnaire, "2026-02-01", **CLINIC, name="Anna Müller", birth_date="1990-01-01")
    no_birth = add(store, questionnaire, "2026-02-01", **CLINIC, name="Anna Müller", age=40)
    person = row(store, first)["person_id"]
    assert person is not None
    assert row(store, again)["person_id"] == person
    assert row(store, other_birth)["person_id"] not in (None, person)
    assert row(store, no_birth)["person_id"] is None  # a clinic needs the date of birth to be sure
    assert library.person_sessions(store, person) == [first, again]


def test_home_sessions_link_by_label(store: SessionStore, questionnaire: Questionnaire) -> None:
    a = add(store, questionnaire, "2026-01-01", setting="home", name="Left hip")
    b = add(store, questionnaire, "2026-01-08", setting="home", name="left hip")
    assert row(store, a)["person_id"] == row(store, b)["person_id"] is not None


def test_renaming_relinks_and_drops_the_empty_person(store: SessionStore, questionnaire: Questionnaire) -> None:
    sid = add(store, questionnaire, "2026-01-01", **CLINIC, name="Typo Nmae", birth_date="1980-04-02")
    old_person = row(store, sid)["person_id"]
    store.save_answer(sid, "name", "Typo Name")
    library.refresh_summary(store, questionnaire, sid)
    assert row(store, sid)["person_id"] != old_person
    assert store.conn.execute("SELECT count(*) FROM persons WHERE id = ?", (old_person,)).fetchone()[0] == 0
    assert store.conn.execute("SELECT name FROM persons").fetchall() == [("Typo Name",)]


def test_summary_columns_hold_null_until_an_assess_function_is_given(store: SessionStore, questionnaire: Questionnaire) -> None:
    sid = add(store, questionnaire, "2026-01-01", regions={"outer_hip": 9}, **CLINIC, name="A", pain_now=3, pain_worst=7)
    assert (row(store, sid)["triage"], row(store, sid)["top_cause"], row(store, sid)["worst_pain"]) == (None, None, 9)

    def fake_assess(q: Questionnaire, session: Session) -> Assessment:
        return Assessment("urgent", [], [CauseResult("gtps", "GTPS", 0.9), CauseResult("itbs", "ITBS", 0.3)])

    library.refresh_summary(store, questionnaire, sid, fake_assess)
    assert (row(store, sid)["triage"], row(store, sid)["triage_rank"], row(store, sid)["top_cause"]) == ("urgent", 1, "gtps")


def test_changed_sessions_are_stale_until_refreshed(store: SessionStore, questionnaire: Questionnaire) -> None:
    sid = add(store, questionnaire, "2026-01-01", **CLINIC, name="Before")
    assert library.refresh_stale(store, questionnaire) == 0
    store.save_answer(sid, "name", "After")
    assert library.refresh_stale(store, questionnaire) == 1
    assert row(store, sid)["person_name"] == "After"


@pytest.fixture
def filled(store: SessionStore, questionnaire: Questionnaire) -> SessionStore:
    names = ["Anna Müller", "Ben Okafor", "Chloé Dubois", "Dmitri Ivanov"]
    for n in range(40):
        add(store, questionnaire, f"2026-01-{n % 28 + 1:02d}", **CLINIC, name=names[n % 4], pain_now=n % 11)
    return store


def test_search_is_by_part_of_the_name_ignoring_case(filled: SessionStore) -> None:
    rows = library.fetch_rows(filled, LibraryQuery(search="MÜLL"))
    assert len(rows) == 10 and {r.person_name for r in rows} == {"Anna Müller"}
    assert library.count_rows(filled, LibraryQuery(search="o")) == 30  # Okafor, Chloé, Ivanov... and not Anna


def test_date_range_includes_both_days(filled: SessionStore) -> None:
    rows = library.fetch_rows(filled, LibraryQuery(date_from="2026-01-02", date_to="2026-01-03"))
    assert sorted({r.created_at[:10] for r in rows}) == ["2026-01-02", "2026-01-03"]
    assert len(rows) == 4  # days 2 and 3 each hold sessions n=1, 29 and n=2, 30


def test_pages_cover_every_session_once_in_order(filled: SessionStore) -> None:
    query = LibraryQuery(sort="worst_pain", descending=True)
    pages = [library.fetch_rows(filled, query, offset, 7) for offset in range(0, 42, 7)]
    ids = [r.id for page in pages for r in page]
    assert sorted(ids) == list(range(1, 41))
    pains = [r.worst_pain for page in pages for r in page]
    assert pains == sorted(pains, key=lambda p: -1 if p is None else p, reverse=True)


def test_follow_up_copies_history_and_leaves_todays_pain_empty(store: SessionStore, questionnaire: Questionnaire) -> None:
    history = {
        "name": "Anna Müller", "birth_date": "1980-04-02", "sex": "female", "painful_side": "right",
        "distance_unit": "km", "weekly_distance": 40.0, "surfaces": ["road"], "conditions": ["asthma"], "pregnant": "no",
        "med_blood_thinner": "yes", "tried": ["rest"],
    }
    today = {"pain_now": 6, "pain_worst": 8, "onset": "gradual", "rf_fever": "no", "sym_buttock_ache": "yes", "notes": "x"}
    answers = {**CLINIC, **history, **today}
    answers = {k: v for k, v in answers.items() if k in questionnaire.item_index()}
    first = add(store, questionnaire, "2026-01-01", regions={"outer_hip": 6}, **answers)
    person = row(store, first)["person_id"]
    new = library.start_follow_up(store, questionnaire, person_id=person)
    assert new.status == "draft" and new.id != first
    assert new.person_id == person
    assert {k: new.answers.get(k) for k in history if k in answers} == {k: answers[k] for k in history if k in answers}
    assert not set(today) & set(new.answers)
    assert new.regions == {} and new.exam == {}
    assert "filled_by" not in new.answers  # who fills in is asked again


def test_follow_up_list_names_real_history_items_only(questionnaire: Questionnaire) -> None:
    listed = library.load_library_content().follow_up.copy_items
    index = questionnaire.item_index()
    assert set(listed) <= set(index)
    pages = {questionnaire.page_of(item).id for item in listed}
    assert pages <= {"start", "about", "training", "history"}
    assert not [item for item in listed if item.startswith(("pain_", "rf_", "bs_", "sym_"))]


def test_follow_up_drops_copied_answers_that_no_longer_apply(store: SessionStore, questionnaire: Questionnaire) -> None:
    previous = Session(answers={"sex": "male", "pregnant": "no", "birth_date": "1980-01-01", "age": 45})
    copied = library.follow_up_answers(questionnaire, previous)
    assert "pregnant" not in copied and "age" not in copied and copied["sex"] == "male"


def test_delete_erases_the_session_from_the_file_bytes(tmp_path: Path, questionnaire: Questionnaire) -> None:
    path = tmp_path / "h.db"
    store = SessionStore(path)
    try:
        secret = "Quokkasecretname Zyx"
        keep = add(store, questionnaire, "2026-01-01", **CLINIC, name="Kept Person", birth_date="1970-01-01")
        sid = add(store, questionnaire, "2026-01-02", regions={"outer_hip": 5}, **CLINIC, name=secret,
                  birth_date="1961-07-13", notes="Notesecretword " * 20)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert secret.encode() in path.read_bytes()
        assert library.delete_session(store, sid) is True
        everything = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("h.db"))
        for needle in (secret, secret.casefold(), "Notesecretword", "1961-07-13"):
            assert needle.encode() not in everything, needle
        assert b"Kept Person" in everything
        assert store.conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 1
        assert [r.id for r in library.fetch_rows(store, LibraryQuery())] == [keep]
    finally:
        store.close()


def test_delete_says_when_a_second_copy_keeps_old_pages_in_the_log(tmp_path: Path, questionnaire: Questionnaire) -> None:
    path = tmp_path / "h.db"
    store = SessionStore(path)
    other = sqlite3.connect(path)
    try:
        sid = add(store, questionnaire, "2026-01-02", **CLINIC, name="Heldopen Name", birth_date="1961-07-13")
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM sessions").fetchone()  # a reader holding its snapshot
        assert library.delete_session(store, sid) is False
        other.execute("COMMIT")
        assert library.erase_freed_pages(store) is True
        data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("h.db"))
        assert b"Heldopen" not in data
    finally:
        other.close()
        store.close()


def test_a_failing_assess_leaves_triage_empty_and_keeps_the_rest(store: SessionStore, questionnaire: Questionnaire,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    def broken(q: Questionnaire, session: Session) -> Assessment:
        raise RuntimeError("engine bug")

    sid = add(store, questionnaire, "2026-01-01", **CLINIC, name="Still Listed", pain_now=4)
    library.refresh_summary(store, questionnaire, sid, broken)
    stored = row(store, sid)
    assert (stored["person_name"], stored["worst_pain"], stored["triage"]) == ("Still Listed", 4, None)
    assert "engine bug" in caplog.text
