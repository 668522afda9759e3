"""Contrast measured on the drawn window (WCAG 2.2: 1.4.3 text, 1.4.11 controls, 2.4.13 focus) in every colour scheme.

Every label on every page must reach 4.5:1 against what is drawn behind it; a chosen answer and the
focus ring 3:1 against their neighbours. The colours are read from a screenshot of the real window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGraphicsView, QLabel, QPushButton, QRadioButton, QWidget

from hipdesk.actions.imports import import_answers_file
from hipdesk.ui import theme
from tests.ui.conftest import find
from tests.ui.contrast import colours, crop, hex_of, pixel, ratio, text_contrast, words

SCHEMES = ["light", "dark", "contrast"]
VIGNETTE = Path(__file__).resolve().parents[1] / "vignettes" / "cancer_history_night_pain.json"  # raises red flags


def _open_example(window) -> None:
    session_id = import_answers_file(window.ctx.store, window.ctx.questionnaire, VIGNETTE)
    window.wizard.open_session(session_id)


def _tall(window) -> None:
    """Room for a whole page without scrolling, so every label is on the screenshot."""
    window.resize(1024, 2600)
    QApplication.processEvents()


def _labels(page: QWidget) -> list[QLabel]:
    found = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip() or label.width() < 4 or label.height() < 4:
            continue
        parent = label.parentWidget()
        inside_map = False
        while parent is not None:
            inside_map = inside_map or isinstance(parent, QGraphicsView)
            parent = parent.parentWidget()
        if not inside_map:
            found.append(label)
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_label_on_every_page_reaches_4_5_to_1(qtbot, window, scheme) -> None:
    window.set_colours(scheme)
    _open_example(window)
    _tall(window)
    failures = []
    measured = 0
    for page in window.ctx.questionnaire.pages:
        window.wizard.go_to_page(page.id)
        QApplication.processEvents()
        shot = window.grab().toImage()
        widgets: list[QWidget] = [window.wizard.steps, window.wizard.progress, *_labels(window.wizard.current_page())]
        if window.wizard.banner.isVisible():
            widgets += _labels(window.wizard.banner)
        for label in widgets:
            image = crop(shot, window, label)
            # Text in several colours is measured word by word (each word needs 4.5:1 on its own).
            several = isinstance(label, QLabel) and ("color" in label.text() or "<span" in label.text())
            for piece in words(image) if several else [image]:
                value, text, back = text_contrast(piece, min_pixels=1 if several else 3)
                measured += 1
                if value < 4.5:
                    failures.append(f"{page.id}/{label.objectName() or label.text()[:30]!r}: {value:.2f} "
                                    f"({hex_of(text)} on {hex_of(back)})")
                    break
    assert measured > 100
    assert failures == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_buttons_text_and_outline(qtbot, window, scheme) -> None:
    window.set_colours(scheme)
    shot = window.grab().toImage()
    background = pixel(shot, 2, window.height() - 2)  # the window's own colour, bottom left
    for button in (window.wizard.next_button, find(window, "filled_by__patient")):
        image = crop(shot, window, button)
        if isinstance(button, QPushButton):
            value, _text, _back = text_contrast(image.copy(4, 4, image.width() - 8, image.height() - 8))
            assert value >= 4.5, f"{button.objectName()} text {value:.2f}"
            outline = pixel(image, 1, image.height() // 2)
            assert ratio(outline, background) >= 3, f"{button.objectName()} outline {ratio(outline, background):.2f}"
        else:
            value, _text, _back = text_contrast(image.copy(24, 0, image.width() - 24, image.height()))
            assert value >= 4.5, f"{button.objectName()} text {value:.2f}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_chosen_pain_score_stands_out_from_its_neighbours(qtbot, window, scheme) -> None:
    window.set_colours(scheme)
    _open_example(window)
    window.wizard.go_to_page("pain")
    chosen, neighbour = find(window, "pain_now__3"), find(window, "pain_now__4")
    assert isinstance(chosen, QPushButton) and isinstance(neighbour, QPushButton)
    chosen.click()
    window.wizard.current_page().setFocus()  # no focus ring on either button
    window.wizard.focus_first_field(window.wizard.current_page())
    scroll = window.wizard.stack.currentWidget()
    scroll.ensureWidgetVisible(chosen)
    QApplication.processEvents()
    shot = window.grab().toImage()
    chosen_image, neighbour_image = crop(shot, window, chosen), crop(shot, window, neighbour)
    fill = pixel(chosen_image, chosen_image.width() // 2, 4)
    other = pixel(neighbour_image, neighbour_image.width() // 2, 4)
    page_colour = pixel(crop(shot, window, chosen.parentWidget()), 0, chosen.parentWidget().height() - 1)
    assert ratio(fill, other) >= 3, f"chosen {hex_of(fill)} vs not chosen {hex_of(other)}: {ratio(fill, other):.2f}"
    assert ratio(fill, page_colour) >= 3, f"chosen {hex_of(fill)} vs page {hex_of(page_colour)}"
    value, _text, _back = text_contrast(chosen_image.copy(4, 4, chosen_image.width() - 8, chosen_image.height() - 8))
    assert value >= 4.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_chosen_radio_answer_stands_out(qtbot, window, scheme) -> None:
    window.set_colours(scheme)
    chosen, other = find(window, "filled_by__patient"), find(window, "filled_by__clinician")
    assert isinstance(chosen, QRadioButton) and isinstance(other, QRadioButton)
    chosen.click()
    window.wizard.next_button.setFocus()
    QApplication.processEvents()
    shot = window.grab().toImage()
    on, off = crop(shot, window, chosen), crop(shot, window, other)
    y = on.height() // 2
    # Across the round indicator (left of the text): where chosen and not chosen differ most.
    best = max(range(2, 26), key=lambda x: ratio(pixel(on, x, y), pixel(off, x, y)))
    dot_on, dot_off = pixel(on, best, y), pixel(off, best, y)
    assert ratio(dot_on, dot_off) >= 3, f"{hex_of(dot_on)} vs {hex_of(dot_off)}: {ratio(dot_on, dot_off):.2f}"
    assert dot_on == int(window.colours.chosen[1:], 16)  # the dot is drawn in the scheme's "chosen" colour


def _without_and_with_focus(window, target: QWidget):
    """`target` drawn without the focus, then with it (as Tab gives it): the two crops, and the whole window."""
    window.wizard.current_page().setFocus()
    QApplication.processEvents()
    before = crop(window.grab().toImage(), window, target)
    target.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    shot = window.grab().toImage()
    return before, crop(shot, window, target), shot


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_focus_ring_is_seen_against_its_neighbours_and_against_no_focus(qtbot, window, scheme) -> None:
    window.set_colours(scheme)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    targets: list[QWidget] = [window.wizard.next_button, find(window, "filled_by__patient")]
    for target in targets:
        before, after, shot = _without_and_with_focus(window, target)
        y = after.height() // 2
        ring, unfocused = pixel(after, 0, y), pixel(before, 0, y)
        outside = pixel(shot, target.mapTo(window, target.rect().topLeft()).x() - 2,
                        target.mapTo(window, target.rect().center()).y())
        name = target.objectName()
        assert ratio(ring, outside) >= 3, f"{name}: ring {hex_of(ring)} vs outside {hex_of(outside)}"
        assert ratio(ring, unfocused) >= 3, f"{name}: ring {hex_of(ring)} vs unfocused {hex_of(unfocused)}"
        if isinstance(target, QAbstractButton) and not isinstance(target, QRadioButton):
            inside = pixel(after, 3, y)  # just inside the ring: the button's own colour
            assert ratio(ring, inside) >= 3, f"{name}: ring {hex_of(ring)} vs inside {hex_of(inside)}"


def test_follows_the_system_dark_scheme(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    window.set_colours("system")
    assert window.colours == theme.DARK
    shot = window.grab().toImage()
    value, _text, back = text_contrast(crop(shot, window, window.wizard.steps))
    assert value >= 4.5 and ratio(back, 0x000000) < 2  # dark behind light text
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    window._system_colours_changed()
    assert window.colours == theme.LIGHT


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_focus_ring_of_a_chosen_answer_is_seen_against_its_fill(qtbot, window, scheme) -> None:
    """A chosen answer is filled; its focus ring must stand out from that fill, from the page and from no focus."""
    window.set_colours(scheme)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _open_example(window)
    window.wizard.go_to_page("pain")
    chosen = find(window, "pain_now__3")
    assert isinstance(chosen, QPushButton)
    chosen.click()
    window.wizard.stack.currentWidget().ensureWidgetVisible(chosen)
    before, after, shot = _without_and_with_focus(window, chosen)
    assert chosen.isChecked() and chosen.hasFocus()
    y = after.height() // 2
    ring, fill, unfocused = pixel(after, 0, y), pixel(after, 3, y), pixel(before, 0, y)
    outside = pixel(shot, chosen.mapTo(window, chosen.rect().topLeft()).x() - 2, chosen.mapTo(window, chosen.rect().center()).y())
    assert fill == int(window.colours.chosen[1:], 16)  # just inside the ring: the chosen fill
    assert ratio(ring, fill) >= 3, f"ring {hex_of(ring)} vs chosen fill {hex_of(fill)}: {ratio(ring, fill):.2f}"
    assert ratio(ring, outside) >= 3, f"ring {hex_of(ring)} vs outside {hex_of(outside)}: {ratio(ring, outside):.2f}"
    assert ratio(ring, unfocused) >= 3, f"ring {hex_of(ring)} vs unfocused {hex_of(unfocused)}"


def _tick_box(image, rect, row: int):
    """The tick box of a list row: the bounding box of what is not the row's colour in its left 24 px
    (from where the row's colour starts: a margin of the list's own colour may come first)."""
    start = next((x for x in range(rect.x(), rect.x() + 24) if pixel(image, x, rect.y() + 1) == row), rect.x())
    inked = [(x, y) for x in range(start, start + 24) for y in range(rect.y() + 1, rect.bottom())
             if pixel(image, x, y) != row]
    if not inked:
        return None
    left, right = min(x for x, _ in inked), max(x for x, _ in inked)
    top, bottom = min(y for _, y in inked), max(y for _, y in inked)
    return image.copy(left, top, right - left + 1, bottom - top + 1)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_region_lists_tick_box_is_seen_on_every_coloured_row(qtbot, window, scheme) -> None:
    """A marked region's row takes its intensity colour (pale yellow to dark red): its tick box and tick must
    still stand out (3:1), on every intensity, in every scheme; an unmarked box stands out from the list too."""
    from hipdesk.ui.bodymap_widget import BodyMapWidget

    window.set_colours(scheme)
    window.wizard.go_to_page("bodymap")
    body_map = window.findChild(BodyMapWidget)
    keys = list(body_map.list_items)
    intensities = (0, 2, 4, 6, 8, 10)
    for key, value in zip(keys, intensities, strict=False):
        body_map.marks[key] = value
    body_map._refresh()
    body_map.region_list.setCurrentItem(None)
    body_map.region_list.clearSelection()
    QApplication.processEvents()
    view = body_map.region_list.viewport()
    image = view.grab().toImage()
    failures = []
    for index, value in [*enumerate(intensities), (len(intensities), None)]:
        rect = body_map.region_list.visualItemRect(body_map.region_list.item(index))
        row = pixel(image, rect.right() - 2, rect.center().y())
        box = _tick_box(image, rect, row)
        if box is None or box.width() < 10:
            failures.append(f"intensity {value}: no tick box seen on row {hex_of(row)}")
            continue
        # The box's colours (outline and fill, at least a few pixels each): the one that stands out most from the row.
        drawn = [c for c, n in colours(box).items() if n >= 6 and c != row]
        edge = max(drawn, key=lambda c: ratio(c, row), default=row)
        if ratio(edge, row) < 3:
            failures.append(f"intensity {value}: box {hex_of(edge)} on row {hex_of(row)}: {ratio(edge, row):.2f}")
        if value is not None:  # marked: the tick against the box's fill, inside the outline
            tick_ratio, tick, fill = text_contrast(box.copy(3, 3, box.width() - 6, box.height() - 6), min_pixels=2)
            if tick_ratio < 3:
                failures.append(f"intensity {value}: tick {hex_of(tick)} on box {hex_of(fill)}: {tick_ratio:.2f}")
    assert failures == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_trend_charts_text_and_lines_are_readable_in_every_scheme(qtbot, window, scheme) -> None:
    """The library's trend chart paints its own background: its axis numbers, dates, title and legend must reach
    4.5:1 on it, and each series' line 3:1, whatever the window's scheme."""
    from hipdesk.library.trends import PALETTE, TrendPoint, TrendSeries
    from hipdesk.ui.trend_chart import TrendChart

    window.set_colours(scheme)
    dates = ("2026-01-05", "2026-02-09", "2026-03-16")
    series = [TrendSeries(f"s{n}", f"Series {n}", tuple(TrendPoint(1, i, d, (n + 2 * i) % 11) for i, d in enumerate(dates)))
              for n in range(len(PALETTE))]
    chart = TrendChart("Pain now")
    chart.setParent(window.wizard)
    chart.set_data(series, dates)
    chart.resize(560, 300)
    chart.show()
    QApplication.processEvents()
    image = chart.grab().toImage()
    line_h = chart.fontMetrics().height()
    legend_top = chart.height() - 8 - line_h * ((len(series) + 1) // 2 + 1)
    parts = {"title": image.copy(0, 0, 200, line_h + 6), "axis numbers": image.copy(0, line_h + 8, 24, 120),
             "dates": image.copy(40, legend_top - line_h - 6, 480, line_h + 4),
             "legend": image.copy(40, legend_top + line_h // 2, 480, chart.height() - legend_top - line_h // 2)}
    for name, part in parts.items():
        value, text, back = text_contrast(part)
        assert value >= 4.5, f"{name}: {hex_of(text)} on {hex_of(back)}: {value:.2f}"
    background = colours(image).most_common(1)[0][0]
    drawn = colours(image)
    for colour in PALETTE:
        rgb = int(colour[1:], 16)
        assert drawn[rgb] > 20, f"series colour {colour} not drawn"
        assert ratio(rgb, background) >= 3, f"series {colour} on {hex_of(background)}: {ratio(rgb, background):.2f}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_scroll_bars_are_flat_in_the_schemes_colours_with_a_handle_seen_on_its_groove(qtbot, questionnaire, store,
                                                                                     scheme) -> None:
    """A list that scrolls (unfinished sessions at a busy front desk): its scroll bar is drawn in the scheme's own
    colours, a groove of one colour and a handle 3:1 against it (WCAG 1.4.11), and it grows with the text size.
    (Fusion's own scroll bar is a gradient, and on a tall enough bar Qt paints gradients with helper threads: two
    threads started before the first page could show.)"""
    from hipdesk.ui.main_window import MainWindow

    for number in range(12):
        store.create_session({"setting": "clinic", "filled_by": "patient", "name": f"Waiting {number}"})
    window = MainWindow(questionnaire, store)
    qtbot.addWidget(window)
    window.show()
    window.set_colours(scheme)
    bar = window.wizard.current_page().drafts.verticalScrollBar()
    QApplication.processEvents()
    assert bar.isVisible()
    image = bar.grab().toImage()
    counts = colours(image)
    groove, _n = counts.most_common(1)[0]
    assert hex_of(groove) == window.colours.panel
    # Only the groove's colour and the handle's (and the handle's smoothed corners) are drawn: no gradient.
    handle = pixel(image, image.width() // 2, 8)
    assert hex_of(handle) == window.colours.line
    assert ratio(handle, groove) >= 3, f"handle {hex_of(handle)} on {hex_of(groove)}: {ratio(handle, groove):.2f}"
    assert sum(n for colour, n in counts.items() if colour not in (groove, handle)) < image.width() * 4
    # A handle to drag that is not a sliver (the list also scrolls with the wheel and the arrow keys).
    across = sum(1 for x in range(image.width()) if pixel(image, x, 16) == handle)
    assert across >= 14 and bar.width() >= 18, (across, bar.width())
    width = bar.width()
    window.set_text_size(200)
    QApplication.processEvents()
    assert bar.width() >= 2 * width - 1
