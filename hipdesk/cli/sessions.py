"""`hipdesk list`: the stored sessions (id, person, date, status, triage), newest first; never writes."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from hipdesk.actions.listing import list_sessions
from hipdesk.cli.source import CommandError, add_db_argument, opened_store
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.content.validation import shown_value


def add_parser(subparsers: Any) -> None:
    """Register `hipdesk list`."""
    parser = subparsers.add_parser("list", help="list the stored sessions: id, person, date, status, triage")
    parser.add_argument("search", nargs="?", default="", help="only sessions whose person's name contains this")
    parser.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    parser.add_argument("--limit", type=int, default=100, metavar="N", help="at most N sessions (default 100)")
    add_db_argument(parser)
    parser.set_defaults(run=run_list)


def run_list(args: argparse.Namespace) -> int:
    """Print the list; exit 2 with a message when the database cannot be read."""
    from hipdesk.assessment.engine import assess

    try:
        questionnaire = load_questionnaire()
        with opened_store(args) as store:
            listed, stale = list_sessions(store, questionnaire, args.search, max(1, args.limit), assess)
    except (CommandError, ContentError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    if args.json:
        text = json.dumps([line.to_json() for line in listed], ensure_ascii=False, indent=2)
    elif not listed:
        text = "No sessions match." if args.search else "No sessions are stored yet."
    else:
        width = max(len(line.person) for line in listed)
        width = min(max(width, len("person")), 40)
        lines = [f"{'id':>6}  {'person':<{width}}  {'date':<16}  {'status':<8}  triage"]
        for line in listed:
            person = shown_value(line.person, width)  # control and bidi characters shown, not obeyed
            lines.append(f"{line.id:>6}  {person:<{width}}  {line.date:<16}  {line.status:<8}  {line.triage or '–'}")
        text = "\n".join(lines)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0
