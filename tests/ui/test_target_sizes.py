"""Click targets of at least 24 × 24 px at 100 % (WCAG 2.5.8), the body map's thin regions included."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QListWidget, QSpinBox

from hipdesk.ui.bodymap_view import RegionItem
from tests.ui.conftest import fill_about, fill_start


def test_every_button_and_field_on_every_page_is_at_least_24_px(qtbot, window) -> None:
    fill_start(window)
    fill_about(window)
    small = []
    for page in window.ctx.questionnaire.pages:
        window.wizard.go_to_page(page.id)
        QApplication.processEvents()
        current = window.wizard.current_page()
        for widget in current.findChildren(QAbstractButton) + current.findChildren(QLineEdit) + current.findChildren(QSpinBox):
            inner = isinstance(widget.parentWidget(), QSpinBox)  # a spin box's own line edit
            if widget.isVisible() and not inner and (widget.width() < 24 or widget.height() < 24):
                small.append(f"{page.id}/{widget.objectName()}: {widget.width()}×{widget.height()}")
    for button in (window.wizard.back_button, window.wizard.next_button):
        assert button.width() >= 24 and button.height() >= 24
    assert small == []


def test_region_list_rows_are_24_px_high(qtbot, window) -> None:
    window.wizard.go_to_page("bodymap")
    QApplication.processEvents()
    regions = window.wizard.current_page().findChild(QListWidget, "bodyMapList")
    heights = {regions.visualItemRect(regions.item(row)).height() for row in range(regions.count())}
    assert min(heights) >= 24, heights


def _hit_width(view, key, y: int, x_from: int, x_to: int) -> int:
    return sum(1 for x in range(x_from, x_to) if view.region_at(view.mapToScene(QPoint(x, y))) == key)


def test_the_outer_hip_on_the_front_view_is_24_px_wide_to_click(qtbot, window) -> None:
    window.resize(1024, 700)
    fill_start(window)
    fill_about(window)
    window.wizard.go_to_page("bodymap")
    QApplication.processEvents()
    view = window.wizard.current_page().body_map.view
    outer_hip = [item for item in view.items_by_key[("outer_hip", "right")]]
    widest = 0
    for item in outer_hip:
        box = view.mapFromScene(item.mapToScene(item.boundingRect())).boundingRect()
        middle = box.center().y()
        widest = max(widest, _hit_width(view, ("outer_hip", "right"), middle, box.left() - 30, box.right() + 30))
    assert widest >= 24, widest


def test_padding_never_takes_a_click_inside_another_region(qtbot, window) -> None:
    window.resize(1024, 700)
    window.wizard.go_to_page("bodymap")
    QApplication.processEvents()
    view = window.wizard.current_page().body_map.view
    checked = 0
    for y in range(0, view.height(), 5):
        for x in range(0, view.width(), 5):
            point = view.mapToScene(QPoint(x, y))
            inside = [item.key for item in view.scene().items(point) if isinstance(item, RegionItem)
                      and item.path().contains(item.mapFromScene(point))]
            if inside:
                checked += 1
                assert view.region_at(point) == inside[0], (x, y)
    assert checked > 200
