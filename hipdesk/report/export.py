"""Making and saving the report for one session: shared by the `report` command and the app."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from hipdesk.assessment import engine_assess
from hipdesk.assessment.model import Assessment
from hipdesk.content.questionnaire import Questionnaire
from hipdesk.session import Session

if TYPE_CHECKING:
    from hipdesk.library.trends import PersonTrend

#: The paper sizes (the renderer's PAGE_SIZES keys); spelt here so that this module loads without reportlab.
PageSize = Literal["A4", "Letter"]

AssessFn = Callable[[Questionnaire, Session], Assessment]


def page_size_from(value: Any) -> PageSize:
    """A valid paper size from a setting or flag; anything else means A4."""
    return "Letter" if value == "Letter" else "A4"


def report_pdf(
    questionnaire: Questionnaire,
    session: Session,
    assess: AssessFn | None = None,
    page_size: PageSize = "A4",
    trend: PersonTrend | None = None,
    **options: Any,
) -> bytes:
    """Assess the session and render its report to PDF bytes (with the person's trend when given)."""
    from hipdesk.report.body_figure import figure_drawing  # reportlab: loaded on first report
    from hipdesk.report.renderer import PAGE_SIZES, ReportRenderer

    assessment = (assess or engine_assess())(questionnaire, session)
    options.setdefault("figure", figure_drawing)
    renderer = ReportRenderer(questionnaire, page_size=page_size if page_size in PAGE_SIZES else "A4", **options)
    return renderer.render(session, assessment, trend)


def default_file_name(session: Session, suffix: str, today: dt.date | None = None) -> str:
    """`HipDesk-<name or label>-<date><suffix>`, safe on every file system.

    Only letters, digits, spaces and `-_.` of the name are kept (no path separators, control or bidi
    characters); the date is the session's own only when it is a real date, else today's.
    """
    name = str(session.answers.get("name", "")).strip()
    safe = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] in "LN"
                   or unicodedata.category(ch) == "Zs" or ch in "-_.")
    safe = re.sub(r"[\s.]+", "-", safe).strip("-_")[:40]
    date = _session_date(session) or (today or dt.date.today()).isoformat()
    parts = ["HipDesk", safe, date] if safe else ["HipDesk", f"session-{session.id}" if session.id else "", date]
    return "-".join(part for part in parts if part) + suffix


def _session_date(session: Session) -> str | None:
    """YYYY-MM-DD of when the session was finished (else started), or None when that is not a real date."""
    stamp = session.finished_at or session.created_at or ""
    try:
        return dt.date.fromisoformat(stamp[:10]).isoformat() if stamp[:10].isascii() else None
    except ValueError:
        return None
