"""Step 8, the examination checklist: every test for a clinician, only the safe self-checks at home."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QVBoxLayout, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.exam_tests import (
    HOME_SAFE_TESTS,
    STANCE_TEST,
    ExamCatalog,
    ExamMode,
    default_mode,
    has_clinician_results,
    load_exam_catalog,
    may_use_clinician_mode,
    must_stop,
    painful_sides,
    result_from_entry,
)
from hipdesk.content.questionnaire import Page
from hipdesk.session import ExamResult, Session, Side
from hipdesk.ui.context import UiContext
from hipdesk.ui.exam_rows import TestBlock
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.stance_timer import Clock


class ExamChecklist(QWidget):
    """The tests of one mode, grouped by what they look for. `edited(test, side, kind)` on each change."""

    edited = Signal(str, str, str)

    def __init__(self, catalog: ExamCatalog, mode: ExamMode, painful: set[str], clock: Clock,
                 beep: Callable[[], None], parent: QWidget | None = None, *, in_pieces: bool = False) -> None:
        """All of it at once, or (`in_pieces`) a group at a time as `pieces` is run (`finish()` does the rest)."""
        super().__init__(parent)
        self.mode = mode
        self.setObjectName(f"examChecklist_{mode}")
        self.blocks: dict[str, TestBlock] = {}
        self.pieces = self._build(catalog, mode, painful, clock, beep)
        if not in_pieces:
            self.finish()

    def finish(self) -> None:
        """Build whatever is not built yet."""
        for _piece in self.pieces:
            pass

    def _build(self, catalog: ExamCatalog, mode: ExamMode, painful: set[str], clock: Clock,
               beep: Callable[[], None]) -> Iterator[None]:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group, tests in catalog.grouped(mode):
            box = QWidget()
            box.setObjectName(f"group_{group.id}")
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 6, 0, 0)
            if mode == "clinician":  # at home a group name would read like a diagnosis
                title = QLabel(group.title)
                title.setObjectName("examGroupTitle")
                title.setProperty("role", "heading")
                box_layout.addWidget(title)
            for test in tests:
                block = TestBlock(test, mode, catalog.texts, painful, clock=clock, beep=beep)
                block.edited.connect(self.edited.emit)
                self.blocks[test.id] = block
                box_layout.addWidget(block)
            layout.addWidget(box)
            yield
        layout.addStretch(1)

    def show_session(self, session: Session | None) -> None:
        """Show the stored results of a session (None: clear everything)."""
        for test_id, block in self.blocks.items():
            block.abort_timers()
            results: dict[str, ExamResult] = {}
            if session is not None:
                results = {side: r for (test, side), r in session.exam.items() if test == test_id}
            block.show_results(results)


class ExamPage(WizardPage):
    """Home mode shows the two self-checks; in a clinic a clinician can switch on every test.

    Results are written through the editor the moment they change; the session is the only state that
    matters, so Back, resume and a second mode all show the same results.
    """

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None,
                 catalog: ExamCatalog | None = None, clock: Clock = time.monotonic,
                 beep: Callable[[], None] = QApplication.beep) -> None:
        super().__init__(page, ctx, parent)
        self.catalog = catalog or load_exam_catalog()
        self.clock = clock
        self.beep = beep
        texts = self.catalog.texts

        self.mode_intro = QLabel()
        self.mode_intro.setObjectName("examModeIntro")
        self.mode_intro.setWordWrap(True)
        self.layout_.addWidget(self.mode_intro)
        self.toggle = QCheckBox(texts.clinician_toggle)
        self.toggle.setObjectName("clinicianToggle")
        self.toggle.setToolTip(texts.clinician_toggle_help)
        self.toggle.setAccessibleDescription(texts.clinician_toggle_help)
        self.toggle.toggled.connect(self._toggled)
        self.layout_.addWidget(self.toggle)
        self.impact_label = QLabel()
        self.impact_label.setObjectName("impactReminder")
        self.impact_label.setWordWrap(True)
        self.layout_.addWidget(self.impact_label)
        self.kept_label = QLabel()
        self.kept_label.setObjectName("clinicianResultsKept")
        self.kept_label.setWordWrap(True)
        self.layout_.addWidget(self.kept_label)

        self.checklists: dict[ExamMode, ExamChecklist] = {}
        self.painful: set[str] = set()
        self._toggle_chosen = False  # the clinician's own choice wins over the default until the session changes
        self._setting_toggle = False
        self._mode: ExamMode = "home"
        self.layout_.addStretch(1)
        self._refresh_mode()

    # -- mode -------------------------------------------------------------------------------------
    def mode(self) -> ExamMode:
        """The mode on screen."""
        return self._mode

    def checklist(self) -> ExamChecklist:
        """The checklist on screen."""
        return self._checklist(self.mode())

    def _checklist(self, mode: ExamMode, in_pieces: bool = False) -> ExamChecklist:
        # The clinician list is built only when first needed: at home no clinician test exists at all.
        checklist = self.checklists.get(mode)
        if checklist is None:
            checklist = ExamChecklist(self.catalog, mode, self.painful, self.clock, self.beep, in_pieces=in_pieces)
            checklist.hide()  # until _show_mode shows the one of the mode on screen
            checklist.edited.connect(self._edited)
            self.layout_.insertWidget(self.layout_.count() - 1, checklist)
            self.checklists[mode] = checklist
        if not in_pieces:
            checklist.finish()
        return checklist

    def _clinician_allowed(self, editor: SessionEditor | None) -> bool:
        answers = editor.session.answers if editor else {}
        return editor is not None and may_use_clinician_mode(
            answers, kiosk=self.ctx.kiosk, staff_unlocked=self.ctx.staff_unlocked)

    @staticmethod
    def _clinician_by_default(editor: SessionEditor | None) -> bool:
        return editor is not None and (default_mode(editor.session.answers) == "clinician"
                                       or has_clinician_results(editor.session.exam))

    def build_pieces(self, editor: SessionEditor | None) -> Iterator[None]:
        """A clinician's session shows every test: that list (23 tests) is built a group at a time."""
        if self._clinician_allowed(editor) and self._clinician_by_default(editor) and "clinician" not in self.checklists:
            painful = painful_sides(editor.session.answers) if editor else set()
            if painful != self.painful:
                self._rebuild(set(painful))
            yield from self._checklist("clinician", in_pieces=True).pieces

    def _refresh_mode(self) -> None:
        answers = self.editor.session.answers if self.editor else {}
        allowed = self._clinician_allowed(self.editor)
        painful = painful_sides(answers)
        if painful != self.painful:
            self._rebuild(set(painful))
        wanted = self.toggle.isChecked() if self._toggle_chosen else self._clinician_by_default(self.editor)
        self._setting_toggle = True
        self.toggle.setVisible(allowed)
        self.toggle.setChecked(allowed and wanted)
        self._setting_toggle = False
        self._show_mode("clinician" if allowed and wanted else "home")
        if not allowed:
            self._drop("clinician")  # outside a clinic no clinician test exists on the page at all

    def _rebuild(self, painful: set[str]) -> None:
        """Side labels say which side hurts: relabel the built lists in place when the answer changes."""
        self.painful = painful
        for checklist in self.checklists.values():
            for block in checklist.blocks.values():
                block.set_painful(painful)

    def _drop(self, mode: ExamMode) -> None:
        checklist = self.checklists.pop(mode, None)
        if checklist is not None:
            checklist.show_session(None)
            self.layout_.removeWidget(checklist)
            checklist.hide()
            checklist.setParent(None)  # gone from the page now, not at the next event-loop turn
            checklist.deleteLater()

    def _toggled(self, checked: bool) -> None:
        if self._setting_toggle:
            return
        self._toggle_chosen = True
        self._show_mode("clinician" if checked else "home")

    def _show_mode(self, mode: ExamMode) -> None:
        texts = self.catalog.texts
        self._mode = mode
        shown = self._checklist(mode)
        for other_mode, checklist in self.checklists.items():
            if other_mode != mode:
                checklist.show_session(None)  # stops a running timer; the session keeps the results
                checklist.hide()
        shown.show_session(self.editor.session if self.editor else None)
        shown.show()
        if mode == "home":  # a resumed self-check that hurt a lot still says stop
            for block in shown.blocks.values():
                self._check_stop(block)
        answers = self.editor.session.answers if self.editor else {}
        if mode == "clinician":
            self.mode_intro.setText(texts.clinic_intro)
        elif answers.get("setting") == "clinic":
            self.mode_intro.setText(texts.front_desk_intro)
        else:
            self.mode_intro.setText(texts.home_intro)
        home = mode == "home"
        self.impact_label.setVisible(home)
        if home:
            self.impact_label.setText(f"{texts.impact_reminder} <b>{self._impact_answer()}</b>")
        kept = [test for test, _side in (self.editor.session.exam if self.editor else {}) if test not in HOME_SAFE_TESTS]
        self.kept_label.setVisible(home and bool(kept))
        self.kept_label.setText(texts.clinician_results_kept.format(count=len(kept)) if kept else "")

    def _impact_answer(self) -> str:
        value = self.editor.session.answers.get("pain_on_impact") if self.editor else None
        if value is None:
            return escape(self.catalog.texts.impact_unanswered)
        item = self.ctx.questionnaire.item("pain_on_impact")
        return escape(self.ctx.questionnaire.answer_label(item, value))

    # -- WizardPage -------------------------------------------------------------------------------
    def bind(self, editor: SessionEditor | None) -> None:
        super().bind(editor)
        self._toggle_chosen = False
        self._refresh_mode()

    def entered(self) -> None:
        self._refresh_mode()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the step (Back / Next) ends a running countdown unrecorded: nobody is standing there any more."""
        if not event.spontaneous():
            for checklist in self.checklists.values():
                for block in checklist.blocks.values():
                    block.abort_timers()
        super().hideEvent(event)

    # -- storing ----------------------------------------------------------------------------------
    def _edited(self, test_id: str, side: str, kind: str) -> None:
        if self.editor is None:
            return
        block = self.checklist().blocks[test_id]
        typed_side: Side = "left" if side == "left" else "right"
        row = block.row_for(typed_side)
        result = result_from_entry(test_id, typed_side, row.result(), row.pain_value(), row.held_s(),
                                   chosen_by_hand=kind == "result")
        if result is None:
            self.editor.clear_exam(test_id, typed_side)
        else:
            self.editor.set_exam(result)
        if test_id == STANCE_TEST:
            row.show_outcome(result.result if result else None)
        if self.mode() == "home" and kind == "pain":
            self._check_stop(block)

    def _check_stop(self, block: TestBlock) -> None:
        """A self-check that hurts 7/10 or more: say stop, and end a running countdown."""
        worst = max((p for row in block.rows.values() if (p := row.pain_value()) is not None), default=None)
        if must_stop(worst):
            block.show_stop(worst)
            for row in block.rows.values():
                if row.timer is not None and row.timer.is_running():
                    row.timer.stop()
        else:
            block.show_stop(None)

