"""Assessment v2 on screen: one next step, unanswered warning signs listed, and Finish asks first."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import click, fill_about, fill_start
from tests.ui.test_summary_page import all_text, make_page, shown_text


def test_emergency_banner_gives_one_action_and_lists_the_weaker_flag_only_as_a_reason(window) -> None:
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("symptoms")
    click(window, "rf_saddle_numbness", "yes")
    window.wizard.go_to_page("history")
    click(window, "med_steroids", "yes")
    text = window.wizard.banner.text.text()
    assert text.count("emergency department now") == 1
    assert "Hip pain while taking steroid tablets" in text  # listed as a reason…
    assert "24–48 hours" not in text and "blood supply" not in text  # …without its own weaker action


def test_summary_lists_unanswered_warning_signs_and_never_says_none_was_found(qtbot, questionnaire, store) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    editor.set_answer("pain_lying_on_side", "yes")
    page.entered()
    assert "Self-care" in shown_text(page, "triageTitle")
    listed = shown_text(page, "unansweredList")
    assert "Numbness between the legs or around the back passage?" in listed
    assert "Fever, chills or feeling generally unwell?" in listed
    assert "None of the warning signs" not in all_text(page)


def test_summary_says_none_was_found_only_when_every_warning_question_was_answered(qtbot, questionnaire, store) -> None:
    page, editor = make_page(qtbot, questionnaire, store)
    editor.set_answer("sex", "male")
    editor.set_answer("age", 40)
    for item_id in page.ctx.questionnaire.item_index():
        item = page.ctx.questionnaire.item(item_id)
        if item.type == "yesno":
            editor.set_answer(item_id, "no")
    for item_id, value in {"bear_weight": "normal", "onset": "gradual", "conditions": ["none"]}.items():
        editor.set_answer(item_id, value)
    page.entered()
    unanswered = page.findChild(QLabel, "unansweredList")
    assert unanswered is None or not unanswered.isVisible()
    assert "None of the warning signs asked about was reported." in shown_text(page, "triageText")


def test_finish_with_unanswered_warning_signs_asks_lists_them_and_goes_to_the_first(window) -> None:
    asked: list[tuple[str, str]] = []
    window.ctx.ask = lambda _parent, title, text: asked.append((title, text)) or False  # "No": go there
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("summary")
    assert not window.wizard.next()  # not finished
    assert len(asked) == 1 and "Did it start with a fall or a blow?" in asked[0][1]
    assert "Numbness between the legs or around the back passage?" in asked[0][1]
    assert window.current_page_id() == "pain"  # the first unanswered question is on the pain page
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName().startswith("onset__")  # "How did it start?", first on that page
    assert window.ctx.store.list_sessions(status="complete") == []
    # Answering "finish anyway" finishes.
    window.ctx.ask = lambda *_: True
    window.wizard.go_to_page("summary")
    assert window.wizard.next()
    assert window.ctx.store.list_sessions(status="complete")
