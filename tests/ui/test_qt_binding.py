"""The Qt binding must not break Python's reference counting (PySide6 6.12.0 on Python 3.11 does)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    # On Python < 3.12 None is reference counted; a binding that forgets to count it crashes the
    # app ("deallocating None") after a few thousand calls such as setText or QPainter drawing.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
