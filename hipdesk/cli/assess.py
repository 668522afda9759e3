"""`hipdesk assess --answers FILE`: the assessment of an answers file as JSON on stdout, headless."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.answers_file import AnswersFileError, read_answers_file


def add_parser(subparsers: Any) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser(
        "assess", help="print the assessment of an answers file as JSON (triage, red flags, possible causes)"
    )
    parser.add_argument("--answers", required=True, metavar="FILE", help="a HipDesk answers file (JSON)")
    parser.set_defaults(run=run_assess)


def run_assess(args: argparse.Namespace) -> int:
    """Assess one answers file; exit 2 with a message on stderr when the file or the rules cannot be used."""
    from hipdesk.assessment.engine import assess

    try:
        questionnaire = load_questionnaire()
        session = read_answers_file(questionnaire, Path(args.answers))
        result = assess(questionnaire, session)
    except (AnswersFileError, ContentError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    # UTF-8 bytes whatever the console's encoding, so dashes and accents never fail on output.
    data = json.dumps(result.to_json(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter quiet at exit
    return 0
