"""Step 1: what HipDesk is (and is not), who is filling in, home or clinic, and unfinished sessions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hipdesk.actions.editing import SessionEditor
from hipdesk.actions.sessions import not_asked_at_kiosk
from hipdesk.content.questionnaire import Page
from hipdesk.storage.store import StoreError
from hipdesk.ui.context import UiContext
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.question_form import QuestionForm


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


class StartPage(WizardPage):
    """The first page. `resume_requested(id)` asks the shell to continue a draft."""

    resume_requested = Signal(int)

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(page, ctx, parent)
        disclaimer = QLabel(ctx.questionnaire.disclaimer)
        disclaimer.setObjectName("disclaimer")
        disclaimer.setWordWrap(True)
        self.layout_.addWidget(disclaimer)

        self.resume_box = QWidget()
        resume_layout = QVBoxLayout(self.resume_box)
        resume_layout.setContentsMargins(0, 8, 0, 8)
        resume_label = QLabel("Unfinished sessions: choose one and press Continue, or answer below to start a new one.")
        resume_label.setWordWrap(True)
        self.drafts = QListWidget()
        self.drafts.setObjectName("draftList")
        self.drafts.setAccessibleName("Unfinished sessions")
        self.drafts.setMaximumHeight(110)
        # Every row is one line of the same height: Qt then measures one row, not 50 (~15 ms at start-up).
        self.drafts.setUniformItemSizes(True)
        resume_label.setBuddy(self.drafts)
        self.continue_button = QPushButton("&Continue this session")
        self.continue_button.setObjectName("continueButton")
        self.continue_button.clicked.connect(self._continue)
        self.drafts.itemActivated.connect(lambda _item: self._continue())
        row = QHBoxLayout()
        row.addWidget(self.continue_button)
        row.addStretch(1)
        resume_layout.addWidget(resume_label)
        resume_layout.addWidget(self.drafts)
        resume_layout.addLayout(row)
        self.layout_.addWidget(self.resume_box)

        # At the front desk some answers are known (a kiosk stands in a clinic): those questions are not shown.
        fixed = not_asked_at_kiosk() if ctx.kiosk else frozenset()
        self.form = QuestionForm([item for item in page.items if item.id not in fixed], ctx.questionnaire)
        self.layout_.addWidget(self.form)
        self.import_button = QPushButton("Import answers…")
        self.import_button.setObjectName("importAnswersButton")
        self.import_button.setToolTip("Open a HipDesk answers file or a FHIR QuestionnaireResponse (JSON) as a new session")
        self.import_button.clicked.connect(self.import_answers)
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        self.layout_.addLayout(import_row)
        if ctx.kiosk:  # a patient at the front desk opens no files
            self.import_button.hide()  # (never setVisible(True) here: it would style the button before the page
            # is in the window, once for nothing, and a button with no parent yet would show as a window of its own)
        self.layout_.addStretch(1)  # keep the page together at the top; spare height goes below
        self._rows: list[tuple[int, str]] | None = None  # the rows the list shows
        self.refresh_drafts()

    def refresh_drafts(self) -> None:
        """List unfinished sessions (never in kiosk mode: only staff may see them)."""
        current = self.editor.session.id if self.editor else None
        drafts = [] if self.ctx.kiosk else self.ctx.store.list_sessions(status="draft", limit=50)
        steps = {page.id: page.step for page in self.ctx.questionnaire.pages}
        rows = [(info.id, f"{info.name or '(no name)'} · started {_when(info.created_at)} · last step: "
                          f"{steps.get(info.current_page, info.current_page)}") for info in drafts if info.id != current]
        if rows == self._rows:
            return  # as shown (the page is built, bound and entered at start-up: the rows are made once)
        self._rows = rows
        self.drafts.clear()
        self.draft_ids: list[int] = [session_id for session_id, _text in rows]  # (not in Qt's item roles: start-up time)
        self.drafts.addItems([text for _session_id, text in rows])
        if self.resume_box.isHidden() != (self.drafts.count() == 0):  # only changes: see QuestionForm.refresh
            self.resume_box.setHidden(self.drafts.count() == 0)
        if self.drafts.count():
            self.drafts.setCurrentRow(0)

    def _continue(self) -> None:
        row = self.drafts.currentRow()
        if 0 <= row < len(self.draft_ids):
            self.resume_requested.emit(self.draft_ids[row])

    def import_answers(self) -> None:
        """Store an answers file or a FHIR QuestionnaireResponse as a new session and continue it; a bad file is
        explained, nothing stored."""
        path = self.ctx.open_file(self, "Import answers",
                                  "HipDesk answers or FHIR QuestionnaireResponse (*.json);;All files (*)")
        if not path:
            return
        from hipdesk.actions.imports import AlreadyStored, import_file  # only when asked: start-up time
        from hipdesk.exchange.answers_file import AnswersFileError

        try:
            try:
                new_id = import_file(self.ctx.store, self.ctx.questionnaire, path)
            except AlreadyStored as stored:
                if not self.ctx.ask(self, "Already imported", f"These answers are already stored, as session "
                                    f"{stored.session_id}. Store a second copy of them?"):
                    return
                new_id = import_file(self.ctx.store, self.ctx.questionnaire, path, again=True)
        except AnswersFileError as error:
            self.ctx.inform(self, "This file cannot be imported", str(error))
            return
        except StoreError as error:
            self.ctx.inform(self, "Not saved", str(error))
            return
        self.resume_requested.emit(new_id)

    def bind(self, editor: SessionEditor | None) -> None:
        changed = editor is not self.editor
        super().bind(editor)
        self.form.bind(editor)
        if changed:  # (the wizard binds every page it builds: at start-up the list was read a moment ago)
            self.refresh_drafts()

    def entered(self) -> None:
        self.refresh_drafts()

    def validate(self) -> bool:
        return self.form.validate()
