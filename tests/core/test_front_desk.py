"""Front-desk rules without Qt: new-session defaults, triage from the stored summary, seen by staff, the list order."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdesk.actions.sessions import new_session_answers
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.front_desk import attention_count, mark_seen, refresh_triage, staff_rows, stored_triage
from hipdesk.storage import store as store_module
from hipdesk.storage.store import SessionStore

BASE = {"filled_by": "patient", "setting": "clinic", "age": 40, "sex": "female", "painful_side": "right"}


def _session(store: SessionStore, name: str, **answers: object) -> int:
    session = store.create_session({**BASE, "name": name, **answers})
    assert session.id is not None
    return session.id


def test_kiosk_sessions_start_in_the_clinic_with_nothing_remembered(store: SessionStore, questionnaire: Questionnaire) -> None:
    store.set_setting("default.setting", "home")  # what the last person chose in the ordinary window
    store.set_setting("default.distance_unit", "mi")
    assert new_session_answers(store, questionnaire, kiosk=False)["setting"] == "home"
    kiosk = new_session_answers(store, questionnaire, kiosk=True)
    assert kiosk["setting"] == "clinic"
    assert kiosk.get("distance_unit") != "mi", "the last patient's choice must not reach the next"


def test_triage_comes_from_the_stored_summary(store: SessionStore, questionnaire: Questionnaire) -> None:
    emergency = _session(store, "Ann Emergency", rf_leg_deformed="yes")
    urgent = _session(store, "Ben Urgent", med_steroids="yes")
    plain = _session(store, "Cat Plain")
    assert stored_triage(store, emergency) is None, "not assessed yet"
    refresh_triage(store, questionnaire)
    assert stored_triage(store, emergency) == "emergency"
    assert stored_triage(store, urgent) == "urgent"
    assert stored_triage(store, plain) not in ("emergency", "urgent")


def test_unseen_emergency_and_urgent_come_first_whatever_the_sort(store: SessionStore, questionnaire: Questionnaire) -> None:
    urgent = _session(store, "Ben Urgent", med_steroids="yes")
    emergency = _session(store, "Ann Emergency", rf_leg_deformed="yes")
    plain_old = _session(store, "Cat Plain")
    plain_new = _session(store, "Dan Plain")
    refresh_triage(store, questionnaire)
    assert attention_count(store) == 2
    for sort in ("date", "name", "triage", "status"):
        for descending in (True, False):
            ids = [row.id for row in staff_rows(store, sort=sort, descending=descending)]
            assert ids[:2] == [emergency, urgent], (sort, descending)
    assert [row.id for row in staff_rows(store, sort="date", descending=True)][2:] == [plain_new, plain_old]
    assert [row.id for row in staff_rows(store, sort="name", descending=False)][2:] == [plain_old, plain_new]

    mark_seen(store, emergency)
    assert attention_count(store) == 1
    rows = staff_rows(store, sort="date", descending=True)
    assert rows[0].id == urgent and rows[0].needs_attention
    seen = next(row for row in rows if row.id == emergency)
    assert seen.seen and not seen.needs_attention and seen.triage == "emergency"


def test_sessions_not_yet_assessed_are_listed_but_not_counted(store: SessionStore) -> None:
    waiting = _session(store, "Not Assessed", rf_leg_deformed="yes")
    rows = staff_rows(store)
    assert [row.id for row in rows] == [waiting] and rows[0].triage is None and not rows[0].needs_attention
    assert attention_count(store) == 0


def test_search_by_name_ignores_case_and_spaces(store: SessionStore, questionnaire: Questionnaire) -> None:
    _session(store, "Zoë  Example")
    _session(store, "Other Person")
    refresh_triage(store, questionnaire)
    assert [row.name for row in staff_rows(store, search="zoë ex")] == ["Zoë Example"]
    assert staff_rows(store, search="nobody") == []


def test_seen_survives_a_restart(tmp_path, questionnaire: Questionnaire) -> None:
    path = tmp_path / "data" / "hipdesk.db"
    store = SessionStore(path)
    emergency = _session(store, "Ann Emergency", rf_leg_deformed="yes")
    refresh_triage(store, questionnaire)
    mark_seen(store, emergency)
    store.close()
    again = SessionStore(path)
    try:
        assert staff_rows(again)[0].seen
        assert attention_count(again) == 0
    finally:
        again.close()


def test_a_version_5_database_gains_seen_by_staff_after_a_backup(tmp_path: Path, questionnaire: Questionnaire,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "hipdesk.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:5])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 5)
    old = SessionStore(path)
    before = _session(old, "Old Emergency", rf_leg_deformed="yes")
    old.close()
    monkeypatch.undo()

    new = SessionStore(path)
    try:
        assert list(tmp_path.glob("hipdesk.db.v5-*.bak")), "a backup copy before the migration"
        assert new.load_session(before).answers["name"] == "Old Emergency"
        refresh_triage(new, questionnaire)
        assert staff_rows(new)[0].seen, "stored before the upgrade: already in the staff's list then"
        assert attention_count(new) == 0
        after = _session(new, "New Emergency", rf_leg_deformed="yes")
        refresh_triage(new, questionnaire)
        assert [row.id for row in staff_rows(new) if row.needs_attention] == [after]
    finally:
        new.close()
