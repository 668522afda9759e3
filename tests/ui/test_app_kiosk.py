"""Start-up choices for kiosk mode: --kiosk sticks until staff leave it; leaving opens the ordinary window."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.storage.store import SessionStore
from hipdesk.ui import app as app_module
from hipdesk.ui.main_window import MainWindow


def test_kiosk_flag_is_remembered_until_turned_off(store: SessionStore) -> None:
    assert not app_module._kiosk_mode(argparse.Namespace(kiosk=False), store)
    assert app_module._kiosk_mode(argparse.Namespace(kiosk=True), store)
    assert app_module._kiosk_mode(argparse.Namespace(kiosk=False), store), "a restart without --kiosk stays a kiosk"
    store.set_setting(app_module.KIOSK_SETTING, False)  # what "Leave kiosk mode" stores
    assert not app_module._kiosk_mode(argparse.Namespace(kiosk=False), store)


def test_leaving_kiosk_mode_opens_the_ordinary_window(qtbot, questionnaire: Questionnaire, store: SessionStore) -> None:
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    app_module._open_normal_window(application, questionnaire, store)
    window = app_module._KEEP.pop()
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.current_page_id() == questionnaire.pages[0].id
