"""The staff PIN: what may be chosen, what is stored, how wrong PINs slow the next try (docs/kiosk.md)."""

from __future__ import annotations

import pytest

from hipdesk.storage import staff_pin
from hipdesk.storage.staff_pin import ATTEMPTS_SETTING, PIN_SETTING, PinError, StaffPin, check_pin_format
from hipdesk.storage.store import SessionStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("pin", ["1234", "12345", "short pw", "１２３４５６", "abc", "123456\x00", "x" * 129])
def test_weak_or_untypeable_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinError):
        check_pin_format(pin)


@pytest.mark.parametrize("pin", ["123456", "0" * 12, "correct horse battery", "Kennwort für Staff"])
def test_six_digits_or_a_passphrase_are_accepted(pin: str) -> None:
    check_pin_format(pin)


def test_the_stored_cost_is_the_real_one_and_the_pin_is_not_stored(store: SessionStore) -> None:
    StaffPin(store).set_pin("correct horse battery")
    record = store.get_setting(PIN_SETTING)
    assert (record["n"], record["r"], record["p"]) == (2**16, 8, 1)  # 64 MB a guess; time: benchmarks/pin_cost.py
    assert "horse" not in str(record)
    assert StaffPin(store).check("correct horse battery").ok


def test_three_wrong_pins_are_forgiven_then_the_wait_doubles(store: SessionStore,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**10)
    clock = Clock()
    pin = StaffPin(store, clock)
    pin.set_pin("246810")
    waits = []
    for _ in range(7):
        clock.now += pin.wait_seconds()
        waits.append(pin.check("000000").wait_seconds)
    assert waits == [0, 0, 0, 2, 4, 8, 16]
    assert store.get_setting(ATTEMPTS_SETTING)["failures"] == 7
    assert not pin.check("246810").ok, "even the right PIN waits"
    clock.now += 16
    assert pin.check("246810").ok
    assert pin.check("000000").wait_seconds == 0, "a right PIN starts the count again"


def test_an_older_cheaper_hash_is_replaced_at_the_next_right_pin(store: SessionStore,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**10)
    StaffPin(store).set_pin("135790")
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**11)
    assert StaffPin(store).check("135790").ok, "the old setting still checks"
    assert store.get_setting(PIN_SETTING)["n"] == 2**11
    assert StaffPin(store).check("135790").ok
