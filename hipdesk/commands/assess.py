"""`hipdesk assess --answers FILE`: the assessment of an answers file as JSON on stdout, headless."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from hipdesk.answers_file import AnswersFileError, read_answers_file
from hipdesk.content import ContentError, load_questionnaire


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
    json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
