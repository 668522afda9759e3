"""The library's name search through the trigram index (schema v4): same answers as a substring search."""

from __future__ import annotations

from pathlib import Path

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.library.sessions import LibraryQuery
from hipdesk.storage import session_index
from hipdesk.storage.store import SessionStore
from tests.core.test_library import CLINIC, add


def names(store: SessionStore, search: str) -> list[str]:
    return sorted(row.person_name for row in library.fetch_rows(store, LibraryQuery(search=search)))


def test_a_part_of_a_name_is_found_anywhere_in_it_whatever_the_case(store: SessionStore, questionnaire: Questionnaire):
    for day, name in (("2026-01-01", "Anna Müller"), ("2026-01-02", "Ben O'Neil"), ("2026-01-03", "ANNA  schmidt")):
        add(store, questionnaire, day, **CLINIC, name=name, birth_date="1980-01-01")
    assert names(store, "üller") == ["Anna Müller"]
    assert names(store, "anna") == ["ANNA schmidt", "Anna Müller"]
    assert names(store, "a sch") == ["ANNA schmidt"]  # spaces count, single as in the stored key
    assert names(store, "o'nei") == ["Ben O'Neil"]
    assert names(store, 'n"a') == [] and names(store, "nobody") == []  # quotes are text, not query syntax
    assert names(store, "mü") == ["Anna Müller"]  # two letters: no trigram, found the plain way
    assert library.count_rows(store, LibraryQuery(search="anna")) == 2


def test_the_index_follows_renames_and_deletes(store: SessionStore, questionnaire: Questionnaire):
    sid = add(store, questionnaire, "2026-01-01", setting="home", name="Oldname Runner")
    other = add(store, questionnaire, "2026-01-02", setting="home", name="Someone Else")
    assert names(store, "oldname") == ["Oldname Runner"]
    store.save_answer(sid, "name", "Newname Runner")
    library.refresh_summary(store, questionnaire, sid)
    assert names(store, "oldname") == [] and names(store, "newname") == ["Newname Runner"]
    library.delete_session(store, other)
    assert names(store, "someone") == []
    check = store.conn.execute("INSERT INTO sessions_name_search (sessions_name_search) VALUES ('integrity-check')")
    assert check is not None  # raises when the index and the sessions disagree


def test_a_rare_name_is_looked_up_in_the_index_and_a_common_one_walks_the_list(store: SessionStore,
                                                                               questionnaire: Questionnaire,
                                                                               monkeypatch):
    for number in range(6):
        add(store, questionnaire, f"2026-01-0{number + 1}", setting="home", name=f"Common Name {number}")
    add(store, questionnaire, "2026-02-01", setting="home", name="Rare Person")
    monkeypatch.setattr(session_index, "MANY_MATCHES", 5)
    rare_where, rare_params = session_index._where(store, LibraryQuery(search="rare pers"))
    common_where, _ = session_index._where(store, LibraryQuery(search="common"))
    assert "instr" not in rare_where and len(rare_params) == 1  # the one id the index found
    assert "instr" in common_where
    assert names(store, "rare pers") == ["Rare Person"]
    assert names(store, "common") == [f"Common Name {n}" for n in range(6)]
    assert names(store, "absent") == []


def test_an_older_database_gets_the_index_of_its_names(tmp_path: Path, questionnaire: Questionnaire):
    path = tmp_path / "h.db"
    store = SessionStore(path)
    add(store, questionnaire, "2026-01-01", setting="home", name="Before Upgrade")
    for name in ("insert", "delete", "update"):
        store.conn.execute(f"DROP TRIGGER sessions_name_search_{name}")
    store.conn.execute("DROP TABLE sessions_name_search")
    store.conn.execute("DROP INDEX sessions_unseen")  # and what version 6 (seen by staff) added
    store.conn.execute("ALTER TABLE sessions DROP COLUMN staff_seen_at")
    store.conn.execute("PRAGMA user_version = 4")
    store.close()
    again = SessionStore(path)
    try:
        assert names(again, "upgrad") == ["Before Upgrade"]
    finally:
        again.close()
