"""The 30-second single-leg stance countdown: Start, Stop, a clear signal at the end, and the time held."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hipdesk.content.exam_tests import STANCE_TARGET_S, ExamTexts

Clock = Callable[[], float]



class StanceTimer(QWidget):
    """Counts down from 30 s. `held(seconds)` fires when the person stops or the time is up.

    The clock is injectable (a callable returning seconds) so tests drive time without sleeping;
    the display is refreshed by a QTimer whose `timeout` tests may also wait on.
    """

    started = Signal()
    held = Signal(float)
    target_reached = Signal()

    def __init__(self, texts: ExamTexts, name: str, clock: Clock = time.monotonic,
                 beep: Callable[[], None] = QApplication.beep, target_s: float = STANCE_TARGET_S,
                 tick_ms: int = 100, spoken: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.clock = clock
        self.beep = beep
        self.target_s = target_s
        self.setObjectName(name)
        self._started_at: float | None = None
        self.held_s: float | None = None

        self.ticker = QTimer(self)
        self.ticker.setInterval(tick_ms)
        self.ticker.timeout.connect(self.tick)

        self.start_button = QPushButton(texts.timer_start)
        self.start_button.setObjectName(f"{name}__start")
        self.stop_button = QPushButton(texts.timer_stop)
        self.stop_button.setObjectName(f"{name}__stop")
        self.stop_button.setEnabled(False)
        if spoken:
            self.name_for(spoken)
        self.display = QLabel()
        self.display.setObjectName(f"{name}__display")
        self.display.setMinimumWidth(90)
        self.result_label = QLabel()
        self.result_label.setObjectName(f"{name}__held")
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)

        self.display.setWordWrap(True)  # the end-of-time message is large: it wraps rather than being cut
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.display, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self.set_held(None)

    def name_for(self, spoken: str) -> None:
        """Say which check and side: "One-leg stance, your left: Start" rather than two buttons called "Start"."""
        self.start_button.setAccessibleName(f"{spoken}: {self.texts.timer_start}")
        self.stop_button.setAccessibleName(f"{spoken}: {self.texts.timer_stop}")

    # -- state ------------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True while the countdown runs."""
        return self._started_at is not None

    def elapsed(self) -> float:
        """Seconds since Start (0 when not running)."""
        if self._started_at is None:
            return 0.0
        return max(0.0, self.clock() - self._started_at)

    def start(self) -> None:
        """Begin the countdown (again, if it was run before)."""
        self._started_at = self.clock()
        self.held_s = None
        had_focus = self.start_button.hasFocus()
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        if had_focus:  # the next Space stops the countdown (instead of reaching whatever comes after Start)
            self.stop_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.display.setProperty("role", "running")
        self._restyle_display()
        self.result_label.clear()
        self.ticker.start()
        self.tick()
        self.started.emit()

    def stop(self) -> None:
        """The person put their foot down: record the time held."""
        if self._started_at is not None:
            self._finish(min(self.elapsed(), self.target_s), reached=False)

    def abort(self) -> None:
        """Stop without recording (the session closed, or the page was cleared)."""
        self.ticker.stop()
        self._started_at = None
        had_focus = self.stop_button.hasFocus()
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if had_focus:  # keep the keyboard here: Space starts a new try
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _restyle_display(self) -> None:
        """Apply the window style sheet's look for the display's role (running / done / plain)."""
        style = self.display.style()
        style.unpolish(self.display)
        style.polish(self.display)

    def tick(self) -> None:
        """Refresh the countdown; at the target time, signal clearly and record it."""
        if self._started_at is None:
            return
        elapsed = self.elapsed()
        if elapsed >= self.target_s:
            self._finish(self.target_s, reached=True)
            return
        left = int(self.target_s - elapsed + 0.999)  # 29.2 s left reads "30 s left", never "0 s" too early
        self.display.setText(self.texts.timer_remaining.format(seconds=left))

    def _finish(self, held_s: float, reached: bool) -> None:
        self.abort()
        self.held_s = round(held_s, 1)
        if reached:
            self.display.setText(self.texts.timer_done.format(target=int(self.target_s)))
            self.display.setProperty("role", "done")
            self._restyle_display()
            self.beep()
        else:
            self.display.setProperty("role", "")
            self._restyle_display()
            self.display.setText(self.texts.timer_ready.format(target=int(self.target_s)))
        self.result_label.setText(self.texts.timer_held.format(seconds=_seconds(self.held_s)))
        # Screen readers hear the end and the time held, not every tick of the countdown.
        self.display.setAccessibleName(self.display.text())
        self.setAccessibleDescription(self.result_label.text())
        if reached:
            self.target_reached.emit()
        self.held.emit(self.held_s)

    def set_held(self, held_s: float | None) -> None:
        """Show a stored time held (None: not timed yet) without emitting anything."""
        self.abort()
        self.held_s = held_s
        self.display.setProperty("role", "")
        self._restyle_display()
        self.display.setText(self.texts.timer_ready.format(target=int(self.target_s)))
        if held_s is None:
            self.result_label.setText(self.texts.timer_not_started)
        else:
            self.result_label.setText(self.texts.timer_held.format(seconds=_seconds(held_s)))


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
