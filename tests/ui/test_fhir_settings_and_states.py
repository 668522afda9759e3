"""Staff set the clinic's FHIR server in the window; the session list shows each session's way to it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from hipdesk.actions.fhir_sending import server_config
from hipdesk.storage.outbox import Outbox
from hipdesk.ui.context import UiContext
from hipdesk.ui.library_view import COLUMNS, SessionLibrary
from hipdesk.ui.server_settings import ServerSettingsView
from tests.ui.test_library_view import CLINIC, add

SHOTS = Path(__file__).resolve().parents[2] / "shots"


def test_an_unsafe_address_is_explained_next_to_the_field_and_not_stored(window, qtbot) -> None:
    window.server_action.trigger()
    view = window.views.currentWidget()
    assert isinstance(view, ServerSettingsView)
    view.address.setText("http://fhir.clinic.example/r4")
    view.token.setText("abc")
    view.save_button.click()
    assert view.address_error.isVisible()
    assert "https://" in view.address_error.text()
    assert server_config(window.ctx.store) is None
    assert view.status.text() == "Sending is off."

    with qtbot.waitSignal(window.send_requested, timeout=1000):
        view.address.setText("https://fhir.clinic.example/r4")
        view.save_button.click()
    assert not view.address_error.isVisible()
    assert server_config(window.ctx.store).base_url == "https://fhir.clinic.example/r4"  # type: ignore[union-attr]
    assert view.status.text().startswith("Sent: 0. Waiting: 0. Refused: 0")
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "fhir-server-settings.png"))
    view.back_button.click()
    assert window.current_page_id() == "start"


def test_the_session_list_shows_sent_waiting_and_refused_with_the_reason(qtbot, store, questionnaire) -> None:
    ctx = UiContext(questionnaire, store)
    sent, waiting, refused, local = (add(ctx.store, questionnaire, f"2026-03-0{n}", name=f"P{n}", **CLINIC)
                                     for n in range(1, 5))
    outbox = Outbox(ctx.store)
    for session_id in (sent, waiting, refused):
        outbox.queue(session_id)
    outbox.mark_sent(sent, "QuestionnaireResponse/1")
    outbox.mark_retry(waiting, "no answer from the server: [Errno 111] Connection refused", 0)
    outbox.mark_refused(refused, "HTTP 412: Multiple resources found matching condition")
    view = SessionLibrary(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    model = view.table.model()
    column = COLUMNS.index("delivery")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Clinic server"
    cells = {model.index(r, 1).data(): model.index(r, column) for r in range(model.rowCount())}
    assert cells["P1"].data() == "Sent"
    assert cells["P2"].data() == "Waiting"
    assert cells["P3"].data() == "Refused"
    assert cells["P3"].data(Qt.ItemDataRole.ToolTipRole) == "HTTP 412: Multiple resources found matching condition"
    assert cells["P4"].data() == ""  # finished before a server was set: never queued
    assert not view.resend_button.isVisible()

    view.table.selectRow(cells["P3"].row())
    assert view.delivery.text() == "Clinic server: Refused. HTTP 412: Multiple resources found matching condition"
    assert view.resend_button.isVisible()
    SHOTS.mkdir(exist_ok=True)
    view.grab().save(str(SHOTS / "fhir-library-states.png"))
    with qtbot.waitSignal(view.send_requested, timeout=1000):
        view.resend_button.click()
    assert outbox.delivery(refused).state == "waiting"  # type: ignore[union-attr]
    cells = {model.index(r, 1).data(): model.index(r, column) for r in range(model.rowCount())}
    assert cells["P3"].data() == "Waiting"

    view.table.selectRow(cells["P2"].row())
    assert view.delivery.text() == "Clinic server: Waiting. no answer from the server: [Errno 111] Connection refused"
