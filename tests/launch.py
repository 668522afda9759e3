"""Runs `hipdesk` as the product does, with test-only set-up the product must not carry.

    python tests/launch.py [--resources DIR] -- HIPDESK-ARGUMENTS...

--resources DIR  read the content files from DIR instead of resources/ (to break one on purpose).
--script FILE    drive the main window through its widgets from FILE (tests/ui/scripted.py; the crash test).
--switch-kiosk N switch kiosk screens N times (tests/ui/kiosk_switches.py), one every --switch-ms ms (the staff
                 view stays 700 ms), print "switched N kiosk screens" and quit (the AT-SPI test reads the tree meanwhile).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """Apply the test set-up, then hand the remaining arguments to hipdesk's own `main`."""
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(prog="tests/launch.py")
    parser.add_argument("--resources", type=Path)
    parser.add_argument("--script", type=Path)
    parser.add_argument("--switch-kiosk", type=int, default=0)
    parser.add_argument("--switch-ms", type=int, default=100)
    options = parser.parse_args(argv[:split])
    if options.switch_kiosk:
        _switch_kiosk_screens(options.switch_kiosk, options.switch_ms)
    if options.resources:
        import hipdesk.content.resources as resources

        folder = options.resources.resolve()
        resources.resources_dir = lambda: folder  # every reader finds the folder through this one function
    if options.script:
        _drive_main_window(options.script.resolve())
        from hipdesk.cli.main import build_parser

        # As the app's former hidden --script option did: it went through the full argument parser, which
        # loads every command's modules before the window; the crash test's kill timing is tuned to that.
        build_parser()
    from hipdesk.__main__ import main as hipdesk_main

    return hipdesk_main(argv[split + 1 :])


def _drive_main_window(script: Path) -> None:
    """Start the scripted driver as soon as the main window is shown (as a person would start typing)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's tests/, not another package's
    from hipdesk.ui.main_window import MainWindow
    from tests.ui.scripted import run_script

    show = MainWindow.show

    def show_and_drive(window: MainWindow) -> None:
        show(window)
        run_script(window, script)

    MainWindow.show = show_and_drive  # type: ignore[method-assign]


def _switch_kiosk_screens(count: int, interval_ms: int) -> None:
    """Once the kiosk is on screen: choose the PIN, then switch screens `count` times, then quit the app."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hipdesk.storage import staff_pin
    from hipdesk.ui.kiosk.window import KioskWindow
    from tests.ui.kiosk_switches import choose_pin, kiosk_switches

    staff_pin.SCRYPT_N = 2**10  # a cheap hash: the test is about the screens, not the PIN's cost
    show = KioskWindow.showFullScreen

    def show_and_switch(window: KioskWindow) -> None:
        show(window)
        steps = kiosk_switches(window)
        done = [0]

        def step() -> None:
            if done[0] == 0:
                choose_pin(window)
            name, action = steps[done[0] % len(steps)]
            action()
            done[0] += 1
            if done[0] < count:
                # The staff view stays a little longer: long enough for one whole read of the tree to find it shown.
                QTimer.singleShot(max(interval_ms, 700) if window.screen_name() == "staffView" else interval_ms, step)
            else:
                print(f"switched {done[0]} kiosk screens; last: {name}; now: {window.current_page_id()}", flush=True)
                QTimer.singleShot(interval_ms, lambda: QApplication.instance().exit(0))

        QTimer.singleShot(interval_ms, step)

    KioskWindow.showFullScreen = show_and_switch  # type: ignore[method-assign]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
