"""The window's background sender posts a finished session to the real engine while the GUI thread runs on."""

from __future__ import annotations

import threading

from hipdesk.actions.fhir_sending import configure_server, station_id
from hipdesk.exchange.fhir_transaction import SESSION_SYSTEM
from hipdesk.session import now_iso
from hipdesk.storage.outbox import Outbox
from hipdesk.ui.fhir_sender import FhirSender
from tests import samples


def test_the_background_sender_delivers_and_tells_the_gui_thread(qtbot, engine, questionnaire, store):
    configure_server(store, engine.base_url, engine.token)
    session = samples.typical_session()
    session.finished_at = now_iso()
    session_id = store.save_whole_session(session)
    sender = FhirSender(store.path, questionnaire, idle_seconds=0.5)
    threads: list[threading.Thread] = []
    sender.changed.connect(lambda: threads.append(threading.current_thread()))
    try:
        with qtbot.waitSignal(sender.changed, timeout=20000):
            sender.start()
            sender.wake()
    finally:
        sender.stop(wait_seconds=5)
    assert threads == [threading.main_thread()]  # the library reloads in the GUI thread, never the sender's
    assert Outbox(store).delivery(session_id).state == "sent"  # type: ignore[union-attr]
    found = engine.search("QuestionnaireResponse", identifier=f"{SESSION_SYSTEM}|{station_id(store)}/{session_id}")
    assert len(found) == 1
