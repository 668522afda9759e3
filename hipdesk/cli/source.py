"""What the headless commands share: the store named by --db, and the session (--session ID | --answers FILE)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hipdesk.actions.exports import SessionNotFound, load_stored_session
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import AnswersFileError, read_answers_file
from hipdesk.session import Session
from hipdesk.storage.location import database_path
from hipdesk.storage.store import SessionStore, StoreError


class CommandError(Exception):
    """A headless command cannot go on; the message is printed and the command exits 2."""


def add_source_arguments(parser: Any) -> None:
    """--session ID or --answers FILE (one of them), and -o OUT."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--session", type=int, metavar="ID", help="a stored session (see --db)")
    source.add_argument("--answers", metavar="FILE", help="an answers file (docs/answers-format.md)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (replaced whole)")


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[SessionStore]:
    """The store named by --db / HIPDESK_DB, else the per-user default; closed afterwards."""
    try:
        store = SessionStore(database_path(getattr(args, "db", None)))
    except StoreError as error:
        raise CommandError(str(error)) from None
    try:
        yield store
    except StoreError as error:
        raise CommandError(str(error)) from None
    finally:
        store.close()


def stored_session(store: SessionStore, session_id: int) -> Session:
    """The stored session, or a CommandError saying there is none."""
    try:
        return load_stored_session(store, session_id)
    except SessionNotFound as error:
        raise CommandError(str(error)) from None


@contextmanager
def chosen_session(args: argparse.Namespace, questionnaire: Questionnaire) -> Iterator[tuple[Session, SessionStore | None]]:
    """The session chosen by --answers or --session, with the store it came from (None for an answers file)."""
    if args.answers:
        try:
            session = read_answers_file(questionnaire, Path(args.answers))
        except AnswersFileError as error:
            raise CommandError(str(error)) from None  # the message already names the file
        yield session, None
        return
    with opened_store(args) as store:
        yield stored_session(store, args.session), store
