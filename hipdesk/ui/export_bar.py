"""Exporting a session from the window: the file and print dialogs around the export use cases, and the summary page's buttons."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hipdesk.actions import exports
from hipdesk.actions.editing import SessionEditor
from hipdesk.exchange.fhir_errors import FhirExportError
from hipdesk.exchange.safe_write import ExportError
from hipdesk.report.export import AssessFn, default_file_name, page_size_from
from hipdesk.session import Session
from hipdesk.storage.settings import FOLDER_SETTING, PAGE_SIZE_SETTING
from hipdesk.storage.store import SessionStore, StoreError
from hipdesk.ui.context import UiContext
from hipdesk.ui.export_worker import ExportWorker

if TYPE_CHECKING:  # Qt's print support loads on the first print, not with the summary page
    from PySide6.QtPrintSupport import QPrinter

    from hipdesk.report.renderer import PageSize  # reportlab too: only the names here

#: (parent, title, proposed path, filter) -> the chosen path, or "" when cancelled.
SaveDialog = Callable[[QWidget | None, str, str, str], str]
#: (parent, printer) -> True when the person chose to print.
PrintDialog = Callable[[QWidget | None, "QPrinter"], bool]
#: (title, text) -> tells the person why an export failed (a dialog by default; the kiosk shows it by its buttons).
TellError = Callable[[str, str], None]

log = logging.getLogger(__name__)


def ask_save_path(parent: QWidget | None, title: str, proposed: str, file_filter: str) -> str:
    """The platform's save dialog; tests replace it."""
    path, _ = QFileDialog.getSaveFileName(parent, title, proposed, file_filter)
    return path


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """Qt's print dialog; tests replace it."""
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class SessionExporter(QObject):
    """Saves or prints one session through the dialogs (which tests replace); errors are told in plain words.

    Used by the summary page's buttons for the open session, by the library and by the kiosk's staff view for a
    stored one. With `remember_folder=False` (the kiosk) the save dialog always starts in the documents folder
    and the chosen folder is not stored, so nothing of one export is left for the next person.
    """

    exported = Signal(str, str)  # (what: "pdf" | "print" | "fhir" | "answers", where)
    status = Signal(str)  # a line to show the person ("Saved: …"), "" to clear it
    progress = Signal(str)  # what is being made in the background ("Making the PDF report…"), "" when it ends
    done = Signal(bool)  # a background export ended: True when it was saved or printed

    def __init__(self, ctx: UiContext, parent: QWidget, *, assess: AssessFn | None = None,
                 save_dialog: SaveDialog = ask_save_path, print_dialog: PrintDialog = ask_print,
                 page_size: Callable[[], str] | None = None, tell_error: TellError | None = None,
                 remember_folder: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog_parent = parent
        self.tell_error: TellError = tell_error or (lambda title, text: ctx.inform(self.dialog_parent, title, text))
        self.remember_folder = remember_folder
        self.assess = assess
        self.save_dialog = save_dialog
        self.print_dialog = print_dialog
        self.page_size = page_size or (lambda: exports.preferred_page_size(ctx.store))
        self.worker = ExportWorker(ctx.store.path, self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._kind = ""
        self._on_done: Callable[[object], None] = lambda _result: None

    def _folder(self) -> Path:
        remembered = self.ctx.store.get_setting(FOLDER_SETTING) if self.remember_folder else None
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def _choose(self, session: Session, title: str, name_end: str, file_filter: str,
                proposed_name: str | None = None) -> Path | None:
        """Ask for a path (proposing a sensible name); add the extension when the person left it out."""
        proposed = self._folder() / (proposed_name or default_file_name(session, name_end))
        chosen = self.save_dialog(self.dialog_parent, title, str(proposed), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        extension = "." + name_end.rsplit(".", 1)[-1]  # Path(".pdf").suffix is "" (a dot file)
        return path if path.suffix else path.with_name(path.name + extension)

    def busy(self) -> bool:
        """True while an export is being made in the background."""
        return self.worker.busy()

    def _report_work(self, session: Session) -> Callable[[SessionStore | None], bytes]:
        """The PDF, made in the worker from a copy of the session, with the worker's own store (for the trend)."""
        snapshot, size, assess, questionnaire = copy.deepcopy(session), self.page_size(), self.assess, self.ctx.questionnaire
        return lambda store: exports.report_bytes(questionnaire, snapshot, store, page_size=size, assess=assess)

    def _start(self, kind: str, doing: str, work: Callable[[SessionStore | None], object],
               done: Callable[[object], None]) -> bool:
        """Run `work` in the background (the window stays usable); `done(result)` back on the GUI thread."""
        if not self.worker.start(work):
            self.tell_error("Still working", "Another export is still being made. Try again when it is done.")
            return False
        self._kind, self._on_done = kind, done
        self.progress.emit(doing)
        return True

    def _finished(self, result: object) -> None:
        self.progress.emit("")
        self._on_done(result)
        self.done.emit(True)

    def _failed(self, error: object) -> None:
        self.progress.emit("")
        self.status.emit("")
        title = "Could not print" if self._kind == "print" else "Could not save"
        if isinstance(error, ExportError):
            text = f"{error}\nNothing was written there. Choose another folder."
        elif isinstance(error, FhirExportError):
            text = f"{str(error).capitalize()}\nNothing was written."
        elif isinstance(error, (RuntimeError, StoreError)):
            text = str(error)
        else:  # a bug: say so plainly rather than fail without a word
            log.error("export failed", exc_info=error if isinstance(error, BaseException) else None)
            text = f"Something went wrong while making it ({type(error).__name__}). Nothing was written."
        self.tell_error(title, text)
        self.done.emit(False)

    def _save(self, kind: str, session: Session, title: str, name_end: str, file_filter: str,
              make: Callable[[SessionStore | None], bytes], proposed_name: str | None = None) -> bool:
        """Ask where (GUI thread), then make and write the file in the background. True when it was started."""
        path = self._choose(session, title, name_end, file_filter, proposed_name)
        if path is None:
            return False

        def saved(_result: object) -> None:
            if self.remember_folder:
                self.ctx.store.set_setting(FOLDER_SETTING, str(path.parent))
            self.status.emit(f"Saved: {path}")
            self.exported.emit(kind, str(path))

        doing = {"pdf": "Making the PDF report…", "fhir": "Making the FHIR file…"}.get(kind, "Saving…")
        return self._start(kind, doing, lambda store: exports.save_export(path, make(store)), saved)

    def save_pdf(self, session: Session) -> bool:
        """Ask where, then save the PDF report (made in the background)."""
        return self._save("pdf", session, "Save the report as PDF", ".pdf", "PDF files (*.pdf)", self._report_work(session))

    def save_fhir(self, session: Session) -> bool:
        """Ask where, then save the FHIR Bundle (Questionnaire + QuestionnaireResponse), made in the background."""
        snapshot, questionnaire = copy.deepcopy(session), self.ctx.questionnaire
        return self._save("fhir", session, "Save for another system (FHIR)", "-fhir.json", "FHIR JSON (*.json)",
                          lambda _store: exports.fhir_bytes(questionnaire, snapshot))

    def save_answers(self, session: Session, proposed_name: str | None = None) -> bool:
        """Ask where, then save the answers file (which HipDesk can import again)."""
        snapshot, questionnaire = copy.deepcopy(session), self.ctx.questionnaire
        return self._save("answers", session, "Save the answers file", "-answers.json", "HipDesk answers (*.json)",
                          lambda _store: exports.answers_bytes(questionnaire, snapshot), proposed_name)

    def print_report(self, session: Session) -> bool:
        """Show the print dialog, then make the report and print its pages in the background."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(default_file_name(session, ".pdf"))  # the print queue shows the PDF's name
        if not self.print_dialog(self.dialog_parent, printer):
            return False
        report = self._report_work(session)

        def work(store: SessionStore | None) -> int:
            from hipdesk.ui.printing import print_pdf

            # Qt paints on a QPrinter from any thread; the GUI thread does not touch this printer meanwhile.
            return print_pdf(report(store), printer)

        def printed(pages: object) -> None:
            where = printer.printerName() or printer.outputFileName()
            self.status.emit(f"Sent {pages} page(s) to {where}.")
            self.exported.emit("print", where)

        return self._start("print", "Making the report for the printer…", work, printed)


class ExportBar(QWidget):
    """The summary page's export buttons for the open session, with the paper size and a status line."""

    exported = Signal(str, str)  # (what: "pdf" | "print" | "fhir" | "answers", where)

    def __init__(
        self,
        ctx: UiContext,
        editor_getter: Callable[[], SessionEditor | None],
        *,
        assess: AssessFn | None = None,
        save_dialog: SaveDialog = ask_save_path,
        print_dialog: PrintDialog = ask_print,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportBar")
        self.ctx = ctx
        self.editor_getter = editor_getter
        self.exporter = SessionExporter(ctx, self, assess=assess, save_dialog=save_dialog, print_dialog=print_dialog,
                                        page_size=self.paper_size)
        self.exporter.exported.connect(self.exported)
        #: Files written for the session shown (the done screen lists them after Finish).
        self.saved: list[str] = []
        self.exporter.exported.connect(self._remember)

        self.pdf_button = self._button("Save PDF…", "savePdfButton", self.save_pdf)
        self.print_button = self._button("Print…", "printButton", self.print_report)
        self.fhir_button = self._button("Save FHIR…", "saveFhirButton", self.save_fhir)
        self.answers_button = self._button("Save answers file…", "saveAnswersButton", self.save_answers)
        # Two choices as radio buttons: a screen reader hears "Paper size A4", where a drop-down list on
        # Linux is announced by its current entry only ("A4").
        self.paper_group = QButtonGroup(self)
        self.paper: dict[str, QRadioButton] = {}
        chosen = page_size_from(ctx.store.get_setting(PAGE_SIZE_SETTING))
        for size in ("A4", "Letter"):
            choice = QRadioButton(size)
            choice.setObjectName(f"paperSize__{size}")
            choice.setAccessibleName(f"Paper size {size}")
            choice.setChecked(size == chosen)
            choice.clicked.connect(lambda _=False, s=size: ctx.store.set_setting(PAGE_SIZE_SETTING, s))
            self.paper_group.addButton(choice)
            self.paper[size] = choice
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exporter.status.connect(self.status.setText)
        # While an export is made in the background: a moving bar and what is being made; buttons wait.
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("exportProgress")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setAccessibleName("Export in progress")
        self.busy_bar.hide()
        self.exporter.progress.connect(self._progress)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.pdf_button, self.print_button, self.fhir_button, self.answers_button):
            row.addWidget(button)
        row.addWidget(self.busy_bar)
        row.addStretch(1)
        paper_label = QLabel("Paper:")
        paper_label.setBuddy(self.paper[chosen])
        row.addWidget(paper_label)
        for choice in self.paper.values():
            row.addWidget(choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def paper_size(self) -> PageSize:
        """The chosen paper size, "A4" or "Letter"."""
        return "Letter" if self.paper["Letter"].isChecked() else "A4"

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _progress(self, doing: str) -> None:
        working = bool(doing)
        self.busy_bar.setVisible(working)
        for button in (self.pdf_button, self.print_button, self.fhir_button, self.answers_button):
            button.setEnabled(not working)
        if working:
            self.status.setText(doing)

    def _remember(self, kind: str, where: str) -> None:
        if kind != "print":  # a printer is not a file
            self.saved.append(where)

    def reset(self) -> None:
        """Forget what was exported (another session is shown now)."""
        self.status.clear()
        self.saved = []

    def _session(self) -> Session | None:
        editor = self.editor_getter()
        if editor is None:
            self.ctx.inform(self, "Nothing to export", "No session is open.")
            return None
        return editor.session

    def save_pdf(self) -> bool:
        """Ask where, then save the PDF report of the open session."""
        session = self._session()
        return session is not None and self.exporter.save_pdf(session)

    def save_fhir(self) -> bool:
        """Ask where, then save the open session's FHIR Bundle."""
        session = self._session()
        return session is not None and self.exporter.save_fhir(session)

    def save_answers(self) -> bool:
        """Ask where, then save the open session's answers file."""
        session = self._session()
        return session is not None and self.exporter.save_answers(session)

    def print_report(self) -> bool:
        """Show the print dialog, then print the open session's report."""
        session = self._session()
        return session is not None and self.exporter.print_report(session)
