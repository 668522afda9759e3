"""The kiosk follows the colour scheme chosen in the ordinary window (light, dark, high contrast), as that window does.

Measured on the drawn kiosk window, screen by screen: its background is the scheme's, and every label's
text reaches 4.5:1 against what is drawn behind it (WCAG 2.2 1.4.3), the PIN error and the idle warning
included.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hipdesk.storage import staff_pin
from hipdesk.storage.settings import COLOURS_SETTING
from hipdesk.storage.staff_pin import StaffPin
from hipdesk.ui import theme
from hipdesk.ui.kiosk.window import KioskWindow
from tests.ui.contrast import crop, hex_of, pixel, text_contrast

PIN = "917353"
SCHEMES = {"light": theme.LIGHT, "dark": theme.DARK, "contrast": theme.HIGH_CONTRAST}


def _let_close(window: KioskWindow) -> None:
    window.idle.stop()
    window._may_close = True


def _screens(window: KioskWindow):
    """Each kiosk screen in turn, with the messages it can show: (name, widget to measure)."""
    yield "intake", window.stack.currentWidget()
    window._show_idle_warning(30)
    yield "idle warning", window.idle_banner
    window._hide_idle_warning()
    window.staff_button.click()
    window.pin_entry.field.setText("000000")
    window.pin_entry.ok_button.click()  # a wrong PIN: the message says so
    assert window.pin_entry.message.text()
    yield "PIN entry", window.pin_entry
    window.pin_entry.field.setText(PIN)
    window.pin_entry.ok_button.click()
    assert window.screen_name() == "staffView"
    yield "staff view", window.staff
    window.thanks.show_outcome(speak_to_reception=True)
    window.stack.setCurrentWidget(window.thanks)
    yield "thank-you (emergency)", window.thanks


def _labels(widget: QWidget) -> list[QLabel]:
    labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
    return [label for label in labels if label.isVisible() and label.text().strip() and label.height() >= 4]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_kiosk_follows_the_chosen_scheme_and_its_text_is_readable(qtbot, questionnaire, store, monkeypatch,
                                                                       scheme) -> None:
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**10)
    StaffPin(store).set_pin(PIN)
    store.set_setting(COLOURS_SETTING, scheme)
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    window.resize(1024, 700)
    window.show()
    expected = int(SCHEMES[scheme].window[1:], 16)
    failures, measured = [], 0
    for name, widget in _screens(window):
        QApplication.processEvents()
        shot = window.grab().toImage()
        background = pixel(shot, 2, window.height() - 2)
        assert background == expected, f"{name}: window {hex_of(background)}, the {scheme} scheme's is {hex_of(expected)}"
        for label in _labels(widget):
            value, text, back = text_contrast(crop(shot, window, label))
            measured += 1
            if value < 4.5:
                what = label.objectName() or label.text()[:30]
                failures.append(f"{name}/{what!r}: {value:.2f} ({hex_of(text)} on {hex_of(back)})")
    assert measured >= 15
    assert failures == []


def test_the_kiosk_follows_the_desktop_when_the_choice_is_system(qtbot, questionnaire, store, monkeypatch) -> None:
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    window.show()
    assert window.colours == theme.DARK
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    window._system_colours_changed()
    assert window.colours == theme.LIGHT
    assert pixel(window.grab().toImage(), 2, window.height() - 2) == int(theme.LIGHT.window[1:], 16)


def test_the_kiosk_follows_the_text_size_chosen_in_the_window(qtbot, questionnaire, store) -> None:
    """Staff choose the text size in the ordinary window (View menu) before kiosk mode; the kiosk has no menus,
    so it takes that size, as it takes the colour scheme (it stayed at 100 %)."""
    from PySide6.QtWidgets import QLabel

    from hipdesk.storage.settings import TEXT_SIZE_SETTING

    normal = QApplication.font().pointSizeF()
    store.set_setting(TEXT_SIZE_SETTING, 150)
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    try:
        window.show()
        QApplication.processEvents()
        assert window.text_size == 150
        assert QApplication.font().pointSizeF() == pytest.approx(normal * 1.5, abs=0.1)
        titles = [label for label in window.findChildren(QLabel, "pageTitle") if label.isVisible()]
        assert len(titles) == 1
        assert titles[0].font().pointSizeF() == pytest.approx(18 * 1.5, abs=0.1)  # the style sheet's 18 pt, at 150 %
    finally:
        theme.apply_view(QApplication.instance(), "system", 100)  # the next tests start at the system's size
    assert QApplication.font().pointSizeF() == normal


@pytest.mark.parametrize("percent", [100, 200])
def test_the_kiosk_thanks_text_grows_with_the_text_size(qtbot, questionnaire, store, percent) -> None:
    """The words after Finish ("please hand the device back") are the kiosk's largest body text: 15 pt at 100 %.
    They were fixed at 15 pt by a style of their own, whatever size staff chose."""
    from hipdesk.storage.settings import TEXT_SIZE_SETTING

    store.set_setting(TEXT_SIZE_SETTING, percent)
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    try:
        window.show()
        window.thanks.body.ensurePolished()
        assert window.thanks.body.font().pointSizeF() == pytest.approx(15 * percent / 100, abs=0.1)
    finally:
        theme.apply_view(QApplication.instance(), "system", 100)


@pytest.mark.parametrize("stored", [999, "big", None])
def test_a_text_size_that_is_not_one_hipdesk_offers_gives_the_kiosk_the_systems(qtbot, questionnaire, store, stored) -> None:
    from hipdesk.storage.settings import TEXT_SIZE_SETTING

    normal = QApplication.font().pointSizeF()
    store.set_setting(TEXT_SIZE_SETTING, stored)
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    assert window.text_size == 100 and QApplication.font().pointSizeF() == normal
