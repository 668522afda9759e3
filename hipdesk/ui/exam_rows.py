"""Rows of the exam checklist: one block per test, one line per side (result, pain, and for the stance, a timer)."""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.exam_tests import STANCE_TEST, ExamMode, ExamTest, ExamTexts
from hipdesk.session import EXAM_OUTCOMES, SIDES, ExamOutcome, ExamResult, Side
from hipdesk.ui.stance_timer import Clock, StanceTimer

SIDE_COLUMN_MIN = 150  # px: the side names' column at the least


def side_name(texts: ExamTexts, home: bool, side: str, painful: bool) -> str:
    """What a side's row is called: "Right", or "Right (painful side)" when that side hurts."""
    names = texts.home_side_labels if home else texts.side_labels
    return names[side] + (f" {texts.painful_side_mark}" if painful else "")


class SideRow(QWidget):
    """Result (positive / negative / not done), pain 0–10 and, for the stance, the timer, for one side.

    `edited(kind)` fires on every change a person makes: "result", "pain" or "time" (the stance was timed).
    """

    edited = Signal(str)

    def __init__(self, test: ExamTest, key: str, side_text: str, mode: ExamMode, texts: ExamTexts,
                 clock: Clock, beep: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test = test
        self.setObjectName(f"{test.id}__{key}")
        home = mode == "home"
        self.is_stance = test.id == STANCE_TEST
        # Names say which test and which side: "Pressing on the bony point, your left: Yes".
        self.test_name = test.home_name if home else test.name
        spoken = f"{self.test_name}, {side_text}"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        self.timer: StanceTimer | None = None  # the stance's (below)
        self.side_label = QLabel(side_text)
        # The side names form a column as wide as the longest of them (painful mark included), measured in the
        # row's font: a fixed 150 px cut "Right (painful side)" short at 200 % text.
        self._side_texts = [texts.both_sides,
                            *(side_name(texts, home, side, painful) for side in SIDES for painful in (False, True))]
        self._line = line
        self.side_label.setMinimumWidth(self._side_column_width())
        line.addWidget(self.side_label)

        labels = texts.home_result_labels if home else texts.result_labels
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.results_box = QWidget()
        results_layout = QHBoxLayout(self.results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.labels = labels
        for outcome in EXAM_OUTCOMES:
            button = QRadioButton(labels[outcome])
            button.setObjectName(f"{test.id}__{key}__{outcome}")
            button.setAccessibleName(f"{spoken}: {labels[outcome]}")
            self.group.addButton(button)
            self.buttons[outcome] = button
            results_layout.addWidget(button)
            button.clicked.connect(self._result_clicked)
        line.addWidget(self.results_box)
        # At home the stance result follows from time and pain; the person only times and rates it.
        self.results_box.setVisible(not (home and self.is_stance))

        self.pain_label = QLabel(texts.home_pain_label if home else texts.pain_label)
        # A spin box, not a drop-down list: on Linux a screen reader gets a list's current entry ("–") as
        # its name, a spin box's accessible name is what it is ("Left side: Pain 0–10").
        self.pain = QSpinBox()
        self.pain.setObjectName(f"{test.id}__{key}__pain")
        self.pain.setAccessibleName(f"{spoken}: {self.pain_label.text()}")
        self.pain.lineEdit().setAccessibleName(self.pain.accessibleName())
        self.pain.setRange(-1, 10)  # -1: not rated yet, shown as the special text
        self.pain.setSpecialValueText(texts.pain_unset)
        self.pain.setValue(-1)
        self.pain.setMinimumWidth(64)
        self.pain.setMinimumHeight(26)  # a 24 px target at least (WCAG 2.5.8)
        self.pain_label.setBuddy(self.pain)
        self._showing = False  # True while a stored result is shown: no edit to report
        self.pain.valueChanged.connect(self._pain_changed)
        line.addSpacing(12)
        line.addWidget(self.pain_label)
        line.addWidget(self.pain)
        line.addStretch(1)

        if self.is_stance:
            # The stance is timed first and rated after: the timer line comes first, under the side's name.
            self.timer = StanceTimer(texts, f"{test.id}__{key}__timer", clock=clock, beep=beep, spoken=spoken)
            self.timer.held.connect(lambda _s: self.edited.emit("time"))
            line.removeWidget(self.side_label)
            timer_line = QHBoxLayout()
            timer_line.setContentsMargins(0, 0, 0, 0)
            timer_line.addWidget(self.side_label, 0, Qt.AlignmentFlag.AlignTop)
            timer_line.addWidget(self.timer, 1)
            outer.addLayout(timer_line)
            line.insertSpacing(0, self.side_label.minimumWidth() + line.spacing())
        outer.addLayout(line)
        self._update_pain_enabled()

    def _side_column_width(self) -> int:
        metrics = self.fontMetrics()
        return max(SIDE_COLUMN_MIN, max(metrics.horizontalAdvance(text) for text in self._side_texts) + 8)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # View → Text size: the column grows or shrinks with the text
            width = self._side_column_width()
            self.side_label.setMinimumWidth(width)
            if self.timer is not None:  # the result line's indent under the timer's side name
                first = self._line.itemAt(0)
                indent = first.spacerItem() if first is not None else None
                if indent is not None:
                    indent.changeSize(width + self._line.spacing(), 0)
                    self._line.invalidate()

    def set_side_text(self, side_text: str) -> None:
        """Rename the side (it gains or loses the painful-side mark) in place, accessible names included."""
        if self.side_label.text() == side_text:
            return
        self.side_label.setText(side_text)
        spoken = f"{self.test_name}, {side_text}"
        for outcome, button in self.buttons.items():
            button.setAccessibleName(f"{spoken}: {self.labels[outcome]}")
        self.pain.setAccessibleName(f"{spoken}: {self.pain_label.text()}")
        self.pain.lineEdit().setAccessibleName(self.pain.accessibleName())
        if self.timer is not None:
            self.timer.name_for(spoken)

    def _pain_changed(self, _value: int) -> None:
        if not self._showing:
            self.edited.emit("pain")

    def _result_clicked(self) -> None:
        if self.result() == "not_done" and not self.is_stance:
            self._set_pain(None)  # a test not done has no pain score
        self._update_pain_enabled()
        self.edited.emit("result")

    def _update_pain_enabled(self) -> None:
        # The stance is rated after (or while) standing; other tests once done.
        self.pain.setEnabled(self.is_stance or self.result() in ("positive", "negative"))

    # -- state ------------------------------------------------------------------------------------
    def result(self) -> ExamOutcome | None:
        """The chosen result, or None."""
        for outcome in EXAM_OUTCOMES:
            if self.buttons[outcome].isChecked():
                return outcome
        return None

    def pain_value(self) -> int | None:
        """The chosen pain 0–10, or None."""
        value = self.pain.value()
        return value if value >= 0 else None

    def held_s(self) -> float | None:
        """Seconds held in the stance (None when not timed or not the stance)."""
        return self.timer.held_s if self.timer else None

    def _set_pain(self, pain: int | None) -> None:
        self._showing = True
        self.pain.setValue(-1 if pain is None else pain)
        self._showing = False

    def show_outcome(self, outcome: str | None) -> None:
        """Tick the result that follows from the stance's time and pain, without emitting anything."""
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == outcome)
        self.group.setExclusive(True)
        self._update_pain_enabled()

    def show_result(self, result: ExamResult | None) -> None:
        """Show a stored result (None clears) without emitting anything."""
        self.group.setExclusive(False)  # lets every button be cleared
        for outcome, button in self.buttons.items():
            button.setChecked(result is not None and result.result == outcome)
        self.group.setExclusive(True)
        self._set_pain(result.pain if result else None)
        if self.timer is not None:
            self.timer.set_held(result.value if result else None)
        self._update_pain_enabled()


class TestBlock(QFrame):
    """One test: its name, how-to and evidence on demand, a line per side, and a stop warning for self-checks."""

    edited = Signal(str, str, str)  # (test id, side, what changed: "result" | "pain" | "time")

    def __init__(self, test: ExamTest, mode: ExamMode, texts: ExamTexts, painful: set[str],
                 clock: Clock = time.monotonic, beep: Callable[[], None] = QApplication.beep,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test = test
        self.mode = mode
        self.texts = texts
        self.setObjectName(f"test_{test.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        home = mode == "home"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)

        header = QHBoxLayout()
        self.name_label = QLabel(f"<b>{escape(test.home_name if home else test.name)}</b>")
        self.name_label.setObjectName(f"name_{test.id}")
        self.name_label.setWordWrap(True)
        header.addWidget(self.name_label, 1)
        self.details_button = QPushButton(texts.home_details_button if home else texts.details_button)
        self.details_button.setObjectName(f"details_{test.id}")
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName(f"{self.details_button.text()}: {test.home_name if home else test.name}")
        header.addWidget(self.details_button)
        layout.addLayout(header)

        self.details = QLabel(self._details_html(home))
        self.details.setObjectName(f"detailsText_{test.id}")
        self.details.setWordWrap(True)
        self.details.setProperty("role", "panel")  # colours from the window's style sheet (light, dark, contrast)
        layout.addWidget(self.details)
        self.details_button.toggled.connect(self.details.setVisible)
        # At home the instructions are the point of the check: shown from the start.
        self.details_button.setChecked(home)
        self.details.setVisible(home)

        if test.id == STANCE_TEST:
            wall = QLabel(f"<b>{escape(texts.timer_hold_wall)}</b>")
            wall.setObjectName(f"holdWall_{test.id}")
            wall.setWordWrap(True)
            layout.addWidget(wall)
        if home and test.home_question:
            question = QLabel(test.home_question)
            question.setObjectName(f"question_{test.id}")
            question.setWordWrap(True)
            layout.addWidget(question)

        self.rows: dict[str, SideRow] = {}
        keys = [(side, self._side_text(side, painful)) for side in SIDES] if test.per_side else [("both", texts.both_sides)]
        for key, text in keys:
            row = SideRow(test, key, text, mode, texts, clock, beep)
            row.edited.connect(lambda kind, k=key: self._row_edited(k, kind))
            self.rows[key] = row
            layout.addWidget(row)

        self.stop_label = QLabel()
        self.stop_label.setObjectName(f"stop_{test.id}")
        self.stop_label.setWordWrap(True)
        self.stop_label.setProperty("role", "stop")
        self.stop_label.hide()
        layout.addWidget(self.stop_label)

    def _side_text(self, side: str, painful: set[str]) -> str:
        return side_name(self.texts, self.mode == "home", side, side in painful)

    def set_painful(self, painful: set[str]) -> None:
        """Mark which side hurts, in place (the answer can change after the block was built)."""
        if self.test.per_side:
            for side, row in self.rows.items():
                row.set_side_text(self._side_text(side, painful))

    def _details_html(self, home: bool) -> str:
        test, texts = self.test, self.texts
        if home:
            return escape(test.home_how_to)
        parts = [
            (texts.how_heading, test.how_to),
            (texts.positive_heading, test.positive_suggests),
            (texts.evidence_heading, test.evidence),
        ]
        return "<br>".join(f"<b>{escape(head)}:</b> {escape(body)}" for head, body in parts)

    def _row_edited(self, key: str, kind: str) -> None:
        # A test without a per-side result is stored alike on both sides (see ExamTest.per_side).
        for side in SIDES:
            if key in ("both", side):
                self.edited.emit(self.test.id, side, kind)

    def row_for(self, side: Side) -> SideRow:
        """The line that shows this side (the single line of a test that is not per side)."""
        return self.rows.get(side) or self.rows["both"]

    def show_results(self, results: dict[str, ExamResult]) -> None:
        """Show stored results without emitting anything."""
        for key, row in self.rows.items():
            row.show_result(results.get("left" if key == "both" else key))
        self.show_stop(None)

    def show_stop(self, pain: int | None) -> None:
        """Show (or hide, with None) the 'stop now' warning."""
        if pain is None:
            self.stop_label.clear()
            self.stop_label.hide()
            return
        self.stop_label.setText(self.texts.stop_now.format(pain=pain))
        self.stop_label.setAccessibleName(self.stop_label.text())
        self.stop_label.show()

    def abort_timers(self) -> None:
        """Stop any running countdown without recording it."""
        for row in self.rows.values():
            if row.timer is not None:
                row.timer.abort()
