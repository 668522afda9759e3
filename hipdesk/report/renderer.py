"""The PDF report for the doctor: one renderer, stylesheet built once, story built section by section."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hipdesk import __version__
from hipdesk.assessment.model import Assessment, CauseResult, Evidence, RedFlag
from hipdesk.content.body_regions import intensity_colour, text_colour_on
from hipdesk.content.body_sites import BodySites
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.library.trends import PersonTrend, shown_note
from hipdesk.report.body_figure import figure_drawing
from hipdesk.report.canvas import NumberedCanvas
from hipdesk.report.facts import ReportFacts, Row, collect_facts
from hipdesk.report.fonts import BODY, BOLD, is_wide, register_body_fonts
from hipdesk.report.markup import markup
from hipdesk.report.trend_chart import trend_drawing
from hipdesk.report.weekly_chart import weekly_chart_drawing
from hipdesk.report.wording import ReportWording, load_wording
from hipdesk.session import RegionMark, Session

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}
#: Draws the body figure beside the region table: `hipdesk.report.body_figure.figure_drawing(marks, width)`.
FigureHook = Callable[[list[RegionMark], float], Flowable]

MARGIN = 15 * mm
TRIAGE_COLOURS = {
    "emergency": (colors.HexColor("#b71c1c"), colors.white),
    "urgent": (colors.HexColor("#d84315"), colors.white),
    "soon": (colors.HexColor("#f9a825"), colors.black),
    "self_care": (colors.HexColor("#2e7d32"), colors.white),
}
GRID = colors.HexColor("#b0b0b0")
SHADE = colors.HexColor("#f0f0f0")


class ReportRenderer:
    """Renders one session and its assessment to PDF bytes. Build once, render many times."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        *,
        page_size: PageSize = "A4",
        figure: FigureHook | None = None,
        wording: ReportWording | None = None,
        body_sites: BodySites | None = None,
        exam_names: dict[str, str] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        register_body_fonts()
        self.questionnaire = questionnaire
        self.page_size = PAGE_SIZES[page_size]
        self.figure = figure
        self.wording = wording or load_wording()
        self.body_sites = body_sites
        self.exam_names = exam_names
        self.clock = clock or (lambda: dt.datetime.now().astimezone())
        self.width = self.page_size[0] - 2 * MARGIN
        self.styles = self._build_styles()

    # -- styles -------------------------------------------------------------------------------------
    def _build_styles(self) -> dict[str, ParagraphStyle]:
        body = ParagraphStyle("body", fontName=BODY, fontSize=8.5, leading=10.6, alignment=TA_LEFT)
        styles = {
            "body": body,
            "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.2, textColor=colors.HexColor("#333333")),
            "label": ParagraphStyle("label", parent=body, fontName=BOLD),
            "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=16),
            "name": ParagraphStyle("name", parent=body, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=2),
            "heading": ParagraphStyle(
                "heading", parent=body, fontName=BOLD, fontSize=10, leading=12.5, spaceBefore=7, spaceAfter=2.5,
                textColor=colors.HexColor("#1a3c6e"), keepWithNext=1,  # never a heading alone at a page's foot
            ),
            "triage": ParagraphStyle("triage", parent=body, fontName=BOLD, fontSize=11, leading=14),
        }
        # The same styles for text holding Chinese/Japanese/Korean, which may break between any characters.
        for key in list(styles):
            styles[key + "_cjk"] = ParagraphStyle(key + "_cjk", parent=styles[key], wordWrap="CJK")
        return styles

    def para(self, text: str, style: str = "body", **overrides: Any) -> Paragraph:
        """A Paragraph of markup already built with `markup()`; wraps CJK text where it must."""
        chosen = self.styles[style + "_cjk"] if any(is_wide(ch) for ch in text) else self.styles[style]
        if overrides:
            chosen = ParagraphStyle(chosen.name + "_x", parent=chosen, **overrides)
        return Paragraph(text, chosen)

    def text(self, plain: object, style: str = "body", **overrides: Any) -> Paragraph:
        """A Paragraph showing `plain` exactly (escaped through `markup`)."""
        return self.para(markup(plain), style, **overrides)

    def labelled(self, label: str, value: str, style: str = "body") -> Paragraph:
        """"Label: value" with the label in bold; both escaped."""
        return self.para(f"<b>{markup(label)}:</b> {markup(value)}", style)

    # -- the document -------------------------------------------------------------------------------
    def render(self, session: Session, assessment: Assessment, trend: PersonTrend | None = None) -> bytes:
        """The whole report as PDF bytes; with `trend`, the person's pain over time too."""
        facts = collect_facts(self.questionnaire, session, self.wording, self.body_sites, self.exam_names)
        generated = self.clock().strftime("%Y-%m-%d %H:%M")
        # The footer names the person on every page (pages get separated); the header has the full name.
        short_name = facts.name if len(facts.name) <= 50 else facts.name[:49] + "…"
        footer = " · ".join([short_name, self.wording.footer.format(version=__version__, generated=generated)])
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=12 * mm,
            bottomMargin=17 * mm,
            title="HipDesk report",
            author="HipDesk",
            creator=f"HipDesk {__version__}",
        )
        canvasmaker = partial(NumberedCanvas, footer_left=footer, page_of=self.wording.page_of)
        doc.build(self.story(facts, assessment, trend), canvasmaker=canvasmaker)
        return buffer.getvalue()

    def story(self, facts: ReportFacts, assessment: Assessment, trend: PersonTrend | None = None) -> list[Flowable]:
        """Every section in reading order: danger first, the not-a-diagnosis statement last."""
        story: list[Flowable] = []
        story += self.header_section(facts)
        story += self.triage_section(assessment)
        story += self.where_section(facts)
        story += self.pain_training_section(facts, assessment)
        story += self.trend_section(trend)
        story += self.symptoms_section(facts)
        story += self.history_section(facts)
        story += self.exam_section(facts)
        story += self.causes_section(assessment.causes)
        story += self.advice_section(assessment)
        # The statement goes with the last section (heading and list), so it never stands alone on a page.
        last = story[-2:]
        story[-2:] = [KeepTogether([*last, Spacer(1, 4 * mm), self.disclaimer_box(assessment)])]
        return story

    def trend_section(self, trend: PersonTrend | None) -> list[Flowable]:
        """Pain scores and region intensities over the person's sessions; changes of 2 points or 30 % ringed."""
        if trend is None or len(trend.dates) < 2:
            return []
        section: list[Flowable] = [self.heading("trends")]
        if not trend.shows_all:  # the same words as the library window's chart
            section.append(self.text(shown_note(trend), "small"))
        charts = [(trend.scores, self.wording.labels["trend_scores"])]
        if trend.regions:
            charts.append((trend.regions, self.wording.labels["trend_regions"]))
        for series, title in charts:
            section.append(trend_drawing(series, trend.dates, width=self.width, height=140, title=title, font_name=BODY))
        section.append(self.text(self.wording.labels["trend_note"], "small"))
        return section

    def heading(self, key: str) -> Paragraph:
        """A section heading from the wording file."""
        return self.text(self.wording.headings[key], "heading")

    def grid(self, rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = False,
             extra: Sequence[tuple[Any, ...]] = ()) -> Table:
        """A light table; `extra` adds style commands (colours per cell)."""
        table = Table([list(row) for row in rows], colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        table.setStyle(TableStyle(commands + list(extra)))
        return table

    # -- sections -----------------------------------------------------------------------------------
    def header_section(self, facts: ReportFacts) -> list[Flowable]:
        """Title, the person's name or label, and who, when, where."""
        labels = self.wording.labels
        cells = [self.labelled(label, value) for label, value in facts.header]
        per_row = 3
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[self.width / per_row] * per_row, hAlign="LEFT")
        table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [
            self.text(self.wording.title, "title"),
            self.para(f"{markup(labels['name'])}: {markup(facts.name)}", "name"),
            table,
            Spacer(1, 3 * mm),
        ]

    def triage_section(self, assessment: Assessment) -> list[Flowable]:
        """The one next step in a coloured band, unanswered warning signs, then every reason with its answers."""
        wording = self.wording.triage[assessment.triage]
        background, foreground = TRIAGE_COLOURS[assessment.triage]
        step = assessment.next_step
        action = step.action if step is not None else wording.text
        band = Table(
            [[self.para(f"{markup(self.wording.headings['triage'])}: {markup(wording.title)} — {markup(action)}",
                        "triage", textColor=foreground)]],
            colWidths=[self.width],
        )
        band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), background), ("TOPPADDING", (0, 0), (-1, -1), 5),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
        flowables: list[Flowable] = [band]
        if step is not None and step.details:
            flowables += [Spacer(1, 2), self.bullets(step.details)]
        if assessment.unanswered_warnings:
            flowables.append(self.heading("unanswered"))
            listed = "; ".join(markup(question.text) for question in assessment.unanswered_warnings)
            flowables.append(self.para(f"{markup(self.wording.labels['unanswered_intro'])} {listed}"))
        flowables.append(self.heading("red_flags"))
        if not assessment.red_flags:
            # "None found" only when every warning-sign question was answered; else only "none raised".
            from hipdesk.assessment.wording import summary_wording

            said = summary_wording().all_answered if assessment.no_warning_sign_found() else ""
            flowables.append(self.text(said or self.wording.labels["no_red_flags"]))
        for flag in assessment.red_flags:
            flowables.append(self.red_flag(flag))
        if assessment.see_clinician:
            flowables.append(self.heading("see_clinician"))
            flowables += [self.red_flag(reason) for reason in assessment.see_clinician]
        return flowables

    def red_flag(self, flag: RedFlag) -> Flowable:
        """One reason under the next step: what, at which level, because of which answers (no action of its own)."""
        level = self.wording.triage[flag.level].title
        lines = [self.para(f"<b>{markup(flag.title)}</b> ({markup(level)})")]
        if flag.because:
            lines.append(self.evidence_line(self.wording.labels["because"], flag.because))
        return KeepTogether(lines + [Spacer(1, 1.5)])

    def evidence_line(self, label: str, evidence: Sequence[Evidence]) -> Paragraph:
        """"Label: a; b; c" in small type."""
        listed = "; ".join(markup(e.text) for e in evidence) or markup(self.wording.labels["none_reported"])
        return self.para(f"<b>{markup(label)}:</b> {listed}", "small", leftIndent=8)

    def where_section(self, facts: ReportFacts) -> list[Flowable]:
        """The body figure (unless the renderer was made without one) beside a Region | Left | Right table."""
        labels = self.wording.labels
        if not facts.regions:
            return [self.heading("where"), self.text(labels["no_regions"]), Spacer(1, 2 * mm)]
        by_region: dict[str, dict[str, int]] = {}
        names: dict[str, str] = {}
        for mark in facts.regions:  # already most intense first
            by_region.setdefault(mark.region, {})[mark.side] = mark.intensity
            names[mark.region] = mark.name
        rows: list[list[Any]] = [[self.text(labels["region"], "label"),
                                  self.para(f"<b>{markup(labels['left'].upper())}</b>"),
                                  self.para(f"<b>{markup(labels['right'].upper())}</b>")]]
        extra: list[tuple[Any, ...]] = []
        for number, (region, sides) in enumerate(by_region.items(), start=1):
            cells: list[Any] = [self.text(names[region])]
            for column, side in enumerate(("left", "right"), start=1):
                if side not in sides:
                    cells.append("")
                    continue
                intensity = sides[side]
                # The figure's ramp and text colour: the same intensity looks the same in the table beside it.
                cells.append(self.text(f"{intensity}/10", "label", textColor=colors.HexColor(text_colour_on(intensity))))
                extra.append(("BACKGROUND", (column, number), (column, number), colors.HexColor(intensity_colour(intensity))))
            rows.append(cells)
        table_width = min(self.width, 95 * mm)
        table = self.grid(rows, [table_width * 0.56, table_width * 0.22, table_width * 0.22], header=True, extra=extra)
        if self.figure is None:
            return [self.heading("where"), table, Spacer(1, 2 * mm)]
        figure_width = self.width - table_width - 6 * mm
        marks = [RegionMark(r.region, r.side, r.intensity) for r in facts.regions]  # type: ignore[arg-type]
        drawing = self.figure(marks, figure_width)
        side_by_side = Table([[drawing, [table, Spacer(1, 2), self.text(labels["figure_caption"], "small")]]],
                             colWidths=[figure_width + 6 * mm, table_width], hAlign="LEFT")
        side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [self.heading("where"), side_by_side, Spacer(1, 2 * mm)]

    def kv_table(self, rows: Sequence[Row], width: float) -> Table:
        """Label / value rows."""
        return self.grid([[self.text(label, "label"), self.text(value)] for label, value in rows],
                         [width * 0.55, width * 0.45])

    def pain_training_section(self, facts: ReportFacts, assessment: Assessment) -> list[Flowable]:
        """Pain scores and story beside the training summary."""
        half = (self.width - 6 * mm) / 2
        left: list[Flowable] = [self.heading("pain")]
        left.append(self.kv_table(facts.pain, half) if facts.pain else self.text(self.wording.labels["none_reported"]))
        right: list[Flowable] = [self.heading("training")]
        right.append(self.kv_table(facts.training, half) if facts.training
                     else self.text(self.wording.labels["none_reported"]))
        if assessment.training_note:
            right += [Spacer(1, 2), self.text(assessment.training_note, "small")]
        both = Table([[left, right]], colWidths=[half + 6 * mm, half], hAlign="LEFT")
        both.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [both, *self.watch_chart_section(facts, repeat_note=not assessment.training_note)]

    def watch_chart_section(self, facts: ReportFacts, repeat_note: bool = True) -> list[Flowable]:
        """The weekly distances from the person's watch files, with the two-week change worded as clinical.md says.

        The rise's wording is left out when the assessment's training note (just above) already says it.
        """
        chart = facts.watch_chart
        if chart is None:
            return []
        parts: list[Flowable] = [Spacer(1, 4), weekly_chart_drawing(chart, self.width, 44 * mm, BODY),
                                 self.text(chart.change_text, "small")]
        if chart.note and repeat_note:
            parts.append(self.text(chart.note, "small"))
        if chart.descent_text:
            parts.append(self.text(chart.descent_text, "small"))
        return [KeepTogether(parts)]

    def symptoms_section(self, facts: ReportFacts) -> list[Flowable]:
        """Present, absent and unsure: only questions that were asked and answered."""
        labels = self.wording.labels
        rows = []
        for key, listed in (("present", facts.present), ("absent", facts.absent), ("unsure", facts.unsure)):
            shown = "; ".join(markup(entry) for entry in listed) or markup(labels["none_reported"])
            rows.append([self.text(labels[key], "label"), self.para(shown)])
        return [self.heading("symptoms"), self.grid(rows, [22 * mm, self.width - 22 * mm])]

    def history_section(self, facts: ReportFacts) -> list[Flowable]:
        """Conditions, medicines and notes, as answered."""
        if not facts.history:
            return []
        half = (self.width - 6 * mm) / 2
        # Typed notes and long lists read better across the whole width.
        short = [(label, value) for label, value in facts.history if len(value) <= 40 and "\n" not in value]
        long = [(label, value) for label, value in facts.history if (label, value) not in short]
        middle = (len(short) + 1) // 2
        columns = Table([[self.kv_table(short[:middle], half) if short[:middle] else "",
                          self.kv_table(short[middle:], half) if short[middle:] else ""]],
                        colWidths=[half + 6 * mm, half], hAlign="LEFT")
        columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        flowables: list[Flowable] = [self.heading("history"), columns]
        for label, value in long:
            flowables.append(self.para(f"<b>{markup(label)}:</b> {markup(value)}"))
        return flowables

    def exam_section(self, facts: ReportFacts) -> list[Flowable]:
        """One row per test, left and right side by side: result, pain on the test, a measured value."""
        labels = self.wording.labels
        if not facts.exam:
            return [self.heading("exam"), self.text(labels["no_exam"])]
        rows: list[list[Any]] = [[self.text(labels["test"], "label"), self.text(labels["left"], "label"),
                                  self.text(labels["right"], "label")]]
        extra: list[tuple[Any, ...]] = []
        for number, row in enumerate(facts.exam, start=1):
            cells: list[Any] = [self.text(row.name)]
            for column, side in enumerate(("left", "right"), start=1):
                cell = row.sides.get(side)
                if cell is None:
                    cells.append("")
                    continue
                words = ", ".join(part for part in (cell.pain, cell.value) if part)
                shown = f"<b>{markup(cell.result)}</b>" if cell.outcome == "positive" else markup(cell.result)
                cells.append(self.para(shown + (f" ({markup(words)})" if words else "")))
                if cell.outcome == "positive":
                    extra.append(("BACKGROUND", (column, number), (column, number), colors.HexColor("#fde0dc")))
            rows.append(cells)
        widths = [self.width * f for f in (0.4, 0.3, 0.3)]
        table = self.grid(rows, widths, header=True, extra=extra)
        if len(rows) <= 12:  # a short table reads better whole, on the next page if need be
            return [KeepTogether([self.heading("exam"), table])]
        return [self.heading("exam"), table]

    def causes_section(self, causes: Sequence[CauseResult]) -> list[Flowable]:
        """Possible causes to discuss, ranked, each with what points towards it and away from it."""
        labels = self.wording.labels
        flowables: list[Flowable] = [CondPageBreak(30 * mm), self.heading("causes")]
        if not causes:
            return flowables + [self.text(labels["no_causes"])]
        for rank, cause in enumerate(causes, start=1):
            block: list[Flowable] = [self.para(f"<b>{rank}. {markup(cause.name)}</b>")]
            block.append(self.evidence_line(labels["points_towards"], cause.points_towards))
            block.append(self.evidence_line(labels["points_away"], cause.points_away))
            flowables.append(KeepTogether(block + [Spacer(1, 2)]))
        return flowables

    def bullets(self, entries: Sequence[str]) -> Flowable:
        """A bulleted list of plain texts."""
        return ListFlowable([ListItem(self.text(entry), leftIndent=10) for entry in entries], bulletType="bullet",
                            start="•", leftIndent=10, bulletFontName=BODY, bulletFontSize=8)

    def advice_section(self, assessment: Assessment) -> list[Flowable]:
        """Advice, then medicine cautions fitted to the history."""
        none = self.wording.labels["no_advice"]
        flowables: list[Flowable] = [self.heading("advice")]
        flowables.append(self.bullets(assessment.advice) if assessment.advice else self.text(none))
        flowables.append(self.heading("cautions"))
        flowables.append(self.bullets(assessment.cautions) if assessment.cautions else self.text(none))
        if assessment.risk_factors:
            flowables += [self.heading("risk_factors"), self.bullets(assessment.risk_factors)]
        return flowables

    def disclaimer_section(self, assessment: Assessment) -> list[Flowable]:
        """The not-a-diagnosis statement, boxed, kept whole."""
        return [Spacer(1, 4 * mm), KeepTogether([self.disclaimer_box(assessment)])]

    def disclaimer_box(self, assessment: Assessment) -> Table:
        """The not-a-diagnosis statement in its box (a KeepTogether inside another would force a page break)."""
        statement = assessment.disclaimer or self.questionnaire.disclaimer
        box = Table([[self.para(f"<b>{markup(self.wording.headings['disclaimer'])}.</b> {markup(statement)}")]],
                    colWidths=[self.width])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.75, colors.HexColor("#1a3c6e")),
                                 ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3fa")),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        return box


def render_report(questionnaire: Questionnaire, session: Session, assessment: Assessment, **options: Any) -> bytes:
    """One-off convenience: build a renderer (with the body figure) and render."""
    options.setdefault("figure", figure_drawing)
    return ReportRenderer(questionnaire, **options).render(session, assessment)
