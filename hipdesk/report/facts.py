"""What the report shows, worked out from the session as plain data (no reportlab), so it is easy to test."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hipdesk.activities.chart import WeeklyChart, weekly_chart
from hipdesk.activities.load import weekly_change
from hipdesk.activities.record import from_watch, stored_record
from hipdesk.activities.wording import load_watch_wording
from hipdesk.content import vocab
from hipdesk.content.body_sites import BodySites, load_body_sites
from hipdesk.content.branching import effective_answers
from hipdesk.content.exam_tests import exam_test_name
from hipdesk.content.questionnaire import Item, Questionnaire
from hipdesk.report.wording import ReportWording
from hipdesk.session import Session

Row = tuple[str, str]


@dataclass
class RegionRow:
    """One marked region as the report lists it."""

    region: str
    side: str
    name: str
    side_label: str
    intensity: int


@dataclass
class ExamCell:
    """One side of one examination test, in words."""

    result: str
    outcome: str
    pain: str
    value: str


@dataclass
class ExamRow:
    """One examination test with its result on each side that was recorded."""

    test: str
    name: str
    sides: dict[str, ExamCell]


@dataclass
class ReportFacts:
    """The session's facts, already in words, in the order of the report."""

    name: str
    header: list[Row]
    regions: list[RegionRow]
    pain: list[Row]
    training: list[Row]
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    watch_chart: WeeklyChart | None = None  # the weekly distances from the person's watch files, if imported
    history: list[Row] = field(default_factory=list)
    exam: list[ExamRow] = field(default_factory=list)


def _exam_order(test: str) -> int:
    """Tests in the clinical order of the vocabulary; unknown ones last."""
    return vocab.EXAM_TESTS.index(test) if test in vocab.EXAM_TESTS else len(vocab.EXAM_TESTS)


def format_answer(questionnaire: Questionnaire, item: Item, value: Any, answers: Mapping[str, Any]) -> str:
    """A stored answer as the report shows it (scales as n/10, distances with the person's unit)."""
    if item.type == "scale":
        return f"{value}/10"
    if item.type == "distance":
        return f"{value:g} {answers.get('distance_unit', 'km')}"
    if isinstance(value, float):
        value = f"{value:g}"
    return questionnaire.answer_label(item, value)


def _rows(
    questionnaire: Questionnaire, wording: ReportWording, ids: list[str], answers: Mapping[str, Any]
) -> list[Row]:
    index = questionnaire.item_index()
    rows = []
    for item_id in ids:
        item = index.get(item_id)
        if item is None or item_id not in answers:
            continue
        label = wording.short_labels.get(item_id, item.label)
        rows.append((label, format_answer(questionnaire, item, answers[item_id], answers)))
    return rows


def collect_facts(
    questionnaire: Questionnaire,
    session: Session,
    wording: ReportWording,
    body_sites: BodySites | None = None,
    exam_names: Mapping[str, str] | None = None,
) -> ReportFacts:
    """Everything the report lists, from the answers that apply (skipped questions never count as "no")."""
    sites = body_sites or load_body_sites()
    labels = wording.labels
    answers = effective_answers(questionnaire, session.answers)
    index = questionnaire.item_index()

    name = str(answers.get("name", "")).strip() or labels["no_name"]
    age = session.age()
    sex = answers.get("sex")
    header: list[Row] = [
        (labels["age"], str(age) if age is not None else labels["not_given"]),
        (labels["sex"], index["sex"].option_label(sex) if isinstance(sex, str) and "sex" in index else labels["not_given"]),
        (labels["date"], (session.finished_at or session.created_at)[:10]),
    ]
    header += _rows(questionnaire, wording, wording.header_items, answers)

    regions = [
        RegionRow(m.region, m.side, sites.name(m.region), labels[m.side], m.intensity) for m in session.region_list()
    ]

    training = _rows(questionnaire, wording, wording.training_items, answers)
    watch_wording = load_watch_wording()
    watch_labels = {wording.short_labels.get(i, index[i].label) for i in from_watch(session.answers) if i in index}
    training = [(label, f"{value} ({watch_wording.from_watch})" if label in watch_labels else value)
                for label, value in training]
    record = stored_record(session.answers)
    unit = str(answers.get("distance_unit", "km"))
    chart = weekly_chart(record, unit, watch_wording) if record is not None else None
    change = weekly_change(answers)
    if change is not None:
        training.insert(
            min(3, len(training)), (labels["weekly_change"], f"{change:+.0f} %")
        )

    present: list[str] = []
    absent: list[str] = []
    unsure: list[str] = []
    for item_id in wording.symptom_items:
        item = index.get(item_id)
        if item is None or item_id not in answers:
            continue  # not asked, or not answered: never listed as absent
        label = wording.short_labels.get(item_id, item.label)
        {"yes": present, "no": absent}.get(answers[item_id], unsure).append(label)

    exam: dict[str, ExamRow] = {}
    for result in sorted(session.exam_list(), key=lambda r: (_exam_order(r.test), r.test, r.side)):
        row = exam.setdefault(result.test, ExamRow(result.test, exam_test_name(result.test, exam_names), {}))
        unit = f" {labels['seconds']}" if result.test == "single_leg_stance_30s" else ""
        row.sides[result.side] = ExamCell(
            result=labels.get(result.result, result.result),
            outcome=result.result,
            pain="" if result.pain is None else f"{result.pain}/10",
            value="" if result.value is None else f"{result.value:g}{unit}",
        )

    return ReportFacts(
        name=name,
        header=header,
        regions=regions,
        pain=_rows(questionnaire, wording, wording.pain_items, answers),
        training=training,
        present=present,
        absent=absent,
        unsure=unsure,
        history=_rows(questionnaire, wording, wording.history_items, answers),
        watch_chart=chart,
        exam=list(exam.values()),
    )
