"""`hipdesk install-desktop`: put HipDesk in the desktop's applications menu, with its icon (this user only)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("install-desktop", help="add HipDesk to the applications menu (freedesktop entry and icons)")
    parser.add_argument("--prefix", metavar="DIR", help="data folder to install into (default: XDG_DATA_HOME or ~/.local/share)")
    parser.set_defaults(run=run_install)


def run_install(args: argparse.Namespace) -> int:
    """Install the entry; exit 1 with a message when the folder cannot be written."""
    from hipdesk.actions.desktop import install_desktop_entry

    try:
        written = install_desktop_entry(Path(args.prefix) if args.prefix else None)
    except OSError as error:
        print(f"hipdesk: cannot install the menu entry: {error}", file=sys.stderr)
        return 1
    print(f"installed {written[0]} and {len(written) - 1} icon files")
    return 0
