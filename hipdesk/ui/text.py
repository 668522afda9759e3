"""Small text helpers for Qt rich-text labels."""

from __future__ import annotations


def escape(text: str) -> str:
    """Plain text for a rich-text label: like html.escape, without importing html at start-up."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
