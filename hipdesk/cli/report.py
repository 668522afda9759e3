"""`hipdesk report --session ID | --answers FILE -o OUT.pdf`: the PDF report, headless."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hipdesk.actions.exports import report_bytes, save_export
from hipdesk.cli.source import CommandError, add_source_arguments, chosen_session
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.safe_write import ExportError
from hipdesk.report.export import AssessFn


def add_parser(subparsers: Any) -> None:
    """Register `hipdesk report`."""
    parser = subparsers.add_parser("report", help="write the PDF report of a session or an answers file")
    add_source_arguments(parser)
    parser.add_argument("--page-size", choices=["A4", "Letter"], default=None,
                        help="paper size (default: the app's setting, else A4)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, assess: AssessFn | None = None) -> int:
    """Write the report; exit 2 with a message (and no file, no temporary left) on any problem.

    `assess` is the assessment function; None means the engine's (tests pass their own).
    """
    try:
        questionnaire = load_questionnaire()
        with chosen_session(args, questionnaire) as (session, store):
            data = report_bytes(questionnaire, session, store, page_size=args.page_size, assess=assess)
        save_export(args.output, data)
    except (CommandError, ContentError, ExportError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    return 0
