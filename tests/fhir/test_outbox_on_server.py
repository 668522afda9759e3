"""The outbox against the real FHIR engine: three stations, fifty sessions each, the server killed and
restarted at random while they send. Every session ends on the server exactly once."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from hipdesk.actions import fhir_sending
from hipdesk.actions.fhir_sending import Backoff, configure_server, send_due
from hipdesk.content import vocab
from hipdesk.exchange.fhir_transaction import PATIENT_SYSTEM, SESSION_SYSTEM, person_key
from hipdesk.session import RegionMark, Session, now_iso
from hipdesk.storage.outbox import Outbox
from hipdesk.storage.store import SessionStore
from tests import samples
from tests.fhir.engine import FhirEngine

PEOPLE = [(f"Runner {chr(65 + n)} Test", f"19{70 + n}-0{1 + n % 9}-1{n % 10}") for n in range(10)]
FAST = Backoff(first=0.05, most=0.4)


def finished_session(rng: random.Random, person: tuple[str, str]) -> Session:
    session = samples.typical_session()
    session.answers.pop("age")
    session.answers.update({"name": person[0], "birth_date": person[1], "pain_now": rng.randint(0, 10)})
    session.regions.clear()
    for region in rng.sample(vocab.REGIONS, rng.randint(1, 9)):
        side = rng.choice(("left", "right"))
        session.regions[(region, side)] = RegionMark(region, side, rng.randint(0, 10))
    session.finished_at = now_iso()
    return session


def sent_count(paths: list[Path]) -> int:
    """Sessions marked sent across the stations (read-only, a connection of its own)."""
    total = 0
    for path in paths:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5.0)
        try:
            total += int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'sent'").fetchone()[0])
        finally:
            conn.close()
    return total


class Chaos(threading.Thread):
    """Kills the server after a random number of further sessions have reached it, starts it again after a random
    pause, until told to stop or `most` restarts are done; always leaves it running.

    Driven by progress, not by the clock, so that the server goes away mid-way on a fast machine as on a slow one
    (each start reloads the FHIR definitions: seconds on a busy machine).
    """

    def __init__(self, engine: FhirEngine, rng: random.Random, progress: Callable[[], int], most: int = 4) -> None:
        super().__init__(daemon=True)
        self.engine, self.rng, self.done, self.restarts, self.most = engine, rng, threading.Event(), 0, most
        self.progress = progress

    def run(self) -> None:
        while self.restarts < self.most and not self.done.is_set():
            if self.engine.running:
                target = self.progress() + self.rng.randint(10, 30)
                while not self.done.is_set() and self.progress() < target:
                    self.done.wait(0.02)
                if not self.done.is_set():
                    self.engine.stop(kill=True)
            elif not self.done.wait(self.rng.uniform(0.1, 0.8)):
                self.engine.start()
                self.restarts += 1
        if not self.engine.running:
            self.engine.start()


def test_three_stations_fifty_sessions_each_reach_a_flaky_server_exactly_once(engine, questionnaire, tmp_path: Path):
    rng = random.Random(19)
    stations: list[SessionStore] = []
    expected: dict[str, list[tuple[str, int]]] = {}  # person key → (station, session id)
    marks = 0
    for number in range(3):
        store = SessionStore(tmp_path / f"station{number}" / "hipdesk.db")
        configure_server(store, engine.base_url, engine.token)
        for _ in range(50):
            person = rng.choice(PEOPLE)
            session = finished_session(rng, person)
            session_id = store.save_whole_session(session)
            marks += len(session.regions)
            expected.setdefault(person_key(*person, "", None), []).append((fhir_sending.station_id(store), session_id))
        stations.append(store)

    paths = [store.path for store in stations]
    for store in stations:
        store.close()  # each station sends from its own thread, with its own connection

    def station(path: Path, done: list[bool]) -> None:
        store = SessionStore(path)
        try:
            while time.monotonic() < deadline:
                send_due(store, questionnaire, backoff=FAST)
                if Outbox(store).counts() == {"sent": 50}:
                    done.append(True)
                    return
                time.sleep(0.05)
        finally:
            store.close()

    chaos = Chaos(engine, rng, lambda: sent_count(paths))
    deadline = time.monotonic() + 90
    finished: list[bool] = []
    senders = [threading.Thread(target=station, args=(path, finished)) for path in paths]
    chaos.start()
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    chaos.done.set()
    chaos.join()
    stations = [SessionStore(path) for path in paths]
    assert chaos.restarts >= 3  # the server really went away and came back while sessions were sent
    assert [Outbox(store).counts() for store in stations] == [{"sent": 50}] * 3

    everything = engine.search("QuestionnaireResponse", _count="1000")
    assert len(everything) == 150
    for sessions in expected.values():
        for station, session_id in sessions:
            found = engine.search("QuestionnaireResponse", identifier=f"{SESSION_SYSTEM}|{station}/{session_id}")
            assert len(found) == 1, (station, session_id)
    for key, sessions in expected.items():
        (patient,) = engine.search("Patient", identifier=f"{PATIENT_SYSTEM}|{key}")
        by_patient = engine.search("QuestionnaireResponse", subject=f"Patient/{patient['id']}", _count="1000")
        assert sorted(r["identifier"]["value"] for r in by_patient) == sorted(f"{s}/{i}" for s, i in sessions)
    assert len(engine.search("Patient", _count="1000")) == len(expected)
    observations = engine.search("Observation", _count="5000")
    assert len(observations) == marks
    assert len({o["identifier"][0]["value"] for o in observations}) == marks
    for store in stations:
        store.close()
