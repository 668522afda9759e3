"""The training page's watch-file panel: import button, progress with Cancel, what was read, and the chart.

The files are read in a worker thread (`read_files` touches no database), so the window stays responsive
for a folder of hundreds of files; the result is stored on the GUI thread through the session's editor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from hipdesk.actions.activities import FilesRead, ImportResult, apply_import, read_files
from hipdesk.actions.editing import SessionEditor
from hipdesk.activities.chart import weekly_chart
from hipdesk.activities.record import stored_record
from hipdesk.activities.wording import WatchWording, load_watch_wording
from hipdesk.storage.store import StoreError
from hipdesk.ui.context import UiContext
from hipdesk.ui.weekly_chart import WeeklyChartView

FILE_FILTER = "Watch files (*.fit *.gpx *.tcx *.fit.gz *.gpx.gz *.tcx.gz);;All files (*)"
MAX_LISTED_PROBLEMS = 8  # the rest are counted, so a folder of bad files does not fill the page


class ReadFilesThread(QThread):
    """Reads watch files off the GUI thread; `requestInterruption()` stops it between two files."""

    progressed = Signal(int, int)

    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.result: FilesRead | None = None

    def run(self) -> None:
        self.result = read_files(self.paths, progress=self.progressed.emit, should_stop=self.isInterruptionRequested)


#: Workers still running, kept alive here (not by a widget) so closing the page never destroys a running thread.
_LIVE_WORKERS: set[ReadFilesThread] = set()


def stop_all_workers() -> None:
    """Interrupt and wait for every running import (the application is quitting)."""
    for worker in list(_LIVE_WORKERS):
        worker.requestInterruption()
        worker.wait()
    _LIVE_WORKERS.clear()


def _start_worker(worker: ReadFilesThread) -> None:
    if not _LIVE_WORKERS:
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(stop_all_workers)
    _LIVE_WORKERS.add(worker)
    worker.finished.connect(lambda: _LIVE_WORKERS.discard(worker))
    worker.start()


class WatchImportPanel(QFrame):
    """Import watch files into the open session and show the weekly-distance chart of what was imported."""

    imported = Signal()  # answers were filled: the page shows them

    def __init__(self, ctx: UiContext, wording: WatchWording | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.wording = wording or load_watch_wording()
        self.editor: SessionEditor | None = None
        self.worker: ReadFilesThread | None = None
        self.setObjectName("watchImport")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        title = QLabel(self.wording.panel_title)
        title.setObjectName("sectionHeader")
        title.setProperty("role", "section")
        intro = QLabel(self.wording.panel_intro)
        intro.setObjectName("helpText")
        intro.setWordWrap(True)
        self.files_button = QPushButton(self.wording.import_files)
        self.files_button.setObjectName("importWatchFiles")
        self.folder_button = QPushButton(self.wording.import_folder)
        self.folder_button.setObjectName("importWatchFolder")
        self.progress = QProgressBar()
        self.progress.setObjectName("watchProgress")
        self.cancel_button = QPushButton(self.wording.cancel)
        self.cancel_button.setObjectName("cancelWatchImport")
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        self.status = QLabel()
        self.status.setObjectName("watchStatus")
        self.status.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("watchProblems")
        self.problems.setWordWrap(True)
        self.problems.setProperty("role", "error")
        self.chart = WeeklyChartView()
        self.change = QLabel()
        self.change.setObjectName("watchChange")
        self.change.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("watchRiseNote")
        self.note.setWordWrap(True)
        self.descent = QLabel()
        self.descent.setObjectName("watchDescent")
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        shown: tuple[QWidget, ...] = (self.status, self.problems, self.chart, self.change, self.note, self.descent)
        for widget in shown:
            layout.addWidget(widget)
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        self.cancel_button.clicked.connect(self.cancel)
        self._show_busy(False)
        self.status.hide()
        self.problems.hide()
        self.show_record()

    # -- session ----------------------------------------------------------------------------------
    def bind(self, editor: SessionEditor | None) -> None:
        """Show this session's record; an import still running for another session is stopped and dropped."""
        if editor is not self.editor:
            self.stop()
            self.status.hide()
            self.problems.hide()
        self.editor = editor
        self.files_button.setEnabled(editor is not None)
        self.folder_button.setEnabled(editor is not None)
        self.show_record()

    def show_record(self) -> None:
        """Draw the chart of the stored record (hidden when the session has none)."""
        record = stored_record(self.editor.session.answers) if self.editor else None
        chart = weekly_chart(record, self.editor.distance_unit(), self.wording) if record and self.editor else None
        self.chart.set_chart(chart)
        self.chart.setVisible(chart is not None)
        self.change.setText(chart.change_text if chart else "")
        self.change.setVisible(chart is not None)
        self.note.setText(chart.note if chart else "")
        self.note.setVisible(bool(chart and chart.note))
        self.descent.setText(chart.descent_text if chart else "")
        self.descent.setVisible(bool(chart and chart.descent_text))

    # -- importing --------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while files are being read."""
        return self.worker is not None

    def _choose_files(self) -> None:
        paths = self.ctx.open_files(self, self.wording.import_files, FILE_FILTER)
        if paths:
            self.start_import([Path(p) for p in paths])

    def _choose_folder(self) -> None:
        folder = self.ctx.open_folder(self, self.wording.import_folder)
        if folder:
            self.start_import([Path(folder)])

    def start_import(self, paths: list[Path]) -> None:
        """Read these files and folders in the background; ignored while another import runs."""
        if self.busy or self.editor is None or not paths:
            return
        worker = self.worker = ReadFilesThread(paths)
        # Bound methods of this widget: Qt queues the calls to the GUI thread, where the widget lives.
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self.progress.setRange(0, 0)  # busy until the folder has been searched
        self._show_busy(True)
        self.status.setText(self.wording.reading.format(done=0, total="…"))
        self.status.show()
        self.problems.hide()
        _start_worker(worker)

    def cancel(self) -> None:
        """Stop the import after the file being read; nothing of it is stored."""
        if self.worker is not None:
            self.worker.requestInterruption()

    def stop(self) -> None:
        """Cancel and wait for the worker (closing the page, or another session opened)."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.requestInterruption()
            worker.wait()
            self._show_busy(False)

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.files_button.setEnabled(not busy and self.editor is not None)
        self.folder_button.setEnabled(not busy and self.editor is not None)

    def _progressed(self, done: int, total: int) -> None:
        if self.sender() is not self.worker or self.worker is None:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status.setText(self.wording.reading.format(done=done, total=total))

    def _finished(self) -> None:
        worker = self.sender()
        if not isinstance(worker, ReadFilesThread):
            return
        worker.deleteLater()
        if worker is not self.worker:
            return  # stopped for another session: nothing of it belongs to this one
        self.worker = None
        self._show_busy(False)
        if worker.result is None or self.editor is None:
            return
        read = worker.result
        if read.stopped:
            self.status.setText(self.wording.cancelled)
            return
        try:
            result = apply_import(self.editor, read)
        except StoreError as error:
            self.status.setText(f"{error} Nothing more was changed.")
            return
        self._show_outcome(read, result)
        self.show_record()
        if result is not None:
            self.imported.emit()

    def _show_outcome(self, read: FilesRead, result: ImportResult | None) -> None:
        lines = []
        if result is None:
            lines.append(self.wording.nothing_found)
        else:
            lines.append(self.wording.imported.format(runs=result.new_runs, files=len(read.outcomes)))
            if result.duplicates:
                lines.append(self.wording.duplicates.format(count=result.duplicates))
            assert self.editor is not None
            questionnaire = self.editor.questionnaire
            lines += [f"“{questionnaire.item(item).label}” not filled: {why}." for item, why in result.not_filled.items()]
        self.status.setText(" ".join(lines))
        refused = read.refused
        if refused:
            shown = [f"• {o.path.name}: {o.problem.message}" for o in refused[:MAX_LISTED_PROBLEMS] if o.problem]
            if len(refused) > MAX_LISTED_PROBLEMS:
                shown.append(f"… and {len(refused) - MAX_LISTED_PROBLEMS} more.")
            self.problems.setText(self.wording.not_used.format(count=len(refused)) + "\n" + "\n".join(shown))
        self.problems.setVisible(bool(refused))
