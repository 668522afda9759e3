"""`hipdesk check-content`: check every content file in resources/, headless (for whoever edits the content)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from hipdesk.actions.content_check import check_all_content
from hipdesk.content.loader import ContentError


def add_parser(subparsers: Any) -> None:
    """Register `hipdesk check-content`."""
    parser = subparsers.add_parser(
        "check-content", help="check every content file in resources/ (a broken one is named, with the entry and problem)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the content; exit 2 with the message naming file, entry and problem, else list what was checked."""
    try:
        checked = check_all_content()
    except ContentError as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    lines = [f"{len(checked)} content files checked, none broken:", *(f"  {path}" for path in checked)]
    try:
        print("\n".join(lines), flush=True)
    except BrokenPipeError:  # piped into `head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter quiet at exit
    return 0
