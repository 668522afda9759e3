"""The summary page shows the assessment of the session it is bound to: triage, flags, causes, advice."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from hipdesk.actions.editing import SessionEditor
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import ExamResult
from hipdesk.storage.store import SessionStore
from hipdesk.ui.context import UiContext
from hipdesk.ui.summary_page import SummaryPage


def make_page(qtbot, questionnaire: Questionnaire, store: SessionStore) -> tuple[SummaryPage, SessionEditor]:
    editor = SessionEditor(store, questionnaire, store.create_session({}))
    page = SummaryPage(questionnaire.page("summary"), UiContext(questionnaire, store))
    qtbot.addWidget(page)
    page.bind(editor)
    page.resize(1024, 600)
    page.show()
    return page, editor


def shown_text(page: SummaryPage, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    assert label.isVisible(), name
    return label.text()


def all_text(page: SummaryPage) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


def test_emergency_flag_is_shown_first_with_the_answer_that_raised_it(qtbot, questionnaire, store) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    editor.set_answer("rf_fever", "yes")
    editor.set_answer("rf_hot_swollen_joint", "unsure")
    page.entered()
    assert "Emergency" in shown_text(page, "triageTitle")
    text = all_text(page)
    assert "Is the hip hot, red or swollen? — Not sure" in text
    assert "Fever, chills or feeling generally unwell? — Yes" in text
    assert text.index("Danger signs") < text.index("Possible causes")
    assert "This is not a diagnosis" in shown_text(page, "disclaimerLabel")


def test_gtps_case_lists_causes_with_reasons_advice_and_cautions(qtbot, questionnaire, store) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    for item_id, value in {
        "sex": "female", "age": "50", "pain_lying_on_side": "yes", "med_antidepressant": "yes", "conditions": ["ulcer_bleeding"],
    }.items():
        editor.set_answer(item_id, value)
    editor.set_region("outer_hip", "right", 6)
    editor.set_exam(ExamResult("trochanter_palpation", "right", "positive", pain=5))
    editor.set_exam(ExamResult("fadir", "right", "negative"))
    page.entered()
    assert shown_text(page, "triageTitle") == "<b>Self-care, with monitoring</b>"
    names = [label.text() for label in page.findChildren(QLabel, "causeName") if label.isVisible()]
    assert names[0].startswith("<b>1. Greater trochanteric pain syndrome")
    towards = page.findChildren(QLabel, "pointsTowards")[0].text()
    assert "Lying on that side? — Yes" in towards and "right outer hip" in towards
    cautions = shown_text(page, "cautionList")
    assert "SSRI or SNRI" in cautions and "stomach ulcer" in cautions
    assert "LEAP" in shown_text(page, "adviceList")
    assert "Danger signs" not in all_text(page)


def test_recomputed_on_entry_and_cleared_when_the_session_closes(qtbot, questionnaire, store) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    assert "Self-care" in shown_text(page, "triageTitle")
    editor.set_answer("rf_bladder_bowel", "yes")
    page.entered()
    assert "Emergency" in shown_text(page, "triageTitle")
    page.bind(None)
    assert page.findChild(QLabel, "triageTitle") is None or not page.findChild(QLabel, "triageTitle").isVisible()


def test_updated_in_place_and_only_after_a_change(qtbot, questionnaire, store, monkeypatch) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    title = page.findChild(QLabel, "triageTitle")
    calls = []
    import hipdesk.ui.summary_page as summary_module

    real = summary_module.assess
    monkeypatch.setattr(summary_module, "assess", lambda q, s: calls.append(1) or real(q, s))
    page.entered()
    assert calls == []  # nothing changed since it was shown: no second assessment
    editor.set_answer("rf_bladder_bowel", "yes")
    page.entered()
    assert calls == [1]
    assert page.findChild(QLabel, "triageTitle") is title and "Emergency" in title.text()
    assert page.findChild(QLabel, "heading_red_flags").isVisible()
    editor.set_answer("rf_bladder_bowel", "no")
    page.entered()
    assert not page.findChild(QLabel, "heading_red_flags").isVisible()
    assert "Danger signs" not in all_text(page)


def test_the_summary_page_loads_without_the_pdf_or_print_stack() -> None:
    import subprocess
    import sys

    code = ("import sys, hipdesk.ui.summary_page, hipdesk.ui.wizard; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPrintSupport', 'pypdfium2'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
