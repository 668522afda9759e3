"""An AT-SPI client, as a screen reader with its cache off reads an application: over D-Bus, in its own process.

    /usr/bin/python3 tests/ui/atspi_client.py APP-NAME SECONDS [--stale]

Runs with the system Python (Debian's python3-gi and gir1.2-atspi-2.0), not the project's venv, and
imports nothing of HipDesk. Waits for the application APP-NAME on the accessibility bus, then walks its
whole tree again and again (name, role, states, child count, then each child by index, depth first) with
libatspi's cache switched off, so every read is a call into the application while it switches screens.
With --stale it also asks each node, before each walk, for its last child as counted in the walk before
(as a client that counted the children a moment ago does). Stops when the application has gone (or after
SECONDS) and prints one JSON line: walks, nodes, errors, the names it read, and which of them were showing.
"""

from __future__ import annotations

import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

#: Events a screen reader listens to; Qt sends them only while a client has registered for them.
EVENTS = ("object:children-changed", "object:state-changed", "object:property-change", "object:text-changed",
          "object:selection-changed", "object:active-descendant-changed", "focus:", "window:activate")


class Reader:
    """Walks one application's tree with no cache; counts what it read."""

    def __init__(self, stale: bool) -> None:
        self.stale = stale
        self.walks = self.nodes = self.errors = self.stale_reads = 0
        self.names: set[str] = set()
        self.showing: set[str] = set()
        self.counted: list[tuple[Atspi.Accessible, int]] = []

    def walk(self, node: Atspi.Accessible | None, depth: int = 0) -> None:
        if node is None or depth > 80:
            return
        try:
            name = node.get_name()
            node.get_role()
            states = node.get_state_set()
            count = node.get_child_count()
        except GLib.Error:
            self.errors += 1
            return
        self.nodes += 1
        if name:
            self.names.add(name)
            if states.contains(Atspi.StateType.SHOWING):
                self.showing.add(name)
        if count > 0:
            self.counted.append((node, count))
        for index in range(count):
            try:
                child = node.get_child_at_index(index)
            except GLib.Error:
                self.errors += 1
                continue
            self.walk(child, depth + 1)

    def read_stale(self) -> None:
        for node, count in self.counted:
            try:
                node.get_child_at_index(count - 1)
                self.stale_reads += 1
            except GLib.Error:
                self.errors += 1

    def read_once(self, app: Atspi.Accessible) -> None:
        if self.stale:
            self.read_stale()
        self.counted = []
        app.clear_cache()
        self.walk(app)
        self.walks += 1


def find_application(name: str) -> Atspi.Accessible | None:
    desktop = Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        try:
            if app is not None and app.get_name() == name:
                return app
        except GLib.Error:
            continue
    return None


def still_there(app: Atspi.Accessible) -> bool:
    try:
        app.get_child_count()
        return True
    except GLib.Error:
        return False


def main(argv: list[str]) -> int:
    name, seconds, stale = argv[0], float(argv[1]), "--stale" in argv
    Atspi.init()
    listener = Atspi.EventListener.new(lambda _event: None)
    for event in EVENTS:
        listener.register(event)
    reader = Reader(stale)
    deadline = time.monotonic() + seconds
    app = None
    found = gone = False
    context = GLib.MainContext.default()
    while time.monotonic() < deadline:
        if app is None:
            app = find_application(name)
            if app is None:
                time.sleep(0.05)
                continue
            app.set_cache_mask(Atspi.Cache.NONE)
            found = True
        reader.read_once(app)
        while context.iteration(False):  # deliver the events the application sent
            pass
        if not still_there(app):
            gone = True
            break
    print(json.dumps({"found": found, "gone": gone, "walks": reader.walks, "nodes": reader.nodes,
                      "errors": reader.errors, "stale_reads": reader.stale_reads,
                      "names": sorted(reader.names), "showing": sorted(reader.showing)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
