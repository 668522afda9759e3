"""Kiosk screens switch while the accessibility interfaces are read: nothing a reader was shown goes away under it.

The real client over D-Bus is tests/ui/test_atspi_switching.py; these run in-process and offscreen.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QScrollArea

from hipdesk.storage import staff_pin
from hipdesk.storage.staff_pin import StaffPin
from hipdesk.ui.accessibility import install_safe_scroll_areas
from hipdesk.ui.kiosk.window import KioskWindow

ROOT = Path(__file__).resolve().parents[2]


def _let_close(window: KioskWindow) -> None:
    window.idle.stop()
    window._may_close = True


def test_a_page_keeps_its_accessible_children_when_staff_is_pressed(qtbot, questionnaire, store, monkeypatch) -> None:
    """A reader that counted a page's children just before Staff may ask for the last of them just after.

    Qt's scroll-area interface stopped counting the hidden scroll bar and read past the end of its list
    for that index (SIGSEGV); the interface HipDesk installs keeps the count and answers past it with nothing.
    """
    install_safe_scroll_areas()  # as hipdesk.ui.app.run_gui does before any window
    monkeypatch.setattr(staff_pin, "SCRYPT_N", 2**10)
    StaffPin(store).set_pin("917353")
    window = KioskWindow(questionnaire, store)
    qtbot.addWidget(window, before_close_func=_let_close)
    window.resize(1024, 600)
    window.show()
    assert window.wizard is not None
    window.wizard.go_to_page("history")
    scroll = window.findChild(QScrollArea, "scroll_history")
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())  # a long page: its scroll bar is shown
    page = QAccessible.queryAccessibleInterface(scroll)
    counted = page.childCount()
    assert counted >= 2  # the page's contents and the scroll bar

    window.staff_button.click()

    assert window.screen_name() == "pinEntryScreen" and not scroll.isVisible()
    assert page.childCount() == counted
    assert all(page.child(index) is not None for index in range(counted))
    assert page.child(counted) is None


def test_switching_kiosk_screens_while_the_tree_is_read(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    done = subprocess.run([sys.executable, "-m", "tests.ui.a11y_reader", str(tmp_path / "a11y.db")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-3000:]}"
    found = re.search(r"read (\d+) accessible nodes and (\d+) counted children across (\d+) screen switches", done.stdout)
    assert found, done.stdout
    assert int(found.group(1)) > 5000 and int(found.group(2)) > 500 and int(found.group(3)) >= 36


def test_the_window_names_its_desktop_entry_and_has_an_icon(window) -> None:
    from PySide6.QtGui import QGuiApplication

    from hipdesk.ui.identity import give_windows_the_icon, identify_application

    identify_application(QGuiApplication.instance())
    give_windows_the_icon(QGuiApplication.instance())
    assert QGuiApplication.desktopFileName() == "org.hipdesk.HipDesk"
    assert not window.windowIcon().isNull()
    assert {size.width() for size in window.windowIcon().availableSizes()} >= {16, 32, 48, 256}
