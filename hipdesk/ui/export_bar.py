"""Export buttons for the summary page: save the PDF report, print it, save FHIR, save the answers file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.exchange import answers_file, fhir
from hipdesk.exchange.safe_write import ExportError, write_private_atomic
from hipdesk.library.trends import report_trend
from hipdesk.report.export import (
    PAGE_SIZE_SETTING,
    AssessFn,
    AssessmentUnavailable,
    default_file_name,
    page_size_from,
    report_pdf,
)
from hipdesk.ui.context import UiContext

#: (parent, title, proposed path, filter) -> the chosen path, or "" when cancelled.
SaveDialog = Callable[[QWidget | None, str, str, str], str]
#: (parent, printer) -> True when the person chose to print.
PrintDialog = Callable[[QWidget | None, QPrinter], bool]

FOLDER_SETTING = "export.folder"


def ask_save_path(parent: QWidget | None, title: str, proposed: str, file_filter: str) -> str:
    """The platform's save dialog; tests replace it."""
    path, _ = QFileDialog.getSaveFileName(parent, title, proposed, file_filter)
    return path


def ask_print(parent: QWidget | None, printer: QPrinter) -> bool:
    """Qt's print dialog; tests replace it."""
    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class ExportBar(QWidget):
    """Buttons that export the open session. Errors are told in plain words; nothing half-written is left."""

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
        self.assess = assess
        self.save_dialog = save_dialog
        self.print_dialog = print_dialog

        self.pdf_button = self._button("Save PDF…", "savePdfButton", self.save_pdf)
        self.print_button = self._button("Print…", "printButton", self.print_report)
        self.fhir_button = self._button("Save FHIR…", "saveFhirButton", self.save_fhir)
        self.answers_button = self._button("Save answers file…", "saveAnswersButton", self.save_answers)
        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        self.paper.setAccessibleName("Paper size")
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(page_size_from(ctx.store.get_setting(PAGE_SIZE_SETTING)))
        self.paper.currentTextChanged.connect(lambda size: ctx.store.set_setting(PAGE_SIZE_SETTING, size))
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.pdf_button, self.print_button, self.fhir_button, self.answers_button):
            row.addWidget(button)
        row.addStretch(1)
        paper_label = QLabel("Paper:")
        paper_label.setBuddy(self.paper)
        row.addWidget(paper_label)
        row.addWidget(self.paper)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- helpers ------------------------------------------------------------------------------------
    def _editor(self) -> SessionEditor | None:
        editor = self.editor_getter()
        if editor is None:
            self.ctx.inform(self, "Nothing to export", "No session is open.")
        return editor

    def _folder(self) -> Path:
        remembered = self.ctx.store.get_setting(FOLDER_SETTING)
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents or Path.home())

    def _choose(self, editor: SessionEditor, title: str, name_end: str, file_filter: str) -> Path | None:
        """Ask for a path (proposing a sensible name); add the extension when the person left it out."""
        proposed = self._folder() / default_file_name(editor.session, name_end)
        chosen = self.save_dialog(self, title, str(proposed), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        extension = "." + name_end.rsplit(".", 1)[-1]  # Path(".pdf").suffix is "" (a dot file)
        return path if path.suffix else path.with_name(path.name + extension)

    def _pdf(self, editor: SessionEditor) -> bytes:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            trend = report_trend(self.ctx.store, self.ctx.questionnaire, editor.session)
            return report_pdf(self.ctx.questionnaire, editor.session, self.assess, page_size_from(self.paper.currentText()),
                              trend)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _write(self, kind: str, path: Path, make: Callable[[], bytes]) -> bool:
        try:
            write_private_atomic(path, make())
        except ExportError as error:
            self.status.setText("")
            self.ctx.inform(self, "Could not save", f"{error}\nNothing was written there. Choose another folder.")
            return False
        except AssessmentUnavailable as error:
            self.ctx.inform(self, "Could not make the report", str(error).capitalize())
            return False
        self.ctx.store.set_setting(FOLDER_SETTING, str(path.parent))
        self.status.setText(f"Saved: {path}")
        self.exported.emit(kind, str(path))
        return True

    # -- actions ------------------------------------------------------------------------------------
    def save_pdf(self) -> bool:
        """Ask where, then save the PDF report."""
        editor = self._editor()
        path = self._choose(editor, "Save the report as PDF", ".pdf", "PDF files (*.pdf)") if editor else None
        if editor is None or path is None:
            return False
        return self._write("pdf", path, lambda: self._pdf(editor))

    def save_fhir(self) -> bool:
        """Ask where, then save the FHIR Bundle (Questionnaire + QuestionnaireResponse)."""
        editor = self._editor()
        path = self._choose(editor, "Save for another system (FHIR)", "-fhir.json", "FHIR JSON (*.json)") if editor else None
        if editor is None or path is None:
            return False
        return self._write("fhir", path, lambda: fhir.dumps(fhir.export_bundle(self.ctx.questionnaire, editor.session)))

    def save_answers(self) -> bool:
        """Ask where, then save the answers file (which HipDesk can import again)."""
        editor = self._editor()
        path = self._choose(editor, "Save the answers file", "-answers.json", "HipDesk answers (*.json)") if editor else None
        if editor is None or path is None:
            return False
        return self._write("answers", path, lambda: answers_file.dumps(self.ctx.questionnaire, editor.session))

    def print_report(self) -> bool:
        """Show the print dialog, then print the report's pages."""
        editor = self._editor()
        if editor is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.print_dialog(self, printer):
            return False
        try:
            from hipdesk.ui.printing import print_pdf

            pages = print_pdf(self._pdf(editor), printer)
        except (AssessmentUnavailable, RuntimeError) as error:
            self.ctx.inform(self, "Could not print", str(error))
            return False
        self.status.setText(f"Sent {pages} page(s) to {printer.printerName() or printer.outputFileName()}.")
        self.exported.emit("print", printer.printerName() or printer.outputFileName())
        return True
