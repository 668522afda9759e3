"""A library whose summaries are out of date (sessions stored by an older import-answers): how long until it shows.

    python benchmarks/library_stale.py [SESSIONS]    (default 2000)

Prints the time `SessionLibrary.refresh()` takes to return with the list on screen (the summaries are then
filled by a worker), the worker's time for all of them, and, for comparison, filling them all on the
window's thread as HipDesk did before.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from hipdesk.assessment.engine import assess  # noqa: E402
from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.library import sessions as library  # noqa: E402
from hipdesk.session import Session  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.context import UiContext  # noqa: E402
from hipdesk.ui.library_view import SessionLibrary  # noqa: E402


def stale_store(folder: Path, count: int) -> SessionStore:
    store = SessionStore(folder / "hipdesk.db")
    for n in range(count):
        store.save_whole_session(Session(status="complete", created_at="2026-11-20T09:00:00+00:00",
                                         finished_at="2026-11-20T10:00:00+00:00",
                                         answers={"name": f"Runner {n}", "age": 40, "pain_now": 3}))
    return store


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    app = QApplication.instance() or QApplication([])
    questionnaire = load_questionnaire()
    with tempfile.TemporaryDirectory() as folder:
        store = stale_store(Path(folder), count)
        view = SessionLibrary(UiContext(questionnaire, store), assess=assess)
        view.resize(1024, 600)
        view.show()
        started = time.perf_counter()
        view.refresh()
        app.processEvents()
        shown = time.perf_counter() - started
        assert view.worker is not None
        view.worker.wait()
        filled = time.perf_counter() - started
        store.close()
    with tempfile.TemporaryDirectory() as folder:
        store = stale_store(Path(folder), count)
        started = time.perf_counter()
        library.refresh_stale(store, questionnaire, assess)
        at_once = time.perf_counter() - started
        store.close()
    print(f"{count} stale summaries: list shown after {shown * 1000:.0f} ms, filled by the worker in {filled:.1f} s; "
          f"filling them on the window's thread (before) took {at_once:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
