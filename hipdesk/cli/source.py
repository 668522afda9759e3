"""What the headless commands share: the store named by --db, and the session (--session ID | --answers FILE)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hipdesk.actions.exports import SessionNotFound, load_stored_session
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.exchange.answers_file import AnswersFileError, read_answers_file
from hipdesk.session import Session
from hipdesk.storage.location import database_path
from hipdesk.storage.recovery import damage_found, open_for_command, read_failure
from hipdesk.storage.store import SessionStore, StoreError


class CommandError(Exception):
    """A headless command cannot go on; the message is printed and the command exits 2."""


def add_source_arguments(parser: Any) -> None:
    """--session ID or --answers FILE (one of them), and -o OUT."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--session", type=int, metavar="ID", help="a stored session (see --db)")
    source.add_argument("--answers", metavar="FILE", help="an answers file (docs/answers-format.md)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (replaced whole)")
    add_db_argument(parser)


def add_db_argument(parser: Any) -> None:
    """--db on a subcommand too (`hipdesk report --db X …`); when left out there, the one before it holds."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: HIPDESK_DB, else the per-user data folder)")


@contextmanager
def opened_store(args: argparse.Namespace, *, writing: bool = False) -> Iterator[SessionStore]:
    """The store named by --db / HIPDESK_DB, else the per-user default; closed afterwards.

    Reading commands get a read-only connection; a damaged file is never written, checkpointed or
    truncated (see `open_for_command`), and damage met while reading is named as damage.
    """
    path = database_path(getattr(args, "db", None))
    try:
        store = open_for_command(path, writing=writing)
    except StoreError as error:
        raise CommandError(str(error)) from None
    try:
        yield store
    except StoreError as error:
        raise CommandError(str(error)) from None
    except sqlite3.DatabaseError as error:
        raise CommandError(str(read_failure(path, error))) from None
    finally:
        store.close()


def stored_session(store: SessionStore, session_id: int) -> Session:
    """The stored session, or a CommandError saying there is none (or that the file is damaged)."""
    try:
        return load_stored_session(store, session_id)
    except SessionNotFound as error:
        # Damage can hide a row as well as break a read: tell the two apart before saying "no such session".
        problem = store.quick_check()
        if problem != "ok":
            raise CommandError(str(damage_found(store.path, RuntimeError(problem)))) from None
        raise CommandError(f"{error} in {store.path} (`hipdesk list` shows the stored sessions)") from None


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


def run_import_command(args: argparse.Namespace, importer: Callable[..., int], path: str) -> int:
    """Store one file as a new session with `importer` (answers file or FHIR); print the new id. Exit 2 on a problem."""
    from hipdesk.actions.imports import AlreadyStored
    from hipdesk.content.loader import ContentError
    from hipdesk.content.questionnaire import load_questionnaire
    from hipdesk.exchange.answers_file import AnswersFileError

    try:
        questionnaire = load_questionnaire()
        with opened_store(args, writing=True) as store:
            new_id = importer(store, questionnaire, path, again=args.again)
    except AlreadyStored as error:
        print(f"hipdesk: {error} Nothing was stored; add --again to store a second copy.", file=sys.stderr)
        return 2
    except (AnswersFileError, CommandError, ContentError, StoreError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    print(new_id)
    return 0
