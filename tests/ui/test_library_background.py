"""A library with many stale summaries opens at once and fills them in a worker, with progress (issue 17)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hipdesk.assessment.engine import assess
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library import sessions as library
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore
from hipdesk.ui.context import UiContext
from hipdesk.ui.library_view import COLUMNS, SessionLibrary
from hipdesk.ui.summary_worker import AT_ONCE


def _stale_sessions(store: SessionStore, count: int) -> None:
    """Sessions stored the way an older import-answers did: no summary columns filled."""
    for n in range(count):
        store.save_whole_session(Session(status="complete", finished_at="2026-11-20T10:00:00+00:00",
                                         created_at="2026-11-20T09:00:00+00:00",
                                         answers={"name": f"Runner {n:03d}", "age": 40, "pain_now": 3}))


def test_many_stale_summaries_are_filled_in_the_background(qtbot, store: SessionStore,
                                                          questionnaire: Questionnaire) -> None:
    count = AT_ONCE * 3
    _stale_sessions(store, count)
    assert len(library.stale_session_ids(store)) == count
    view = SessionLibrary(UiContext(questionnaire, store), assess=assess)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    view.refresh()
    assert view.model.rowCount() == count, "the list is shown at once, before the summaries are filled"
    progress = view.findChild(QLabel, "libraryProgress")
    assert progress.isVisible() and f"of {count} sessions" in progress.text()
    assert view.worker is not None
    assert view.worker.wait(60_000)
    qtbot.waitUntil(lambda: not view.findChild(QLabel, "libraryProgress").isVisible(), timeout=10_000)
    assert library.stale_session_ids(store) == []
    names = [view.model.index(r, COLUMNS.index("person")).data() for r in range(view.model.rowCount())]
    assert "Runner 000" in names
    triage = [view.model.index(r, COLUMNS.index("triage")).data() for r in range(view.model.rowCount())]
    assert all(t and t != "–" for t in triage)


def test_a_few_stale_summaries_are_filled_at_once(qtbot, store: SessionStore, questionnaire: Questionnaire) -> None:
    _stale_sessions(store, 3)
    view = SessionLibrary(UiContext(questionnaire, store), assess=assess)
    qtbot.addWidget(view)
    view.refresh()
    assert library.stale_session_ids(store) == [] and view.worker is None
