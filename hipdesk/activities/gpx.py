"""GPX files (GPS Exchange Format, 1.0 and 1.1): one run per track, its distance summed from the points."""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET

from hipdesk.activities.model import ActivityFileError, Run
from hipdesk.activities.track_math import METRES_PER_DEGREE, Descent, local_name, parse_time
from hipdesk.activities.xml_files import namespace, xml_ends, xml_tree

#: Above this average speed a track that does not name its sport is not taken as a run (cycling, driving).
MAX_UNNAMED_RUN_KMH = 20.0


def is_running_type(name: str) -> bool:
    """True for the activity types watches and apps write for runs ("running", "Run", "trail_running"...)."""
    return "run" in name.lower()


class _Track:
    """What is summed over one <trk> while its points stream by."""

    def __init__(self) -> None:
        self.metres = 0.0
        self.seconds = 0.0
        self.start: dt.datetime | None = None
        self.descent = Descent()
        self._last_point: tuple[float, float] | None = None
        self._cos_lat = 1.0
        self._segment_first: str | None = None
        self._segment_last: str | None = None

    def point(self, lat: float, lon: float, height: float | None, time: str | None) -> None:
        last = self._last_point
        if last is not None:
            # Points a few metres apart: the flat-earth distance differs from the great circle by far less
            # than GPS error, and is several times quicker in Python.
            north, east = lat - last[0], (lon - last[1]) * self._cos_lat
            self.metres += METRES_PER_DEGREE * math.sqrt(north * north + east * east)
        self._cos_lat = math.cos(math.radians(lat))
        self._last_point = (lat, lon)
        if height is not None:
            self.descent.add(height)
        if time:
            if self._segment_first is None:
                self._segment_first = time
            self._segment_last = time

    def end_segment(self) -> None:
        # A gap between segments is a pause: neither its time nor the straight line across it counts.
        first, last = parse_time(self._segment_first), parse_time(self._segment_last)
        if first and last:
            self.start = min(self.start, first) if self.start else first
            self.seconds += max(0.0, (last - first).total_seconds())
        self._last_point = None
        self._segment_first = self._segment_last = None


def _point_values(element: object) -> tuple[float | None, str | None]:
    height: float | None = None
    time: str | None = None
    for child in element:  # type: ignore[attr-defined]
        name = local_name(child.tag)
        if name == "ele":
            height = _height(child.text)
        elif name == "time":
            time = child.text
    return height, time


def _position(point: ET.Element) -> tuple[float, float]:
    try:
        return float(point.attrib["lat"]), float(point.attrib["lon"])
    except (KeyError, ValueError):
        raise ActivityFileError("corrupt", "The GPX file has a track point without a valid position.") from None


def _height(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def read_gpx(data: bytes) -> tuple[list[Run], list[str]]:
    """The runs in a GPX file, and the types of any tracks that are not runs."""
    runs: list[Run] = []
    others: list[str] = []
    root = xml_tree(data, "GPX")
    if root is not None:
        ns = namespace(root)
        for trk in root.iter(f"{ns}trk"):
            track = _Track()
            for segment in trk.iter(f"{ns}trkseg"):
                for point in segment.iter(f"{ns}trkpt"):
                    track.point(*_position(point), _height(point.findtext(f"{ns}ele")), point.findtext(f"{ns}time"))
                track.end_segment()
            _finish_track(track, (trk.findtext(f"{ns}type") or "").strip() or None, runs, others)
    else:
        _stream_gpx(data, runs, others)
    if not runs and not others:
        raise ActivityFileError(
            "no_summary", "The GPX file holds no track with times (a route or a list of places is not a run)."
        )
    return runs, others


def _stream_gpx(data: bytes, runs: list[Run], others: list[str]) -> None:
    """The same as the tree above, element by element, for a file too large to hold at once."""
    track = _Track()
    for element in xml_ends(data, "GPX"):
        name = local_name(element.tag)
        if name == "trkpt":
            track.point(*_position(element), *_point_values(element))
            element.clear()
        elif name == "trkseg":
            track.end_segment()
            element.clear()
        elif name == "trk":
            # Its points are cleared by now, so its own children are only name, type and the like.
            types = [(child.text or "").strip() for child in element if local_name(child.tag) == "type"]
            _finish_track(track, types[0] if types and types[0] else None, runs, others)
            track = _Track()
            element.clear()
        elif name in ("rte", "wpt"):
            element.clear()


def _finish_track(track: _Track, track_type: str | None, runs: list[Run], others: list[str]) -> None:
    if track.start is None:
        return  # a track without times cannot be placed in a week
    note = ""
    if track_type is None:
        hours = track.seconds / 3600
        if hours > 0 and track.metres / 1000 / hours > MAX_UNNAMED_RUN_KMH:
            others.append(f"an activity at {track.metres / 1000 / hours:.0f} km/h (too fast for a run)")
            return
        note = "the file does not name its sport; it was taken as a run"
    elif not is_running_type(track_type):
        others.append(track_type)
        return
    runs.append(
        Run(
            start=track.start if track.start.utcoffset() else track.start.astimezone(),
            distance_km=track.metres / 1000,
            duration_s=track.seconds,
            descent_m=track.descent.value(),
            fmt="gpx",
            sport_note=note,
        )
    )
