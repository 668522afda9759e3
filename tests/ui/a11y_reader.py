"""Switches kiosk screens while an accessibility client reads the whole widget tree, as Orca does (subprocess).

    python -m tests.ui.a11y_reader DB

Exits 0 when every switch survived; a crash (an object deleted while still exposed) kills the process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAccessible, QAccessibleInterface  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication  # noqa: E402

from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.storage import staff_pin  # noqa: E402
from hipdesk.storage.staff_pin import StaffPin  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.kiosk.window import KioskWindow  # noqa: E402

PIN = "917353"


def read_tree(interface: QAccessibleInterface | None, depth: int = 0) -> int:
    """Read every node as a client with its cache off does: name, role, state, id, then the children."""
    if interface is None or not interface.isValid() or depth > 60:
        return 0
    interface.text(QAccessible.Text.Name)
    interface.role()
    interface.state()
    QAccessible.uniqueId(interface)
    count = 1
    for index in range(interface.childCount()):
        count += read_tree(interface.child(index), depth + 1)
    return count


def main() -> int:
    staff_pin.SCRYPT_N = 2**10  # a cheap hash: this checks the screens, not the PIN's cost
    app = QApplication(sys.argv[:1])
    QAccessible.setActive(True)
    store = SessionStore(Path(sys.argv[1]))
    StaffPin(store).set_pin(PIN)
    window = KioskWindow(load_questionnaire(), store)
    window.resize(1024, 700)
    window.show()
    reads = [0]

    def reader() -> None:
        reads[0] += read_tree(QAccessible.queryAccessibleInterface(window))

    ticker = QTimer()
    ticker.setInterval(10)  # every 10 ms: the reads of a client with its cache off follow each other closely
    ticker.timeout.connect(reader)
    ticker.start()

    def unlock() -> None:
        window.pin_entry.field.setText(PIN)
        window.pin_entry.field.returnPressed.emit()

    def open_exam() -> None:
        ids = [info.id for info in store.list_sessions(limit=5)]
        if ids:
            window.open_for_exam(ids[0])

    def answer_and_next() -> None:
        wizard = window.wizard
        if wizard is None:
            return
        for name in ("filled_by__clinician", "setting__clinic", "age__input"):
            found = window.findChild(QAbstractButton, name)
            if found is not None and found.isVisible():
                found.click()
        wizard.next()

    # One switch per step; the tree is read in the same turn (before deleteLater'd widgets go) and by the timer.
    steps = [answer_and_next, window.ask_pin, unlock, window.show_staff_view, open_exam,
             lambda: window.wizard.go_to_page("summary") if window.wizard else None,
             lambda: window.wizard.go_to_page("exam") if window.wizard else None,
             window.ask_pin, window.pin_entry.cancelled.emit, window._idle_expired, window.new_intake,
             window.ask_pin, unlock, window.staff.back_requested.emit]
    steps = steps * 2

    def run(step) -> None:
        step()
        reader()

    for number, step in enumerate(steps):
        QTimer.singleShot(25 * (number + 1), lambda s=step: run(s))
    QTimer.singleShot(25 * (len(steps) + 3), lambda: app.exit(0))  # quit() would ask the kiosk to close: it refuses
    app.exec()
    ticker.stop()
    print(f"read {reads[0]} accessible nodes across {len(steps)} screen switches")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
