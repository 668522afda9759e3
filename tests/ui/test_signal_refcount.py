"""Guard against a Qt binding that loses references on every signal emission (PySide6 6.12.0 did).

With such a binding HipDesk aborts ("Fatal Python error: bool_dealloc") after a few hundred answers,
which the crash test found; pyproject.toml excludes that version. This test fails fast if one slips in.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_python_reference_counts() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(2000):
        emitter.changed.emit(n)
    assert len(received) == 2000
    assert sys.getrefcount(True) >= before - 10, "this PySide6 drops a reference per emit(): HipDesk would crash"
