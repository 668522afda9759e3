"""Time stamps as stored: local time, ISO 8601, to the second.

A module of its own so that the store can stamp rows without importing the session model: its dataclasses
(and `dataclasses` itself, which start-up does not otherwise need) cost ~19 M instructions, ~5 ms.
"""

from __future__ import annotations

import datetime as dt


def now_iso() -> str:
    """Current local time as an ISO string with seconds."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
