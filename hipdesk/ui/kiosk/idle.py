"""Notices when nobody has touched the kiosk for a while: first a warning with a countdown, then expiry.

Any key, click, touch or mouse movement anywhere in the application restarts the wait (and cancels a
warning). Times are constructor arguments so tests run in milliseconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """`warning(seconds_left)` each tick of the countdown, `cancelled` on input during it, then `expired`."""

    warning = Signal(int)
    cancelled = Signal()
    expired = Signal()

    def __init__(self, idle_ms: int, warning_seconds: int = 30, tick_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.warning_seconds = warning_seconds
        self.seconds_left = 0
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._start_warning)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._count_down)
        self._running = False

    def start(self) -> None:
        """Begin watching the whole application's input."""
        app = QApplication.instance()
        if app is not None and not self._running:
            app.installEventFilter(self)
        self._running = True
        self._idle.start()

    def stop(self) -> None:
        """Stop watching (the staff left kiosk mode)."""
        app = QApplication.instance()
        if app is not None and self._running:
            app.removeEventFilter(self)
        self._running = False
        self._idle.stop()
        self._tick.stop()

    def set_idle_ms(self, idle_ms: int) -> None:
        """Change the wait (a staff setting); counts from now."""
        self._idle.setInterval(idle_ms)
        if self._running and not self.warning_active:
            self._idle.start()

    @property
    def idle_ms(self) -> int:
        """The wait before the warning."""
        return int(self._idle.interval())

    @property
    def warning_active(self) -> bool:
        """True while the countdown runs."""
        return self._tick.isActive()

    def activity(self) -> None:
        """Someone is there: restart the wait, and cancel a running warning."""
        if not self._running:
            return
        if self.warning_active:
            self._tick.stop()
            self.cancelled.emit()
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY_EVENTS:
            self.activity()
        return False

    def _start_warning(self) -> None:
        self.seconds_left = self.warning_seconds
        self._tick.start()
        self.warning.emit(self.seconds_left)

    def _count_down(self) -> None:
        self.seconds_left -= 1
        if self.seconds_left > 0:
            self.warning.emit(self.seconds_left)
            return
        self._tick.stop()
        self.expired.emit()
        if self._running:
            self._idle.start()
