"""Switches kiosk screens while the widget tree is read in-process as an AT-SPI bridge reads it (subprocess).

    python -m tests.ui.a11y_reader DB

The bridge finds a node by its id (the D-Bus path), then asks it for a child by index, an index the
client counted earlier. So after each switch every node read before is found again by id and asked for
its last child as counted then, and the tree is read again. A crash (SIGSEGV) kills the process; exits 0
when every switch survived. The real client over D-Bus: tests/ui/test_atspi_switching.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QAccessible, QAccessibleInterface  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from hipdesk.content.questionnaire import load_questionnaire  # noqa: E402
from hipdesk.storage import staff_pin  # noqa: E402
from hipdesk.storage.store import SessionStore  # noqa: E402
from hipdesk.ui.accessibility import install_safe_scroll_areas  # noqa: E402
from hipdesk.ui.kiosk.window import KioskWindow  # noqa: E402
from tests.ui.kiosk_switches import choose_pin, kiosk_switches  # noqa: E402


class TreeReader:
    """Reads name, role, state, id and children of every node; remembers each node's id and child count."""

    def __init__(self) -> None:
        self.nodes = 0
        self.stale_reads = 0
        self.counted: dict[int, int] = {}

    def read(self, interface: QAccessibleInterface | None, depth: int = 0) -> None:
        if interface is None or not interface.isValid() or depth > 60:
            return
        interface.text(QAccessible.Text.Name)
        interface.role()
        interface.state()
        count = interface.childCount()
        if count:
            self.counted[QAccessible.uniqueId(interface)] = count
        self.nodes += 1
        for index in range(count):
            self.read(interface.child(index), depth + 1)

    def read_stale(self) -> None:
        """Each node read before, found again by id, asked for its last child as counted then."""
        for node_id, count in list(self.counted.items()):
            interface = QAccessible.accessibleInterface(node_id)
            if interface is not None and interface.isValid():
                interface.child(count - 1)
                self.stale_reads += 1
        self.counted = {}


def main() -> int:
    staff_pin.SCRYPT_N = 2**10  # a cheap hash: this checks the screens, not the PIN's cost
    app = QApplication(sys.argv[:1])
    install_safe_scroll_areas()  # as hipdesk.ui.app.run_gui does before any window
    QAccessible.setActive(True)
    store = SessionStore(Path(sys.argv[1]))
    window = KioskWindow(load_questionnaire(), store)
    window.resize(1024, 700)
    window.show()
    reader = TreeReader()
    root = QAccessible.queryAccessibleInterface(window)
    reader.read(root)
    choose_pin(window)
    steps = kiosk_switches(window) * 3

    def run(action) -> None:
        reader.read(QAccessible.queryAccessibleInterface(window))
        action()
        reader.read_stale()
        reader.read(QAccessible.queryAccessibleInterface(window))

    for number, (_name, action) in enumerate(steps):
        QTimer.singleShot(20 * (number + 1), lambda a=action: run(a))
    QTimer.singleShot(20 * (len(steps) + 3), lambda: app.exit(0))  # quit() would ask the kiosk to close: it refuses
    app.exec()
    print(f"read {reader.nodes} accessible nodes and {reader.stale_reads} counted children "
          f"across {len(steps)} screen switches")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
