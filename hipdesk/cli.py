"""The `hipdesk` command line. Headless subcommands never import Qt; without one, the GUI starts."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hipdesk import __version__

#: Modules that each add subcommands: `add_parser(subparsers)`, which sets `run` through `set_defaults`.
COMMAND_MODULES = [
    "hipdesk.commands.answers",
    "hipdesk.commands.assess",
    "hipdesk.commands.report",
    "hipdesk.commands.fhir",
]

EXIT_USAGE = 2


def db_path_from(args: argparse.Namespace) -> Path | None:
    """The database chosen by --db or HIPDESK_DB, or None for the per-user default."""
    chosen = getattr(args, "db", None) or os.environ.get("HIPDESK_DB")
    return Path(chosen).expanduser() if chosen else None


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser; subcommand modules are imported only when a subcommand may be asked for."""
    parser = argparse.ArgumentParser(
        prog="hipdesk",
        description="HipDesk: outside hip pain after running. Lists possible causes to discuss; not a diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"hipdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: HIPDESK_DB, else the per-user data folder)")
    parser.add_argument("--smoke", action="store_true", help="start the GUI, show the first page and exit 0")
    parser.add_argument("--kiosk", action="store_true", help="front-desk kiosk mode")
    # Test hook (crash test): answer questions from a JSON file through the real widgets. Not for users.
    parser.add_argument("--script", metavar="FILE", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if with_commands:
        for name in COMMAND_MODULES:
            importlib.import_module(name).add_parser(subparsers)
    return parser


def _wants_command(argv: Sequence[str]) -> bool:
    """True unless every argument is a GUI option: the GUI starts without importing the subcommands."""
    gui_flags = {"--smoke", "--kiosk"}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db":
            if not rest:
                return True
            rest.pop(0)
        elif not (arg in gui_flags or arg.startswith("--db=")):
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless subcommand, or the GUI when none is given."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(with_commands=_wants_command(argv))
    args = parser.parse_args(argv)
    if args.command:
        return int(args.run(args))
    from hipdesk.app import run_gui  # Qt is imported only here, for the GUI

    return run_gui(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
