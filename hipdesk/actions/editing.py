"""SessionEditor: the one place where a session changes. It validates, stores at once and tells listeners.

Widgets call it and subscribe to it; they hold no answers of their own that matter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hipdesk.content.branching import applicable_items, effective_answers, skipped_items
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.content.validation import parse_answer
from hipdesk.storage.settings import remembered_answer_setting
from hipdesk.storage.store import SessionStore, StoreError

if TYPE_CHECKING:  # the session model loads with the first session (see SessionStore), not at start-up
    from hipdesk.session import ExamResult, Session, Side

Listener = Callable[[str, str], None]  # (what changed: "answer" | "region" | "exam" | "status", key)


class SessionEditor:
    """Edits one session through its store. Every change is written before the call returns."""

    def __init__(self, store: SessionStore, questionnaire: Questionnaire, session: Session) -> None:
        self.store = store
        self.questionnaire = questionnaire
        self.session = session
        self._items = questionnaire.item_index()
        self._listeners: list[Listener] = []

    @property
    def session_id(self) -> int:
        """The stored session's id."""
        assert self.session.id is not None
        return self.session.id

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(kind, key)` after each change."""
        self._listeners.append(listener)

    def _notify(self, kind: str, key: str) -> None:
        for listener in list(self._listeners):
            listener(kind, key)

    # -- answers ----------------------------------------------------------------------------------
    def distance_unit(self) -> str:
        """The unit the person chose for distances."""
        return str(self.session.answers.get("distance_unit", "km"))

    def set_answer(self, item_id: str, raw: Any) -> Any:
        """Validate and store an answer; raises InvalidAnswer (nothing stored) when it is not valid.

        Raises StoreError when it cannot be saved (disk full, folder not writable); the session is unchanged.
        """
        item = self._items[item_id]
        value = parse_answer(item, raw, distance_unit=self.distance_unit())
        previous = self.session.answers.get(item_id)
        if value is None:
            if item_id not in self.session.answers:
                return None
            del self.session.answers[item_id]
        else:
            if previous == value:
                return value
            self.session.answers[item_id] = value
        try:
            self.store.save_answer(self.session_id, item_id, value, self.not_asked())
        except StoreError:
            # Not stored: the session in memory must not claim otherwise (StoreError reaches the widget).
            if previous is None:
                self.session.answers.pop(item_id, None)
            else:
                self.session.answers[item_id] = previous
            raise
        if item.remember and value is not None:
            self.store.set_setting(remembered_answer_setting(item_id), value)
        self._notify("answer", item_id)
        return value

    def set_derived(self, key: str, value: Any) -> None:
        """Store a value the app derived (not a question: the watch-file record), or remove it with None.

        It is kept beside the answers, so it needs no schema change; no rule or export reads it as an answer.
        """
        if key in self._items:
            raise ValueError(f"'{key}' is a question: use set_answer")
        previous = self.session.answers.get(key)
        if previous == value:
            return
        self.store.save_answer(self.session_id, key, value)  # stored first: may raise StoreError
        if value is None:
            self.session.answers.pop(key, None)
        else:
            self.session.answers[key] = value
        self._notify("answer", key)

    def applies(self, item_id: str) -> bool:
        """True when the question applies given the answers so far."""
        return item_id in applicable_items(self.questionnaire, self.session.answers)

    def not_asked(self) -> set[str]:
        """Questions that branching skips for this session."""
        return skipped_items(self.questionnaire, self.session.answers)

    def effective_answers(self) -> dict[str, Any]:
        """Answers to the questions that apply."""
        return effective_answers(self.questionnaire, self.session.answers)

    # -- body map and exam ------------------------------------------------------------------------
    def set_region(self, region: str, side: Side, intensity: int | None) -> None:
        """Mark a region (intensity 0–10) or clear it (None)."""
        if intensity is not None and not 0 <= intensity <= 10:
            raise ValueError("intensity must be 0–10")
        key = (region, side)
        if intensity is None and key not in self.session.regions:
            return
        self.store.save_region(self.session_id, region, side, intensity)  # stored first: may raise StoreError
        if intensity is None:
            del self.session.regions[key]
        else:
            from hipdesk.session import RegionMark  # loaded already: this editor's session is one

            self.session.regions[key] = RegionMark(region, side, intensity)
        self._notify("region", f"{region}:{side}")

    def set_exam(self, result: ExamResult) -> None:
        """Store one exam result."""
        if result.pain is not None and not 0 <= result.pain <= 10:
            raise ValueError("pain must be 0–10")
        self.store.save_exam(self.session_id, result)  # stored first: may raise StoreError
        self.session.exam[(result.test, result.side)] = result
        self._notify("exam", f"{result.test}:{result.side}")

    def clear_exam(self, test: str, side: Side) -> None:
        """Forget one exam result."""
        if (test, side) in self.session.exam:
            self.store.delete_exam(self.session_id, test, side)
            del self.session.exam[(test, side)]
            self._notify("exam", f"{test}:{side}")

    # -- progress ---------------------------------------------------------------------------------
    def set_page(self, page_id: str) -> None:
        """Remember the page the person is on."""
        if self.session.current_page != page_id:
            self.session.current_page = page_id
            self.store.set_current_page(self.session_id, page_id)

    def finish(self) -> None:
        """Mark the session complete."""
        self.store.finish_session(self.session_id)
        self.session.status = "complete"
        self._notify("status", "complete")
