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
    from hipdesk.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
