"""The main window: the assessment wizard and the session library.

One style sheet for the whole window: a style sheet per widget costs start-up time.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.resources import resource_path
from hipdesk.storage.store import SessionStore
from hipdesk.ui.context import UiContext
from hipdesk.ui.wizard import AssessmentWizard

if TYPE_CHECKING:
    from hipdesk.library.sessions import AssessFunction
    from hipdesk.ui.export_bar import SessionExporter
    from hipdesk.ui.library_view import SessionLibrary
    from hipdesk.ui.server_settings import ServerSettingsView

STYLE = """
#pageTitle { font-size: 18pt; font-weight: 700; }
#helpText { color: #555; }
#stepList { background: #f3f5f8; font-size: 11pt; padding: 6px; qproperty-alignment: AlignTop; }
#disclaimer { background: #fff4d6; border: 1px solid #d9a400; padding: 8px; }
QLabel[role="error"] { color: #b00020; font-weight: 600; }
QLabel[role="section"] { font-weight: 700; margin-top: 8px; }
"""


def _library_title() -> str:
    """The toolbar's name for the session library, read straight from its content file.

    (Importing the library module for one word would slow the start; the module checks the file when it loads.)
    """
    return str(json.loads(resource_path("library.json").read_bytes())["texts"]["title"])


class MainWindow(QMainWindow):
    """HipDesk's one window."""

    kiosk_requested = Signal()
    send_requested = Signal()  # the FHIR server was set, or a session queued again: the sender tries at once

    def __init__(self, questionnaire: Questionnaire, store: SessionStore, kiosk: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipDesk")
        self.setMinimumSize(800, 560)
        self.resize(1024, 700)
        self.ctx = UiContext(questionnaire, store, kiosk=kiosk)
        self.wizard = AssessmentWizard(self.ctx)
        self._assess: AssessFunction | None = None
        self._assess_loaded = False
        self.library: SessionLibrary | None = None  # built when first opened, to start fast
        self.library_export: SessionExporter | None = None  # the library's "Export PDF", made when first used
        self.views = QStackedWidget()
        self.views.addWidget(self.wizard)
        self.setCentralWidget(self.views)
        self.setStyleSheet(STYLE)
        toolbar = self.addToolBar("HipDesk")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        self.sessions_action = toolbar.addAction(_library_title(), self.show_library)
        self.sessions_action.setObjectName("sessionsAction")
        self.kiosk_action = toolbar.addAction("Front-desk kiosk mode…", self.ask_for_kiosk)
        self.kiosk_action.setObjectName("kioskAction")
        self.kiosk_action.setToolTip("Full-screen intake for one patient after another; staff need a PIN to leave")
        self.server_action = toolbar.addAction("Clinic server…", self.show_server_settings)
        self.server_action.setObjectName("serverAction")
        self.server_action.setToolTip("Send finished sessions to the clinic's FHIR server (off until set)")
        self.server_settings: ServerSettingsView | None = None  # built when first opened
        self.sessions_action.setVisible(not kiosk)  # kiosk: past sessions only after a staff PIN (not built yet)
        self.server_action.setVisible(not kiosk)
        self.wizard.page_changed.connect(lambda _page: self._refresh_summary(self.wizard.editor.session_id
                                                                             if self.wizard.editor else None))

    @property
    def assess(self) -> AssessFunction | None:
        """The assessment engine for the library's columns, loaded on first use so the first page shows sooner."""
        if not self._assess_loaded:
            from hipdesk.library.sessions import default_assess

            self._assess = default_assess()
            self._assess_loaded = True
        return self._assess

    def ask_for_kiosk(self) -> bool:
        """Confirm, then ask the application to switch to kiosk mode (it closes this window)."""
        if not self.ctx.ask(self, "Front-desk kiosk mode",
                            "Switch to kiosk mode? HipDesk will fill the screen for one patient after another. "
                            "Staff choose a PIN first; only the PIN leaves kiosk mode, also after a restart."):
            return False
        self.kiosk_requested.emit()
        return True

    def current_page_id(self) -> str:
        """Id of the wizard page on screen."""
        return self.wizard.current_page_id()

    # -- session library --------------------------------------------------------------------------
    def _refresh_summary(self, session_id: int | None) -> None:
        """Keep the library's columns (person, worst pain, triage, top cause) current."""
        if session_id is not None:
            from hipdesk.library.sessions import refresh_summary  # the library's code is loaded once it is needed

            refresh_summary(self.ctx.store, self.ctx.questionnaire, session_id, self.assess)

    def show_library(self) -> SessionLibrary:
        """Switch to the session browser."""
        if self.library is None:
            from hipdesk.ui.library_view import SessionLibrary  # imported on first use: start-up stays fast

            self.library = SessionLibrary(self.ctx, self.assess)
            self.library.back_button.clicked.connect(self.show_wizard)
            self.library.continue_requested.connect(self._continue_session)
            self.library.open_summary_requested.connect(self._open_summary)
            self.library.session_deleted.connect(self._session_deleted)
            self.library.export_requested.connect(self.export_session_pdf)
            self.library.send_requested.connect(self.send_requested.emit)
            self.views.addWidget(self.library)
        self.library.refresh()
        self.views.setCurrentWidget(self.library)
        return self.library

    def show_server_settings(self) -> ServerSettingsView:
        """The clinic FHIR server settings, in place of the wizard."""
        if self.server_settings is None:
            from hipdesk.ui.server_settings import ServerSettingsView  # on first use: start-up stays fast

            self.server_settings = ServerSettingsView(self.ctx)
            self.server_settings.closed.connect(self.show_wizard)
            self.server_settings.saved.connect(self.send_requested.emit)
            self.views.addWidget(self.server_settings)
        self.server_settings.refresh()
        self.views.setCurrentWidget(self.server_settings)
        return self.server_settings

    def show_wizard(self) -> None:
        """Switch back to the assessment."""
        self.views.setCurrentWidget(self.wizard)

    def _continue_session(self, session_id: int) -> None:
        self.wizard.open_session(session_id)
        self.show_wizard()

    def _open_summary(self, session_id: int) -> None:
        self.wizard.open_session(session_id)
        summary = [page.id for page in self.ctx.questionnaire.pages if page.kind == "summary"]
        if summary:
            self.wizard.go_to_page(summary[0])
        self.show_wizard()

    def export_session_pdf(self, session_id: int) -> bool:
        """Save the PDF report of a session chosen in the library (the same export as on the summary page)."""
        from hipdesk.actions.exports import load_stored_session

        return self.library_exporter().save_pdf(load_stored_session(self.ctx.store, session_id))

    def library_exporter(self) -> SessionExporter:
        """The exporter behind the library's "Export PDF", made on first use."""
        if self.library_export is None:
            from hipdesk.ui.export_bar import SessionExporter

            self.library_export = SessionExporter(self.ctx, self)
        return self.library_export

    def _session_deleted(self, session_id: int) -> None:
        editor = self.wizard.editor
        if editor is not None and editor.session_id == session_id:
            self.wizard.close_session()
