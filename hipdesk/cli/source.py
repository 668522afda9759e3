"""What the `report` and `export-fhir` commands share: pick a session (--session ID | --answers FILE)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import AnswersFileError, read_answers_file
from hipdesk.library.trends import report_trend
from hipdesk.session import Session
from hipdesk.storage.store import SessionStore, StoreError, default_db_path


class CommandError(Exception):
    """A headless command cannot go on; the message is printed and the command exits 2."""


def add_source_arguments(parser: Any) -> None:
    """--session ID or --answers FILE (one of them), and -o OUT."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--session", type=int, metavar="ID", help="a stored session (see --db)")
    source.add_argument("--answers", metavar="FILE", help="an answers file (docs/answers-format.md)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (replaced whole)")


def open_store(args: argparse.Namespace) -> SessionStore:
    """The store named by --db / HIPDESK_DB, else the per-user default."""
    from hipdesk.cli.main import db_path_from

    return SessionStore(db_path_from(args) or default_db_path())


def load_source(args: argparse.Namespace, questionnaire: Questionnaire) -> tuple[Session, dict[str, Any]]:
    """The chosen session, and the settings of the store it came from ({} for an answers file)."""
    if args.answers:
        try:
            return read_answers_file(questionnaire, Path(args.answers)), {}
        except AnswersFileError as error:
            raise CommandError(str(error)) from None  # the message already names the file
    try:
        store = open_store(args)
    except StoreError as error:
        raise CommandError(str(error)) from None
    try:
        session = store.load_session(args.session)
        # What the store knows beyond the session: the paper-size setting and the person's trend.
        settings = {"report.page_size": store.get_setting("report.page_size"),
                    "trend": report_trend(store, questionnaire, session)}
    except KeyError:
        raise CommandError(f"no session with id {args.session}") from None
    except StoreError as error:
        raise CommandError(str(error)) from None
    finally:
        store.close()
    return session, settings
