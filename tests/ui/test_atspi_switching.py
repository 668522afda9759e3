"""A real screen-reader client reads the kiosk over AT-SPI while it switches screens; HipDesk must not crash.

The set-up a Linux desktop has: an X server (Xvfb), a D-Bus session bus, the AT-SPI bus and registry
(started by D-Bus when Qt asks for them), HipDesk started as the product starts (tests/launch.py ->
hipdesk --kiosk, xcb platform, Qt's AT-SPI bridge on), and a client in another process with the system
Python's libatspi (tests/ui/atspi_client.py) walking the whole tree with its cache off. Before the fix
HipDesk died with SIGSEGV in QAccessibleCache::idForObject within seconds (a scroll area of the screen
just hidden was asked for a child it no longer had; see hipdesk/ui/accessibility.py).
scripts/system-deps.sh installs what this needs (xvfb, dbus, at-spi2-core, python3-gi, gir1.2-atspi-2.0).
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "tests" / "ui" / "atspi_client.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SWITCHES = 40
#: Names only the staff view has; the client must have read them while that screen was showing.
STAFF_NAMES = {"Staff view", "Leave kiosk mode", "Save PDF report…", "Open examination checklist"}

pytestmark = pytest.mark.slow


def _missing() -> str | None:
    for tool in ("Xvfb", "dbus-daemon"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (scripts/system-deps.sh installs it as root)"
    if not BUS_LAUNCHER.exists():
        return "at-spi2-core (the AT-SPI bus launcher) is not installed"
    binding = "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", binding], capture_output=True, timeout=30)
    if probe.returncode != 0:
        return "the system Python has no libatspi binding (python3-gi, gir1.2-atspi-2.0)"
    return None


def _read_line(stream, seconds: float) -> str:
    ready, _, _ = select.select([stream], [], [], seconds)
    if not ready:
        raise RuntimeError("no answer in time")
    return stream.readline().decode().strip()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X display and a D-Bus session bus of this test's own; the environment that reaches them."""
    missing = _missing()
    if missing:
        pytest.skip(f"cannot set up a real AT-SPI desktop: {missing}")
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    bus = None
    try:
        display = _read_line(xvfb.stdout, 20)
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        address = _read_line(bus.stdout, 20)
        runtime = tmp_path / "runtime"
        runtime.mkdir(mode=0o700)
        env = dict(os.environ, DISPLAY=f":{display}", DBUS_SESSION_BUS_ADDRESS=address, XDG_RUNTIME_DIR=str(runtime),
                   QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", NO_AT_BRIDGE="0")
        env.pop("WAYLAND_DISPLAY", None)
        yield env
    finally:
        for process in (bus, xvfb):
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
                if process.stdout is not None:
                    process.stdout.close()


def test_a_screen_reader_reads_the_kiosk_while_it_switches_screens(desktop: dict[str, str], tmp_path: Path) -> None:
    client = subprocess.Popen([SYSTEM_PYTHON, str(CLIENT), "HipDesk", "90", "--stale"], env=desktop,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    app_env = dict(desktop, HIPDESK_DB=str(tmp_path / "kiosk.db"), PYTHONFAULTHANDLER="1")
    try:
        app = subprocess.run([sys.executable, "tests/launch.py", "--switch-kiosk", str(SWITCHES), "--switch-ms", "150",
                              "--", "--kiosk"], cwd=ROOT, env=app_env, capture_output=True, text=True, timeout=120)
        read, client_errors = client.communicate(timeout=60)
    finally:
        client.kill()
    assert app.returncode == 0, f"HipDesk died (exit {app.returncode}) while the tree was read:\n{app.stderr[-3000:]}"
    assert re.search(rf"switched {SWITCHES} kiosk screens", app.stdout), app.stdout
    result = json.loads(read.strip().splitlines()[-1]) if read.strip() else {}
    assert result.get("found"), f"the client never found HipDesk on the accessibility bus: {client_errors[-2000:]}"
    assert result["walks"] >= 5 and result["nodes"] >= 500, result
    assert result["stale_reads"] > 0, result
    assert set(result["showing"]) >= STAFF_NAMES, sorted(STAFF_NAMES - set(result["showing"]))
