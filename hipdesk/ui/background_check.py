"""The page-by-page check of a big database after an unclean exit, while the person already works.

A daemon thread with its own read-only connection (SQLite lets other threads run meanwhile); the result comes
back to the GUI thread through a queued signal. A closing HipDesk does not wait for it: the next start checks
again, since only a clean exit is remembered as one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from hipdesk.storage.recovery import page_problem

_RUNNING: list[QObject] = []  # keeps the receiver alive until the result is in


class _Result(QObject):
    """Made in the GUI thread, so the signal from the checking thread is queued into the GUI thread."""

    found = Signal(str)

    def __init__(self, on_damage: Callable[[str], None]) -> None:
        super().__init__()
        self.on_damage = on_damage
        self.found.connect(self._deliver)

    def _deliver(self, problem: str) -> None:
        self.on_damage(problem)


def check_in_background(path: Path, on_damage: Callable[[str], None]) -> threading.Thread:
    """Check `path` in a thread; `on_damage(problem)` runs in the GUI thread when it is damaged."""
    result = _Result(on_damage)
    _RUNNING.append(result)

    def work() -> None:
        problem = page_problem(path)
        if problem is not None:
            result.found.emit(problem)

    thread = threading.Thread(target=work, name="hipdesk-page-check", daemon=True)
    thread.start()
    return thread
