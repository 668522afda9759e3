"""Sums taken over a track as it streams by: distance between points, descent, times."""

from __future__ import annotations

import datetime as dt
import math

_EARTH_RADIUS_M = 6_371_008.8
#: Changes in height smaller than this are GPS and barometer noise, not hills (a common dead band).
DESCENT_DEAD_BAND_M = 3.0


def metres_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine): within a fraction of a per cent of the ellipsoid for a run."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


class Descent:
    """Total height lost, counting a change only once it exceeds the dead band (so noise is not a hill)."""

    def __init__(self) -> None:
        self.total = 0.0
        self.seen = False
        self._reference = 0.0

    def add(self, height: float) -> None:
        """Take in the next height (metres)."""
        if not self.seen:
            self.seen, self._reference = True, height
        elif height < self._reference - DESCENT_DEAD_BAND_M:
            self.total += self._reference - height
            self._reference = height
        elif height > self._reference + DESCENT_DEAD_BAND_M:
            self._reference = height

    def value(self) -> float | None:
        """Metres lost, or None when the track has no heights."""
        return self.total if self.seen else None


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO 8601 time stamp as written in GPX and TCX files; a time without a zone is taken as UTC."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def local_name(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rpartition("}")[2]
