"""Sums taken over a track as its points go by: descent, times, XML names."""

from __future__ import annotations

import datetime as dt
import math

_EARTH_RADIUS_M = 6_371_008.8
#: One degree of latitude on the mean earth sphere (about 111.2 km).
METRES_PER_DEGREE = _EARTH_RADIUS_M * math.pi / 180
#: Changes in height smaller than this are GPS and barometer noise, not hills (a common dead band).
DESCENT_DEAD_BAND_M = 3.0


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


_LOCAL_NAMES: dict[str, str] = {}


def local_name(tag: str) -> str:
    """An XML tag without its namespace (the few tags of a file repeat, so each is split once)."""
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2]
        if len(_LOCAL_NAMES) < 1000:  # a hostile file with endless distinct tags cannot grow it
            _LOCAL_NAMES[tag] = name
    return name
