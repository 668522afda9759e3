"""Front-desk kiosk: full-screen intake for one patient after another; staff reach the rest with a PIN.

The patient sees only a fresh intake wizard (no earlier sessions, no settings, no file dialogs, no exports)
and cannot close the window. Each patient gets a newly built wizard, so no widget can still hold the
previous patient's answers, and the clipboard is emptied. After idle time a warning counts down; then the
draft is kept for staff and the screen starts over. A session staff open is marked by a banner, and every
way out of it (the banner's buttons, idle, the Staff key, leaving kiosk mode) closes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hipdesk.actions import exports, sessions
from hipdesk.content.kiosk_text import kiosk_text
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.front_desk import attention_count, mark_seen, refresh_triage, session_label, stored_triage
from hipdesk.session import Session
from hipdesk.storage.logs import logger
from hipdesk.storage.settings import (
    COLOURS_SETTING,
    DEFAULT_IDLE_MINUTES,
    IDLE_SETTING,
    KIOSK_SETTING,
    TEXT_SIZE_SETTING,
    WARNING_SECONDS,
)
from hipdesk.storage.staff_pin import StaffPin
from hipdesk.storage.store import SessionStore, StoreError
from hipdesk.ui.context import UiContext
from hipdesk.ui.kiosk.between_patients import export_folder, forget_previous_patient
from hipdesk.ui.kiosk.idle import IdleWatcher
from hipdesk.ui.kiosk.pin_screens import PinEntryScreen, PinSetupScreen
from hipdesk.ui.kiosk.staff_banner import StaffSessionBanner
from hipdesk.ui.kiosk.staff_view import StaffView
from hipdesk.ui.kiosk.thanks_screen import ThanksScreen
from hipdesk.ui.theme import LIGHT, Colours, apply_view, colour_choice, colours_for, style_sheet, text_size
from hipdesk.ui.wizard import AssessmentWizard

if TYPE_CHECKING:
    from hipdesk.ui.export_bar import SessionExporter


def choose_export_path(parent: QWidget | None, suggested: str) -> str | None:
    """The save dialog (staff only), always starting in the documents folder; tests replace `KioskWindow.choose_path`."""
    kind = "PDF report (*.pdf)" if suggested.endswith(".pdf") else "Answers file (*.json)"
    path, _ = QFileDialog.getSaveFileName(parent, "Export", str(export_folder() / suggested), kind)
    return path or None


class KioskWindow(QMainWindow):
    """Screens: PIN setup (first start), intake, thank-you, PIN entry, staff view."""

    left_kiosk = Signal()

    def __init__(self, questionnaire: Questionnaire, store: SessionStore, *, clock: Callable[[], float] = time.time,
                 idle_ms: int | None = None, warning_seconds: int = WARNING_SECONDS, tick_ms: int = 1000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipDesk")
        self.setObjectName("kioskWindow")
        self.text = kiosk_text()
        self.ctx = UiContext(questionnaire, store, kiosk=True)
        self.pin = StaffPin(store, clock)
        self.choose_path: Callable[[QWidget | None, str], str | None] = choose_export_path
        self._may_close = False
        self.wizard: AssessmentWizard | None = None
        self.colours: Colours = LIGHT
        self.colour_choice = colour_choice(self._setting(COLOURS_SETTING, "system"))
        self.text_size = text_size(self._setting(TEXT_SIZE_SETTING, 100))
        self._restyle()
        hints = QApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_colours_changed)

        minutes = int(store.get_setting(IDLE_SETTING, DEFAULT_IDLE_MINUTES))
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, warning_seconds, tick_ms, self)
        self.idle.warning.connect(self._show_idle_warning)
        self.idle.cancelled.connect(self._hide_idle_warning)
        self.idle.expired.connect(self._idle_expired)

        self.pin_setup = PinSetupScreen(self.pin, self.text)
        self.pin_setup.pin_set.connect(self._pin_chosen)
        self.intake = QWidget()
        self.intake.setObjectName("intakeScreen")
        self._return_to: QWidget = self.intake  # where Cancel / Back on the PIN and staff screens lead
        self.intake_layout = QVBoxLayout(self.intake)
        self.intake_layout.setContentsMargins(0, 0, 0, 0)
        self.staff_banner = StaffSessionBanner(self.text)
        self.staff_banner.close_requested.connect(self.close_staff_session)
        self.intake_layout.addWidget(self.staff_banner)
        self.thanks = ThanksScreen(self.text)
        self.thanks.next_person.connect(self._next_person)
        self.pin_entry = PinEntryScreen(self.pin, self.text)
        self.pin_entry.unlocked.connect(self.show_staff_view)
        self.pin_entry.cancelled.connect(self._leave_staff)
        self.staff = StaffView(store, self.text, minutes)
        self.staff.back_requested.connect(self._leave_staff)
        self.staff.exam_requested.connect(self.open_for_exam)
        self.staff.export_requested.connect(self.export_session)
        self.staff.pdf_requested.connect(self.export_pdf)
        self.staff.seen_requested.connect(self.mark_seen)
        self.staff.delete_requested.connect(self.delete_session)
        self.staff.leave_requested.connect(self.leave_kiosk)
        self.staff.idle_minutes_changed.connect(self._set_idle_minutes)
        self._exporter: SessionExporter | None = None
        self._exporting = 0  # the session whose file is being made

        self.stack = QStackedWidget()
        for screen in (self.pin_setup, self.intake, self.thanks, self.pin_entry, self.staff):
            self.stack.addWidget(screen)

        self.idle_banner = QLabel()
        self.idle_banner.setObjectName("idleWarning")
        self.idle_banner.setWordWrap(True)
        self.idle_banner.setProperty("role", "running")  # the scheme's warning colours (hipdesk.ui.theme)
        self.idle_banner.hide()
        self.staff_button = QPushButton(self.text.staff_button)
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setFlat(True)
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab through the form never lands here
        self.staff_button.clicked.connect(self.ask_pin)
        self.staff_shortcut = QShortcut(QKeySequence("Ctrl+Shift+S"), self)
        self.staff_shortcut.activated.connect(self.ask_pin)
        top = QHBoxLayout()
        top.addWidget(self.idle_banner, 1)
        top.addStretch(0)
        top.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignTop)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        if self.pin.is_set():
            self.new_intake()
            self.show_intake()
            self._refresh_triage()  # sessions left unassessed (a crash, an import): cheap when there are none
            self._show_attention()
        else:
            self.stack.setCurrentWidget(self.pin_setup)
            self.staff_button.hide()

    # -- colours ----------------------------------------------------------------------------------
    def _setting(self, key: str, default: object) -> object:
        try:
            return self.ctx.store.get_setting(key, default)
        except StoreError:
            return default

    def _restyle(self) -> None:
        """The colour scheme and text size chosen in the ordinary window (View menu; staff set them there before
        kiosk mode), else the desktop's light or dark at the system's size."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.colours = apply_view(app, self.colour_choice, self.text_size)
        else:
            self.colours = colours_for(self.colour_choice)
        self.setStyleSheet(style_sheet(self.colours, self.text_size))

    def _system_colours_changed(self, *_args: object) -> None:
        if self.colour_choice == "system":
            self._restyle()

    # -- what is on screen ------------------------------------------------------------------------
    def screen_name(self) -> str:
        """The objectName of the screen shown (tests and --smoke)."""
        current = self.stack.currentWidget()
        return current.objectName() if current is not None else ""

    def current_page_id(self) -> str:
        """The wizard page on screen, or the kiosk screen's name."""
        if self.stack.currentWidget() is self.intake and self.wizard is not None:
            return self.wizard.current_page_id()
        return self.screen_name()

    # -- patients ---------------------------------------------------------------------------------
    def new_intake(self) -> None:
        """Throw away the wizard and build a new one: nothing of the last patient survives in any widget,
        in the clipboard or in a file dialog's memory."""
        self._drop_wizard()
        self.ctx.staff_unlocked = False  # a patient's intake: no clinician-only parts
        self.staff_banner.clear()
        self.wizard = AssessmentWizard(self.ctx)
        self.wizard.session_finished.connect(self._finished)
        self.intake_layout.addWidget(self.wizard)
        self.wizard.show()  # at once: a child added to a shown screen would otherwise wait for the event loop

    def _drop_wizard(self) -> None:
        if self.wizard is not None:
            session_id = self._current_session_id()
            if session_id is not None:
                self._refresh_triage(session_id)  # staff see its triage in the list at once
            self.intake_layout.removeWidget(self.wizard)
            self.wizard.hide()
            self.wizard.setParent(None)  # out of the window's tree now, not at the next event loop turn
            self.wizard.deleteLater()
            self.wizard = None
        forget_previous_patient()

    def show_intake(self) -> None:
        """The patient-facing screen."""
        self._hide_idle_warning()
        self.stack.setCurrentWidget(self.intake)
        self.staff_button.setVisible(not self.ctx.staff_unlocked)  # a staff session has its own way out
        self.idle.start()

    def _finished(self, session_id: int) -> None:
        logger.info("kiosk: session %d finished", session_id)
        if self.ctx.staff_unlocked:  # staff finished the examination: back to their list
            self.new_intake()
            self.show_staff_view()
            self.staff.message.setText(self.text.staff_session_finished.format(number=session_id))
            return
        self.new_intake()  # assesses the finished session for the staff list
        self.thanks.show_outcome(speak_to_reception=stored_triage(self.ctx.store, session_id) == "emergency")
        self.stack.setCurrentWidget(self.thanks)
        self._show_attention()

    def _next_person(self) -> None:
        self.thanks.show_outcome(speak_to_reception=False)  # the last patient's outcome goes with them
        self.show_intake()

    def _pin_chosen(self) -> None:
        logger.info("kiosk: staff PIN set")
        self.new_intake()
        self.show_intake()

    def _current_session_id(self) -> int | None:
        editor = self.wizard.editor if self.wizard is not None else None
        return editor.session_id if editor is not None else None

    def _refresh_triage(self, session_id: int | None = None) -> None:
        try:
            refresh_triage(self.ctx.store, self.ctx.questionnaire, session_id)
        except StoreError as error:  # the list shows "not assessed yet"; nothing of the answers is lost
            logger.warning("kiosk: triage not stored: %s", error)

    def _show_attention(self) -> None:
        """The staff's sign: how many emergency / urgent sessions nobody has opened yet (a number, no names)."""
        count = attention_count(self.ctx.store)
        if count:
            self.staff_button.setText(self.text.staff_button_attention.format(count=count))
            self.staff_button.setToolTip(self.text.staff_button_attention_tip.format(count=count))
            self.staff_button.setStyleSheet("QPushButton { color: white; background: #8b0000; border-radius: 10px;"
                                            " padding: 2px 10px; font-weight: 700; }")
            self.setWindowTitle(self.text.window_title_attention.format(count=count))
        else:
            self.staff_button.setText(self.text.staff_button)
            self.staff_button.setToolTip("")
            self.staff_button.setStyleSheet("")
            self.setWindowTitle("HipDesk")

    # -- idle -------------------------------------------------------------------------------------
    def _show_idle_warning(self, seconds: int) -> None:
        if self.stack.currentWidget() is self.pin_setup:
            return  # nothing private on screen yet
        self.idle_banner.setText(f"<b>{self.text.idle_title}</b> " + self.text.idle_text.format(seconds=seconds))
        self.idle_banner.show()

    def _hide_idle_warning(self) -> None:
        self.idle_banner.hide()
        self.idle_banner.clear()

    def _idle_expired(self) -> None:
        if self.stack.currentWidget() is self.pin_setup:
            return
        session_id = self._current_session_id()
        if session_id is not None:
            logger.info("kiosk: idle, screen cleared, session %d kept as a draft", session_id)
        else:
            logger.info("kiosk: idle, screen cleared")
        self.staff.clear()
        self.new_intake()
        self.show_intake()
        self._show_attention()

    def _set_idle_minutes(self, minutes: int) -> None:
        try:
            self.ctx.store.set_setting(IDLE_SETTING, minutes)
        except StoreError as error:
            self.staff.message.setText(str(error))
        self.idle.set_idle_ms(minutes * 60_000)

    # -- staff ------------------------------------------------------------------------------------
    def ask_pin(self) -> None:
        """Show the PIN screen (from the Staff button or Ctrl+Shift+S)."""
        if self.stack.currentWidget() in (self.pin_setup, self.pin_entry, self.staff):
            return
        if self.ctx.staff_unlocked:  # the Staff key in a staff session: close it first
            self.new_intake()
            self.show_intake()
        self._return_to = self.stack.currentWidget() or self.intake
        self.pin_entry.reset()
        self.stack.setCurrentWidget(self.pin_entry)
        self.staff_button.hide()

    def show_staff_view(self) -> None:
        """Unlocked: the session list and staff actions."""
        logger.info("kiosk: staff view opened")
        self._refresh_triage()
        self.staff.refresh()
        self.stack.setCurrentWidget(self.staff)
        self.staff_button.hide()
        self._show_attention()

    def _leave_staff(self) -> None:
        """Back to patient intake (or PIN Cancel): to what the patient had, never to a session staff opened."""
        self.staff.clear()
        back = self._return_to
        if self.ctx.staff_unlocked:
            self.new_intake()
            back = self.intake
        if back is self.intake:
            self.show_intake()
        else:
            self.stack.setCurrentWidget(back)
            self.staff_button.show()
        self._show_attention()

    def close_staff_session(self, to_staff_view: bool = False) -> None:
        """Close the session staff opened; a fresh patient intake (or the staff list) takes its place."""
        self.new_intake()
        if to_staff_view:
            self.show_staff_view()
        else:
            self.staff.clear()
            self._return_to = self.intake
            self.show_intake()
            self._show_attention()

    def open_for_exam(self, session_id: int) -> None:
        """A clinician completes the examination checklist on a patient's session."""
        self.new_intake()
        self.ctx.staff_unlocked = True  # until the next patient's intake
        assert self.wizard is not None
        self.wizard.open_session(session_id)
        self.mark_seen(session_id, refresh=False)
        self.staff_banner.show_session(*session_label(self.ctx.store, session_id))
        exam_pages = [page.id for page in self.ctx.questionnaire.pages if page.kind == "exam"]
        if exam_pages:
            self.wizard.go_to_page(exam_pages[0])
        logger.info("kiosk: session %d opened for the examination", session_id)
        self.staff.clear()
        self.show_intake()

    @property
    def exporter(self) -> SessionExporter:
        """The main window's exporter (a worker makes the file; the staff view stays responsive), made on first use."""
        if self._exporter is None:
            from hipdesk.ui.export_bar import SessionExporter  # the report stack loads on the first export

            self._exporter = SessionExporter(self.ctx, self, save_dialog=self._ask_export_path,
                                             tell_error=self._export_failed, remember_folder=False)
            self._exporter.progress.connect(self.staff.show_progress)
            self._exporter.exported.connect(self._exported)
        return self._exporter

    def export_session(self, session_id: int) -> bool:
        """Write one session as an answers file (0600) where the staff member chooses, in the background."""
        session = self._stored(session_id)
        return session is not None and self.exporter.save_answers(session, f"hipdesk-session-{session_id}.json")

    def export_pdf(self, session_id: int) -> bool:
        """Write one session's PDF report (0600) where the staff member chooses, made in the background."""
        session = self._stored(session_id)
        return session is not None and self.exporter.save_pdf(session)

    def _stored(self, session_id: int) -> Session | None:
        try:
            session = exports.load_stored_session(self.ctx.store, session_id)
        except (exports.SessionNotFound, StoreError) as error:
            self.staff.message.setText(str(error))
            return None
        self._exporting = session_id
        return session

    def _ask_export_path(self, parent: QWidget | None, _title: str, proposed: str, _filter: str) -> str:
        """The exporter's save dialog: the kiosk's own (documents folder, replaced by tests through `choose_path`)."""
        return self.choose_path(parent, Path(proposed).name) or ""

    def _exported(self, kind: str, where: str) -> None:
        session_id = self._exporting
        logger.info("kiosk: session %d exported (%s)", session_id, "report" if kind == "pdf" else "answers file")
        if self.stack.currentWidget() is not self.staff:
            # The view was locked (idle, Back) while the file was made: mark the session seen, show nothing.
            self._mark_seen_quietly(session_id)
            return
        self.mark_seen(session_id)
        self.staff.message.setText(self.text.staff_exported.format(path=where))

    def _export_failed(self, _title: str, text: str) -> None:
        if self.stack.currentWidget() is self.staff:
            self.staff.message.setText(text)

    def _mark_seen_quietly(self, session_id: int) -> None:
        try:
            mark_seen(self.ctx.store, session_id)
        except StoreError as error:
            logger.warning("kiosk: session %d not marked as seen: %s", session_id, error)
        self._show_attention()

    def mark_seen(self, session_id: int, refresh: bool = True) -> None:
        """A member of staff has looked at this session: it leaves the top of the list and the count."""
        try:
            mark_seen(self.ctx.store, session_id)
        except StoreError as error:
            self.staff.message.setText(str(error))
            return
        if refresh:
            self.staff.refresh(keep_message=True)
        self._show_attention()

    def delete_session(self, session_id: int) -> None:
        """Erase one session after asking (No is the default answer)."""
        number, name = session_label(self.ctx.store, session_id)
        question = self.text.delete_question.format(number=number, name=name or self.text.no_name)
        if not self.ctx.ask(self, self.text.delete_title, question):
            return
        try:
            erased = sessions.delete_session(self.ctx.store, session_id)
        except StoreError as error:
            self.staff.message.setText(str(error))
            return
        logger.info("kiosk: session %d deleted", session_id)
        self.staff.refresh()
        self.staff.message.setText((self.text.deleted if erased else self.text.delete_pending).format(number=number))
        self._show_attention()

    def leave_kiosk(self) -> None:
        """Kiosk mode off (also for the next start); the open session closes and the window may close now."""
        try:
            self.ctx.store.set_setting(KIOSK_SETTING, False)
        except StoreError as error:
            self.staff.message.setText(str(error))
            return
        logger.info("kiosk: left kiosk mode")
        self.staff.clear()
        self.ctx.staff_unlocked = False
        self.staff_banner.clear()
        self._drop_wizard()
        self.idle.stop()
        self._may_close = True
        self.left_kiosk.emit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """The patient cannot close the kiosk; only leaving kiosk mode (staff) allows it."""
        if self._may_close:
            self.idle.stop()
            event.accept()
        else:
            event.ignore()
