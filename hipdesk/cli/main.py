"""The `hipdesk` command line: options and the headless subcommands. No Qt here (`hipdesk.__main__` starts the window)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from hipdesk import __version__

if TYPE_CHECKING:
    import argparse

#: Subcommand name → the module that adds it (`add_parser(subparsers)`, which sets `run` via `set_defaults`).
COMMANDS = {
    "export-answers": "hipdesk.cli.answers",
    "import-answers": "hipdesk.cli.answers",
    "assess": "hipdesk.cli.assess",
    "report": "hipdesk.cli.report",
    "export-fhir": "hipdesk.cli.fhir",
    "import-activities": "hipdesk.cli.activities",
    "install-desktop": "hipdesk.cli.desktop",
    "import-fhir": "hipdesk.cli.fhir",
    "list": "hipdesk.cli.sessions",
    "check-content": "hipdesk.cli.check",
}
COMMAND_MODULES = sorted(set(COMMANDS.values()))
#: The one-line help of each subcommand, for `hipdesk --help` without importing every subcommand (and reportlab).
#: tests/core/test_cli_startup.py checks that each equals the help its module registers.
COMMAND_HELP = {
    "export-answers": "write a stored session as an answers file",
    "import-answers": "store an answers file as a new session",
    "assess": "print the assessment of an answers file as JSON (triage, red flags, possible causes)",
    "report": "write the PDF report of a session or an answers file",
    "export-fhir": "write a FHIR R4 Bundle (Questionnaire + QuestionnaireResponse)",
    "import-activities": "read watch files (FIT, GPX, TCX) into a session's training answers",
    "import-fhir": "store a FHIR QuestionnaireResponse (for HipDesk's form) as a session",
    "install-desktop": "add HipDesk to the applications menu (freedesktop entry and icons)",
    "list": "list the stored sessions: id, person, date, status, triage",
    "check-content": "check every content file in resources/ (a broken one is named, with the entry and problem)",
}

def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser for `argv`: only the module of the subcommand it names is imported (start-up time).

    When `argv` names none (`--help`, `--version`, a mistake), the commands are listed from COMMAND_HELP and
    none is imported; with no `argv` at all every command is there in full.
    """
    import argparse  # not needed to start the GUI with plain options
    import importlib

    parser = argparse.ArgumentParser(
        prog="hipdesk",
        description="HipDesk: outside hip pain after running. Lists possible causes to discuss; not a diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"hipdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: HIPDESK_DB, else the per-user data folder)")
    parser.add_argument("--smoke", action="store_true", help="start the GUI, show the first page and exit 0")
    parser.add_argument("--kiosk", action="store_true", help="front-desk kiosk mode")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = _named_command(argv) if argv is not None else None
    if argv is None:
        for module in COMMAND_MODULES:
            importlib.import_module(module).add_parser(subparsers)
    elif named is None:  # --help, --version, a mistake: the list of commands is enough, none is run
        for name, module in COMMANDS.items():
            if name in COMMAND_HELP:
                subparsers.add_parser(name, help=COMMAND_HELP[name], add_help=False)
            else:  # a new command not yet in COMMAND_HELP: still listed, at the cost of importing it
                importlib.import_module(module).add_parser(subparsers)
    else:
        importlib.import_module(COMMANDS[named]).add_parser(subparsers)
    return parser


def _named_command(argv: Sequence[str]) -> str | None:
    """The subcommand in `argv` (the first word that is not an option or its value), None when there is none."""
    words = list(argv)
    while words:
        word = words.pop(0)
        if word == "--db":
            words = words[1:]
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _gui_options(argv: Sequence[str]) -> SimpleNamespace | None:
    """The options when every argument is a plain GUI option, else None (then argparse does the work).

    Starting the GUI this way skips building the full parser and importing the subcommands: start-up time.
    """
    options = SimpleNamespace(command=None, db=None, smoke=False, kiosk=False)
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in ("--smoke", "--kiosk"):
            setattr(options, arg[2:], True)
        elif arg == "--db" and rest and not rest[0].startswith("-"):
            options.db = rest.pop(0)
        elif arg.startswith("--db=") and len(arg) > 5:
            options.db = arg[5:]
        else:
            return None
    return options


def parse(argv: Sequence[str] | None = None) -> Any:
    """The options in `argv` (default: sys.argv); plain GUI options are read without argparse (start-up time)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    return _gui_options(argv) or build_parser(argv).parse_args(argv)


#: The window's umask, for the headless commands too: every file and folder they make is for this user only.
PRIVATE_UMASK = 0o077


def run_command(args: Any) -> int:
    """Run the headless subcommand chosen in `args`, with the private umask (the caller's is restored after)."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        return int(args.run(args))
    finally:
        os.umask(previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a headless subcommand (the window is started by `hipdesk.__main__` when none is given)."""
    args = parse(argv)
    if not args.command:
        build_parser(["--help"]).print_usage(sys.stderr)
        print("hipdesk: no command given; run `hipdesk` without one to open the window", file=sys.stderr)
        return 2
    return run_command(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
