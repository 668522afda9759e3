"""The training page: its questions, plus the watch-file import (button, drag and drop) and the weekly chart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.activities.record import FILLED_ITEMS, from_watch
from hipdesk.content.questionnaire import Page
from hipdesk.ui.context import UiContext
from hipdesk.ui.question_page import QuestionPage
from hipdesk.ui.watch_import import WatchImportPanel


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class TrainingPage(QuestionPage):
    """Questions about running, which watch files can fill; a filled answer is marked until it is changed."""

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(page, ctx, parent)
        self.watch = WatchImportPanel(ctx)
        self.layout_.insertWidget(self.layout_.indexOf(self.form), self.watch)
        # At the front desk a file dialog would open the clinic computer's folders to the patient: no import.
        self.watch.setVisible(not ctx.kiosk)
        self.marks: dict[str, QLabel] = {}
        for item_id in FILLED_ITEMS:
            row = self.form.rows.get(item_id)
            if row is None:
                continue
            mark = QLabel(self.watch.wording.from_watch)
            mark.setObjectName(f"watchMark_{item_id}")
            mark.setProperty("role", "muted")
            row_layout = row.layout()
            assert row_layout is not None
            row_layout.addWidget(mark)
            self.marks[item_id] = mark
        self.watch.imported.connect(self._imported)
        self.setAcceptDrops(not ctx.kiosk)
        self._update_marks()

    def bind(self, editor: SessionEditor | None) -> None:
        super().bind(editor)
        self.watch.bind(editor)
        if editor is not None:
            editor.subscribe(lambda kind, key: self._changed(editor, kind, key))
        self._update_marks()

    def entered(self) -> None:
        super().entered()
        self.watch.show_record()
        self._update_marks()

    def _changed(self, editor: SessionEditor, kind: str, key: str) -> None:
        if editor is self.editor and kind == "answer" and (key in self.marks or key == "distance_unit"):
            self._update_marks()
            if key == "distance_unit":
                self.watch.show_record()

    def _update_marks(self) -> None:
        marked = from_watch(self.editor.session.answers) if self.editor else set()
        for item_id, mark in self.marks.items():
            mark.setVisible(item_id in marked)
            row = self.form.rows[item_id]
            row.input.setAccessibleDescription(self.watch.wording.from_watch if item_id in marked else "")

    def _imported(self) -> None:
        """Show the filled answers in their fields (they were stored through the editor)."""
        assert self.editor is not None
        for item_id in FILLED_ITEMS:
            row = self.form.rows.get(item_id)
            if row is not None and item_id in self.editor.session.answers:
                self.form.pending.pop(item_id, None)
                row.input.set_value(self.editor.session.answers[item_id])
                row.show_error(None)
        self._update_marks()

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        if _dropped_paths(event) and self.editor is not None and not self.watch.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt name)
        paths = _dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.watch.start_import(paths)
