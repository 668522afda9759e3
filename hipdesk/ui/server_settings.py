"""Staff set the clinic's FHIR server here: base address and bearer token, and see what waits to be sent.

A page of the main window (not a modal dialog). The rules (https, http only to this computer) and the
saving are `hipdesk.actions.fhir_sending`'s; a wrong address is explained next to the field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hipdesk.actions.fhir_sending import configure_server, server_config
from hipdesk.exchange.fhir_client import ServerConfigError
from hipdesk.storage.outbox import Outbox
from hipdesk.storage.store import StoreError
from hipdesk.ui.context import UiContext

INTRO = ("When a clinic FHIR server is set, each session finished from then on is sent to it once, in the "
         "background, and kept here as well. Leave the address empty to send nothing: HipDesk then uses no "
         "network at all.")


class ServerSettingsView(QWidget):
    """The FHIR server settings. `saved` after a change is stored (the sender then tries at once)."""

    saved = Signal()
    closed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("serverSettings")
        title = QLabel("Clinic FHIR server")
        title.setObjectName("pageTitle")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setObjectName("fhirBaseUrl")
        self.address.setPlaceholderText("https://fhir.example-clinic.org/r4")
        self.address_error = QLabel()
        self.address_error.setObjectName("fhirBaseUrlError")
        self.address_error.setProperty("role", "error")
        self.address_error.setWordWrap(True)
        self.address_error.hide()
        self.token = QLineEdit()
        self.token.setObjectName("fhirToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel()
        self.status.setObjectName("fhirOutboxStatus")
        self.status.setWordWrap(True)
        address_box = QVBoxLayout()  # the message sits right under the field it is about
        address_box.setSpacing(2)
        address_box.addWidget(self.address)
        address_box.addWidget(self.address_error)
        form = QFormLayout()
        form.addRow("FHIR base address:", address_box)
        form.addRow("Access token (bearer):", self.token)
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("fhirSave")
        self.save_button.clicked.connect(self.save)
        self.back_button = QPushButton("Back to the &assessment")
        self.back_button.setObjectName("fhirBack")
        self.back_button.clicked.connect(self.closed.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored settings and how many sessions are sent, waiting or refused."""
        config = server_config(self.ctx.store)
        self.address.setText(config.base_url if config else "")
        self.token.setText(config.token if config else "")
        self.address_error.hide()
        self._show_counts()

    def _show_counts(self) -> None:
        counts = Outbox(self.ctx.store).counts()
        if server_config(self.ctx.store) is None:
            self.status.setText("Sending is off.")
            return
        self.status.setText(f"Sent: {counts.get('sent', 0)}. Waiting: {counts.get('waiting', 0)}. "
                            f"Refused: {counts.get('refused', 0)} (the session list shows each one's reason).")

    def save(self) -> bool:
        """Store the settings; a bad address is explained next to the field and nothing is changed."""
        try:
            configure_server(self.ctx.store, self.address.text(), self.token.text())
        except ServerConfigError as error:
            self.address_error.setText(str(error))
            self.address_error.show()
            self.address.setFocus()
            return False
        except StoreError as error:
            self.ctx.inform(self, "Not saved", str(error))
            return False
        self.address_error.hide()
        self._show_counts()
        self.saved.emit()
        return True
