"""`hipdesk export-answers` and `hipdesk import-answers`: the JSON answers file, headless."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hipdesk.actions.exports import answers_bytes, save_export
from hipdesk.actions.imports import import_answers_file
from hipdesk.cli.source import CommandError, add_db_argument, opened_store, run_import_command, stored_session
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.safe_write import ExportError


def add_parser(subparsers: Any) -> None:
    """Register both subcommands."""
    export = subparsers.add_parser("export-answers", help="write a stored session as an answers file")
    export.add_argument("--session", type=int, required=True, metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    add_db_argument(export)
    export.set_defaults(run=run_export)
    imp = subparsers.add_parser("import-answers", help="store an answers file as a new session")
    imp.add_argument("--answers", required=True, metavar="FILE")
    imp.add_argument("--again", action="store_true", help="store it even when the same answers are stored already")
    add_db_argument(imp)
    imp.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    """Export one session."""
    try:
        questionnaire = load_questionnaire()
        with opened_store(args) as store:
            data = answers_bytes(questionnaire, stored_session(store, args.session))
        save_export(args.output, data)
    except (CommandError, ContentError, ExportError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import one answers file as a new session; prints the new id."""
    return run_import_command(args, import_answers_file, args.answers)
