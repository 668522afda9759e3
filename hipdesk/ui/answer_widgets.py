"""One input widget per question type. Each emits `edited(raw)` on a user change and never stores."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.questionnaire import Item, Questionnaire
from hipdesk.content.validation import DISTANCE_UNITS


class AnswerWidget(QWidget):
    """Base: `edited` carries the raw value a person gave; `committed` fires when a typed field is left."""

    edited = Signal(object)
    committed = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(item.id)
        self.setAccessibleName(item.label)

    def set_value(self, value: Any) -> None:
        """Show a stored value (None clears) without emitting `edited`."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget that takes focus when this answer needs attention."""
        return self


class _ButtonsWidget(AnswerWidget):
    """Shared by yes/no, choice and scale: one exclusive group of checkable buttons."""

    def __init__(self, item: Item, labels: list[tuple[str, str]], parent: QWidget | None = None,
                 columns: int = 0, push: bool = False) -> None:
        super().__init__(item, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QAbstractButton] = {}
        layout: QHBoxLayout | QGridLayout = QGridLayout(self) if columns else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for position, (value, text) in enumerate(labels):
            button: QAbstractButton = QPushButton(text) if push else QRadioButton(text)
            button.setCheckable(True)
            button.setObjectName(f"{item.id}__{value}")
            button.setAccessibleName(f"{item.label} {text}")
            self.group.addButton(button)
            self.buttons[value] = button
            button.clicked.connect(lambda _=False, v=value: self.edited.emit(self._raw(v)))
            if isinstance(layout, QGridLayout):
                layout.addWidget(button, position // columns, position % columns)
            else:
                layout.addWidget(button)
        if isinstance(layout, QHBoxLayout):
            layout.addStretch(1)

    def _raw(self, value: str) -> Any:
        return value

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)  # lets us clear every button
        for key, button in self.buttons.items():
            button.setChecked(value is not None and str(value) == key)
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or next(iter(self.buttons.values()))


class YesNoWidget(_ButtonsWidget):
    """Yes / No / Not sure."""

    def __init__(self, item: Item, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        labels = [(value, questionnaire.yesno_labels.get(value, value)) for value in item.option_ids()]
        super().__init__(item, labels, parent)


class ChoiceWidget(_ButtonsWidget):
    """One answer from a list."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        labels = [(option.id, option.label) for option in item.options]
        wide = sum(len(text) for _, text in labels) > 60
        super().__init__(item, labels, parent, columns=1 if wide else 0)


class ScaleWidget(_ButtonsWidget):
    """A 0–10 pain scale as eleven buttons: nothing is chosen until the person chooses."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        low, high = int(item.min or 0), int(item.max if item.max is not None else 10)
        labels = [(str(n), str(n)) for n in range(low, high + 1)]
        super().__init__(item, labels, parent, push=True)
        for value, button in self.buttons.items():
            button.setAccessibleName(f"{item.label}: {value} of {high}")
            button.setMinimumWidth(34)
            button.setMaximumWidth(48)

    def _raw(self, value: str) -> Any:
        return int(value)


class MultiWidget(AnswerWidget):
    """Tick any that apply; an exclusive option ("None of these") clears the others."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        columns = 2 if len(item.options) > 4 else 1
        for position, option in enumerate(item.options):
            box = QCheckBox(option.label)
            box.setObjectName(f"{item.id}__{option.id}")
            box.setAccessibleName(f"{item.label} {option.label}")
            box.toggled.connect(lambda checked, o=option.id: self._toggled(o, checked))
            self.boxes[option.id] = box
            layout.addWidget(box, position // columns, position % columns)
        self._updating = False

    def _toggled(self, option_id: str, checked: bool) -> None:
        if self._updating:
            return
        exclusive = {o.id for o in self.item.options if o.exclusive}
        if checked:
            self._updating = True
            for other, box in self.boxes.items():
                if other != option_id and (option_id in exclusive or other in exclusive):
                    box.setChecked(False)
            self._updating = False
        self.edited.emit([o for o, box in self.boxes.items() if box.isChecked()])

    def set_value(self, value: Any) -> None:
        self._updating = True
        chosen = set(value or [])
        for option_id, box in self.boxes.items():
            box.setChecked(option_id in chosen)
        self._updating = False

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))


class LineWidget(AnswerWidget):
    """Numbers, distances, dates and short text, typed; the value is checked by the core."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{item.id}__input")
        self.edit.setAccessibleName(item.label)
        # A generous limit: the core refuses over-long text with a message instead of cutting it.
        self.edit.setMaxLength(max(item.max_length * 2, 32))
        if item.type == "date":
            self.edit.setPlaceholderText("YYYY-MM-DD")
            self.edit.setMaximumWidth(160)
        elif item.type == "text":
            self.edit.setMinimumWidth(320)
        else:
            self.edit.setMaximumWidth(120)
        layout.addWidget(self.edit)
        self.unit_label = QLabel(item.unit)
        layout.addWidget(self.unit_label)
        layout.addStretch(1)
        self.edit.textEdited.connect(self.edited.emit)
        self.edit.editingFinished.connect(self.committed.emit)

    def set_distance_unit(self, unit: str) -> None:
        """Show km or miles beside a distance."""
        if self.item.type == "distance":
            self.unit_label.setText(DISTANCE_UNITS.get(unit, unit))

    def set_value(self, value: Any) -> None:
        if value is None:
            text = ""
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        if self.edit.text() != text:
            self.edit.setText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class LongTextWidget(AnswerWidget):
    """Several lines of free text with a character count."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(f"{item.id}__input")
        self.edit.setAccessibleName(item.label)
        self.edit.setTabChangesFocus(True)  # Tab leaves the box, so the keyboard-only flow keeps moving
        self.edit.setFixedHeight(80)
        self.counter = QLabel()
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        self.edit.textChanged.connect(self._changed)
        self._setting = False
        self._update_counter()

    def _changed(self) -> None:
        self._update_counter()
        if not self._setting:
            self.edited.emit(self.edit.toPlainText())

    def _update_counter(self) -> None:
        self.counter.setText(f"{len(self.edit.toPlainText())} / {self.item.max_length} characters")

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            self._setting = True
            self.edit.setPlainText(text)
            self._setting = False
        self._update_counter()

    def focus_target(self) -> QWidget:
        return self.edit


def make_answer_widget(item: Item, questionnaire: Questionnaire) -> AnswerWidget:
    """The widget for one item, chosen by its type."""
    if item.type == "yesno":
        return YesNoWidget(item, questionnaire)
    if item.type == "choice":
        return ChoiceWidget(item)
    if item.type == "multi":
        return MultiWidget(item)
    if item.type == "scale":
        return ScaleWidget(item)
    if item.type == "text" and item.multiline:
        return LongTextWidget(item)
    return LineWidget(item)
