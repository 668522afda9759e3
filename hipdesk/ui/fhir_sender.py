"""The background sender: posts due sessions to the clinic's FHIR server so the window never waits on the network.

A plain daemon thread with its own database connection (a sqlite3 connection belongs to its thread),
calling `hipdesk.actions.fhir_sending.send_due` until told to stop. Nothing leaves the machine unless
a server is configured: without one each round returns at once. Stopping never waits for a request to
end: the outbox is in the database and the server's conditional create makes a repeat harmless, so a
request cut off when the window closes is sent again at the next start.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hipdesk.actions.fhir_sending import send_due
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.outbox import Outbox
from hipdesk.storage.store import SessionStore, StoreError

_log = logging.getLogger(__name__)


class FhirSender(QObject):
    """Sends in the background; `changed` (emitted in the GUI thread) after a round sent or refused something."""

    changed = Signal()

    def __init__(self, db_path: Path, questionnaire: Questionnaire, idle_seconds: float = 60.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.questionnaire = questionnaire
        self.idle_seconds = idle_seconds  # the longest wait between rounds (the settings may change meanwhile)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hipdesk-fhir-sender", daemon=True)

    def start(self) -> None:
        """Start sending in the background."""
        self._thread.start()

    def wake(self) -> None:
        """Try now (a session was finished, or the settings changed)."""
        self._wake.set()

    def stop(self, wait_seconds: float = 1.0) -> None:
        """Stop after the current request; waits at most `wait_seconds` for it."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(wait_seconds)

    def _run(self) -> None:
        try:
            store = SessionStore(self.db_path)
        except StoreError as error:
            _log.warning("FHIR sender not started: %s", error)
            return
        try:
            while not self._stop.is_set():
                self._wake.wait(self._one_round(store))
                self._wake.clear()
        finally:
            store.close()

    def _one_round(self, store: SessionStore) -> float:
        """Send what is due; returns how long to wait before the next round."""
        try:
            result = send_due(store, self.questionnaire)
            next_due = Outbox(store).next_due()
        except StoreError as error:  # a full disk or a locked file: tell the log, try again later
            _log.warning("FHIR sender: %s", error)
            return self.idle_seconds
        except Exception:  # a fault here must never take the window down: log it and go on
            _log.exception("FHIR sender round failed")
            return self.idle_seconds
        if result.sent or result.refused or result.waiting:
            _log.info("FHIR sender: %d sent, %d waiting, %d refused", len(result.sent), len(result.waiting),
                      len(result.refused))
            if not self._stop.is_set():
                self.changed.emit()
        if next_due is None:
            return self.idle_seconds
        return min(self.idle_seconds, max(0.5, next_due - time.time()))
