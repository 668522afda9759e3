"""`hipdesk export-fhir --session ID | --answers FILE -o OUT.json`: FHIR R4 Bundle, headless.

The file is one `collection` Bundle with the Questionnaire and the QuestionnaireResponse, so a
receiver has the questions beside the answers.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hipdesk.actions.exports import fhir_bytes, save_export
from hipdesk.cli.source import CommandError, add_source_arguments, chosen_session
from hipdesk.content.questionnaire import ContentError, load_questionnaire
from hipdesk.exchange.fhir import FhirExportError
from hipdesk.exchange.safe_write import ExportError


def add_parser(subparsers: Any) -> None:
    """Register `hipdesk export-fhir`."""
    parser = subparsers.add_parser("export-fhir", help="write a FHIR R4 Bundle (Questionnaire + QuestionnaireResponse)")
    add_source_arguments(parser)
    parser.set_defaults(run=run)


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
