"""The body-region picker: the drawn map, the intensity control beside it and a list of every region.

The list holds the same regions as the map for the keyboard and screen readers; both always show
the same marks. The widget only shows and reports changes: the page stores them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from hipdesk.content.body_regions import Catalogue, intensity_colour, text_colour_on
from hipdesk.session import RegionMark
from hipdesk.ui.bodymap_view import BodyMapView, Key, RegionItem

__all__ = ["BodyMapView", "BodyMapWidget", "Key", "RegionItem"]


class BodyMapWidget(QWidget):
    """Map, read-back, intensity control and region list, kept in step.

    `mark_changed(region, side, intensity)` reports every change the person makes (intensity None
    when a region is cleared); `set_marks` shows stored marks without reporting them back.
    `default_intensity` gives the starting intensity of a newly marked region.
    """

    mark_changed = Signal(str, str, object)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setObjectName("bodyMap")
        self.marks: dict[Key, int] = {}
        self.current: Key | None = None
        self.default_intensity: Callable[[], int] = lambda: 5
        self._updating = False
        text = catalogue.text

        self.view = BodyMapView(catalogue)
        self.view.region_clicked.connect(lambda region, side: self.toggle((region, side)))
        # One button per close-up pane. Not a Tab stop: the list is the keyboard route, and choosing a
        # region there brings up a pane that shows it.
        self.pane_buttons = QButtonGroup(self)
        self.pane_buttons.setExclusive(True)
        pane_row = QHBoxLayout()
        pane_row.setContentsMargins(0, 0, 0, 0)
        for index, layout in enumerate(self.view.panes):
            button = QPushButton(layout.pane.label)
            button.setObjectName(f"bodyMapPane__{layout.pane.id}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(28)
            self.pane_buttons.addButton(button, index)
            pane_row.addWidget(button)
        pane_row.addStretch(1)
        self.pane_buttons.idClicked.connect(self.view.show_pane)
        self.view.pane_changed.connect(lambda index: self.pane_buttons.button(index).setChecked(True))
        self.pane_buttons.button(0).setChecked(True)
        map_column = QVBoxLayout()
        map_column.setContentsMargins(0, 0, 0, 0)
        map_column.setSpacing(2)
        map_column.addLayout(pane_row)
        map_column.addWidget(self.view, 1)

        self.readback = QLabel()
        self.readback.setObjectName("bodyMapReadback")
        self.readback.setWordWrap(True)
        self.readback.setTextFormat(Qt.TextFormat.PlainText)
        self.readback.setStyleSheet("font-weight: 600;")

        self.list_label = QLabel(text.list_label)
        self.list_label.setWordWrap(True)
        self.region_list = QListWidget()
        self.region_list.setObjectName("bodyMapList")
        self.region_list.setAccessibleName(text.list_label)
        self.list_label.setBuddy(self.region_list)
        self.region_list.setMinimumHeight(110)
        self.region_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list_items: dict[Key, QListWidgetItem] = {}
        for key in catalogue.region_keys():
            item = QListWidgetItem(catalogue.region_label(*key))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(catalogue.region(key[0]).hint)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.region_list.addItem(item)
            self.list_items[key] = item
        self.region_list.itemChanged.connect(self._item_changed)
        self.region_list.installEventFilter(self)
        self.region_list.currentItemChanged.connect(self._current_item_changed)

        self.intensity_heading = QLabel()
        self.intensity_heading.setObjectName("bodyMapIntensityHeading")
        self.intensity_heading.setWordWrap(True)
        self.intensity_help = QLabel(text.intensity_label)
        self.intensity_help.setWordWrap(True)
        self.intensity = QSlider(Qt.Orientation.Horizontal)
        self.intensity.setObjectName("bodyMapIntensity")
        self.intensity.setRange(0, 10)
        self.intensity.setPageStep(1)
        self.intensity.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.intensity.setTickInterval(1)
        self.intensity.valueChanged.connect(self._intensity_moved)
        self.intensity_value = QLabel()
        self.intensity_value.setObjectName("bodyMapIntensityValue")
        self.intensity_value.setMinimumWidth(44)
        self.intensity_value.setStyleSheet("font-weight: 700;")
        self.clear_button = QPushButton(text.clear_button)
        self.clear_button.setObjectName("bodyMapClear")
        self.clear_button.clicked.connect(self._clear_current)

        slider_row = QHBoxLayout()
        slider_row.addWidget(self.intensity, 1)
        slider_row.addWidget(self.intensity_value)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        # Top to bottom in the order of Tab: pick an area, say how much it hurts, then the questions.
        side.addWidget(self.readback)
        side.addWidget(self.list_label)
        side.addWidget(self.region_list, 1)
        side.addWidget(self.intensity_heading)
        side.addWidget(self.intensity_help)
        side.addLayout(slider_row)
        side.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        #: Where the page puts its own questions: beside the map, so nothing needs scrolling.
        self.extra = QVBoxLayout()
        self.extra.setContentsMargins(0, 0, 0, 0)
        side.addLayout(self.extra)
        self.side_panel = QWidget()
        self.side_panel.setLayout(side)
        self.side_panel.setMinimumWidth(260)
        self.side_panel.setMaximumWidth(360)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(map_column, 3)
        outer.addWidget(self.side_panel, 1)
        QWidget.setTabOrder(self.region_list, self.intensity)
        QWidget.setTabOrder(self.intensity, self.clear_button)
        self._refresh()

    # -- state ------------------------------------------------------------------------------------
    def set_marks(self, marks: Mapping[Key, int] | list[RegionMark]) -> None:
        """Show these marks (stored ones, on bind or resume); nothing is reported back."""
        if isinstance(marks, list):
            self.marks = {(m.region, m.side): m.intensity for m in marks}
        else:
            self.marks = dict(marks)
        if self.current is not None and self.current not in self.marks:
            self.current = None
        self._refresh()

    def clear(self) -> None:
        """Forget everything shown (the session was closed); the next person starts on the first pane."""
        self.current = None
        self.set_marks({})
        self.region_list.setCurrentRow(-1)
        self.view.show_pane(0)

    def toggle(self, key: Key) -> None:
        """Mark a region (with the default intensity) or clear it, as a click on the map does."""
        if key in self.marks:
            self._set(key, None)
        else:
            self._set(key, self.default_intensity())
        self.current = key
        self._refresh()

    def _set(self, key: Key, intensity: int | None) -> None:
        if intensity is None:
            self.marks.pop(key, None)
        else:
            self.marks[key] = intensity
        self.mark_changed.emit(key[0], key[1], intensity)

    # -- list and intensity -----------------------------------------------------------------------
    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        key = (key[0], key[1])
        checked = item.checkState() == Qt.CheckState.Checked
        if checked != (key in self.marks):
            self.toggle(key)

    def _current_item_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if self._updating or item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.current = (key[0], key[1])
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """In the list, a digit 0–9 marks the current region with that intensity (a keyboard shortcut)."""
        if watched is self.region_list and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            item = self.region_list.currentItem()
            if len(text) == 1 and text.isdigit() and item is not None:
                key = item.data(Qt.ItemDataRole.UserRole)
                key = (key[0], key[1])
                self.current = key
                if self.marks.get(key) != int(text):
                    self._set(key, int(text))
                self._refresh()
                return True
        return super().eventFilter(watched, event)

    def _intensity_moved(self, value: int) -> None:
        if self._updating or self.current is None or self.current not in self.marks:
            return
        if self.marks[self.current] != value:
            self._set(self.current, value)
            self._refresh()

    def _clear_current(self) -> None:
        if self.current is not None and self.current in self.marks:
            self._set(self.current, None)
            self._refresh()
            self.region_list.setFocus()

    # -- showing ----------------------------------------------------------------------------------
    def _refresh(self) -> None:
        catalogue = self.catalogue
        self._updating = True
        try:
            marks = [RegionMark(region, side, value) for (region, side), value in self.marks.items()]
            self.readback.setText(catalogue.readback(marks))
            self.readback.setAccessibleName(self.readback.text())
            for key, item in self.list_items.items():
                value = self.marks.get(key)
                label = catalogue.region_label(*key)
                item.setText(label if value is None else f"{label}: {value}/10")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, catalogue.accessible_name(*key, value))
                item.setCheckState(Qt.CheckState.Checked if value is not None else Qt.CheckState.Unchecked)
                if value is not None:
                    item.setBackground(QBrush(QColor(intensity_colour(value))))
                    item.setForeground(QBrush(QColor(text_colour_on(value))))
                else:
                    item.setBackground(QBrush())  # no brush: the list's own colours
                    item.setForeground(QBrush(self.palette().text()))
            if self.current is not None:
                self.region_list.setCurrentItem(self.list_items[self.current])
            active = self.current is not None and self.current in self.marks
            if active:
                assert self.current is not None
                value = self.marks[self.current]
                self.intensity_heading.setText(catalogue.intensity_heading(*self.current))
                self.intensity.setValue(value)
                self.intensity_value.setText(f"{value}/10")
                self.intensity.setAccessibleName(catalogue.accessible_name(*self.current, value))
            else:
                self.intensity_heading.setText(catalogue.text.intensity_none)
                self.intensity_value.setText("–")
                self.intensity.setAccessibleName(catalogue.text.intensity_none)
            self.intensity.setEnabled(active)
            self.clear_button.setEnabled(active)
            self.view.set_state(self.marks, self.current)
            self._show_current_pane()
        finally:
            self._updating = False

    def _show_current_pane(self) -> None:
        """Pane buttons count their marks; a region chosen in the list brings up a pane that draws it."""
        for index, layout in enumerate(self.view.panes):
            marked = sum(1 for key in self.marks if index in self.view.panes_showing(key))
            label = self.catalogue.pane_label(layout.pane, marked)
            button = self.pane_buttons.button(index)
            button.setText(label)
            button.setAccessibleName(label)
        if self.current is not None:
            showing = self.view.panes_showing(self.current)
            if showing and self.view.pane not in showing:
                self.view.show_pane(showing[0])
