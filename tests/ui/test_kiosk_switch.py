"""Kiosk mode as a setting: switched on from the ordinary window, and it stays on for the next start."""

from __future__ import annotations

from hipdesk.storage.settings import KIOSK_SETTING
from hipdesk.ui import app as app_module
from hipdesk.ui.kiosk.window import KioskWindow


def test_kiosk_action_asks_first(window) -> None:
    requested = []
    window.kiosk_requested.connect(lambda: requested.append(True))
    window.ctx.ask = lambda *_: False
    assert not window.ask_for_kiosk() and requested == []
    window.ctx.ask = lambda *_: True
    assert window.ask_for_kiosk() and requested == [True]


def test_switch_opens_the_kiosk_and_remembers_it(qtbot, qapp, window, questionnaire, store) -> None:
    before = len(app_module._KEEP)
    app_module._switch_to_kiosk(qapp, window, questionnaire, store)
    try:
        kiosk = app_module._KEEP[-1]
        assert isinstance(kiosk, KioskWindow) and kiosk.isVisible()
        assert kiosk.screen_name() == "pinSetupScreen"  # staff choose a PIN first
        assert not window.isVisible()
        assert store.get_setting(KIOSK_SETTING) is True
    finally:
        for extra in app_module._KEEP[before:]:
            extra._may_close = True  # type: ignore[attr-defined]
            extra.close()
        del app_module._KEEP[before:]
