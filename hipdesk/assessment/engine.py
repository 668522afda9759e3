"""`assess`: one session's answers in; triage, red flags, ranked possible causes, advice and cautions out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hipdesk.assessment.facts import Facts, gather_facts
from hipdesk.assessment.model import Assessment, CauseResult, Evidence, TriageLevel, more_urgent
from hipdesk.assessment.red_flags import evaluate_flags, unique_evidence
from hipdesk.assessment.rulefiles import CauseRule, TextRule, rules_for
from hipdesk.content import vocab
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
        texts.append(text)
    return texts


def assess(questionnaire: Questionnaire, session: Session, today: dt.date | None = None) -> Assessment:
    """The whole assessment of one session. Pure: reads the session, changes nothing."""
    rules = rules_for(questionnaire)
    facts = gather_facts(questionnaire, session, today)
    flags = evaluate_flags(rules.flags, facts)
    see_clinician = evaluate_flags(rules.see_clinician, facts)
    triage: TriageLevel = "self_care"
    # The triage comes from the flags alone, so no cause can hide or outrank a danger sign.
    for flag in flags + see_clinician:
        triage = more_urgent(triage, flag.level)
    causes = rank_causes(rules.causes, facts, rules.min_score)
    facts.top_causes = [cause.id for cause in causes]
    notes = applying_texts(rules.training_notes, facts, triage)
    return Assessment(
        triage=triage,
        red_flags=flags,
        causes=causes,
        training_note=notes[0] if notes else None,
        advice=applying_texts(rules.advice, facts, triage),
        cautions=applying_texts(rules.cautions, facts, triage),
        disclaimer=rules.disclaimer,
        see_clinician=see_clinician,
        risk_factors=applying_texts(rules.risk_factors, facts, triage),
    )
