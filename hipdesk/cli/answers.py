"""`hipdesk export-answers` and `hipdesk import-answers`: the JSON answers file, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hipdesk.content.branching import skipped_items
from hipdesk.content.questionnaire import ContentError, load_questionnaire
from hipdesk.exchange.answers_file import AnswersFileError, dumps, read_answers_file
from hipdesk.exchange.safe_write import ExportError, write_private_atomic
from hipdesk.storage.store import SessionStore, StoreError, default_db_path


def add_parser(subparsers: Any) -> None:
    """Register both subcommands."""
    export = subparsers.add_parser("export-answers", help="write a stored session as an answers file")
    export.add_argument("--session", type=int, required=True, metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.set_defaults(run=run_export)
    imp = subparsers.add_parser("import-answers", help="store an answers file as a new session")
    imp.add_argument("--answers", required=True, metavar="FILE")
    imp.set_defaults(run=run_import)


def _open_store(args: argparse.Namespace) -> SessionStore:
    from hipdesk.cli.main import db_path_from

    return SessionStore(db_path_from(args) or default_db_path())


def run_export(args: argparse.Namespace) -> int:
    """Export one session."""
    try:
        questionnaire = load_questionnaire()
        store = _open_store(args)
        try:
            session = store.load_session(args.session)
        finally:
            store.close()
        write_private_atomic(Path(args.output), dumps(questionnaire, session))
    except KeyError:
        print(f"hipdesk: no session with id {args.session}", file=sys.stderr)
        return 2
    except (ContentError, StoreError, ExportError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import one answers file as a new session; prints the new id."""
    try:
        questionnaire = load_questionnaire()
        session = read_answers_file(questionnaire, Path(args.answers))
        store = _open_store(args)
        try:
            new_id = store.save_whole_session(session, skipped_items(questionnaire, session.answers))
        finally:
            store.close()
    except (AnswersFileError, ContentError, StoreError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    print(new_id)
    return 0
