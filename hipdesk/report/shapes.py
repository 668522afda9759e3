"""reportlab's drawing shapes, with reportlab's attribute checking off.

reportlab checks every attribute set on a shape against its declared type (`rl_config.shapeChecking`), a help
for someone writing drawings by hand. HipDesk's drawings are made by code that the tests render, and the
checking was about a third of the time the report spent on its charts (some 8,000 checks a report for a person
whose latest 30 sessions are charted), so it is off. Every drawing module imports its shapes from here.
"""

from __future__ import annotations

from reportlab import rl_config

rl_config.shapeChecking = 0  # before reportlab.graphics.shapes is first imported: its classes then skip the check

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, PolyLine, Rect, String  # noqa: E402

__all__ = ["Circle", "Drawing", "Group", "Line", "Path", "PolyLine", "Polygon", "Rect", "String"]
