"""Sending finished sessions to the clinic's FHIR server: configure, queue on finish, send what is due.

Nothing here runs unless staff entered a server (base URL and token); without one no session is queued
and nothing touches the network. `send_due` does the network work and blocks: the window calls it
from a background thread (hipdesk.ui.fhir_sender), never from the GUI thread.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass, field

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.fhir_client import SendFailed, ServerConfig, checked_base_url, send_bundles
from hipdesk.exchange.fhir_errors import FhirExportError
from hipdesk.exchange.fhir_transaction import Identity, person_key, session_identifier, transaction_bundles
from hipdesk.session import Session
from hipdesk.storage.outbox import Outbox
from hipdesk.storage.settings import (
    FHIR_BASE_URL_SETTING,
    FHIR_SINCE_SETTING,
    FHIR_STATION_SETTING,
    FHIR_TOKEN_SETTING,
)
from hipdesk.storage.store import SessionStore
from hipdesk.timestamps import now_iso

#: HTTP answers that say the settings are wrong (token, rights), not the session: it waits, with the reason.
_SETTINGS_STATUSES = {401, 403}


def server_config(store: SessionStore) -> ServerConfig | None:
    """The configured server, or None when sending is off."""
    base = str(store.get_setting(FHIR_BASE_URL_SETTING, "") or "")
    if not base:
        return None
    return ServerConfig(base, str(store.get_setting(FHIR_TOKEN_SETTING, "") or ""))


def configure_server(store: SessionStore, base_url: str, token: str) -> ServerConfig | None:
    """Save the server settings (an empty address switches sending off). Raises ServerConfigError for a bad address.

    Sessions finished from the first set-up on are sent; waiting ones are tried again at once.
    """
    if not base_url.strip():
        store.set_setting(FHIR_BASE_URL_SETTING, "")
        return None
    base = checked_base_url(base_url)
    store.set_setting(FHIR_BASE_URL_SETTING, base)
    store.set_setting(FHIR_TOKEN_SETTING, token.strip())
    if not store.get_setting(FHIR_SINCE_SETTING):
        store.set_setting(FHIR_SINCE_SETTING, now_iso())
    Outbox(store).retry_now()
    return ServerConfig(base, token.strip())


def station_id(store: SessionStore) -> str:
    """This database's station id, made once (random, so two laptops never share one)."""
    current = store.get_setting(FHIR_STATION_SETTING)
    if not current:
        current = uuid.uuid4().hex
        store.set_setting(FHIR_STATION_SETTING, current)
    return str(current)


def queue_finished(store: SessionStore) -> int:
    """Queue the finished sessions the server does not have yet (none when no server is set); how many."""
    since = store.get_setting(FHIR_SINCE_SETTING)
    if server_config(store) is None or not since:
        return 0
    return Outbox(store).queue_finished_since(str(since))


def send_again(store: SessionStore, session_id: int) -> None:
    """Staff ask for a refused session to be tried again (after the cause was fixed)."""
    Outbox(store).queue(session_id)


@dataclass(frozen=True)
class Backoff:
    """How long a session waits after a failed try: doubling from `first` seconds up to `most`, ±20 %."""

    first: float = 30.0
    most: float = 3600.0

    def delay(self, attempts: int) -> float:
        """Seconds to wait after the `attempts`-th failed try."""
        return min(self.most, self.first * 2 ** max(0, attempts - 1)) * random.uniform(0.8, 1.2)


@dataclass
class SendRound:
    """What one round of sending did."""

    sent: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)


def identity_of(store: SessionStore, session: Session) -> Identity:
    """This station's id and, in clinic mode, the person's key for the Patient identifier."""
    station = station_id(store)
    answers = session.answers
    key = None
    if answers.get("setting") == "clinic" and str(answers.get("name") or "").strip():
        birth = answers.get("birth_date")
        key = person_key(str(answers["name"]), birth if isinstance(birth, str) else None, station, session.id)
    return Identity(station, key)


def send_due(store: SessionStore, questionnaire: Questionnaire, *, backoff: Backoff | None = None,
             limit: int = 20) -> SendRound:
    """Post the sessions that are due, one by one; returns which were sent, wait again, or were refused.

    Stops at the first failure that is about the server rather than the session (no answer, 5xx): the
    others would only fail the same way, so they wait the same back-off.
    """
    round_ = SendRound()
    config = server_config(store)
    if config is None:
        return round_
    queue_finished(store)
    outbox = Outbox(store)
    pause = backoff or Backoff()
    claimed = outbox.claim_due(limit=limit)
    for position, session_id in enumerate(claimed):
        delivery = outbox.delivery(session_id)
        attempts = (delivery.attempts if delivery else 0) + 1
        try:
            session = store.load_session(session_id)
            identity = identity_of(store, session)
            ids = send_bundles(config, transaction_bundles(questionnaire, session, identity))
        except KeyError:
            continue  # deleted meanwhile: its outbox row went with it
        except FhirExportError as error:
            outbox.mark_refused(session_id, f"HipDesk cannot express this session in FHIR: {error}")
            round_.refused.append(session_id)
            continue
        except SendFailed as failure:
            if failure.temporary or failure.status in _SETTINGS_STATUSES:
                next_try = time.time() + pause.delay(attempts)
                outbox.mark_retry(session_id, failure.reason, next_try)
                round_.waiting.append(session_id)
                for later in claimed[position + 1:]:
                    outbox.mark_retry(later, failure.reason, next_try, tried=False)
                    round_.waiting.append(later)
                break
            outbox.mark_refused(session_id, failure.reason)
            round_.refused.append(session_id)
            continue
        reference = next((ref for ref in ids.values() if ref.startswith("QuestionnaireResponse/")), None)
        outbox.mark_sent(session_id, reference or session_identifier(identity, session)["value"])
        round_.sent.append(session_id)
    return round_
