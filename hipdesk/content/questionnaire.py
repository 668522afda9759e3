"""The questionnaire definition: loaded from `resources/questionnaire.json` and checked at start-up.

The schema is the set of immutable records (NamedTuple) below with the field kinds in `_SCHEMA`; `load_questionnaire`
adds the checks a schema cannot express (unique ids, conditions that name real items and options).
It is checked by hand rather than with msgspec because it is read on every start, before the first page
shows, and msgspec's import alone costs about 15 ms (design.md's start-up budget); NamedTuple because
creating frozen dataclasses costs another few milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, NamedTuple

from hipdesk.content.loader import ContentError, read_content
from hipdesk.content.resources import resource_path

ItemType = Literal["yesno", "choice", "multi", "integer", "number", "scale", "distance", "date", "text"]
#: "training" is a page of questions that can also be filled from watch files (hipdesk/activities).
PageKind = Literal["start", "questions", "training", "bodymap", "exam", "summary"]
Scalar = str | int | float | bool

#: The three answers of a yes/no question; "unsure" is kept apart because it must never lower urgency.
YESNO_OPTIONS = ("yes", "no", "unsure")


class Option(NamedTuple):
    """One answer option of a choice question."""

    id: str
    label: str
    exclusive: bool = False  # "None of these": ticking it clears the others in a multi question


class Condition(NamedTuple):
    """An enable-when test on another item's answer. Exactly one operator is set."""

    item: str
    equals: Scalar | None = None
    one_of: tuple[Scalar, ...] | None = None
    contains: str | None = None
    at_least: float | None = None
    answered: bool | None = None

    def operators(self) -> list[str]:
        """Names of the operators this condition sets."""
        names = ("equals", "one_of", "contains", "at_least", "answered")
        return [name for name in names if getattr(self, name) is not None]


class Item(NamedTuple):
    """One question. Its id is used for storage, the answers file, FHIR linkId and objectName."""

    id: str
    type: ItemType
    label: str
    help: str = ""
    section: str = ""
    options: tuple[Option, ...] = ()
    min: float | None = None
    max: float | None = None
    unit: str = ""
    max_length: int = 200
    multiline: bool = False
    required: bool = False
    enable_when: tuple[Condition, ...] = ()
    enable_behavior: Literal["all", "any"] = "all"
    remember: bool = False  # the last answer becomes the default of the next session (e.g. km / miles)
    default: Scalar | None = None  # the answer a new session starts with, until the person changes it

    def option_ids(self) -> list[str]:
        """Ids of the allowed answers for yesno, choice and multi items."""
        if self.type == "yesno":
            return list(YESNO_OPTIONS)
        return [option.id for option in self.options]

    def option_label(self, option_id: str) -> str:
        """Display label of one option (yes/no labels come from the questionnaire's `yesno_labels`)."""
        for option in self.options:
            if option.id == option_id:
                return option.label
        return option_id


class Page(NamedTuple):
    """One wizard page: its step name, an intro and its questions."""

    id: str
    title: str
    step: str
    kind: PageKind = "questions"
    intro: str = ""
    items: tuple[Item, ...] = ()


class Questionnaire(NamedTuple):
    """The whole questionnaire, page by page."""

    version: int
    title: str
    disclaimer: str
    yesno_labels: dict[str, str]
    pages: tuple[Page, ...]

    def items(self) -> Iterator[Item]:
        """Every item, in page order."""
        for page in self.pages:
            yield from page.items

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if there is none)."""
        return self.item_index()[item_id]

    def item_index(self) -> dict[str, Item]:
        """Items by id."""
        return {item.id: item for item in self.items()}

    def page(self, page_id: str) -> Page:
        """The page with this id (KeyError if there is none)."""
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    def page_of(self, item_id: str) -> Page:
        """The page that asks this item."""
        for page in self.pages:
            if any(item.id == item_id for item in page.items):
                return page
        raise KeyError(item_id)

    def answer_label(self, item: Item, value: Any) -> str:
        """A readable form of a stored answer."""
        if item.type == "yesno":
            return self.yesno_labels.get(str(value), str(value))
        if item.type == "choice":
            return item.option_label(str(value))
        if item.type == "multi" and isinstance(value, list):
            return ", ".join(item.option_label(str(v)) for v in value)
        if item.unit and item.type not in ("distance",):
            return f"{value} {item.unit}"
        return str(value)


_REQUIRED_PAGE_KINDS = ("start", "bodymap", "exam", "summary")


class _Problem(ValueError):
    """A value that does not fit the schema; `owner` is the id of the item or page it belongs to."""

    def __init__(self, owner: str, message: str) -> None:
        super().__init__(message)
        self.owner = owner


Check = Callable[[Any, str, str], Any]  # (value, owner id, where) -> the value to keep


def _kind(name: str, test: Callable[[Any], bool]) -> Check:
    def check(value: Any, owner: str, where: str) -> Any:
        if not test(value):
            raise _Problem(owner, f"Expected `{name}`, got `{type(value).__name__}` - at `{where}`")
        return value
    return check


def _optional(inner: Check) -> Check:
    return lambda value, owner, where: None if value is None else inner(value, owner, where)


def _one_of(*allowed: str) -> Check:
    def check(value: Any, owner: str, where: str) -> Any:
        if value not in allowed:
            raise _Problem(owner, f"Invalid enum value {value!r} - at `{where}`")
        return value
    return check


def _list_of(inner: Check) -> Check:
    def check(value: Any, owner: str, where: str) -> Any:
        if not isinstance(value, list):
            raise _Problem(owner, f"Expected `array`, got `{type(value).__name__}` - at `{where}`")
        return tuple(inner(entry, owner, f"{where}[{index}]") for index, entry in enumerate(value))
    return check


def _object(cls: type) -> Check:
    return lambda value, owner, where: _build(cls, value, owner, where)


_STR = _kind("str", lambda v: isinstance(v, str))
_BOOL = _kind("bool", lambda v: isinstance(v, bool))
_INT = _kind("int", lambda v: isinstance(v, int) and not isinstance(v, bool))
_FLOAT = _kind("float", lambda v: isinstance(v, int | float) and not isinstance(v, bool))
_SCALAR = _kind("str | int | float | bool", lambda v: isinstance(v, str | int | float))
_LABELS = _kind("object of str", lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()))

#: The kind of every field, class by class (defaults and required fields come from the dataclasses).
_SCHEMA: dict[type, dict[str, Check]] = {
    Option: {"id": _STR, "label": _STR, "exclusive": _BOOL},
    Condition: {"item": _STR, "equals": _optional(_SCALAR), "one_of": _optional(_list_of(_SCALAR)),
                "contains": _optional(_STR), "at_least": _optional(_FLOAT), "answered": _optional(_BOOL)},
    Item: {"id": _STR, "type": _one_of(*ItemType.__args__), "label": _STR, "help": _STR, "section": _STR,  # type: ignore[attr-defined]
           "options": _list_of(_object(Option)), "min": _optional(_FLOAT), "max": _optional(_FLOAT), "unit": _STR,
           "max_length": _INT, "multiline": _BOOL, "required": _BOOL, "enable_when": _list_of(_object(Condition)),
           "enable_behavior": _one_of("all", "any"), "remember": _BOOL, "default": _optional(_SCALAR)},
    Page: {"id": _STR, "title": _STR, "step": _STR, "kind": _one_of(*PageKind.__args__), "intro": _STR,  # type: ignore[attr-defined]
           "items": _list_of(_object(Item))},
    Questionnaire: {"version": _INT, "title": _STR, "disclaimer": _STR, "yesno_labels": _LABELS,
                    "pages": _list_of(_object(Page))},
}


def _build(cls: type, raw: Any, owner: str, where: str) -> Any:
    """One dataclass from a JSON object: unknown fields, missing fields and wrong kinds are refused."""
    if not isinstance(raw, dict):
        raise _Problem(owner, f"Expected `object`, got `{type(raw).__name__}` - at `{where}`")
    if isinstance(raw.get("id"), str):
        owner = raw["id"]  # errors below name this item or page
    spec = _SCHEMA[cls]
    for key in raw:
        if key not in spec:
            raise _Problem(owner, f"Object contains unknown field `{key}` - at `{where}`")
    values = {}
    for name in cls._fields:  # type: ignore[attr-defined]
        if name in raw:
            values[name] = spec[name](raw[name], owner, f"{where}.{name}")
        elif name not in cls._field_defaults:  # type: ignore[attr-defined]
            raise _Problem(owner, f"Object missing required field `{name}` - at `{where}`")
    return cls(**values)


def parse_questionnaire(data: bytes, source: Path | str = "questionnaire.json") -> Questionnaire:
    """Decode and check questionnaire JSON; raise ContentError naming the file, item and problem."""
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ContentError(source, "(file)", f"not valid JSON: {error}") from None
    try:
        questionnaire = _build(Questionnaire, raw, "(top level)", "$")
    except _Problem as problem:
        raise ContentError(source, problem.owner, str(problem)) from None
    _check_semantics(questionnaire, source)
    return questionnaire


def _check_semantics(questionnaire: Questionnaire, source: Path | str) -> None:
    seen: dict[str, str] = {}
    for page in questionnaire.pages:
        if page.id in seen:
            raise ContentError(source, page.id, "this id is used twice")
        seen[page.id] = "page"
        for item in page.items:
            if item.id in seen:
                raise ContentError(source, item.id, "this id is used twice")
            seen[item.id] = "item"
            _check_item(item, source)
    kinds = [page.kind for page in questionnaire.pages]
    for kind in _REQUIRED_PAGE_KINDS:
        if kind not in kinds:
            raise ContentError(source, "(pages)", f"no page of kind '{kind}'")
    index = questionnaire.item_index()
    order = {item.id: position for position, item in enumerate(questionnaire.items())}
    for item in questionnaire.items():
        for condition in item.enable_when:
            target = index.get(condition.item)
            if target is None:
                raise ContentError(source, item.id, f"enable_when names unknown item '{condition.item}'")
            if order[condition.item] >= order[item.id]:
                raise ContentError(source, item.id, f"enable_when must name an earlier item, not '{condition.item}'")
            if len(condition.operators()) != 1:
                raise ContentError(source, item.id, "each enable_when condition needs exactly one operator")
            _check_condition_values(item, condition, target, source)


def _check_item(item: Item, source: Path | str) -> None:
    if not item.id or not item.id.replace("_", "").isalnum() or not item.id[0].isalpha():
        raise ContentError(source, item.id or "(empty id)", "ids are letters, digits and _ and start with a letter")
    if not item.label.strip():
        raise ContentError(source, item.id, "the label is empty")
    if item.type in ("choice", "multi"):
        if len(item.options) < 2:
            raise ContentError(source, item.id, f"a {item.type} item needs at least two options")
        ids = [option.id for option in item.options]
        if len(set(ids)) != len(ids):
            raise ContentError(source, item.id, "two options share an id")
    elif item.options:
        raise ContentError(source, item.id, f"a {item.type} item takes no options")
    if item.min is not None and item.max is not None and item.min > item.max:
        raise ContentError(source, item.id, "min is larger than max")
    if item.max_length < 1:
        raise ContentError(source, item.id, "max_length must be at least 1")


def _check_condition_values(item: Item, condition: Condition, target: Item, source: Path | str) -> None:
    allowed = target.option_ids()
    if not allowed:
        return
    values: list[Any] = []
    if condition.equals is not None:
        values.append(condition.equals)
    if condition.one_of is not None:
        values.extend(condition.one_of)
    if condition.contains is not None:
        values.append(condition.contains)
    for value in values:
        if value not in allowed:
            raise ContentError(
                source, item.id, f"enable_when compares '{condition.item}' with '{value}', which is not one of its options"
            )


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Load and check the questionnaire (by default the one in resources/)."""
    path = path or resource_path("questionnaire.json")
    return parse_questionnaire(read_content(path), path)
