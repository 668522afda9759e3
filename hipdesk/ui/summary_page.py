"""The summary step: triage, danger signs, possible causes with their reasons, advice and cautions.

Everything shown comes from `assess()` and the wording file; this page only lays it out.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
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


def _label(html: str, name: str = "", accessible: str = "") -> QLabel:
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


class SummaryPage(WizardPage):
    """Page 9: the assessment of the session, recomputed each time the page is shown."""

    def __init__(self, page: Page, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(page, ctx, parent)
        self.wording: SummaryWording = summary_wording()
        self.assessment: Assessment | None = None
        self.body = QWidget()
        self.body.setObjectName("summaryBody")
        self.sections = QVBoxLayout(self.body)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self.sections.setSpacing(10)
        self.body.setMaximumWidth(1200)  # very long lines are hard to read on wide screens
        self.layout_.addWidget(self.body)
        self.layout_.addStretch(1)
        # Save PDF, print, FHIR and answers file; hidden in kiosk mode (exports are for staff).
        self.export_bar = ExportBar(ctx, lambda: self.editor)
        self.export_bar.setVisible(not ctx.kiosk)
        self.layout_.addWidget(self.export_bar)

    # -- WizardPage -------------------------------------------------------------------------------
    def bind(self, editor: SessionEditor | None) -> None:
        super().bind(editor)
        self.refresh()

    def entered(self) -> None:
        self.refresh()

    # -- content ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the assessment and show it (or nothing when no session is open)."""
        self._clear()
        if self.editor is None:
            self.assessment = None
            return
        self.assessment = assess(self.ctx.questionnaire, self.editor.session)
        self._show(self.assessment)

    def _clear(self) -> None:
        while self.sections.count():
            entry = self.sections.takeAt(0)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.setParent(None)  # out of the tree at once, so nothing stale is shown or found
                widget.deleteLater()

    def _add(self, widget: QWidget) -> None:
        self.sections.addWidget(widget)
        widget.show()  # a child added to a shown page stays hidden until the next event loop turn otherwise

    def _heading(self, key: str) -> None:
        text = self.wording.headings[key]
        heading = _label(f"<b>{escape(text)}</b>", f"heading_{key}")
        heading.setStyleSheet("font-size: 13pt; margin-top: 6px;")
        self._add(heading)

    def _show(self, result: Assessment) -> None:
        h = self.wording.headings
        self._add(self._triage_banner(result))
        self._add(_label(f"<i>{escape(result.disclaimer)}</i>", "disclaimerLabel"))
        if result.red_flags:
            self._heading("red_flags")
            for flag in result.red_flags:
                self._add(self._flag_box(flag, h["because"]))
        if result.see_clinician:
            self._heading("see_clinician")
            for reason in result.see_clinician:
                because = "; ".join(e.text for e in reason.because)
                self._add(_label(f"<b>{escape(reason.title)}</b>: {escape(because)}", f"reason_{reason.id}"))
        self._heading("causes")
        self._add(_label(escape(h["causes_intro"]), "causesIntro"))
        if not result.causes:
            self._add(_label(escape(h["no_causes"]), "noCauses"))
        for rank, cause in enumerate(result.causes, start=1):
            self._add(self._cause_box(rank, cause))
        if result.training_note:
            self._heading("training")
            self._add(_label(escape(result.training_note), "trainingNote"))
        self._heading("advice")
        self._add(_label(_bullets(result.advice), "adviceList"))
        self._heading("cautions")
        self._add(_label(_bullets(result.cautions), "cautionList"))
        if result.risk_factors:
            self._heading("risk_factors")
            self._add(_label(_bullets(result.risk_factors), "riskFactorList"))

    def _triage_banner(self, result: Assessment) -> QFrame:
        wording = self.wording.triage[result.triage]
        box = QFrame()
        box.setObjectName("triageBanner")
        colour = LEVEL_COLOUR.get(result.triage, "#8b0000")
        box.setStyleSheet(f"#triageBanner {{ background: {colour}; border-radius: 4px; }} QLabel {{ color: white; }}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 8, 12, 8)
        title = _label(f"<b>{escape(wording.title)}</b>", "triageTitle")
        title.setStyleSheet("font-size: 15pt;")
        layout.addWidget(title)
        layout.addWidget(_label(escape(wording.text), "triageText"))
        box.setAccessibleName(f"{wording.title}. {wording.text}")
        return box

    def _flag_box(self, flag: RedFlag, because: str) -> QFrame:
        box = QFrame()
        box.setObjectName(f"flag_{flag.id}")
        colour = LEVEL_COLOUR.get(flag.level, "#8b0000")
        box.setStyleSheet(f"#flag_{flag.id} {{ border-left: 5px solid {colour}; background: #fff5f2; }}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 6, 10, 6)
        reasons = "; ".join(e.text for e in flag.because)
        layout.addWidget(
            _label(
                f"<b>{escape(flag.title)}</b><br>{escape(flag.action)}<br>"
                f"<span style='color:#444'>{escape(because)}: {escape(reasons)}</span>",
                accessible=f"{flag.title}. {flag.action} {because}: {reasons}",
            )
        )
        return box

    def _cause_box(self, rank: int, cause: CauseResult) -> QFrame:
        h = self.wording.headings
        box = QFrame()
        box.setObjectName(f"cause_{cause.id}")
        box.setStyleSheet(f"#cause_{cause.id} {{ border: 1px solid #c9ced6; border-radius: 4px; }}")
        grid = QGridLayout(box)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(18)
        grid.addWidget(_label(f"<b>{rank}. {escape(cause.name)}</b>", "causeName"), 0, 0, 1, 2)
        towards = _label(
            f"<b>{escape(h['points_towards'])}</b><br>{_evidence(cause.points_towards, h['nothing'])}", "pointsTowards"
        )
        away = _label(f"<b>{escape(h['points_away'])}</b><br>{_evidence(cause.points_away, h['nothing'])}", "pointsAway")
        towards.setAlignment(Qt.AlignmentFlag.AlignTop)
        away.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(towards, 1, 0)
        grid.addWidget(away, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return box
