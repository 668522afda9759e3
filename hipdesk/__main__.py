"""`python -m hipdesk` and the `hipdesk` entry point: a headless subcommand, or the window when none is given."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen subcommand; without one, start the GUI (the only path that imports Qt)."""
    from hipdesk.cli.main import parse, run_command

    args = parse(argv)
    if args.command:
        return run_command(args)
    import gc

    # Start-up builds only long-lived objects (modules, classes, content, the window): collecting garbage
    # while it runs finds none and cost ~20 ms. The window freezes what start-up built and turns collection
    # back on once the first page is up (hipdesk.ui.app.first_page_shown).
    gc.disable()
    try:
        from hipdesk.ui.app import run_gui

        return run_gui(args)
    finally:
        gc.enable()  # also when start-up ended early (a message, no window)


if __name__ == "__main__":
    sys.exit(main())
