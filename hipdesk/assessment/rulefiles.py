"""Loading and checking the rule files in `resources/rules/` (once per questionnaire)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hipdesk.assessment.conditions import Cond, ConditionCompiler, ItemTest, Names, NotCond, RuleError, ValueTest
from hipdesk.assessment.facts import COMPUTED_VALUES
from hipdesk.assessment.model import TRIAGE_LEVELS, TriageLevel
from hipdesk.content import vocab
from hipdesk.content.loader import ContentError, decode_json, read_content
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.resources import resource_path
from hipdesk.session import SIDES


@dataclass(frozen=True)
class Lowering:
    """When a rule may be less urgent: `when` holds (from answers given), and nothing in `unless` holds."""

    level: TriageLevel
    title: str
    action: str
    when: Cond
    unless: Cond
    source: str


@dataclass(frozen=True)
class FlagRule:
    """One red-flag (or see-a-clinician) rule."""

    id: str
    level: TriageLevel
    title: str
    action: str
    condition: Cond
    supporting: tuple[Cond, ...]
    source: str
    lower: Lowering | None = None


@dataclass(frozen=True)
class Pointer:
    """One weighted reason for or against a cause."""

    condition: Cond
    weight: float
    note: str = ""  # why this finding weighs what it does (shown in docs/clinical-rules.md)


@dataclass(frozen=True)
class CauseRule:
    """How the answers point towards or away from one possible cause."""

    id: str
    name: str
    towards: tuple[Pointer, ...]
    away: tuple[Pointer, ...]
    source: str


@dataclass(frozen=True)
class TextRule:
    """An advice line, a caution or a note, shown when its condition holds (always, without one)."""

    id: str
    text: str
    condition: Cond | None
    cite: bool
    source: str
    triage: tuple[str, ...] = ()  # when set, the rule applies only at these triage levels


@dataclass(frozen=True)
class RuleSet:
    """Every rule the engine uses."""

    flags: tuple[FlagRule, ...]
    see_clinician: tuple[FlagRule, ...]
    warning_items: tuple[str, ...]
    causes: tuple[CauseRule, ...]
    advice: tuple[TextRule, ...]
    cautions: tuple[TextRule, ...]
    risk_factors: tuple[TextRule, ...]
    training_notes: tuple[TextRule, ...]
    disclaimer: str
    min_score: float
    #: Short names of questions, for lists such as the unanswered warning signs.
    question_names: dict[str, str] = field(default_factory=dict)


def _read(path: Path) -> dict[str, Any]:
    """A rule file through the content door; the rule-level checks below are this module's."""
    try:
        data = decode_json(read_content(path), path)
    except ContentError as error:
        raise RuleError(path, error.item, error.problem) from None
    if not isinstance(data, dict):
        raise RuleError(path, "(file)", "the file must hold a JSON object")
    return data


def _field(path: Path, raw: dict[str, Any], rule: str, key: str, kind: type = str, default: Any = ...) -> Any:
    if key not in raw:
        if default is ...:
            raise RuleError(path, rule, f"'{key}' is missing")
        return default
    value = raw[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise RuleError(path, rule, f"'{key}' must be a non-empty {kind.__name__}")
    return value


def _rule_list(path: Path, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rules = data.get(key, [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise RuleError(path, f"({key})", f"'{key}' must be a list of rule objects")
    seen: set[str] = set()
    for position, raw in enumerate(rules):
        rule = raw.get("id")
        if not isinstance(rule, str) or not rule:
            raise RuleError(path, f"{key}[{position}]", "every rule needs an 'id'")
        if rule in seen:
            raise RuleError(path, rule, "this id is used twice")
        seen.add(rule)
    return rules


def _check_never_lowers(path: Path, rule: str, condition: Cond, questionnaire_items: dict[str, Any]) -> None:
    """Urgency rules may not use `not`, and a yes/no test that accepts 'yes' must accept 'unsure' too."""
    stack = [condition]
    while stack:
        node = stack.pop()
        if isinstance(node, NotCond):
            raise RuleError(path, rule, "a red-flag condition may not use 'not' (a missing answer would raise urgency less)")
        stack.extend(getattr(node, "parts", ()))
        if isinstance(node, ItemTest) and questionnaire_items[node.item].type == "yesno":
            accepted = node.operand if isinstance(node.operand, tuple) else (node.operand,)
            if "yes" in accepted and "unsure" not in accepted:
                raise RuleError(path, rule, f"'{node.item}': 'unsure' must count like 'yes' in a red-flag rule")


def _lowering(path: Path, rule: str, level: str, raw: Any, compiler: ConditionCompiler) -> Lowering:
    """The `lower` part of a flag rule: a less urgent level where another pattern explains the answers."""
    if not isinstance(raw, dict) or set(raw) - {"level", "title", "action", "when", "unless", "source"}:
        raise RuleError(path, rule, "'lower' is {level, title, action, when, unless, source}")
    lower = _field(path, raw, rule, "level")
    if lower not in TRIAGE_LEVELS or TRIAGE_LEVELS.index(lower) <= TRIAGE_LEVELS.index(level):
        raise RuleError(path, rule, f"'lower.level' must be less urgent than '{level}'")
    when = compiler.compile(_field(path, raw, rule, "when", dict), rule)
    stack = [when]
    while stack:  # lowering must rest on answers given, never on a value that could not be computed
        node = stack.pop()
        stack.extend(getattr(node, "parts", ()))
        if isinstance(node, ValueTest) and node.operator == "unknown":
            raise RuleError(path, rule, "'lower.when' may not test for an unknown value")
    return Lowering(
        level=lower,
        title=_field(path, raw, rule, "title"),
        action=_field(path, raw, rule, "action"),
        when=when,
        unless=compiler.compile(_field(path, raw, rule, "unless", dict), rule),
        source=_field(path, raw, rule, "source"),
    )


def _flag_rules(
    path: Path, data: dict[str, Any], key: str, compiler: ConditionCompiler, levels: tuple[str, ...]
) -> tuple[FlagRule, ...]:
    rules = []
    for raw in _rule_list(path, data, key):
        rule = raw["id"]
        extra = set(raw) - {"id", "level", "title", "action", "condition", "supporting", "source", "lower"}
        if extra:
            raise RuleError(path, rule, f"unexpected key(s) {sorted(extra)}")
        level = _field(path, raw, rule, "level")
        if level not in levels:
            raise RuleError(path, rule, f"level must be one of {', '.join(levels)}, not '{level}'")
        condition = compiler.compile(_field(path, raw, rule, "condition", dict), rule)
        _check_never_lowers(path, rule, condition, compiler.items)
        supporting = tuple(compiler.compile(c, rule) for c in _field(path, raw, rule, "supporting", list, []))
        rules.append(
            FlagRule(
                id=rule,
                level=level,
                title=_field(path, raw, rule, "title"),
                # Every rule says what to do at its level (for a visit: how soon and whom to see).
                action=_field(path, raw, rule, "action"),
                condition=condition,
                supporting=supporting,
                source=_field(path, raw, rule, "source"),
                lower=_lowering(path, rule, level, raw["lower"], compiler) if "lower" in raw else None,
            )
        )
    return tuple(rules)


#: Question types whose unanswered state makes "no warning sign" unknowable (numbers are validated elsewhere).
_WARNING_TYPES = ("yesno", "choice", "multi")


def warning_sign_items(rules: tuple[FlagRule, ...], items: dict[str, Any]) -> tuple[str, ...]:
    """Ids of the questions that can raise an urgent or emergency flag, in the order first used."""
    found: list[str] = []
    for rule in rules:
        for leaf in rule.condition.leaves():
            if isinstance(leaf, ItemTest) and items[leaf.item].type in _WARNING_TYPES and leaf.item not in found:
                found.append(leaf.item)
    return tuple(found)


def _pointers(path: Path, rule: str, raw: Any, compiler: ConditionCompiler) -> tuple[Pointer, ...]:
    if not isinstance(raw, list):
        raise RuleError(path, rule, "'towards' and 'away' must be lists")
    pointers = []
    for entry in raw:
        if not isinstance(entry, dict) or set(entry) - {"when", "weight", "note"}:
            raise RuleError(path, rule, f"a pointer is {{'when': condition, 'weight': number}}, not {entry!r}")
        weight = entry.get("weight")
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
            raise RuleError(path, rule, "a pointer's weight must be a positive number")
        pointers.append(Pointer(compiler.compile(entry.get("when"), rule), float(weight), str(entry.get("note", ""))))
    return tuple(pointers)


def _cause_rules(path: Path, data: dict[str, Any], compiler: ConditionCompiler) -> tuple[CauseRule, ...]:
    rules = []
    for raw in _rule_list(path, data, "causes"):
        rule = raw["id"]
        if rule not in vocab.CAUSES:
            raise RuleError(path, rule, f"not a cause id of the stable vocabulary ({', '.join(vocab.CAUSES)})")
        towards = _pointers(path, rule, raw.get("towards"), compiler)
        if not towards:
            raise RuleError(path, rule, "a cause needs at least one 'towards' pointer")
        rules.append(
            CauseRule(
                id=rule,
                name=_field(path, raw, rule, "name"),
                towards=towards,
                away=_pointers(path, rule, raw.get("away", []), compiler),
                source=_field(path, raw, rule, "source"),
            )
        )
    missing = set(vocab.CAUSES) - {rule.id for rule in rules}
    if missing:
        raise RuleError(path, "(causes)", f"no rule for cause(s) {', '.join(sorted(missing))}")
    return tuple(rules)


def _text_rules(
    path: Path, data: dict[str, Any], key: str, compiler: ConditionCompiler, need_levels: bool = False
) -> tuple[TextRule, ...]:
    rules = []
    for raw in _rule_list(path, data, key):
        rule = raw["id"]
        extra = set(raw) - {"id", "text", "when", "cite", "source", "triage"}
        if extra:
            raise RuleError(path, rule, f"unexpected key(s) {sorted(extra)}")
        when = raw.get("when")
        triage = raw.get("triage", [])
        if not isinstance(triage, list) or any(level not in TRIAGE_LEVELS for level in triage):
            raise RuleError(path, rule, f"'triage' must list levels from {', '.join(TRIAGE_LEVELS)}")
        if need_levels and not triage:
            # Advice must fit the level: exercise or running advice must never reach an emergency.
            raise RuleError(path, rule, "every advice rule must name the triage levels it applies to ('triage')")
        rules.append(
            TextRule(
                id=rule,
                text=_field(path, raw, rule, "text"),
                condition=compiler.compile(when, rule) if when is not None else None,
                cite=bool(raw.get("cite", False)),
                source=_field(path, raw, rule, "source"),
                triage=tuple(triage),
            )
        )
    return tuple(rules)


class CatalogueNames(Mapping[str, str]):
    """Names of regions or exam tests as their content catalogue cites them, read on first use.

    The red-flag rules load with a person's first answer; the catalogues (the body map's outlines are
    large) are read only when an evidence text names a region or a test.
    """

    def __init__(self, load: Callable[[], dict[str, str]]) -> None:
        self._load = load
        self._names: dict[str, str] | None = None

    def _all(self) -> dict[str, str]:
        if self._names is None:
            self._names = self._load()
        return self._names

    def __getitem__(self, key: str) -> str:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _region_names() -> dict[str, str]:
    from hipdesk.content.body_regions import load_catalogue

    return {region.id: region.cited_name() for region in load_catalogue().regions}


def _exam_test_names() -> dict[str, str]:
    from hipdesk.content.exam_tests import load_exam_catalog

    return {test.id: test.cited_name() for test in load_exam_catalog().tests}


def load_names(path: Path) -> Names:
    """Readable names of sides, exam results and computed values (names.json), with the names of regions
    and exam tests as the content catalogues cite them (their one source)."""
    data = _read(path)
    try:
        names = Names(
            regions=CatalogueNames(_region_names),
            exam_tests=CatalogueNames(_exam_test_names),
            values=dict(data["values"]),
            sides=dict(data["sides"]),
            exam_results=dict(data["exam_results"]),
            questions=dict(data.get("questions", {})),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise RuleError(path, "(file)", f"missing or broken section: {error}") from None
    for group, ids in (("values", COMPUTED_VALUES), ("sides", SIDES), ("exam_results", ("positive", "negative"))):
        missing = set(ids) - set(getattr(names, group))
        if missing:
            raise RuleError(path, group, f"no name for {', '.join(sorted(missing))}")
    return names


@dataclass(frozen=True)
class FlagRules:
    """The red-flag and see-a-clinician rules (all the wizard needs after each answer)."""

    flags: tuple[FlagRule, ...]
    see_clinician: tuple[FlagRule, ...]
    #: The questions that can raise an urgent or emergency flag (listed when left unanswered).
    warning_items: tuple[str, ...] = ()


def load_flag_rules(questionnaire: Questionnaire, folder: Path | None = None) -> FlagRules:
    """Load and check `red_flags.json`; raise RuleError naming the file and rule on any problem."""
    folder = folder or resource_path("rules")
    items = questionnaire.item_index()
    names = load_names(folder / "names.json")
    path = folder / "red_flags.json"
    data = _read(path)
    compiler = ConditionCompiler(path, items, names)
    urgent_levels = ("emergency", "urgent")
    flags = _flag_rules(path, data, "flags", compiler, urgent_levels)
    return FlagRules(
        flags=flags,
        see_clinician=_flag_rules(path, data, "see_clinician", compiler, ("soon",)),
        warning_items=warning_sign_items(flags, items),
    )


def load_rules(questionnaire: Questionnaire, folder: Path | None = None) -> RuleSet:
    """Load and check every rule file; raise RuleError naming the file and rule on any problem."""
    folder = folder or resource_path("rules")
    items = questionnaire.item_index()
    names = load_names(folder / "names.json")
    flag_rules = load_flag_rules(questionnaire, folder)
    causes_path, advice_path = folder / "causes.json", folder / "advice.json"
    causes_data, advice_data = _read(causes_path), _read(advice_path)
    advice_compiler = ConditionCompiler(advice_path, items, names, allow_causes=True)
    min_score = causes_data.get("min_score", 1)
    if not isinstance(min_score, int | float):
        raise RuleError(causes_path, "(min_score)", "min_score must be a number")
    disclaimer = advice_data.get("disclaimer") or questionnaire.disclaimer
    return RuleSet(
        flags=flag_rules.flags,
        see_clinician=flag_rules.see_clinician,
        warning_items=flag_rules.warning_items,
        causes=_cause_rules(causes_path, causes_data, ConditionCompiler(causes_path, items, names, painful_side_only=True)),
        advice=_text_rules(advice_path, advice_data, "advice", advice_compiler, need_levels=True),
        cautions=_text_rules(advice_path, advice_data, "cautions", advice_compiler),
        risk_factors=_text_rules(advice_path, advice_data, "risk_factors", advice_compiler),
        training_notes=_text_rules(advice_path, advice_data, "training_notes", advice_compiler),
        disclaimer=str(disclaimer),
        min_score=float(min_score),
        question_names=names.questions,
    )


# Keyed by id() but holding the questionnaire too, so a freed and reused id is never mistaken.
_FLAGS: dict[int, tuple[Questionnaire, FlagRules]] = {}
_RULES: dict[int, tuple[Questionnaire, RuleSet]] = {}


def flag_rules_for(questionnaire: Questionnaire) -> FlagRules:
    """The checked red-flag rules for this questionnaire, loaded on first use and kept."""
    cached = _FLAGS.get(id(questionnaire))
    if cached is None or cached[0] is not questionnaire:
        cached = _FLAGS[id(questionnaire)] = (questionnaire, load_flag_rules(questionnaire))
    return cached[1]


def rules_for(questionnaire: Questionnaire) -> RuleSet:
    """Every checked rule for this questionnaire, loaded on first use and kept."""
    cached = _RULES.get(id(questionnaire))
    if cached is None or cached[0] is not questionnaire:
        cached = _RULES[id(questionnaire)] = (questionnaire, load_rules(questionnaire))
    return cached[1]
