"""Export work off the GUI thread: one job at a time on Qt's thread pool, its outcome delivered back as signals.

The job gets its own database connection (an SQLite connection belongs to the thread that opened it) and a
copy of the session, so that the person can go on editing while the report is made.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from hipdesk.storage.store import SessionStore

#: The GIL switch interval while a job runs (Python's default is 5 ms). A job is CPU-bound Python (reportlab) and
#: holds the GIL; every event Qt sends to a widget written in Python (an override, an event filter) waits for it,
#: up to one interval each. With a busy bar animating, 5 ms a wait let events queue faster than they were handled
#: and the window stopped answering for the whole job (the kiosk test saw no timer tick for 0.5 s, 1 run in 5).
JOB_SWITCH_INTERVAL = 0.0005
_running_jobs = 0
_usual_interval = sys.getswitchinterval()


def _job_started() -> None:
    global _running_jobs, _usual_interval
    if _running_jobs == 0:
        _usual_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(_usual_interval, JOB_SWITCH_INTERVAL))
    _running_jobs += 1


def _job_ended() -> None:
    global _running_jobs
    _running_jobs = max(_running_jobs - 1, 0)
    if _running_jobs == 0:
        sys.setswitchinterval(_usual_interval)


#: The work: gets a store of its own (None when the app's store has no file) and returns a result for the GUI.
Work = Callable[[SessionStore | None], Any]


class _Outcome(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call into the GUI thread's event loop."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, db_path: Path | None, outcome: _Outcome) -> None:
        super().__init__()
        self.work = work
        self.db_path = db_path
        self.outcome = outcome

    def run(self) -> None:
        store: SessionStore | None = None
        try:
            store = SessionStore(self.db_path) if self.db_path is not None else None
            result = self.work(store)
        except Exception as error:  # noqa: BLE001 - every failure is told to the person by the GUI thread
            self.outcome.failed.emit(error)
        else:
            self.outcome.done.emit(result)
        finally:
            if store is not None:
                store.close()


class ExportWorker(QObject):
    """Runs one export job at a time in the background. `finished(result)` or `failed(error)` in the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, db_path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._outcome: _Outcome | None = None

    def busy(self) -> bool:
        """True while a job runs."""
        return self._outcome is not None

    def start(self, work: Work) -> bool:
        """Start `work` in the background; False (nothing started) while another job runs."""
        if self._outcome is not None:
            return False
        outcome = _Outcome()
        outcome.done.connect(self._done)
        outcome.failed.connect(self._failed)
        self._outcome = outcome
        _job_started()
        QThreadPool.globalInstance().start(_Job(work, self.db_path, outcome))
        return True

    def _done(self, result: object) -> None:
        self._outcome = None
        _job_ended()
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._outcome = None
        _job_ended()
        self.failed.emit(error)
