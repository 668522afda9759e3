"""Every rule in plain words for clinicians: renders `docs/clinical-rules.md` from the rule files.

Run `python -m hipdesk.assessment.explain > docs/clinical-rules.md`; a test keeps the document in step.
"""

from __future__ import annotations

from hipdesk.assessment.conditions import (
    AllOf,
    AnyOf,
    CauseTest,
    Cond,
    CountOf,
    ExamTest,
    ItemTest,
    Names,
    NotCond,
    RegionTest,
    ValueTest,
)
from hipdesk.assessment.rulefiles import FlagRule, RuleSet, TextRule, load_names, load_rules
from hipdesk.content.questionnaire import Questionnaire, load_questionnaire
from hipdesk.content.resources import resource_path

INTRO = """\
# HipDesk clinical rules

This document is generated from the rule files in `resources/rules/` by
`python -m hipdesk.assessment.explain > docs/clinical-rules.md`; a test fails when it is out of date.
Edit the JSON files, not this page. HipDesk does not diagnose: it flags danger signs and lists
possible causes to discuss, each with the answers that point towards it and away from it.

## How the rules work

- **Answers that do not apply are ignored.** When branching skips a question (for example the periods
  question for a man), an old answer to it is not used.
- **Triage** is the most urgent level among the red flags and the reasons to book a visit below;
  without any, it is `self_care`. Possible causes never change or hide the triage, and the red flags are
  always listed before the causes.
- **One next step.** The summary, the banner, the report and the `assess` JSON give the action of the
  triage level once (`wording.json`), with what the rules *at that level* add to it; every other rule that
  holds is listed as a reason under it, never with its own, weaker action.
- **Advice fits the level.** Every advice rule names the levels it applies to; at `emergency` and
  `urgent` there is no exercise, running, self-care or over-the-counter medicine suggestion, only what to
  do until seen. Medicine cautions apply at every level.
- **Unanswered is not "no".** The questions that can raise an urgent or emergency flag are listed below;
  any that applies and was left unanswered is listed on the summary, the report and in the JSON, and
  nothing then says that no warning sign was found. Finishing with one unanswered asks first.
- **Lowering** a flag is possible only where the rule says so (`lower`): another pattern must explain the
  answers, from answers actually given (an explicit *No*, a computed value), and nothing in its `unless`
  list may hold. The flag stays listed, at the lower level.
- **"Not sure" never lowers urgency.** In every red-flag rule, *Not sure* counts like *Yes*; the rule
  files are refused at start-up if a red-flag rule accepts *Yes* without *Not sure* or uses *not*.
  When answers conflict (for example "I can walk normally" and "the leg looks deformed"), each rule is
  checked on its own, so the more urgent one wins.
- **Possible causes** add the weight of each "points towards" finding that is present and subtract the
  weight of each "points away" finding. A cause is listed when at least one finding points towards it and
  its total reaches the minimum score; the list is ranked by total. Weights are relative importance
  chosen from the strength of the evidence (for example a test with a high positive likelihood ratio
  weighs more, a sensitive test that is negative weighs more against); they are not probabilities.
  For causes, only *Yes* counts as a finding (*Not sure* is neither for nor against).
- **"Not" findings** count only when something can be cited: an unanswered question or an empty body map
  is no evidence either way.
- **Body map** findings match either side unless a side is named; **examination** findings count as
  negative only when the test was negative on a side and positive on none. For possible causes only the
  painful side's findings count (a finding on the other side is a comparison); when both sides hurt, or
  the side was not given, both count. Red-flag rules look at both sides.
- Computed values: age (from the date of birth, else the age given), BMI (weight / height²), the change
  in weekly distance (the last two weeks against the usual week, in %), weeks since the pain started.
"""


class Explainer:
    """Turns compiled conditions back into plain words."""

    def __init__(self, questionnaire: Questionnaire, names: Names) -> None:
        self.items = questionnaire.item_index()
        self.questionnaire = questionnaire
        self.names = names

    def _answer(self, item_id: str, value: object) -> str:
        return self.questionnaire.answer_label(self.items[item_id], value)

    def words(self, cond: Cond, top: bool = True) -> str:
        """One condition in words (nested groups in brackets)."""
        if isinstance(cond, AllOf | AnyOf):
            joiner = " **and** " if isinstance(cond, AllOf) else " **or** "
            parts = [self.words(part, top=False) for part in cond.parts]
            joined = joiner.join(parts)
            return joined if top or len(parts) == 1 else f"[{joined}]"
        if isinstance(cond, CountOf):
            return f"at least {cond.need} of [" + "; ".join(self.words(part, top=False) for part in cond.parts) + "]"
        if isinstance(cond, NotCond):
            return f"**not** {self.words(cond.part, top=False)}"
        if isinstance(cond, ItemTest):
            label = f"“{self.items[cond.item].label}”"
            values = cond.operand if isinstance(cond.operand, tuple) else (cond.operand,)
            shown = " or ".join(f"‘{self._answer(cond.item, v)}’" for v in values)
            if cond.operator == "at_least":
                return f"{label} is {cond.operand:g} or more"
            if cond.operator == "more_than":
                return f"{label} is more than {cond.operand:g}"
            if cond.operator == "less_than":
                return f"{label} is under {cond.operand:g}"
            return f"{label} {'includes' if cond.operator == 'contains' else 'is'} {shown}"
        if isinstance(cond, RegionTest):
            side = f"{cond.side} side" if cond.side else "either side"
            return f"body map: {self.names.regions[cond.region]} marked ({side}, at least {cond.min_intensity}/10)"
        if isinstance(cond, ExamTest):
            return f"examination: {self.names.exam_tests[cond.test]} {cond.result}"
        if isinstance(cond, ValueTest):
            what = {"age": "age", "bmi": "BMI", "mileage_change_pct": "change in weekly distance (%)",
                    "weeks_since_onset": "weeks since the pain started"}[cond.name]
            if cond.operator == "unknown":
                return f"{what} not known from the answers"
            relation = {"at_least": "at least", "more_than": "more than", "less_than": "under"}[cond.operator]
            return f"{what} {relation} {cond.operand:g}"
        if isinstance(cond, CauseTest):
            return f"“{cond.cause}” is among the first {cond.top} possible causes"
        raise TypeError(type(cond).__name__)

    def flags(self, title: str, rules: tuple[FlagRule, ...]) -> list[str]:
        """A section for red-flag or see-a-clinician rules."""
        lines = [f"## {title}", ""]
        for rule in rules:
            lines += [f"### `{rule.id}` — {rule.title} (`{rule.level}`)", ""]
            lines += [f"- **Raised when:** {self.words(rule.condition)}"]
            for extra in rule.supporting:
                lines += [f"- **Also cited when present:** {self.words(extra)}"]
            lines += [f"- **Adds to the next step (when `{rule.level}` is the triage):** {rule.action}"]
            lines += [f"- **Source:** {rule.source}"]
            if rule.lower is not None:
                lower = rule.lower
                lines += [
                    f"- **Lowered to `{lower.level}`** (“{lower.title}”) **when:** {self.words(lower.when)}",
                    f"- **…unless any of:** {self.words(lower.unless)}",
                    f"- **Then adds:** {lower.action}",
                    f"- **Why it may be lowered:** {lower.source}",
                ]
            lines += [""]
        return lines

    def texts(self, title: str, rules: tuple[TextRule, ...]) -> list[str]:
        """A section for advice, cautions, risk factors or training notes."""
        lines = [f"## {title}", ""]
        for rule in rules:
            when = self.words(rule.condition) if rule.condition is not None else "always"
            if rule.triage:
                when += f" (only at triage {', '.join(rule.triage)})"
            lines += [f"### `{rule.id}`", "", f"- **Shown when:** {when}", f"- **Text:** {rule.text}"]
            if rule.cite:
                lines += ["- The answers that made it apply are quoted after the text."]
            lines += [f"- **Source:** {rule.source}", ""]
        return lines


def render(questionnaire: Questionnaire, rules: RuleSet) -> str:
    """The whole clinician document."""
    explainer = Explainer(questionnaire, load_names(resource_path("rules", "names.json")))
    lines = [INTRO]
    lines += explainer.flags("Red flags (rules in `red_flags.json`, section `flags`)", rules.flags)
    lines += explainer.flags("Reasons to book a visit (`red_flags.json`, section `see_clinician`)", rules.see_clinician)
    lines += ["## Warning-sign questions (listed when they apply and were not answered)", ""]
    index = questionnaire.item_index()
    lines += [f"- `{item}`: {index[item].label}" for item in rules.warning_items] + [""]
    lines += ["## Possible causes (`causes.json`)", "", f"A cause is listed from a total of {rules.min_score:g}.", ""]
    for cause in rules.causes:
        lines += [f"### `{cause.id}` — {cause.name}", "", f"Source: {cause.source}", ""]
        lines += ["| Finding | Weight | Why |", "|---|---|---|"]
        lines += [f"| towards: {explainer.words(p.condition)} | +{p.weight:g} | {p.note} |" for p in cause.towards]
        lines += [f"| away: {explainer.words(p.condition)} | −{p.weight:g} | {p.note} |" for p in cause.away]
        lines += [""]
    lines += explainer.texts("Training-load note (`advice.json`, `training_notes`; the first that applies)", rules.training_notes)
    lines += explainer.texts("Advice (`advice.json`, `advice`)", rules.advice)
    lines += explainer.texts("Medicine cautions (`advice.json`, `cautions`)", rules.cautions)
    lines += explainer.texts("Risk factors listed for the clinician (`advice.json`, `risk_factors`)", rules.risk_factors)
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    """Print the document."""
    questionnaire = load_questionnaire()
    print(render(questionnaire, load_rules(questionnaire)), end="")


if __name__ == "__main__":
    main()
