"""The outbox and its settings, without a server: nothing is queued or sent unless a server is configured."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from hipdesk.actions.editing import SessionEditor
from hipdesk.actions.fhir_sending import configure_server, send_due, server_config
from hipdesk.actions.sessions import finish_session, start_session
from hipdesk.exchange.fhir_client import ServerConfigError
from hipdesk.storage import store as store_module
from hipdesk.storage.outbox import Outbox
from hipdesk.storage.store import SessionStore
from tests import samples


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("HipDesk opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _finished(store: SessionStore, questionnaire) -> SessionEditor:
    editor = start_session(store, questionnaire)
    editor.set_answer("setting", "clinic")
    editor.set_answer("name", "Ann Lee")
    finish_session(editor, assess=lambda *_: samples.minimal_assessment())
    return editor


def test_without_a_server_nothing_is_queued_and_nothing_touches_the_network(store, questionnaire, no_network):
    editor = _finished(store, questionnaire)
    assert server_config(store) is None
    assert Outbox(store).delivery(editor.session_id) is None
    assert send_due(store, questionnaire).sent == []


def test_with_a_server_a_finished_session_waits_in_the_outbox(store, questionnaire, no_network):
    draft = start_session(store, questionnaire)
    configure_server(store, "https://fhir.clinic.test/r4/", "secret")
    assert server_config(store).base_url == "https://fhir.clinic.test/r4"  # type: ignore[union-attr]
    editor = _finished(store, questionnaire)
    delivery = Outbox(store).delivery(editor.session_id)
    assert delivery is not None and delivery.state == "waiting" and delivery.attempts == 0
    assert Outbox(store).delivery(draft.session_id) is None  # a draft is not sent


@pytest.mark.parametrize(("address", "message"), [
    ("http://fhir.clinic.test/r4", "plain http:// is only for this computer"),
    ("ftp://fhir.clinic.test", "starting with https://"),
    ("fhir.clinic.test", "starting with https://"),
    ("https://fhir.clinic.test/r4?x=1", r"cannot have a \? or # part"),
])
def test_an_unsafe_or_malformed_address_is_refused_with_a_reason(store, address, message):
    with pytest.raises(ServerConfigError, match=message):
        configure_server(store, address, "t")
    assert server_config(store) is None


@pytest.mark.parametrize("address", ["http://localhost:8080/fhir", "http://127.0.0.1/fhir", "http://[::1]:9/fhir"])
def test_plain_http_is_allowed_to_this_computer(store, address):
    assert configure_server(store, address, "t") is not None


def test_an_empty_address_switches_sending_off(store, questionnaire, no_network):
    configure_server(store, "https://fhir.clinic.test", "t")
    configure_server(store, "", "")
    _finished(store, questionnaire)
    assert Outbox(store).counts() == {}


def test_a_version_3_database_gains_the_outbox_after_a_backup(tmp_path: Path, monkeypatch):
    path = tmp_path / "hipdesk.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    old = SessionStore(path)
    session = old.create_session({"name": "Kept"})
    old.close()
    monkeypatch.undo()

    new = SessionStore(path)
    try:
        assert new.load_session(session.id).answers == {"name": "Kept"}  # type: ignore[arg-type]
        assert Outbox(new).counts() == {}
        assert list(tmp_path.glob("hipdesk.db.v3-*.bak"))
        with pytest.raises(sqlite3.IntegrityError):
            new.conn.execute("INSERT INTO outbox (session_id, state, queued_at) VALUES (?, 'lost', 'now')", (session.id,))
    finally:
        new.close()


def test_a_server_that_is_away_costs_one_try_and_the_others_wait_untried(store, questionnaire):
    import socket as sockets

    with sockets.socket() as probe:  # a local port nothing listens on: the connection is refused at once
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    configure_server(store, f"http://127.0.0.1:{port}/fhir", "t")
    ids = [_finished(store, questionnaire).session_id for _ in range(3)]
    result = send_due(store, questionnaire)
    assert result.sent == [] and result.refused == []
    assert sorted(result.waiting) == sorted(ids)
    deliveries = [Outbox(store).delivery(i) for i in ids]
    assert sorted(d.attempts for d in deliveries) == [0, 0, 1]  # type: ignore[union-attr]
    assert all(d.state == "waiting" and "no answer from the server" in d.reason for d in deliveries)  # type: ignore[union-attr]
    assert all(d.next_try > 0 for d in deliveries)  # type: ignore[union-attr]
    assert send_due(store, questionnaire).waiting == []  # none is due again before its back-off ends
