"""`hipdesk export-fhir --session ID | --answers FILE -o OUT.json`: FHIR R4 Bundle, headless;
`hipdesk import-fhir FILE`: a QuestionnaireResponse from another FHIR form client as a new session.

The export is one `collection` Bundle with the Questionnaire and the QuestionnaireResponse, so a
receiver has the questions beside the answers.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hipdesk.actions.exports import fhir_bytes, save_export
from hipdesk.actions.imports import import_fhir_file
from hipdesk.cli.source import CommandError, add_db_argument, add_source_arguments, chosen_session, run_import_command
from hipdesk.content.loader import ContentError
from hipdesk.content.questionnaire import load_questionnaire
from hipdesk.exchange.fhir import FhirExportError
from hipdesk.exchange.safe_write import ExportError


def add_parser(subparsers: Any) -> None:
    """Register `hipdesk export-fhir`."""
    parser = subparsers.add_parser("export-fhir", help="write a FHIR R4 Bundle (Questionnaire + QuestionnaireResponse)")
    add_source_arguments(parser)
    parser.set_defaults(run=run)
    imp = subparsers.add_parser("import-fhir", help="store a FHIR QuestionnaireResponse (for HipDesk's form) as a session")
    imp.add_argument("file", metavar="FILE", help="a QuestionnaireResponse, or a Bundle holding one (JSON)")
    imp.add_argument("--again", action="store_true", help="store it even when the same answers are stored already")
    add_db_argument(imp)
    imp.set_defaults(run=run_import)


def run(args: argparse.Namespace) -> int:
    """Write the Bundle; exit 2 with a message (and nothing half-written) on any problem."""
    try:
        questionnaire = load_questionnaire()
        with chosen_session(args, questionnaire) as (session, _store):
            data = fhir_bytes(questionnaire, session)
        save_export(args.output, data)
    except (CommandError, ContentError, ExportError, FhirExportError) as error:
        print(f"hipdesk: {error}", file=sys.stderr)
        return 2
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import one QuestionnaireResponse as a new session; prints the new id. Checked as an answers file is."""
    return run_import_command(args, import_fhir_file, args.file)
