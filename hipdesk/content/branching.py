"""Branching: which questions apply, from the enable-when conditions in the content."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hipdesk.content.questionnaire import Condition, Item, Questionnaire


def condition_holds(condition: Condition, answers: Mapping[str, Any]) -> bool:
    """True when `condition` holds for these answers; an unanswered item satisfies only `answered: false`."""
    if condition.answered is not None:
        return (condition.item in answers) == condition.answered
    if condition.item not in answers:
        return False
    value = answers[condition.item]
    if condition.equals is not None:
        return bool(value == condition.equals)
    if condition.one_of is not None:
        return value in condition.one_of
    if condition.contains is not None:
        return isinstance(value, list) and condition.contains in value
    if condition.at_least is not None:
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= condition.at_least
    return False


def item_enabled(item: Item, answers: Mapping[str, Any]) -> bool:
    """True when the item's enable-when conditions hold (an item without conditions always applies)."""
    if not item.enable_when:
        return True
    results = (condition_holds(condition, answers) for condition in item.enable_when)
    return all(results) if item.enable_behavior == "all" else any(results)


def applicable_items(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> set[str]:
    """Ids of the items that apply. An answer to an item that does not apply is ignored downstream."""
    effective: dict[str, Any] = {}
    applicable: set[str] = set()
    for item in questionnaire.items():
        if item_enabled(item, effective):
            applicable.add(item.id)
            if item.id in answers:
                effective[item.id] = answers[item.id]
    return applicable


def effective_answers(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Only the answers to items that apply, so a skipped question never reads as an answer."""
    applicable = applicable_items(questionnaire, answers)
    return {item_id: value for item_id, value in answers.items() if item_id in applicable}


def skipped_items(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> set[str]:
    """Ids of the items that branching skips: stored as "not asked", never as "no"."""
    applicable = applicable_items(questionnaire, answers)
    return {item.id for item in questionnaire.items() if item.id not in applicable}
