"""The PDF report for the doctor (reportlab, no Qt)."""

from hipdesk.report.markup import markup
from hipdesk.report.renderer import PAGE_SIZES, FigureHook, PageSize, ReportRenderer, default_figure, render_report

__all__ = ["PAGE_SIZES", "FigureHook", "PageSize", "ReportRenderer", "default_figure", "markup", "render_report"]
