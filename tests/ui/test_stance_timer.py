"""The 30-s countdown on its own: buttons, rounding, the end signal, and a second run."""

from __future__ import annotations

from hipdesk.content.exam_tests import load_exam_catalog
from hipdesk.ui.stance_timer import StanceTimer


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


def test_countdown_buttons_end_signal_and_restart(qtbot) -> None:
    clock, beeps, held = FakeClock(), [], []
    timer = StanceTimer(load_exam_catalog().texts, "t", clock=clock, beep=lambda: beeps.append(1))
    qtbot.addWidget(timer)
    timer.held.connect(held.append)
    assert timer.result_label.text() == "Not timed yet"
    assert timer.start_button.isEnabled() and not timer.stop_button.isEnabled()
    timer.tick()  # not started: nothing happens
    assert held == []

    timer.start_button.click()
    assert not timer.start_button.isEnabled() and timer.stop_button.isEnabled()
    clock.now += 0.4
    timer.tick()
    assert timer.display.text() == "30 s left"  # never shows a second less than is left
    clock.now += 29.0
    timer.tick()
    assert timer.display.text() == "1 s left" and beeps == []
    clock.now += 0.6
    with qtbot.waitSignal(timer.target_reached, timeout=1000):
        timer.tick()
    assert beeps == [1] and held == [30.0]
    assert timer.display.accessibleName().startswith("30 seconds: done")

    timer.start_button.click()  # a second try starts from 30 again
    assert timer.held_s is None and timer.result_label.text() == ""
    clock.now += 5.0
    timer.stop_button.click()
    assert held == [30.0, 5.0] and beeps == [1]
    assert timer.result_label.text() == "Held for 5 s"
