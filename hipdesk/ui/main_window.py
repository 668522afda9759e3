"""The main window: the assessment wizard and the session library, with the menu bar.

One style sheet for the whole window (hipdesk/ui/theme.py): a style sheet per widget costs start-up time.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from hipdesk.content.loader import content_text
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.resources import resource_path
from hipdesk.storage.logs import logger
from hipdesk.storage.settings import COLOURS_SETTING, GEOMETRY_SETTING, TEXT_SIZE_SETTING
from hipdesk.storage.store import SessionStore, StoreError
from hipdesk.ui import theme
from hipdesk.ui.context import UiContext
from hipdesk.ui.menus import build_menus
from hipdesk.ui.theme import LIGHT, TEXT_SIZES, Colours, apply_view, style_sheet
from hipdesk.ui.wizard import AssessmentWizard

if TYPE_CHECKING:  # (Qt's event classes cost start-up time: PySide builds QEvent's ~180-member enum)
    from PySide6.QtGui import QCloseEvent

    from hipdesk.library.sessions import AssessFunction
    from hipdesk.ui.done_screen import DoneScreen
    from hipdesk.ui.export_bar import SessionExporter
    from hipdesk.ui.library_view import SessionLibrary
    from hipdesk.ui.server_settings import ServerSettingsView

MIN_WIDTH, MIN_HEIGHT = 640, 440  # fits 1024 × 600 and 1920 × 1080 at 200 % (960 × 540); the page scrolls


def remembered_geometry(stored: object) -> bytes | None:
    """The window geometry kept in the settings (base64 of Qt's saveGeometry), or None when there is none or it
    cannot be read: then the window takes its default size (a damaged setting must not stop the start)."""
    if not isinstance(stored, str):
        return None
    try:
        return base64.b64decode(stored)
    except ValueError:  # not base64 (binascii.Error), or not ASCII
        return None


class MainWindow(QMainWindow):
    """HipDesk's one window."""

    kiosk_requested = Signal()
    send_requested = Signal()  # the FHIR server was set, or a session queued again: the sender tries at once

    def __init__(self, questionnaire: Questionnaire, store: SessionStore, kiosk: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipDesk")
        self.setObjectName("mainWindow")
        self.ctx = UiContext(questionnaire, store, kiosk=kiosk)
        self.colours: Colours = LIGHT
        self.text_size = 100
        self.colour_choice = "system"
        self._apply_view(self._setting(COLOURS_SETTING, "system"), self._setting(TEXT_SIZE_SETTING, 100))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self._place_on_screen()
        # The style sheet and the window's frame first, then the first page inside them: built anywhere else, the
        # page would be styled and laid out once for nothing before it is restyled in the window.
        self.setStyleSheet(style_sheet(self.colours, self.text_size))
        self.views = QStackedWidget()
        self.setCentralWidget(self.views)
        self.wizard = AssessmentWizard(self.ctx, self.views)
        self.views.addWidget(self.wizard)
        self._assess: AssessFunction | None = None
        self._assess_loaded = False
        self.library: SessionLibrary | None = None  # built when first opened, to start fast
        self.library_export: SessionExporter | None = None  # the library's "Export PDF", made when first used
        self.done: DoneScreen | None = None  # after Finish: what was saved and where (built on first Finish)
        self.actions_ = build_menus(self, content_text(resource_path("library.json"), "texts", "title"))
        self.sessions_action = self.actions_["sessionsAction"]
        self.kiosk_action = self.actions_["kioskAction"]
        self.server_action = self.actions_["serverAction"]
        self.server_settings: ServerSettingsView | None = None  # built when first opened
        self.sessions_action.setVisible(not kiosk)  # kiosk: past sessions only after a staff PIN
        self.server_action.setVisible(not kiosk)
        self.actions_[f"colours_{self.colour_choice}"].setChecked(True)
        self._windows: dict[str, QDialog] = {}  # the user guide and About, built when first opened
        hints = QApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_colours_changed)
        self.wizard.page_changed.connect(lambda _page: self._refresh_summary(self.wizard.editor.session_id
                                                                             if self.wizard.editor else None))
        self.wizard.session_finished.connect(self.show_done)

    # -- view: colours, text size, place on screen ------------------------------------------------
    def _setting(self, key: str, default: object) -> object:
        try:
            return self.ctx.store.get_setting(key, default)
        except StoreError:
            return default

    def _remember(self, key: str, value: object) -> None:
        if not self.ctx.store.is_open:  # closed at the end of the run, before the window
            return
        try:
            self.ctx.store.set_setting(key, value)
        except StoreError as error:  # only the preference is lost
            logger.warning("setting %s not saved: %s", key, error)

    def _apply_view(self, colours: object, percent: object) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.colour_choice = theme.colour_choice(colours)
        self.text_size = theme.text_size(percent)
        self.colours = apply_view(app, self.colour_choice, self.text_size)

    def _restyle(self) -> None:
        self._apply_view(self.colour_choice, self.text_size)
        self.setStyleSheet(style_sheet(self.colours, self.text_size))

    def set_text_size(self, percent: int) -> None:
        """Text size in percent of the system's (View menu, Ctrl++ / Ctrl+- / Ctrl+0); remembered."""
        self.text_size = max(TEXT_SIZES[0], min(TEXT_SIZES[-1], percent))
        self._restyle()
        self._remember(TEXT_SIZE_SETTING, self.text_size)

    def step_text_size(self, step: int) -> None:
        """One size larger (+1) or smaller (-1)."""
        sizes = list(TEXT_SIZES)
        index = min(range(len(sizes)), key=lambda i: abs(sizes[i] - self.text_size))
        self.set_text_size(sizes[max(0, min(len(sizes) - 1, index + step))])

    def set_colours(self, choice: str) -> None:
        """Follow the system's colour scheme, or light, dark or high contrast (View → Colours); remembered."""
        self.colour_choice = theme.colour_choice(choice)
        self._restyle()
        self.actions_[f"colours_{self.colour_choice}"].setChecked(True)
        self._remember(COLOURS_SETTING, self.colour_choice)

    def _system_colours_changed(self, *_args: object) -> None:
        theme.ask_qt_for_scheme()
        if self.colour_choice == "system":
            self._restyle()

    def check_system_colours(self) -> None:
        """Once the first page is up: ask Qt for the desktop's colour scheme; restyle only if the guess was wrong."""
        theme.ask_qt_for_scheme()
        if self.colour_choice == "system" and theme.colours_for("system") != self.colours:
            self._restyle()

    def _place_on_screen(self) -> None:
        """The remembered size and place, else 1024 × 700 or what the screen has room for."""
        geometry = remembered_geometry(self._setting(GEOMETRY_SETTING, None))
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1024, 700
        if room is not None:
            width, height = min(width, room.width()), min(height, room.height() - 40)  # 40: the title bar
        self.resize(max(width, MIN_WIDTH), max(height, MIN_HEIGHT))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Remember the window's size and place for the next start."""
        self._remember(GEOMETRY_SETTING, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        for window in self._windows.values():
            window.close()
        super().closeEvent(event)

    # -- menu actions -----------------------------------------------------------------------------
    def new_session(self) -> None:
        """Start over on the first page with nothing filled in; the session on screen stays a saved draft."""
        self.wizard.close_session()
        self.show_wizard()

    def import_answers(self) -> None:
        """Open an answers file as a new session (the start page's import, from File → Import)."""
        self.show_wizard()
        start = self.wizard.page_at(0)
        importer = getattr(start, "import_answers", None)
        if importer is not None:
            importer()

    def _export_current(self, export: str) -> bool:
        """Save or print the report of the session on screen through the same export as the summary page."""
        editor = self.wizard.editor
        if editor is None:
            self.ctx.inform(self, "No report yet", "Answer the first questions first: there is no session to export yet.")
            return False
        exporter = self.library_exporter()
        return exporter.save_pdf(editor.session) if export == "pdf" else exporter.print_report(editor.session)

    def save_pdf(self) -> bool:
        """File → Save report as PDF (Ctrl+S)."""
        return self._export_current("pdf")

    def print_report(self) -> bool:
        """File → Print report (Ctrl+P)."""
        return self._export_current("print")

    def _show_window(self, name: str) -> QDialog:
        window = self._windows.get(name)
        if window is None:
            from hipdesk.ui.help_windows import AboutWindow, UserGuide  # built on first use: start-up stays fast

            window = UserGuide(self) if name == "guide" else AboutWindow(self)
            self._windows[name] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def install_desktop_entry(self) -> bool:
        """Help → Add to the applications menu: the freedesktop entry and icons for this user."""
        from hipdesk.actions.desktop import install_desktop_entry

        try:
            written = install_desktop_entry()
        except OSError as error:
            self.ctx.inform(self, "Not added to the menu", f"The menu entry could not be written: {error}")
            return False
        self.ctx.inform(self, "Added to the applications menu",
                        f"HipDesk is now in your desktop's applications menu ({written[0]}).")
        return True

    def show_user_guide(self) -> QDialog:
        """Help → User guide (F1)."""
        return self._show_window("guide")

    def show_about(self) -> QDialog:
        """Help → About: version and third-party licences."""
        return self._show_window("about")

    @property
    def assess(self) -> AssessFunction | None:
        """The assessment engine for the library's columns, loaded on first use so the first page shows sooner."""
        if not self._assess_loaded:
            from hipdesk.assessment import engine_assess

            self._assess = engine_assess()
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
            # The PDF is made in the background: the status bar says so, then where it was saved.
            self.library_export.progress.connect(lambda doing: self.statusBar().showMessage(doing))
            self.library_export.status.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        return self.library_export

    # -- after Finish ----------------------------------------------------------------------------
    def show_done(self, session_id: int) -> DoneScreen:
        """What was saved and where, with the next steps (the wizard behind it is already empty)."""
        from hipdesk.ui.done_screen import DoneScreen  # built on the first Finish: start-up stays fast

        if self.done is None:
            self.done = DoneScreen()
            self.done.pdf_requested.connect(self._done_pdf)
            self.library_exporter().exported.connect(self._done_exported)
            self.done.sessions_requested.connect(self.show_library)
            self.done.new_requested.connect(self.show_wizard)
            self.views.addWidget(self.done)
        exported = [path for page in self.wizard.pages for path in getattr(getattr(page, "export_bar", None), "saved", [])]
        session = self.ctx.store.load_session(session_id)
        name = " ".join(str(session.answers.get("name") or "").split())
        self.done.show_session(session_id, name, session.finished_at or session.updated_at, self.ctx.store.path, exported)
        self.views.setCurrentWidget(self.done)
        return self.done

    def _done_pdf(self, session_id: int) -> None:
        self.export_session_pdf(session_id)  # made in the background; `_done_exported` tells where it went

    def _done_exported(self, kind: str, where: str) -> None:
        if kind == "pdf" and self.done is not None and self.views.currentWidget() is self.done:
            self.done.show_pdf_saved(f"Saved: {where}")

    def _session_deleted(self, session_id: int) -> None:
        editor = self.wizard.editor
        if editor is not None and editor.session_id == session_id:
            self.wizard.close_session()
