"""Click targets of at least 24 × 24 px at 100 % (WCAG 2.5.8).

The drawn body map's regions are measured in tests/ui/test_bodymap_targets.py (docs/body-map.md); the
list beside it, with rows of 24 px or more, also reaches every region.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QListWidget, QSpinBox

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
