"""`assess`: one session's answers in; triage, red flags, ranked possible causes, advice and cautions out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hipdesk.assessment.facts import Facts, gather_facts
from hipdesk.assessment.model import (
    Assessment,
    CauseResult,
    Evidence,
    NextStep,
    RedFlag,
    TriageLevel,
    UnansweredQuestion,
    more_urgent,
)
from hipdesk.assessment.red_flags import evaluate_flags, unique_evidence
from hipdesk.assessment.rulefiles import CauseRule, TextRule, rules_for
from hipdesk.assessment.wording import summary_wording
from hipdesk.content import vocab
from hipdesk.content.branching import applicable_items
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import Session


def score_cause(rule: CauseRule, facts: Facts) -> CauseResult | None:
    """The cause with its score and reasons, or None when nothing points towards it."""
    towards: list[Evidence] = []
    away: list[Evidence] = []
    score = 0.0
    held = False
    for pointer in rule.towards:
        evidence = pointer.condition.evaluate(facts)
        if evidence is not None:
            held = True
            score += pointer.weight
            towards += evidence
    for pointer in rule.away:
        evidence = pointer.condition.evaluate(facts)
        if evidence is not None:
            score -= pointer.weight
            away += evidence
    if not held:
        return None
    return CauseResult(rule.id, rule.name, round(score, 2), unique_evidence(towards), unique_evidence(away), rule.source)


def rank_causes(rules: tuple[CauseRule, ...], facts: Facts, min_score: float) -> list[CauseResult]:
    """Causes that reach `min_score`, highest score first (vocabulary order breaks ties)."""
    scored = [result for rule in rules if (result := score_cause(rule, facts)) is not None and result.score >= min_score]
    scored.sort(key=lambda cause: (-cause.score, vocab.CAUSES.index(cause.id)))
    return scored


class _Blank(dict[str, Any]):
    # An unknown placeholder stays visible instead of raising: a typo in the content must not crash a summary.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def applying_texts(rules: tuple[TextRule, ...], facts: Facts, triage: TriageLevel) -> list[str]:
    """The texts of the rules that apply, with their placeholders filled and, where asked, the answers cited."""
    return [text for _rule, text in applying_rules(rules, facts, triage)]


def applying_rules(rules: tuple[TextRule, ...], facts: Facts, triage: TriageLevel) -> list[tuple[str, str]]:
    """(rule id, text) of the rules that apply at this triage level, texts filled in and cited as asked."""
    values = _Blank({name: f"{value:g}" for name, value in facts.values.items()})
    texts = []
    for rule in rules:
        if rule.triage and triage not in rule.triage:
            continue
        evidence = rule.condition.evaluate(facts) if rule.condition is not None else []
        if evidence is None:
            continue
        text = rule.text.format_map(values)
        cited = unique_evidence(evidence)
        if rule.cite and cited:
            text += " From your answers: " + "; ".join(entry.text for entry in cited) + "."
        texts.append((rule.id, text))
    return texts


def next_step(triage: TriageLevel, reasons: list[RedFlag]) -> NextStep:
    """The level's one action, with the details added by the rules at that level only (never a weaker one's)."""
    wording = summary_wording().triage[triage]
    details: list[str] = []
    for reason in reasons:
        if reason.level == triage and reason.action and reason.action not in details:
            details.append(reason.action)
    return NextStep(triage, wording.title, wording.text, details)


def unanswered_warnings(
    questionnaire: Questionnaire, session: Session, warning_items: tuple[str, ...], names: dict[str, str]
) -> list[UnansweredQuestion]:
    """The warning-sign questions that apply to this person and have no answer, in questionnaire order."""
    applicable = applicable_items(questionnaire, session.answers)
    wanted = set(warning_items)
    missing = []
    for page in questionnaire.pages:
        for item in page.items:
            if item.id in wanted and item.id in applicable and item.id not in session.answers:
                missing.append(UnansweredQuestion(item.id, names.get(item.id, item.label), page.id))
    return missing


def assess(questionnaire: Questionnaire, session: Session, today: dt.date | None = None) -> Assessment:
    """The whole assessment of one session. Pure: reads the session, changes nothing."""
    rules = rules_for(questionnaire)
    facts = gather_facts(questionnaire, session, today)
    flags = evaluate_flags(rules.flags, facts)
    see_clinician = evaluate_flags(rules.see_clinician, facts)
    triage: TriageLevel = "self_care"
    # The triage comes from the flags and patterns alone, so no cause can hide or outrank a danger sign.
    for flag in flags + see_clinician:
        triage = more_urgent(triage, flag.level)
    causes = rank_causes(rules.causes, facts, rules.min_score)
    facts.top_causes = [cause.id for cause in causes]
    notes = applying_texts(rules.training_notes, facts, triage)
    advice = applying_rules(rules.advice, facts, triage)
    cautions = applying_rules(rules.cautions, facts, triage)
    risk_factors = applying_rules(rules.risk_factors, facts, triage)
    return Assessment(
        triage=triage,
        red_flags=flags,
        causes=causes,
        training_note=notes[0] if notes else None,
        advice=[text for _id, text in advice],
        cautions=[text for _id, text in cautions],
        disclaimer=rules.disclaimer,
        see_clinician=see_clinician,
        risk_factors=[text for _id, text in risk_factors],
        next_step=next_step(triage, flags + see_clinician),
        unanswered_warnings=unanswered_warnings(questionnaire, session, rules.warning_items, rules.question_names),
        advice_ids=[rule for rule, _text in advice],
        caution_ids=[rule for rule, _text in cautions],
        risk_factor_ids=[rule for rule, _text in risk_factors],
    )
