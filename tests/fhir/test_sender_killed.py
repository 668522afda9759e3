"""The outbox survives a kill of the sending app: a sender process killed at random moments and started
again delivers every session exactly once (its claims die with it)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from hipdesk.actions.fhir_sending import configure_server, station_id
from hipdesk.exchange.fhir_transaction import SESSION_SYSTEM
from hipdesk.session import now_iso
from hipdesk.storage.outbox import LEASE_SECONDS, Outbox
from tests import samples

ROOT = Path(__file__).resolve().parents[2]
#: A station that only sends: what the window's sender thread does, in a process the test can kill.
SENDER = """
import sys
from hipdesk.actions.fhir_sending import Backoff, send_due
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.storage.store import SessionStore
store = SessionStore(sys.argv[1])
questionnaire = load_questionnaire()
while True:
    send_due(store, questionnaire, backoff=Backoff(0.05, 0.2), limit=3)
"""


def test_a_sender_killed_mid_send_and_restarted_delivers_each_session_once(engine, store, tmp_path: Path):
    configure_server(store, engine.base_url, engine.token)
    ids = []
    for number in range(30):
        session = samples.typical_session()
        session.answers["name"] = f"Person {number}"
        session.finished_at = now_iso()
        ids.append(store.save_whole_session(session))
    rng = random.Random(7)
    kills = 0
    started = time.monotonic()
    deadline = started + 50
    while Outbox(store).counts().get("sent", 0) < 30 and time.monotonic() < deadline:
        sender = subprocess.Popen([sys.executable, "-c", SENDER, str(store.path)], cwd=ROOT)
        # Killed once a random number of further sessions have gone (progress, not the clock, decides: the kill
        # lands mid-way on a fast machine as on a slow one), or at the latest after a few seconds.
        target = Outbox(store).counts().get("sent", 0) + rng.randint(4, 9)
        until = time.monotonic() + 8
        while Outbox(store).counts().get("sent", 0) < target and time.monotonic() < until:
            time.sleep(rng.uniform(0.0, 0.03))
        sender.send_signal(signal.SIGKILL)  # no clean-up of any kind: as a power cut would leave it
        sender.wait(timeout=10)
        kills += 1
    assert kills >= 3
    assert Outbox(store).counts() == {"sent": 30}
    # within one lease: the re-sends came from the void claims of killed processes, not from expired leases
    assert time.monotonic() - started < LEASE_SECONDS
    station = station_id(store)
    for session_id in ids:
        found = engine.search("QuestionnaireResponse", identifier=f"{SESSION_SYSTEM}|{station}/{session_id}")
        assert len(found) == 1, session_id
    assert len(engine.search("QuestionnaireResponse", _count="100")) == 30
