"""Red flags: the danger signs raised by a session, with the answers that raised them."""

from __future__ import annotations

from hipdesk.assessment.facts import Facts
from hipdesk.assessment.model import TRIAGE_LEVELS, Evidence, RedFlag
from hipdesk.assessment.rulefiles import FlagRule


def unique_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """Each cited answer once, in first-cited order."""
    seen: set[str] = set()
    unique = []
    for entry in evidence:
        if entry.ref not in seen:
            seen.add(entry.ref)
            unique.append(entry)
    return unique


def evaluate_flags(rules: tuple[FlagRule, ...], facts: Facts) -> list[RedFlag]:
    """The rules that hold, as RedFlags citing their answers, most urgent first (file order within a level)."""
    raised = []
    for rule in rules:
        because = rule.condition.evaluate(facts)
        if because is None:
            continue
        for extra in rule.supporting:
            because += extra.evaluate(facts) or []
        level, title, action, source = rule.level, rule.title, rule.action, rule.source
        lower = rule.lower
        if lower is not None and lower.unless.evaluate(facts) is None:
            explained = lower.when.evaluate(facts)
            if explained is not None:  # another pattern explains it and nothing raises the risk: less urgent
                level, title, action = lower.level, lower.title, lower.action
                because += explained
                source = f"{source}; lowered: {lower.source}"
        raised.append(RedFlag(rule.id, level, title, action, unique_evidence(because), source))
    raised.sort(key=lambda flag: TRIAGE_LEVELS.index(flag.level))
    return raised
