"""Library summaries brought up to date in a worker thread, so a list with many stale rows opens at once.

The worker has its own database connection (a sqlite3 connection belongs to its thread); each session's
summary is its own short transaction, so the window's autosave goes on between them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.library.sessions import AssessFunction
from hipdesk.storage.store import SessionStore, StoreError

#: Up to this many stale summaries are filled at once on the window's thread (about 1 ms each).
AT_ONCE = 20


class SummaryWorker(QThread):
    """Fills the stale summaries of `session_ids`; `progress(done, total)` now and then, `done_filling(done)` at the end."""

    progress = Signal(int, int)
    done_filling = Signal(int)

    def __init__(self, db_path: Path, questionnaire: Questionnaire, session_ids: list[int],
                 assess: AssessFunction | None, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.db_path = db_path
        self.questionnaire = questionnaire
        self.session_ids = session_ids
        self.assess = assess
        self.error: str | None = None

    def run(self) -> None:  # the worker thread
        done = 0
        try:
            store = SessionStore(self.db_path)
        except StoreError as error:
            self.error = str(error)
            self.done_filling.emit(0)
            return
        try:
            total = len(self.session_ids)
            for session_id in self.session_ids:
                if self.isInterruptionRequested():
                    break
                library.refresh_summary(store, self.questionnaire, session_id, self.assess)
                done += 1
                if done % 25 == 0 or done == total:
                    self.progress.emit(done, total)
        except StoreError as error:
            self.error = str(error)
        finally:
            store.close()
        self.done_filling.emit(done)



#: Workers still running: referenced (a QThread must not be collected while it runs), waited for at quit.
_RUNNING: set[SummaryWorker] = set()


def keep_running(worker: SummaryWorker) -> None:
    """Hold on to `worker` until it ends; the first one also makes the application wait for them at quit."""
    app = QCoreApplication.instance()
    if not _RUNNING and app is not None:
        app.aboutToQuit.connect(stop_workers)
    _RUNNING.add(worker)
    worker.finished.connect(lambda: _RUNNING.discard(worker))


def stop_workers() -> None:
    """Ask every running worker to stop after its current session, and wait for it."""
    for worker in list(_RUNNING):
        worker.requestInterruption()
        worker.wait()
