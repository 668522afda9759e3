"""Following the desktop's colour scheme: a fast guess before the first page, Qt's own answer right after it."""

from __future__ import annotations

from hipdesk.ui import theme
from tests.ui.contrast import crop, ratio, text_contrast


def test_before_the_first_page_the_platform_palette_decides(monkeypatch) -> None:
    monkeypatch.setattr(theme, "_ASK_QT", [])
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [True])
    assert theme.system_is_dark() and theme.colours_for("system") == theme.DARK
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [False])
    assert not theme.system_is_dark() and theme.colours_for("system") == theme.LIGHT


def test_a_wrong_guess_is_put_right_once_the_first_page_is_up(qtbot, window, monkeypatch) -> None:
    window.set_colours("system")
    assert window.colours == theme.LIGHT  # the offscreen platform's palette is light
    # A desktop whose palette is dark, and Qt does not name a scheme (the offscreen platform says Unknown):
    # once Qt is asked, the palette decides, and the window turns dark.
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [True])
    monkeypatch.setattr(theme, "_ASK_QT", [])
    window.check_system_colours()
    assert theme._ASK_QT and window.colours == theme.DARK
    value, _text, back = text_contrast(crop(window.grab().toImage(), window, window.wizard.steps))
    assert value >= 4.5 and ratio(back, 0x000000) < 2  # light text on a dark step list, as drawn
    window.set_colours("light")


def test_a_chosen_scheme_is_not_changed_by_the_check(qtbot, window, monkeypatch) -> None:
    window.set_colours("contrast")
    monkeypatch.setattr(theme, "_PLATFORM_PALETTE_DARK", [False])
    window.check_system_colours()
    assert window.colours == theme.HIGH_CONTRAST
    window.set_colours("light")
