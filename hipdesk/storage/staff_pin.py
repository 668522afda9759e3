"""The staff PIN of kiosk mode: stored only as a salted scrypt hash; wrong attempts make the next one wait.

The attempt counter lives in the database, so restarting HipDesk does not reset the wait.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from hipdesk.storage.settings import ATTEMPTS_SETTING, PIN_SETTING
from hipdesk.storage.store import SessionStore

#: A PIN of digits has at least MIN_DIGITS; anything else is a passphrase of at least MIN_PASSPHRASE characters.
MIN_DIGITS, MIN_PASSPHRASE, MAX_LENGTH = 6, 10, 128
FREE_ATTEMPTS = 3  # typing slips are forgiven; from the fourth wrong PIN on, each doubles the wait
MAX_WAIT_SECONDS = 300.0
# scrypt cost: 64 MB and about a quarter to half a second per check on a laptop (benchmarks/pin_cost.py):
# a person typing barely notices, a copy of the database costs an attacker that much per guess, so the
# 10^6 six-digit PINs take days of one core each, not minutes. Stored with each hash, so a change here
# still checks older hashes (and replaces them at the next right PIN).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
_MAXMEM = 256 * 1024 * 1024


class PinError(ValueError):
    """The PIN cannot be used; the message says why."""


@dataclass(frozen=True)
class PinCheck:
    """The outcome of one attempt: `ok`, or how long to wait before the next one may be tried."""

    ok: bool
    wait_seconds: float = 0.0
    message: str = ""


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)


def check_pin_format(pin: str) -> None:
    """Raise PinError unless the PIN is at least 6 digits, or a passphrase of at least 10 characters."""
    if len(pin) > MAX_LENGTH:
        raise PinError(f"Please keep the PIN to {MAX_LENGTH} characters.")
    if any(not ch.isprintable() for ch in pin):
        raise PinError("The PIN holds characters that cannot be typed again; please choose another.")
    if pin.isascii() and pin.isdigit():
        if len(pin) < MIN_DIGITS:
            raise PinError(f"A PIN of digits needs at least {MIN_DIGITS} digits.")
        return
    if len(pin.strip()) < MIN_PASSPHRASE:
        raise PinError(f"Use at least {MIN_DIGITS} digits, or a passphrase of at least {MIN_PASSPHRASE} characters.")


class StaffPin:
    """Set and check the staff PIN kept (hashed) in the store's settings."""

    def __init__(self, store: SessionStore, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock

    def is_set(self) -> bool:
        """True once a PIN has been chosen."""
        return self.store.get_setting(PIN_SETTING) is not None

    def set_pin(self, pin: str) -> None:
        """Store a new PIN as salt + scrypt hash (the PIN itself is never stored)."""
        check_pin_format(pin)
        self._store_hash(pin)
        self.store.set_setting(ATTEMPTS_SETTING, {"failures": 0, "locked_until": 0.0})

    def _store_hash(self, pin: str) -> None:
        salt = secrets.token_bytes(16)
        digest = _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        self.store.set_setting(
            PIN_SETTING,
            {"scheme": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": salt.hex(), "hash": digest.hex()},
        )

    def _attempts(self) -> tuple[int, float]:
        state = self.store.get_setting(ATTEMPTS_SETTING) or {}
        return int(state.get("failures", 0)), float(state.get("locked_until", 0.0))

    def wait_seconds(self) -> float:
        """Seconds before the next attempt is accepted (0 when one may be tried now)."""
        _failures, locked_until = self._attempts()
        return max(0.0, locked_until - self.clock())

    def wait_message(self) -> str:
        """What to tell the person while a wait runs ("" when none)."""
        wait = self.wait_seconds()
        return f"Too many wrong PINs. Try again in {int(wait + 0.999)} seconds." if wait > 0 else ""

    def check(self, pin: str) -> PinCheck:
        """Try a PIN. While a wait is running, the PIN is not even compared."""
        record = self.store.get_setting(PIN_SETTING)
        if record is None:
            return PinCheck(False, 0.0, "No staff PIN has been set.")
        wait = self.wait_seconds()
        if wait > 0:
            return PinCheck(False, wait, self.wait_message())
        expected = bytes.fromhex(record["hash"])
        actual = _hash(pin, bytes.fromhex(record["salt"]), int(record["n"]), int(record["r"]), int(record["p"]))
        if hmac.compare_digest(expected, actual):
            self.store.set_setting(ATTEMPTS_SETTING, {"failures": 0, "locked_until": 0.0})
            if (int(record["n"]), int(record["r"]), int(record["p"])) != (SCRYPT_N, SCRYPT_R, SCRYPT_P):
                self._store_hash(pin)  # a hash from an older, cheaper setting: replaced now the PIN is known
            return PinCheck(True)
        failures = self._attempts()[0] + 1
        # Three are forgiven; the fourth waits 2 s, the fifth 4 s, … (docs/kiosk.md).
        wait = 0.0 if failures <= FREE_ATTEMPTS else min(MAX_WAIT_SECONDS, 2.0 ** (failures - FREE_ATTEMPTS))
        self.store.set_setting(ATTEMPTS_SETTING, {"failures": failures, "locked_until": self.clock() + wait})
        if wait:
            return PinCheck(False, wait, f"Wrong PIN. Try again in {int(wait + 0.999)} seconds.")
        return PinCheck(False, 0.0, "Wrong PIN.")
