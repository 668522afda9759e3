"""Kiosk screens switch while an accessibility client reads the widget tree: nothing exposed is deleted under it.

Runs in a child process (tests/ui/a11y_reader.py): a crash there (SIGSEGV) fails this test instead of
ending the whole test run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_switching_kiosk_screens_while_the_tree_is_read(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    done = subprocess.run([sys.executable, "-m", "tests.ui.a11y_reader", str(tmp_path / "a11y.db")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-3000:]}"
    found = re.search(r"read (\d+) accessible nodes across (\d+) screen switches", done.stdout)
    assert found, done.stdout
    assert int(found.group(1)) > 2000 and int(found.group(2)) >= 28


def test_the_window_names_its_desktop_entry_and_has_an_icon(window) -> None:
    from PySide6.QtGui import QGuiApplication

    from hipdesk.ui.identity import identify_application

    identify_application(QGuiApplication.instance())
    assert QGuiApplication.desktopFileName() == "org.hipdesk.HipDesk"
    assert not window.windowIcon().isNull()
    assert {size.width() for size in window.windowIcon().availableSizes()} >= {16, 32, 48, 256}
