"""`hipdesk import-activities PATH... [--session ID]`: watch files into a session, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hipdesk.actions.activities import ImportResult, import_activities
from hipdesk.actions.editing import SessionEditor
from hipdesk.actions.sessions import start_session
from hipdesk.activities.load import MARKED_RISE_PCT, weekly_change_pct
from hipdesk.activities.reader import FileOutcome
from hipdesk.cli.source import CommandError, add_db_argument, opened_store, stored_session
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.storage.store import StoreError

_ITEM_NAMES = {
    "weekly_distance": "usual weekly distance (the two weeks before)",
    "recent_weekly_distance": "weekly distance, last two weeks",
    "longest_run": "longest run, last four weeks",
}


def add_parser(subparsers: Any) -> None:
    """Register the subcommand."""
    command = subparsers.add_parser(
        "import-activities",
        help="read watch files (FIT, GPX, TCX) into a session's training answers",
        description="Reads runs from FIT, GPX and TCX files or folders and fills the training answers of a session "
        "(a new one unless --session is given). Only derived numbers are stored, never the GPS track.",
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder (searched with its sub-folders)")
    command.add_argument("--session", type=int, metavar="ID", help="the session to fill (default: a new draft session)")
    add_db_argument(command)
    command.set_defaults(run=run_import_activities)


def _file_line(outcome: FileOutcome) -> str:
    if outcome.problem is not None:
        return f"  not used  {outcome.path}: {outcome.problem.message}"
    runs = ", ".join(f"{run.start:%Y-%m-%d} {run.distance_km:.1f} km" for run in outcome.runs)
    return f"  read      {outcome.path}: {runs}" + (f" ({outcome.note})" if outcome.note else "")


def _summary(result: ImportResult, unit: str) -> list[str]:
    record = result.record
    lines = [f"Weekly distance, the 8 weeks to {record.as_of:%Y-%m-%d} (km, oldest first):"]
    lines.append("  " + "  ".join(f"{km:.1f}" for km in record.weeks_km))
    change = weekly_change_pct(record.before_weekly_km, record.recent_weekly_km)
    if change is not None:
        lines.append(f"Last two weeks against the two before: {change:+.0f} %")
        if change > MARKED_RISE_PCT:
            lines.append("  A rise of more than 30 % over two weeks may raise the risk of distance-related injuries.")
    if record.descent_m_per_km is not None:
        lines.append(f"Descent: {record.descent_m_per_km:.0f} m per km run")
    for item_id, value in result.filled.items():
        lines.append(f"Filled: {_ITEM_NAMES[item_id]} = {value:g} {unit} (from your watch files)")
    for item_id, why in result.not_filled.items():
        lines.append(f"Not filled: {_ITEM_NAMES[item_id]}: {why}")
    if result.duplicates:
        lines.append(f"{result.duplicates} run(s) were in more than one file and count once.")
    return lines


def run_import_activities(args: argparse.Namespace) -> int:
    """Import the files; prints one line per file and what was filled. Exit 1 when no file gave a run."""
    try:
        questionnaire = load_questionnaire()
        with opened_store(args, writing=True) as store:
            if args.session is None:
                editor = start_session(store, questionnaire)
            else:
                editor = SessionEditor(store, questionnaire, stored_session(store, args.session))
            read, result = import_activities(editor, [Path(p) for p in args.paths])
    except (CommandError, ContentError, StoreError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    print(f"Session {editor.session_id}: {len(read.outcomes)} file(s) read, {len(read.refused)} not used.")
    for outcome in read.outcomes:
        print(_file_line(outcome))
    if result is None:
        print("No run was found in these files; nothing was stored.", file=sys.stderr)
        return 1
    print("\n".join(_summary(result, editor.distance_unit())))
    return 0
