"""The summary step: triage, danger signs, possible causes with their reasons, advice and cautions.

Everything shown comes from `assess()` and the wording file; this page only lays it out. The widgets are
built once and updated in place (a label's text is set only when it changes); the assessment is
recomputed only when the session changed since it was last shown.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from hipdesk.actions.editing import SessionEditor
from hipdesk.assessment import Assessment, CauseResult, Evidence, RedFlag
from hipdesk.assessment.engine import assess
from hipdesk.assessment.wording import SummaryWording, summary_wording
from hipdesk.content.questionnaire import Page
from hipdesk.ui.context import UiContext
from hipdesk.ui.export_bar import ExportBar
from hipdesk.ui.page_base import WizardPage
from hipdesk.ui.red_flag_banner import LEVEL_COLOUR

W = TypeVar("W", bound=QWidget)


def _label(html: str = "", name: str = "", accessible: str = "") -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def _bullets(lines: list[str]) -> str:
    return "<br>".join(f"•&nbsp;{escape(line)}" for line in lines)


def _evidence(entries: list[Evidence], nothing: str) -> str:
    return _bullets([e.text for e in entries]) if entries else f"<i>{escape(nothing)}</i>"


def _set_style(widget: QWidget, sheet: str) -> None:
    """A style sheet costs a re-polish: set it only when it differs."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class _Pool(Generic[W]):
    """Widgets of one kind in a column, made when first needed and reused; those not needed are hidden."""

    def __init__(self, parent_layout: QVBoxLayout, make: Callable[[], W]) -> None:
        self.holder = QWidget()
        self.layout = QVBoxLayout(self.holder)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.layout.setSpacing(10)
        parent_layout.addWidget(self.holder)
        self.make = make
        self.widgets: list[W] = []

    def take(self, count: int) -> list[W]:
        """The first `count` widgets, shown; the others hidden."""
        while len(self.widgets) < count:
            widget = self.make()
            self.layout.addWidget(widget)
            self.widgets.append(widget)
        for number, widget in enumerate(self.widgets):
            widget.setVisible(number < count)
        self.holder.setVisible(count > 0)  # an empty column takes no room at all
        return self.widgets[:count]


class _CauseBox(QFrame):
    """One possible cause: its rank and name, what points towards it and what points away."""

    def __init__(self) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(18)
        self.name = _label(name="causeName")
        self.towards = _label(name="pointsTowards")
        self.away = _label(name="pointsAway")
        self.towards.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.away.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.name, 0, 0, 1, 2)
        grid.addWidget(self.towards, 1, 0)
        grid.addWidget(self.away, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)


class _FlagBox(QFrame):
    """One raised danger sign: title and the answers that raised it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = _label()
        layout.addWidget(self.text)


class SummaryPage(WizardPage):
    """Page 9: the assessment of the session, recomputed when the page is shown after a change."""

    focus_starts_on_page = True  # the triage and the warning signs first; Save PDF and the other buttons follow

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(page, ctx, parent)
        self.wording: SummaryWording = summary_wording()
        self.assessment: Assessment | None = None
        self._stale = True
        self.body = QWidget()
        self.body.setObjectName("summaryBody")
        self.sections = QVBoxLayout(self.body)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections.setSpacing(10)
        self.body.setMaximumWidth(1200)  # very long lines are hard to read on wide screens
        self._build()
        self.body.hide()  # until there is a session to show
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        # Save PDF, print, FHIR and answers file; hidden in kiosk mode (exports are for staff).
        self.export_bar = ExportBar(ctx, lambda: self.editor)
        self.export_bar.setVisible(not ctx.kiosk)
        self.layout_.addWidget(self.export_bar)

    # -- building (once) ----------------------------------------------------------------------------
    def _build(self) -> None:
        h = self.wording.headings
        self.triage_box = QFrame()
        self.triage_box.setObjectName("triageBanner")
        triage_layout = QVBoxLayout(self.triage_box)
        triage_layout.setContentsMargins(12, 8, 12, 8)
        self.triage_title = _label(name="triageTitle")
        self.triage_title.setStyleSheet("font-size: 15pt;")
        self.triage_text = _label(name="triageText")
        triage_layout.addWidget(self.triage_title)
        triage_layout.addWidget(self.triage_text)
        self.sections.addWidget(self.triage_box)
        self.disclaimer = _label(name="disclaimerLabel")
        self.sections.addWidget(self.disclaimer)
        self.headings: dict[str, QLabel] = {}

        self._heading("unanswered")
        self.unanswered = self._text("unansweredList")
        self._heading("red_flags")
        self.flags: _Pool[_FlagBox] = _Pool(self.sections, _FlagBox)
        self._heading("see_clinician")
        self.reasons: _Pool[QLabel] = _Pool(self.sections, _label)
        self._heading("causes")
        self.causes_intro = self._text("causesIntro", escape(h["causes_intro"]))
        self.no_causes = self._text("noCauses", escape(h["no_causes"]))
        self.causes: _Pool[_CauseBox] = _Pool(self.sections, _CauseBox)
        self._heading("training")
        self.training = self._text("trainingNote")
        self._heading("advice")
        self.advice = self._text("adviceList")
        self._heading("cautions")
        self.cautions = self._text("cautionList")
        self._heading("risk_factors")
        self.risk_factors = self._text("riskFactorList")

    def _heading(self, key: str) -> None:
        heading = _label(f"<b>{escape(self.wording.headings[key])}</b>", f"heading_{key}")
        heading.setStyleSheet("font-size: 13pt; margin-top: 6px;")
        self.headings[key] = heading
        self.sections.addWidget(heading)

    def _text(self, name: str, html: str = "") -> QLabel:
        label = _label(html, name)
        self.sections.addWidget(label)
        return label

    # -- WizardPage -------------------------------------------------------------------------------
    def bind(self, editor: SessionEditor | None) -> None:
        super().bind(editor)
        if editor is not None:
            editor.subscribe(lambda _kind, _key: self._changed(editor))
        self.export_bar.reset()  # "Saved: …" belonged to the session shown before
        self._stale = True
        if editor is None or self.isVisible():
            self.refresh()

    def prepare(self) -> None:
        if self._stale:
            self.refresh()

    def long_column(self) -> list[QWidget]:
        sections = (self.sections.itemAt(row) for row in range(self.sections.count()))
        return [widget for item in sections if item is not None and (widget := item.widget()) is not None]

    def entered(self) -> None:
        if self._stale:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown by the wizard or a test: bring a stale summary up to date first."""
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _changed(self, editor: SessionEditor) -> None:
        if editor is self.editor:
            self._stale = True

    # -- content ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the assessment and show it (or nothing when no session is open)."""
        self._stale = False
        if self.editor is None:
            self.assessment = None
            self.body.hide()
            return
        self.assessment = assess(self.ctx.questionnaire, self.editor.session)
        self._show(self.assessment)
        self.body.show()

    def _show(self, result: Assessment) -> None:
        h = self.wording.headings
        self._show_triage(result)
        self.disclaimer.setText(f"<i>{escape(result.disclaimer)}</i>")
        self._show_unanswered(result)
        self.headings["red_flags"].setVisible(bool(result.red_flags))
        for flag_box, flag in zip(self.flags.take(len(result.red_flags)), result.red_flags, strict=True):
            self._show_flag(flag_box, flag, h["because"])
        self.headings["see_clinician"].setVisible(bool(result.see_clinician))
        for label, reason in zip(self.reasons.take(len(result.see_clinician)), result.see_clinician, strict=True):
            because = "; ".join(e.text for e in reason.because)
            label.setObjectName(f"reason_{reason.id}")
            label.setText(f"<b>{escape(reason.title)}</b>: {escape(because)}")
        self.no_causes.setVisible(not result.causes)
        for rank, (box, cause) in enumerate(zip(self.causes.take(len(result.causes)), result.causes, strict=True), 1):
            self._show_cause(box, rank, cause)
        self.headings["training"].setVisible(bool(result.training_note))
        self.training.setVisible(bool(result.training_note))
        self.training.setText(escape(result.training_note or ""))
        self.advice.setText(_bullets(result.advice))
        self.cautions.setText(_bullets(result.cautions))
        self.headings["risk_factors"].setVisible(bool(result.risk_factors))
        self.risk_factors.setVisible(bool(result.risk_factors))
        self.risk_factors.setText(_bullets(result.risk_factors))

    def _show_triage(self, result: Assessment) -> None:
        """The one next step: the triage level's action once, with what that level's rules add."""
        step = result.next_step
        title = step.title if step else self.wording.triage[result.triage].title
        lines = [step.action] if step else [self.wording.triage[result.triage].text]
        lines += [f"• {detail}" for detail in (step.details if step else [])]
        if result.no_warning_sign_found() and self.wording.all_answered:
            lines.insert(0, self.wording.all_answered)
        colour = LEVEL_COLOUR.get(result.triage, "#8b0000")
        _set_style(self.triage_box,
                   f"#triageBanner {{ background: {colour}; border-radius: 4px; }} QLabel {{ color: white; }}")
        self.triage_title.setText(f"<b>{escape(title)}</b>")
        self.triage_text.setText("<br>".join(escape(line) for line in lines))
        self.triage_box.setAccessibleName(f"{title}. {' '.join(lines)}")

    def _show_unanswered(self, result: Assessment) -> None:
        """Warning-sign questions left unanswered: listed, so "no" is never assumed."""
        shown = bool(result.unanswered_warnings)
        self.headings["unanswered"].setVisible(shown)
        self.unanswered.setVisible(shown)
        listed = _bullets([question.text for question in result.unanswered_warnings])
        self.unanswered.setText(f"{escape(self.wording.headings['unanswered_intro'])}<br>{listed}" if shown else "")

    def _show_flag(self, box: _FlagBox, flag: RedFlag, because: str) -> None:
        """A danger sign as a reason under the next step (its action, if any, is already in the step)."""
        box.setObjectName(f"flag_{flag.id}")
        colour = LEVEL_COLOUR.get(flag.level, "#8b0000")
        # Its own dark text on its pale box, whatever the window's colour scheme (text 16:1, the grey 9:1).
        _set_style(box, f"#flag_{flag.id} {{ border-left: 5px solid {colour}; background: #fff5f2; }} "
                        f"#flag_{flag.id} QLabel {{ color: #1b1f24; }}")
        reasons = "; ".join(e.text for e in flag.because)
        box.text.setText(f"<b>{escape(flag.title)}</b><br>"
                         f"<span style='color:#444'>{escape(because)}: {escape(reasons)}</span>")
        box.text.setAccessibleName(f"{flag.title}. {because}: {reasons}")

    def _show_cause(self, box: _CauseBox, rank: int, cause: CauseResult) -> None:
        h = self.wording.headings
        box.setObjectName(f"cause_{cause.id}")
        _set_style(box, f"#cause_{cause.id} {{ border: 1px solid #c9ced6; border-radius: 4px; }}")
        box.name.setText(f"<b>{rank}. {escape(cause.name)}</b>")
        box.towards.setText(f"<b>{escape(h['points_towards'])}</b><br>{_evidence(cause.points_towards, h['nothing'])}")
        box.away.setText(f"<b>{escape(h['points_away'])}</b><br>{_evidence(cause.points_away, h['nothing'])}")
