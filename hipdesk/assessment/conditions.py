"""The small condition language of the rule files, compiled once and evaluated per session.

A condition is a JSON object with one form:
  {"all": [...]}, {"any": [...]}, {"not": {...}}  (`not` holds only when there is an answer to cite)
  {"count": N, "of": [...]}  at least N of the parts hold (every part that holds is cited)
  {"item": ID, "equals" | "one_of" | "contains" | "at_least" | "more_than" | "less_than": ...}
  {"region": ID, "min_intensity": N (default 1), "side": "left" | "right" (default any side)}
  {"exam": TEST, "result": "positive" | "negative"}   negative = negative on a side and positive on none;
      in cause rules only the painful side counts (the other side is a comparison), in red-flag rules any side
  {"value": "age" | "bmi" | "mileage_change_pct" | "weeks_since_onset", "at_least" | "more_than" | "less_than": N}
      (`more_than` where a source says "more than": a rise of more than 30 % is not one of exactly 30 %)
  {"value": NAME, "unknown": true}  the value cannot be computed from the answers
  {"cause": ID, "top": N}  (advice rules only: the cause is among the first N listed)
A condition that holds gives the evidence that made it hold (the answers it cites), else None.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hipdesk.assessment.facts import COMPUTED_VALUES, Facts
from hipdesk.assessment.model import Evidence
from hipdesk.content import vocab
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import Item

ITEM_OPERATORS = ("equals", "one_of", "contains", "at_least", "more_than", "less_than")
VALUE_OPERATORS = ("at_least", "more_than", "less_than", "unknown")
NUMBER_OPERATORS = ("at_least", "more_than", "less_than")


class RuleError(ContentError):
    """A rule file is broken; the message names the file, the rule and the problem."""

    def __init__(self, path: Path | str, rule: str, problem: str) -> None:
        super().__init__(path, rule, problem)
        self.args = (f"{path}: rule '{rule}': {problem}",)


@dataclass(frozen=True)
class Names:
    """Readable names for regions, exam tests and computed values, used in evidence texts."""

    regions: Mapping[str, str]  # from the body-map catalogue, read when first needed
    exam_tests: Mapping[str, str]  # from the exam catalogue, read when first needed
    values: dict[str, str]
    sides: dict[str, str]
    exam_results: dict[str, str]
    questions: dict[str, str] = field(default_factory=dict)


class Cond:
    """A compiled condition."""

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        """The evidence when the condition holds, else None."""
        raise NotImplementedError

    def state(self, facts: Facts) -> list[Evidence]:
        """What the session says about this condition's subject (cited when a `not` holds)."""
        return []

    def leaves(self) -> list[Cond]:
        """The non-combining conditions inside this one."""
        return [self]


@dataclass(frozen=True)
class AllOf(Cond):
    """Every part holds."""

    parts: tuple[Cond, ...]

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        found: list[Evidence] = []
        for part in self.parts:
            evidence = part.evaluate(facts)
            if evidence is None:
                return None
            found += evidence
        return found

    def leaves(self) -> list[Cond]:
        return [leaf for part in self.parts for leaf in part.leaves()]


@dataclass(frozen=True)
class AnyOf(Cond):
    """At least one part holds; every part that holds is cited."""

    parts: tuple[Cond, ...]

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        found: list[Evidence] | None = None
        for part in self.parts:
            evidence = part.evaluate(facts)
            if evidence is not None:
                found = (found or []) + evidence
        return found

    def leaves(self) -> list[Cond]:
        return [leaf for part in self.parts for leaf in part.leaves()]


@dataclass(frozen=True)
class CountOf(Cond):
    """At least `need` of the parts hold; every part that holds is cited."""

    need: int
    parts: tuple[Cond, ...]

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        found: list[Evidence] = []
        held = 0
        for part in self.parts:
            evidence = part.evaluate(facts)
            if evidence is not None:
                held += 1
                found += evidence
        return found if held >= self.need else None

    def leaves(self) -> list[Cond]:
        return [leaf for part in self.parts for leaf in part.leaves()]


@dataclass(frozen=True)
class NotCond(Cond):
    """The part does not hold, and what the session says instead is cited."""

    part: Cond

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        if self.part.evaluate(facts) is not None:
            return None
        # Holds only when the session says something instead: a question not answered, or an empty
        # body map, is no evidence either way.
        return self.part.state(facts) or None

    def leaves(self) -> list[Cond]:
        return self.part.leaves()


@dataclass(frozen=True)
class ItemTest(Cond):
    """A test on one answer."""

    item: str
    operator: str
    operand: Any

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        if self.item not in facts.answers:
            return None
        value = facts.answers[self.item]
        if not _ITEM_TESTS[self.operator](value, self.operand):
            return None
        return self.state(facts)

    def state(self, facts: Facts) -> list[Evidence]:
        text = facts.answer_text(self.item)
        return [Evidence(self.item, text)] if text else []


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_ITEM_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "equals": lambda value, operand: bool(value == operand),
    "one_of": lambda value, operand: value in operand,
    "contains": lambda value, operand: isinstance(value, list) and any(v in value for v in operand),
    "at_least": lambda value, operand: _is_number(value) and value >= operand,
    "more_than": lambda value, operand: _is_number(value) and value > operand,
    "less_than": lambda value, operand: _is_number(value) and value < operand,
}


@dataclass(frozen=True)
class RegionTest(Cond):
    """A body region marked at or above an intensity, on either side unless one is named."""

    region: str
    min_intensity: int
    side: str | None
    names: Names

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        found = [
            self._cite(mark.side, mark.intensity)
            for mark in sorted(facts.regions, key=lambda m: m.side)
            if mark.region == self.region
            and mark.intensity >= self.min_intensity
            and (self.side is None or mark.side == self.side)
        ]
        return found or None

    def _cite(self, side: str, intensity: int) -> Evidence:
        name = self.names.regions[self.region]
        return Evidence(f"region:{self.region}:{side}", f"Body map: {self.names.sides[side]} {name}, {intensity}/10")

    def state(self, facts: Facts) -> list[Evidence]:
        marks = [m for m in facts.regions if m.region == self.region]
        if marks:
            return [self._cite(m.side, m.intensity) for m in sorted(marks, key=lambda m: m.side)]
        if not facts.regions:
            return []  # an empty body map says nothing either way
        return [Evidence(f"region:{self.region}", f"Body map: {self.names.regions[self.region]} not marked")]


@dataclass(frozen=True)
class ExamTest(Cond):
    """An examination finding. `negative` means negative on a side and positive on none."""

    test: str
    result: str
    names: Names
    painful_side_only: bool = False  # cause rules: a finding on the other side is a comparison, not a pointer

    def _cite(self, facts: Facts, result: str) -> list[Evidence]:
        cited = []
        sides = facts.painful_sides if self.painful_side_only else ("left", "right")
        found_results = (r for r in facts.exam if r.test == self.test and r.result == result and r.side in sides)
        for found in sorted(found_results, key=lambda r: r.side):
            pain = f", pain {found.pain}/10" if found.pain is not None else ""
            text = (
                f"Examination: {self.names.exam_tests[self.test]} ({self.names.sides[found.side]}): "
                f"{self.names.exam_results[result]}{pain}"
            )
            cited.append(Evidence(f"exam:{self.test}:{found.side}", text))
        return cited

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        positive = self._cite(facts, "positive")
        if self.result == "positive":
            return positive or None
        if positive:
            return None
        return self._cite(facts, "negative") or None

    def state(self, facts: Facts) -> list[Evidence]:
        return self._cite(facts, "positive") + self._cite(facts, "negative")


@dataclass(frozen=True)
class ValueTest(Cond):
    """A test on a computed value (age, BMI, rise in weekly distance, weeks since onset)."""

    name: str
    operator: str
    operand: float
    names: Names

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        value = facts.values.get(self.name)
        if self.operator == "unknown":
            return [] if value is None else None
        if value is None or not _ITEM_TESTS[self.operator](value, self.operand):
            return None
        return self.state(facts)

    def state(self, facts: Facts) -> list[Evidence]:
        value = facts.values.get(self.name)
        if value is None:
            return []
        if self.name == "mileage_change_pct":
            shown = f"{value:+.0f}"
        elif self.name == "weeks_since_onset":
            shown = f"{int(value)}"
        else:
            shown = f"{value:g}"
        return [Evidence(f"value:{self.name}", self.names.values[self.name].format(value=shown))]


@dataclass(frozen=True)
class CauseTest(Cond):
    """A possible cause is among the first `top` listed (advice rules only)."""

    cause: str
    top: int

    def evaluate(self, facts: Facts) -> list[Evidence] | None:
        return [] if self.cause in facts.top_causes[: self.top] else None


class ConditionCompiler:
    """Turns rule-file JSON into `Cond` objects, refusing anything unknown with a clear error."""

    def __init__(
        self, path: Path | str, items: dict[str, Item], names: Names, allow_causes: bool = False,
        painful_side_only: bool = False,
    ) -> None:
        self.path = path
        self.items = items
        self.names = names
        self.allow_causes = allow_causes
        self.painful_side_only = painful_side_only

    def compile(self, raw: Any, rule: str) -> Cond:
        """Compile one condition of rule `rule`."""
        if not isinstance(raw, dict) or not raw:
            raise RuleError(self.path, rule, f"a condition must be a JSON object, not {raw!r}")
        if "all" in raw or "any" in raw:
            key = "all" if "all" in raw else "any"
            self._keys(raw, {key}, rule)
            parts = raw[key]
            if not isinstance(parts, list) or not parts:
                raise RuleError(self.path, rule, f"'{key}' needs a non-empty list of conditions")
            compiled = tuple(self.compile(part, rule) for part in parts)
            return AllOf(compiled) if key == "all" else AnyOf(compiled)
        if "count" in raw:
            self._keys(raw, {"count", "of"}, rule)
            parts, need = raw.get("of"), raw["count"]
            if not isinstance(parts, list) or not parts:
                raise RuleError(self.path, rule, "'count' needs 'of': a non-empty list of conditions")
            if not isinstance(need, int) or isinstance(need, bool) or not 1 <= need <= len(parts):
                raise RuleError(self.path, rule, f"'count' must be a whole number from 1 to {len(parts)}")
            return CountOf(need, tuple(self.compile(part, rule) for part in parts))
        if "not" in raw:
            self._keys(raw, {"not"}, rule)
            return NotCond(self.compile(raw["not"], rule))
        if "item" in raw:
            return self._item(raw, rule)
        if "region" in raw:
            self._keys(raw, {"region", "min_intensity", "side"}, rule)
            if raw["region"] not in vocab.REGIONS:
                raise RuleError(self.path, rule, f"unknown region '{raw['region']}'")
            side = raw.get("side")
            if side not in (None, "left", "right"):
                raise RuleError(self.path, rule, f"side must be left or right, not '{side}'")
            intensity = raw.get("min_intensity", 1)
            if not isinstance(intensity, int) or not 0 <= intensity <= 10:
                raise RuleError(self.path, rule, "min_intensity must be a whole number 0–10")
            return RegionTest(raw["region"], intensity, side, self.names)
        if "exam" in raw:
            self._keys(raw, {"exam", "result"}, rule)
            if raw["exam"] not in vocab.EXAM_TESTS:
                raise RuleError(self.path, rule, f"unknown examination test '{raw['exam']}'")
            if raw.get("result") not in ("positive", "negative"):
                raise RuleError(self.path, rule, "an exam condition needs result 'positive' or 'negative'")
            return ExamTest(raw["exam"], raw["result"], self.names, self.painful_side_only)
        if "value" in raw:
            if raw["value"] not in COMPUTED_VALUES:
                raise RuleError(self.path, rule, f"unknown computed value '{raw['value']}' (known: {', '.join(COMPUTED_VALUES)})")
            operator = self._one_operator(raw, {"value"}, VALUE_OPERATORS, rule)
            if operator == "unknown":
                if raw[operator] is not True:
                    raise RuleError(self.path, rule, "'unknown' can only be true")
                return ValueTest(raw["value"], operator, 0.0, self.names)
            if not _is_number(raw[operator]):
                raise RuleError(self.path, rule, f"'{operator}' needs a number")
            return ValueTest(raw["value"], operator, float(raw[operator]), self.names)
        if "cause" in raw and self.allow_causes:
            self._keys(raw, {"cause", "top"}, rule)
            if raw["cause"] not in vocab.CAUSES:
                raise RuleError(self.path, rule, f"unknown cause '{raw['cause']}'")
            return CauseTest(raw["cause"], int(raw.get("top", 3)))
        raise RuleError(self.path, rule, f"unknown kind of condition: {sorted(raw)}")

    def _keys(self, raw: dict[str, Any], allowed: set[str], rule: str) -> None:
        extra = set(raw) - allowed
        if extra:
            raise RuleError(self.path, rule, f"unexpected key(s) {sorted(extra)} in condition {raw}")

    def _one_operator(self, raw: dict[str, Any], base: set[str], operators: tuple[str, ...], rule: str) -> str:
        found = [key for key in operators if key in raw]
        if len(found) != 1:
            raise RuleError(self.path, rule, f"a condition needs exactly one of {', '.join(operators)}: {raw}")
        self._keys(raw, base | {found[0]}, rule)
        return found[0]

    def _item(self, raw: dict[str, Any], rule: str) -> ItemTest:
        item = self.items.get(raw["item"])
        if item is None:
            raise RuleError(self.path, rule, f"unknown question id '{raw['item']}'")
        operator = self._one_operator(raw, {"item"}, ITEM_OPERATORS, rule)
        operand = raw[operator]
        allowed = item.option_ids()
        if operator in ("one_of", "contains"):
            operand = [operand] if isinstance(operand, str) else operand
            if not isinstance(operand, list) or not operand:
                raise RuleError(self.path, rule, f"'{operator}' needs a list of answers")
            if operator == "contains" and item.type != "multi":
                raise RuleError(self.path, rule, f"'contains' needs a multiple-choice question, and '{item.id}' is not one")
            operand = tuple(operand)
        values = list(operand) if isinstance(operand, tuple) else [operand]
        if operator in NUMBER_OPERATORS:
            if allowed or not all(_is_number(v) for v in values):
                raise RuleError(self.path, rule, f"'{operator}' needs a number and a numeric question ('{item.id}')")
        elif allowed:
            for value in values:
                if value not in allowed:
                    raise RuleError(self.path, rule, f"'{item.id}' has no answer '{value}' (answers: {', '.join(allowed)})")
        return ItemTest(item.id, operator, operand)
