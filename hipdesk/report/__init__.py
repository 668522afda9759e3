"""The PDF report for the doctor (reportlab, no Qt).

The names below load reportlab on first use only (PEP 562), so that importing a light module of this
package (export's file names) does not import the PDF stack on the way to the summary page.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hipdesk.report.renderer import PAGE_SIZES, FigureHook, PageSize, ReportRenderer, render_report

# `markup` is not re-exported here: the submodule of that name would shadow it (import hipdesk.report.markup).
__all__ = ["PAGE_SIZES", "FigureHook", "PageSize", "ReportRenderer", "render_report"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("hipdesk.report.renderer"), name)
    raise AttributeError(f"module 'hipdesk.report' has no attribute {name!r}")
