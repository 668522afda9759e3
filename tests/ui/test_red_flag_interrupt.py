"""A red-flag answer interrupts at once (before Next) with the triage level and what to do now."""

from __future__ import annotations

from tests.ui.conftest import click, fill_about, fill_start


def go_to_symptoms(window) -> None:
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("symptoms")


def test_saddle_numbness_shows_emergency_at_once_and_flow_goes_on(window) -> None:
    go_to_symptoms(window)
    assert not window.wizard.banner.isVisible()
    click(window, "rf_saddle_numbness", "yes")
    banner = window.wizard.banner
    assert banner.isVisible()
    text = banner.text.text()
    assert "Emergency: get help now" in text
    assert "emergency department now" in text
    assert banner.accessibleName().startswith("Emergency: get help now")
    assert window.current_page_id() == "symptoms"  # shown before Next, on the same page
    assert window.wizard.next()  # the person can still go on
    assert banner.isVisible()
    window.wizard.go_to_page("summary")
    assert window.wizard.next()  # and finish
    assert window.ctx.store.list_sessions(status="complete")


def test_flag_clears_when_the_answer_is_changed(window) -> None:
    go_to_symptoms(window)
    click(window, "rf_bladder_bowel", "yes")
    assert window.wizard.banner.isVisible()
    click(window, "rf_bladder_bowel", "no")
    assert not window.wizard.banner.isVisible()


def test_urgent_level_for_steroids(window) -> None:
    go_to_symptoms(window)
    window.wizard.go_to_page("history")
    click(window, "med_steroids", "yes")
    flags = window.wizard.banner.flags
    assert flags and flags[0].level == "urgent"
    assert "Urgent: see a doctor within 24–48 hours" in window.wizard.banner.text.text()


def test_not_sure_never_hides_a_flag(window) -> None:
    go_to_symptoms(window)
    click(window, "rf_saddle_numbness", "unsure")
    assert window.wizard.banner.isVisible()
    assert window.wizard.banner.flags[0].level == "emergency"
